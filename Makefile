# OpenSEND: `make run` serves the demo partnership; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
OPENSEND := $(BIN)/opensend
STAMP := $(VENV)/.installed-stamp
NPM_STAMP := node_modules/.installed-stamp

.PHONY: run test setup lint format clean bench

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "OpenSEND needs Python 3.11; set PYTHON=/path/to/python3.11")'
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

setup: $(STAMP) $(NPM_STAMP)
	@mkdir -p var
	$(OPENSEND) collectstatic --noinput --verbosity 0
	$(OPENSEND) migrate --noinput --verbosity 0

run: setup
	$(OPENSEND) demo --if-empty
	$(OPENSEND) serve

# pytest exits 5 when it collects no tests: that is a failure here, not a pass.
test: setup
	@$(BIN)/pytest -n 2 --dist loadfile $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$rc

lint: $(STAMP)
	$(BIN)/ruff check opensend tests bench data
	$(BIN)/ruff format --check opensend tests bench data
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: setup
	$(BIN)/python bench/register.py

clean:
	rm -rf $(VENV) node_modules var
