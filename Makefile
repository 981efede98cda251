# WJL Operations Suite — developer entry points (see README.md).
PYTHON ?= python3
SCALE ?= 1.0
REPEAT ?= 1
CLOCKS ?= 23:30 16:30

.PHONY: run test test-clocks upgrade-check load bench lint help

help:
	@echo "make run            serve the suite with demo data on http://localhost:8069 (database wjl)"
	@echo "make test           run the whole test suite against a fresh database"
	@echo "make test-clocks    the same, then again with the clock at CLOCKS (UTC, default: $(CLOCKS))"
	@echo "make upgrade-check  edit every configurable record, setting and group membership, -u, compare"
	@echo "make load           the load check: concurrent JSON-RPC clients against Odoo --workers 4"
	@echo "make bench          run the benchmarks (SCALE=1.0 is the size the issues name; REPEAT=3 for medians)"
	@echo "make lint           run the pre-commit checks (ruff, pylint-odoo, ...)"

run:
	PYTHON=$(PYTHON) tools/wjl-run

test:
	PYTHON=$(PYTHON) tools/wjl-test

test-clocks:
	WJL_CLOCKS="$(CLOCKS)" PYTHON=$(PYTHON) tools/wjl-test

upgrade-check:
	$(PYTHON) tools/wjl-upgrade-check

load:
	PYTHON=$(PYTHON) tools/wjl-load

bench:
	PYTHON=$(PYTHON) tools/wjl-bench --scale $(SCALE) --repeat $(REPEAT)

lint:
	pre-commit run --all-files
