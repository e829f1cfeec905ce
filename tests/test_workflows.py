"""The GitHub Actions workflows: valid for GitHub, and doing what CONTRIBUTING.md promises."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
PUBLISH = WORKFLOWS / "publish.yml"

_PINNED = re.compile(r"[\w.-]+/[\w.-]+(?:/[\w./-]+)?@v\d+\.\d+\.\d+")
"""owner/repo[/path]@vMAJOR.MINOR.PATCH: a full version tag, never a branch or a moving major tag."""


def schema_check(path: Path) -> subprocess.CompletedProcess:
    """Validate a file against GitHub's workflow schema, as shipped inside check-jsonschema
    (no network: the schema is part of the installed package)."""
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                           "vendor.github-workflows", "--verbose", str(path)], capture_output=True, text=True)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    """The `on:` section; YAML 1.1 reads the bare key `on` as the boolean True."""
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on or {}


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def step_index(job: dict, predicate) -> int:
    matches = [i for i, step in enumerate(job["steps"]) if predicate(step)]
    assert matches, "no such step"
    return matches[0]


def runs(command: str):
    return lambda step: re.search(rf"(?m)^\s*{re.escape(command)}\b", step.get("run", "")) is not None


def uses(action: str):
    return lambda step: step.get("uses", "").split("@")[0] == action


@pytest.fixture(params=[PULL_REQUEST, PUBLISH], ids=lambda path: path.name)
def workflow_file(request) -> Path:
    return request.param


def test_workflow_matches_github_schema(workflow_file):
    result = schema_check(workflow_file)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("breakage, expected", [("no runs-on", "'runs-on' is a required property"),
                                                ("bad permission", "'everything' is not one of")])
def test_schema_check_rejects_a_broken_workflow(tmp_path, breakage, expected):
    """The schema check is not a formality: a job without `runs-on` or a made-up permission fails."""
    workflow = load(PULL_REQUEST)
    if breakage == "no runs-on":
        del workflow["jobs"]["check"]["runs-on"]
    else:
        workflow["permissions"] = {"contents": "everything"}
    broken = tmp_path / "broken.yml"
    broken.write_text(yaml.safe_dump({"on" if k is True else k: v for k, v in workflow.items()},
                                     sort_keys=False), encoding="utf-8")
    result = schema_check(broken)
    assert result.returncode != 0, result.stdout
    assert expected in result.stdout + result.stderr


def test_every_action_is_pinned_to_a_full_version_tag(workflow_file):
    workflow = load(workflow_file)
    actions = [step["uses"] for step in steps(workflow) if "uses" in step]
    actions += [job["uses"] for job in workflow["jobs"].values() if "uses" in job]
    assert actions
    for action in actions:
        assert _PINNED.fullmatch(action), f"{action} is not pinned to a version tag like @v4.2.2"


def test_build_date_is_kazakhstan_date(workflow_file):
    """`python build.py` takes today's date from the clock: it must be Kazakhstan's (UTC+5)."""
    tz = load(workflow_file)["env"]["TZ"]
    offset = subprocess.run([sys.executable, "-c", "import time; print(time.strftime('%z'))"],
                            env={**os.environ, "TZ": tz}, capture_output=True, text=True, check=True)
    assert offset.stdout.strip() == "+0500"


def test_pull_request_checks_then_builds_and_shows_the_redline():
    workflow = load(PULL_REQUEST)
    assert "pull_request" in triggers(workflow)
    assert workflow["permissions"] == {"contents": "read"}
    [job] = workflow["jobs"].values()
    checkout = job["steps"][step_index(job, uses("actions/checkout"))]
    assert checkout["with"]["fetch-depth"] == 0, "origin/main is needed for the 'published' rule"
    python = job["steps"][step_index(job, uses("actions/setup-python"))]
    assert str(python["with"]["python-version"]) == "3.11"
    check, site = step_index(job, runs("make check")), step_index(job, runs("make site"))
    upload = step_index(job, uses("actions/upload-artifact"))
    assert check < site < upload
    assert job["steps"][upload]["with"]["path"].rstrip("/") == "site"
    summary = [step["run"] for step in job["steps"] if "GITHUB_STEP_SUMMARY" in step.get("run", "")]
    assert summary, "nothing is written to the job summary"
    assert ".venv/bin/python build.py diff" in summary[0]
    assert "```text" in summary[0]


def test_publish_runs_daily_and_deploys_the_site():
    workflow = load(PUBLISH)
    on = triggers(workflow)
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    [schedule] = on["schedule"]
    minute, hour, *every = schedule["cron"].split()
    assert every == ["*", "*", "*"], "the site must be rebuilt every day"
    assert hour == "19" and int(minute) <= 30, "shortly after 19:00 UTC, midnight in Kazakhstan"
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"] and workflow["concurrency"]["cancel-in-progress"] is False

    build = workflow["jobs"]["build"]
    site = step_index(build, runs("make site"))
    configure = step_index(build, uses("actions/configure-pages"))
    upload = step_index(build, uses("actions/upload-pages-artifact"))
    assert site < configure < upload
    assert build["steps"][upload]["with"]["path"] == "site"

    [deploy] = [job for job in workflow["jobs"].values() if any(map(uses("actions/deploy-pages"), job["steps"]))]
    assert deploy["needs"] in ("build", ["build"])
    assert deploy["environment"]["name"] == "github-pages"
    step = deploy["steps"][step_index(deploy, uses("actions/deploy-pages"))]
    assert deploy["environment"]["url"] == f"${{{{ steps.{step['id']}.outputs.page_url }}}}"


def test_custom_domain_comes_from_mkdocs_site_url():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_url"].startswith("https://")
    assert "site_url" in PUBLISH.read_text(encoding="utf-8") and "CNAME" in PUBLISH.read_text(encoding="utf-8")
