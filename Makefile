# Two commands do all the set-up on a fresh machine: `make book` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: book convert build test test-fast check-generated bench lab notebooks clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt -r requirements-dev.txt
	$(PY) -m pip install -q --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp binder/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $@

venv: $(STAMP)

convert: $(STAMP)
	$(PY) scripts/convert.py

build: $(STAMP)
	$(VENV)/bin/jupyter-book build . -W -n --keep-going

book: convert build
	@echo "Open _build/html/index.html"

test: $(STAMP)
	$(PY) -m pytest -q

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow and not browser"

check-generated: $(STAMP)
	$(PY) scripts/convert.py --check

bench: $(STAMP)
	$(PY) scripts/bench.py

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=. $$( [ "$$(id -u)" = 0 ] && echo --allow-root ) $(LAB_ARGS) chapters/

notebooks: $(STAMP)
	mkdir -p _build/notebooks
	for f in chapters/*.md; do \
	  $(VENV)/bin/jupytext -q --to ipynb -o _build/notebooks/$$(basename $$f .md).ipynb $$f || exit 1; \
	done
	@echo "Notebooks in _build/notebooks/"

clean:
	rm -rf _build
