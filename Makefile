# The two set-up commands of the README: `make run` and `make test`.
# Both create .venv when it is missing and install what they need first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARGS ?=

.PHONY: run test lint dist bench screenshots icons clean

run: $(VENV)/.installed-run
	@packaging/system-packages.sh qt
	$(BIN)/askwhy $(ARGS)

# The widget tests run in a process of their own. In one process, after the other ~1,400
# tests, Qt aborted once in four full runs while building a widget (2026-11-30, cause not
# yet found); the widget tests alone never did. With ARGS, one pytest run takes them as
# given.
test: $(VENV)/.installed-test
	@packaging/system-packages.sh test
	$(MAKE) --no-print-directory lint
ifeq ($(strip $(ARGS)),)
	$(BIN)/python -m pytest --ignore=tests/ui
	$(BIN)/python -m pytest tests/ui
else
	$(BIN)/python -m pytest $(ARGS)
endif

lint: $(VENV)/.installed-test
	$(BIN)/ruff check desktop tests packaging
	$(BIN)/ruff format --check desktop tests packaging
	$(BIN)/mypy
	$(BIN)/lint-imports

dist: $(VENV)/.installed-build
	@packaging/system-packages.sh test
	$(BIN)/python packaging/build.py

bench: $(VENV)/.installed-test
	@packaging/system-packages.sh test
	$(BIN)/python tests/perf/run_all.py

screenshots: $(VENV)/.installed-test
	@packaging/system-packages.sh qt
	$(BIN)/python packaging/screenshots.py
	$(BIN)/python packaging/screenshots.py --dark
	$(BIN)/python packaging/screenshots.py --screen 1024x600
	$(BIN)/python packaging/screenshots.py --screen 1024x600 --dark

icons: $(VENV)/.installed-run
	@packaging/system-packages.sh qt
	$(BIN)/python packaging/make_icons.py

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -e '.[test,build]'
	@touch $@ $(VENV)/.installed-run $(VENV)/.installed-build

$(VENV)/.installed-build: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -e '.[build]'
	@touch $@ $(VENV)/.installed-run

clean:
	rm -rf build dist .mypy_cache .ruff_cache
