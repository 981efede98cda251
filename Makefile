# WJL Operations Suite — developer entry points (see README.md).
PYTHON ?= python3
SCALE ?= 1.0
REPEAT ?= 1

.PHONY: run test bench lint help

help:
	@echo "make run    serve the suite with demo data on http://localhost:8069 (database wjl)"
	@echo "make test   run the whole test suite against a fresh database"
	@echo "make bench  run the benchmarks (SCALE=1.0 is the size the issues name; REPEAT=3 for medians)"
	@echo "make lint   run the pre-commit checks (ruff, pylint-odoo, ...)"

run:
	PYTHON=$(PYTHON) tools/wjl-run

test:
	PYTHON=$(PYTHON) tools/wjl-test

bench:
	PYTHON=$(PYTHON) tools/wjl-bench --scale $(SCALE) --repeat $(REPEAT)

lint:
	pre-commit run --all-files
