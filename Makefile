# Two commands for a newcomer: `make report` and `make test`. Each sets up .venv when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CONSTRAINTS := requirements/constraints.txt
# the Chinese notebooks and their English twins
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb)) $(sort $(wildcard notebooks/en/*.ipynb))
PYTEST_NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
JOBS ?= 2

.PHONY: all venv lab kernel test test-fast report notebooks benchmarks validate clean

all: test

# the kernel the notebooks name ("ygx-analysis"), registered inside .venv at setup, so that papermill and
# nbconvert run a notebook right after `make report` in a fresh clone
KERNEL_INSTALL = $(BIN)/python -m ipykernel install --sys-prefix --name ygx-analysis \
	  --display-name "ygx-analysis (Python $$($(BIN)/python -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")'))"

$(STAMP): pyproject.toml $(CONSTRAINTS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e ".[test]"
	$(KERNEL_INSTALL) >/dev/null
	touch $(STAMP)

venv: $(STAMP)

## make lab: JupyterLab in notebooks/, with the kernel "ygx-analysis (Python 3.x)" of this environment
LAB_STAMP := $(VENV)/.installed-notebook
$(LAB_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e ".[test,notebook]"
	touch $(LAB_STAMP)

kernel: $(LAB_STAMP)
	$(KERNEL_INSTALL)

# --allow-root only where make runs as root (containers); JupyterLab refuses root otherwise
LAB_ARGS ?= $(if $(filter 0,$(shell id -u)),--allow-root)
lab: kernel
	cd notebooks && ../$(BIN)/jupyter lab $(LAB_ARGS)

# loadfile: a file's tests run on one worker, so a notebook's cells share one kernel under nbval
# and the tests of tests/test_report_build.py share one report build
PYTEST := MPLBACKEND=Agg $(BIN)/python -m pytest -n $(JOBS) --dist loadfile

## make test: unit tests, doctests and the notebooks under strict nbval
test: $(STAMP)
	$(PYTEST) $(PYTEST_NBVAL) tests ygx_analysis $(NOTEBOOKS)

## make test-fast: unit tests and doctests, without what is marked slow (kernels, browser, whole builds)
test-fast: $(STAMP)
	$(PYTEST) -m "not slow" tests ygx_analysis

## make report: build build/ (executed notebooks, figures, tables, manifest)
report: $(STAMP)
	MPLBACKEND=Agg $(BIN)/ygx-analysis report --out build --jobs $(JOBS)

## make notebooks: re-execute the notebooks in place to re-record their outputs (pinned env only)
# kernel python3 (this environment), whatever kernels else are registered
notebooks: $(STAMP)
	MPLBACKEND=Agg $(BIN)/python -m jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False \
	  --ExecutePreprocessor.kernel_name=python3 $(NOTEBOOKS)
	$(BIN)/python tools/strip_widget_state.py $(NOTEBOOKS)

## make contact-sheet: one PNG of every figure's thumbnail, in Chinese and English (build-review/contact-sheet.png;
## not in build/, which a report build replaces whole and refuses to replace when it holds other files)
.PHONY: contact-sheet
contact-sheet: $(STAMP)
	MPLBACKEND=Agg $(BIN)/python tools/contact_sheet.py --out build-review/contact-sheet.png

## make screenshots: headless Chromium screenshots of build/ (index.html, every notebook page) in build/screenshots/;
## fails when a page's Chinese would show as empty boxes, its fonts do not load, or it is wider than the window
.PHONY: screenshots
screenshots: $(STAMP)
	test -f build/index.html || $(MAKE) report
	$(BIN)/python -m ygx_analysis.report.screenshots build --out build/screenshots

validate: $(STAMP)
	$(BIN)/ygx-analysis validate

benchmarks: $(STAMP)
	for f in benchmarks/bench_*.py; do $(BIN)/python $$f || exit 1; done

clean:
	rm -rf build build.tmp* .pytest_cache
