# irviewer task runner. `make help` lists the targets.
VENV := .venv
PY := $(VENV)/bin/python
SHARED ?= ../shared

.PHONY: help setup run demo test test-fast lint fmt score package clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

setup: ## install Qt runtime packages (apt) and the venv
	@bash scripts/bootstrap.sh

run: setup ## open the app (first run shows the bundled demo library)
	$(VENV)/bin/irviewer

demo: setup ## regenerate the demo archive in resources/demo
	$(PY) scripts/make_demo.py

test: setup ## run the whole test suite (offscreen)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

test-fast: setup ## tests without the corpus scoring run
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not slow"

lint: setup ## ruff
	$(VENV)/bin/ruff check irviewer tests scripts bench packaging

fmt: setup ## ruff format + import sort
	$(VENV)/bin/ruff check --fix --select I irviewer tests scripts bench packaging
	$(VENV)/bin/ruff format irviewer tests scripts bench packaging

score: setup ## score extraction against the shared corpus
	$(PY) $(SHARED)/tools/score_extraction.py $(SHARED)/corpus --cmd "$(VENV)/bin/irviewer parse --json"

package: setup ## build the app bundle into dist/irviewer/ (PyInstaller, one folder)
	bash packaging/build.sh

clean: ## remove build output
	rm -rf build dist .pytest_cache .ruff_cache
