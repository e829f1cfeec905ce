"""The release to the shop's server, a job of the publish workflow (.github/workflows/publish.yml):
it releases only what the build job of the same run built and checked on main, hands the ssh
secrets to one step through env, verifies the host key, checks the live site afterwards, and
its scripts do what they say (run here with a stand-in for ssh that plays the server's forced
command)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require_tool
from tests.test_workflows import PUBLISH, ROOT, load, runs, step_index, uses

SECRETS = {"DEPLOY_HOST", "DEPLOY_USER", "DEPLOY_PATH", "DEPLOY_KEY", "DEPLOY_KNOWN_HOSTS"}
SERVER = ROOT / "deploy" / "server" / "policy-deploy"


@pytest.fixture(scope="module")
def job() -> dict:
    return load(PUBLISH)["jobs"]["release"]


def step(job: dict, predicate) -> dict:
    return job["steps"][step_index(job, predicate)]


def named(name: str):
    return lambda step: step.get("name", "").startswith(name)


def test_the_release_follows_the_build_of_main_in_the_same_run(job):
    assert job["needs"] == "build"
    assert job["if"] == "github.ref == 'refs/heads/main' && needs.build.outputs.pages != 'true'"
    assert job["environment"] == {"name": "allurauto.kz", "url": "https://allurauto.kz/policy/"}
    assert job["permissions"] == {"contents": "read"}
    assert load(PUBLISH)["concurrency"]["cancel-in-progress"] is False


def test_it_releases_the_site_the_build_job_checked(job):
    build = load(PUBLISH)["jobs"]["build"]
    upload = step(build, uses("actions/upload-artifact"))
    assert upload["if"] == "steps.pages.outputs.pages != 'true'"
    assert upload["with"]["name"] == "site" and upload["with"]["include-hidden-files"] is True, \
        "the build's .policy-site marker goes too: deploy/release refuses a build without it"
    assert step_index(build, runs(".venv/bin/python build.py build")) < step_index(build, uses("actions/upload-artifact"))
    order = [step_index(job, predicate) for predicate in (
        uses("actions/checkout"), uses("actions/download-artifact"), named("Release"), named("Verify"))]
    assert order == sorted(order)
    download = step(job, uses("actions/download-artifact"))
    assert download["with"] == {"name": "site", "path": "site"}
    assert 'deploy/release site "$DEPLOY_USER@$DEPLOY_HOST:$DEPLOY_PATH"' in step(job, named("Release"))["run"]
    assert "deploy/verify https://allurauto.kz/policy/" in step(job, named("Verify"))["run"]


def test_secrets_reach_the_release_step_only_and_through_env(job):
    release = step(job, named("Release"))
    assert release["env"] == {name: f"${{{{ secrets.{name} }}}}" for name in SECRETS}
    others = [other for each in load(PUBLISH)["jobs"].values() for other in each["steps"] if other != release]
    assert len(others) == sum(len(each["steps"]) for each in load(PUBLISH)["jobs"].values()) - 1
    assert all("secrets." not in str(other) for other in others)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(name in readme for name in SECRETS)


def test_the_host_key_is_verified_never_accepted(job):
    script = step(job, named("Release"))["run"]
    assert "StrictHostKeyChecking=yes" in script and "UserKnownHostsFile=" in script
    assert "StrictHostKeyChecking=no" not in script and "accept-new" not in script
    assert "umask 077" in script


def run_step(script: str, tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """A step's script as GitHub runs it (bash -e), with a stand-in for ssh first in PATH: it runs
    the server's forced command for DEPLOY_PATH, as sshd would, and logs the key file's mode."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "ssh").write_text(
        '#!/bin/sh\n# ssh [options] host command...\n'
        'while [ "${1#-}" != "$1" ]; do\n'
        '  case $1 in -i) stat -c "key %a" "$2" >> "$SSH_LOG"; shift 2;; -l|-o|-p) shift 2;; *) shift;; esac\n'
        f'done\necho "host $1" >> "$SSH_LOG"\nshift\nSSH_ORIGINAL_COMMAND="$*" exec python3 {SERVER} "$DEPLOY_PATH"\n',
        encoding="utf-8")
    (bin_dir / "ssh").chmod(0o755)
    environment = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "RUNNER_TEMP": str(tmp_path),
                   "SSH_LOG": str(tmp_path / "ssh.log"), **env}
    return subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=environment, capture_output=True,
                          text=True, timeout=120)


def test_the_release_step_releases_over_ssh_and_leaves_no_key(job, tmp_path, demo_site):
    require_tool("rsync")
    (tmp_path / "site").symlink_to(demo_site.root)
    (tmp_path / "deploy").symlink_to(ROOT / "deploy")
    secrets = {"DEPLOY_HOST": "shop.invalid", "DEPLOY_USER": "policy", "DEPLOY_PATH": str(tmp_path / "srv"),
               "DEPLOY_KEY": "-----BEGIN OPENSSH PRIVATE KEY-----\nnot a key\n-----END OPENSSH PRIVATE KEY-----",
               "DEPLOY_KNOWN_HOSTS": "shop.invalid ssh-ed25519 AAAA"}
    script = step(job, named("Release"))["run"]
    result = run_step(script, tmp_path, secrets)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "srv" / "current" / "versions.json").is_file()
    log = (tmp_path / "ssh.log").read_text().splitlines()
    assert "host policy@shop.invalid" in log or "host shop.invalid" in log
    assert {line for line in log if line.startswith("key")} == {"key 600"}, "the key is readable by its owner only"
    assert not (tmp_path / "deploy-key").exists() and not (tmp_path / "known_hosts").exists()
    again = run_step(script, tmp_path, secrets)
    assert again.returncode == 0 and "already live" in again.stdout, "the night's second run changes nothing"
    missing = run_step(script, tmp_path, {**secrets, "DEPLOY_KNOWN_HOSTS": ""})
    assert missing.returncode == 1 and "DEPLOY_KNOWN_HOSTS is not set" in missing.stdout


def test_the_verify_step_fails_loudly(job, tmp_path):
    """deploy/verify's one line becomes an error annotation of the run, which then fails."""
    (tmp_path / "deploy").mkdir()
    verify = tmp_path / "deploy" / "verify"
    verify.write_text('#!/bin/sh\necho "verify: $1 is built for 2026-11-24, not for today" >&2\nexit 1\n')
    verify.chmod(0o755)
    result = run_step(step(job, named("Verify"))["run"], tmp_path, {})
    assert result.returncode == 1
    assert result.stdout == "::error::verify: https://allurauto.kz/policy/ is built for 2026-11-24, not for today\n"
