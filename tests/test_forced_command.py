"""The deploy key on a real OpenSSH server (Debian's sshd on a free port of 127.0.0.1), installed
as docs/deploy.md tells the shop's administrator: `command="policy-deploy TARGET",restrict`.
deploy/release and deploy/rollback work through it; a shell, any other command, another path,
a download, sftp, scp and an upload without the lock are refused."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, require_tool
from tools.nginx import free_port

pytestmark = pytest.mark.server

SSHD = "/usr/sbin/sshd"
SERVER = ROOT / "deploy" / "server" / "policy-deploy"
RELEASE, ROLLBACK = ROOT / "deploy" / "release", ROOT / "deploy" / "rollback"


class Server:
    """sshd in the foreground with a configuration of its own, a host key and one deploy key."""

    def __init__(self, folder: Path, target: Path):
        self.folder, self.target, self.port = folder, target, free_port()
        self.user = subprocess.run(["id", "-un"], capture_output=True, text=True, check=True, timeout=10).stdout.strip()
        for name in ("host", "deploy"):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(folder / name)], check=True,
                           timeout=30)
        deploy_key = (folder / "deploy.pub").read_text().strip()
        (folder / "authorized_keys").write_text(f'command="{SERVER} {target}",restrict {deploy_key}\n')
        host_key = (folder / "host.pub").read_text().split()
        (folder / "known_hosts").write_text(f"[127.0.0.1]:{self.port} {host_key[0]} {host_key[1]}\n")
        (folder / "sshd_config").write_text(
            f"Port {self.port}\nListenAddress 127.0.0.1\nHostKey {folder / 'host'}\nPidFile none\n"
            f"AuthorizedKeysFile {folder / 'authorized_keys'}\nAuthenticationMethods publickey\n"
            "PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\n"
            "PermitRootLogin prohibit-password\nSubsystem sftp internal-sftp\nLogLevel ERROR\n")
        self.log = folder / "sshd.log"
        with self.log.open("w") as log:  # a file, which a failed wait reads without blocking
            self.process = subprocess.Popen([SSHD, "-D", "-e", "-f", str(folder / "sshd_config")],
                                            stdout=log, stderr=subprocess.STDOUT)

    @property
    def shell(self) -> str:
        """RSYNC_RSH for the deploy key, as the deploy job sets it: the host key verified."""
        return (f"ssh -p {self.port} -i {self.folder / 'deploy'} -o IdentitiesOnly=yes -o BatchMode=yes "
                f"-o StrictHostKeyChecking=yes -o UserKnownHostsFile={self.folder / 'known_hosts'} "
                f"-o ConnectTimeout=10")

    def options(self) -> list[str]:
        return self.shell.split()[3:]  # after ssh -p PORT

    def ssh(self, *command: str, stdin: str = "", tty: bool = False) -> subprocess.CompletedProcess:
        return subprocess.run(["ssh", "-p", str(self.port), *self.options(), *["-tt"] * tty,
                               f"{self.user}@127.0.0.1", *command], input=stdin, capture_output=True, text=True,
                              timeout=60)

    def wait(self) -> None:
        deadline = time.monotonic() + 20
        while self.ssh("lock", "/nowhere", "x").returncode == 255:
            assert self.process.poll() is None and time.monotonic() < deadline, self.log.read_text()
            time.sleep(0.1)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def server(tmp_path):
    require_tool(SSHD)
    require_tool("rsync")
    require_tool("rrsync")
    if os.geteuid() == 0:
        os.makedirs("/run/sshd", mode=0o755, exist_ok=True)  # sshd's privilege separation, made at boot on a server
    folder = tmp_path / "ssh"
    folder.mkdir(mode=0o700)
    running = Server(folder, tmp_path / "srv")
    try:
        running.wait()
        yield running
    finally:
        running.stop()


def run(script: Path, *args: str, server: Server) -> subprocess.CompletedProcess:
    return subprocess.run([str(script), *args], capture_output=True, text=True, timeout=180,
                          env={**os.environ, "RSYNC_RSH": server.shell})


def test_release_and_rollback_through_the_forced_command(server, demo_site, tmp_path):
    target = f"{server.user}@127.0.0.1:{server.target}"
    first = run(RELEASE, str(demo_site.root), target, server=server)
    assert first.returncode == 0, first.stderr
    later = tmp_path / "later"
    shutil.copytree(demo_site.root, later)
    (later / "ru" / "history" / "index.html").write_text("<!-- another build -->", encoding="utf-8")
    second = run(RELEASE, str(later), target, server=server)
    assert second.returncode == 0, second.stderr
    assert "another build" in (server.target / "current" / "ru" / "history" / "index.html").read_text()
    back = run(ROLLBACK, target, server=server)
    assert back.returncode == 0 and "rolled back to" in back.stdout, back.stderr
    assert "another build" not in (server.target / "current" / "ru" / "history" / "index.html").read_text()


@pytest.mark.parametrize("command", [
    [], ["sh", "-c", "touch /tmp/owned"], ["cat", "/etc/passwd"], ["lock", "/etc", "20261125T190700.000Z-0123456789ab"],
    ["lock", "{target}", "../../etc"], ["publish", "{target}", "20261125T190700.000Z-0123456789ab"],
    ["rollback", "{target}", "now"], ["rsync", "--server", "--sender", "-re.iLsfxCIvu", ".", "/etc/"],
    ["rsync", "--server", "-re.iLsfxCIvu", ".", "."], ["scp", "-t", "/tmp"], ["internal-sftp"]])
def test_the_key_refuses_everything_else(server, command):
    words = [word.replace("{target}", str(server.target)) for word in command]
    result = server.ssh(*words)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "refused" in result.stderr
    assert not Path("/tmp/owned").exists()


def test_no_sftp_subsystem_and_no_shell_even_when_asked(server):
    sftp = subprocess.run(["sftp", "-b", "-", "-P", str(server.port), *server.options(), f"{server.user}@127.0.0.1"],
                          input="ls /\n", capture_output=True, text=True, timeout=60)
    assert sftp.returncode != 0 and "bin" not in sftp.stdout  # the forced command runs instead, and refuses
    interactive = server.ssh(stdin="id\nexit\n", tty=True)
    assert interactive.returncode != 0 and "uid=" not in interactive.stdout
