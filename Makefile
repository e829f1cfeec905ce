# Everything runs in the project's own virtual environment, made from the pinned requirements.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: site test check serve diff benchmark screenshots catalogs clean

site: $(VENV)/.site-installed     ## build content/ into site/
	$(BIN)/python build.py build

test: $(VENV)/.test-installed     ## run every test (browser tests need Debian's chromium)
	$(BIN)/python -m pytest

check: $(VENV)/.site-installed    ## check content/ as CI does
	$(BIN)/python build.py check

serve: $(VENV)/.site-installed    ## preview on http://127.0.0.1:8000/, rebuilt on every save
	$(BIN)/python build.py serve

diff: $(VENV)/.site-installed     ## the latest version's changes, in the terminal
	$(BIN)/python build.py diff

benchmark: $(VENV)/.site-installed
	$(BIN)/python benchmarks/redline.py
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/adversarial.py

screenshots: $(VENV)/.test-installed
	$(BIN)/python tools/screenshots.py

catalogs: $(VENV)/.site-installed ## after changing a user-facing string: extract it, update every catalog
	$(BIN)/pybabel extract -F babel.cfg -o theme/locales/messages.pot --no-location --project allurauto-policy --no-wrap \
	  -k message -k say -k N_ -k format -k error:4 -k warning:4 .
	$(BIN)/pybabel update -i theme/locales/messages.pot -d theme/locales --no-fuzzy-matching --ignore-obsolete --no-wrap

$(VENV)/.site-installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements-test.txt
	touch $@ $(VENV)/.site-installed

clean:
	rm -rf site $(VENV)
