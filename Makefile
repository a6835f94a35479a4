# Two commands do all the set-up on a fresh machine: `make book` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# V=1 shows the build's full output; CONVERT_ARGS=--keep-edits|--force for hand-edited files
V ?= 0
CONVERT_ARGS ?=
JB_ARGS := build . -W -n --keep-going

.PHONY: facts-report book convert build test test-fast check-generated bench serve lab notebooks clean

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
	$(PY) scripts/convert.py $(CONVERT_ARGS)

# Quiet unless V=1: warnings and errors only; the full log is _build/build.log.
build: $(STAMP)
ifeq ($(V),1)
	$(PY) scripts/jb.py $(JB_ARGS)
else
	@mkdir -p _build
	@set -o pipefail; NO_COLOR=1 PYTHONWARNINGS=ignore $(PY) scripts/jb.py $(JB_ARGS) 2>&1 \
	  | $(PY) -m newsbook.maketools quiet-build _build/build.log \
	  || { echo "Build failed. The end of _build/build.log:"; tail -n 40 _build/build.log; exit 1; }
endif

# Ends with the converter's summary: new/changed/removed chapters, parts, warnings to act on.
book: $(STAMP)
	@$(PY) scripts/convert.py -q $(CONVERT_ARGS)
	@$(MAKE) --no-print-directory build V=$(V)
	@cat _build/newsbook-summary.txt 2>/dev/null || true
	@echo "Open _build/html/index.html"

# TEST_JOBS test workers (pytest-xdist; work stealing evens out the long tests); 0 = serial
TEST_JOBS ?= 2
test: $(STAMP)
	$(PY) -m pytest -q $(if $(filter 0,$(TEST_JOBS)),,-n $(TEST_JOBS) --dist worksteal)

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow and not browser"

check-generated: $(STAMP)
	$(PY) scripts/convert.py --check

facts-report: $(STAMP)
	$(PY) -m newsbook.factsreport

bench: $(STAMP)
	$(PY) scripts/bench.py $(BENCH_ARGS)

# the built book, gzip-compressed as real hosts serve it: http://127.0.0.1:8000/
serve: $(STAMP)
	$(PY) scripts/serve.py _build/html --port $(or $(PORT),8000)

lab: $(STAMP)
	@mkdir -p $(VENV)/etc/jupyter/jupyter_server_config.d
	@cp binder/jupyter_server_config.json $(VENV)/etc/jupyter/jupyter_server_config.d/newsbook.json
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=. $$( [ "$$(id -u)" = 0 ] && echo --allow-root ) $(LAB_ARGS) chapters/

notebooks: $(STAMP)
	@$(PY) -m newsbook.maketools notebooks chapters _build/notebooks

clean:
	rm -rf _build
