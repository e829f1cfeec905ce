"""The deploy workflow (.github/workflows/deploy.yml): it releases only what Publish accepted, reads
nothing it does not need, hands the ssh secrets to one step through env, verifies the host key,
and its scripts do what they say (run here with stand-ins for gh and ssh)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require_tool
from tests.test_workflows import DEPLOY, PUBLISH, ROOT, load, runs, step_index, triggers, uses

SECRETS = {"DEPLOY_HOST", "DEPLOY_USER", "DEPLOY_PATH", "DEPLOY_KEY", "DEPLOY_KNOWN_HOSTS"}


@pytest.fixture(scope="module")
def job() -> dict:
    [job] = load(DEPLOY)["jobs"].values()
    return job


def step(job: dict, predicate) -> dict:
    return job["steps"][step_index(job, predicate)]


def named(name: str):
    return lambda step: step.get("name", "").startswith(name)


def test_deploy_follows_a_successful_publish_on_main_or_runs_by_hand(job):
    on = triggers(load(DEPLOY))
    assert on["workflow_run"] == {"workflows": [load(PUBLISH)["name"]], "types": ["completed"]}
    assert "workflow_dispatch" in on and "push" not in on and "pull_request" not in on
    condition = " ".join(job["if"].split())
    for part in ("github.ref == 'refs/heads/main'", "github.event.workflow_run.conclusion == 'success'",
                 "github.event.workflow_run.head_branch == 'main'", "github.event_name == 'workflow_dispatch'"):
        assert part in condition
    assert load(DEPLOY)["concurrency"]["cancel-in-progress"] is False


def test_deploy_reads_and_writes_nothing_on_github(job):
    assert load(DEPLOY)["permissions"] == {"contents": "read"}
    assert job["permissions"] == {"contents": "read", "actions": "read"}
    assert job["environment"]["url"] == "https://allurauto.kz/policy/"


def test_deploy_builds_the_last_published_commit_then_releases_it(job):
    order = [step_index(job, predicate) for predicate in (
        named("Find the last published commit"), uses("actions/checkout"), uses("actions/setup-python"),
        runs("make site"), named("Release"))]
    assert order == sorted(order)
    checkout = step(job, uses("actions/checkout"))
    assert checkout["with"]["ref"] == "${{ steps.published.outputs.sha }}"
    assert 'deploy/release site "$DEPLOY_USER@$DEPLOY_HOST:$DEPLOY_PATH"' in step(job, named("Release"))["run"]


def test_secrets_reach_the_release_step_only_and_through_env(job):
    release = step(job, named("Release"))
    assert release["env"] == {name: f"${{{{ secrets.{name} }}}}" for name in SECRETS}
    for other in job["steps"]:
        if other is not release:
            assert "secrets." not in str(other), other.get("name")
    header = DEPLOY.read_text(encoding="utf-8").split("\nname:")[0]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(name in header and name in readme for name in SECRETS)


def test_the_host_key_is_verified_never_accepted(job):
    script = step(job, named("Release"))["run"]
    assert "StrictHostKeyChecking=yes" in script and "UserKnownHostsFile=" in script
    assert "StrictHostKeyChecking=no" not in script and "accept-new" not in script
    assert "umask 077" in script


def run_step(script: str, tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """A step's script as GitHub runs it (bash -e), with stand-ins for gh and ssh first in PATH."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "gh").write_text("#!/bin/sh\nprintf '%s\\n' \"$PUBLISHED\"\n", encoding="utf-8")
    (bin_dir / "ssh").write_text(
        '#!/bin/sh\n# ssh [options] host command...: runs the command here, logs the key file\'s mode\n'
        'while [ "${1#-}" != "$1" ]; do\n'
        '  case $1 in -i) stat -c "key %a" "$2" >> "$SSH_LOG"; shift 2;; -l|-o|-p) shift 2;; *) shift;; esac\n'
        'done\necho "host $1" >> "$SSH_LOG"\nshift\nexec sh -c "$*"\n', encoding="utf-8")
    for tool in ("gh", "ssh"):
        (bin_dir / tool).chmod(0o755)
    output = tmp_path / "github-output"
    output.touch()
    environment = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "GITHUB_OUTPUT": str(output),
                   "RUNNER_TEMP": str(tmp_path), "SSH_LOG": str(tmp_path / "ssh.log"), **env}
    return subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=environment, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize("published, ok", [("a" * 40, True), ("", False), ("HEAD; touch injected", False),
                                           ("1" * 40 + "\n::warning::injected", False)])
def test_find_the_published_commit(job, tmp_path, published, ok):
    result = run_step(step(job, named("Find the last published commit"))["run"], tmp_path,
                      {"PUBLISHED": published, "GH_TOKEN": "x", "REPO": "allurauto/policy"})
    assert (result.returncode == 0) is ok, result.stdout + result.stderr
    assert (tmp_path / "github-output").read_text() == (f"sha={published}\n" if ok else "")
    assert not (tmp_path / "injected").exists()


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
    missing = run_step(script, tmp_path, {**secrets, "DEPLOY_KNOWN_HOSTS": ""})
    assert missing.returncode == 1 and "DEPLOY_KNOWN_HOSTS is not set" in missing.stdout


def test_a_site_for_github_pages_is_not_released_to_the_shop(job, tmp_path, own_host_site):
    (tmp_path / "site").symlink_to(own_host_site.root)
    result = run_step(step(job, named("Release"))["run"], tmp_path, {})
    assert result.returncode == 0 and "goes to GitHub Pages" in result.stdout
    assert not (tmp_path / "ssh.log").exists()
