# OK v3. Two commands: `make run` (set up everything, serve on http://127.0.0.1:5000)
# and `make test` (every check). See README.md and docs/running.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 5000
MAIL_PORT ?= 1025
RUN ?= .run
# The app treats an unset OK_ENV as production (fail closed); every make target runs in
# development unless OK_ENV says otherwise, and `make test` sets test. Exported, so gunicorn,
# alembic, the seed and flask (assets) under make all see it.
export OK_ENV ?= development

# The database: DATABASE_URL when set, else the private cluster in .pgdata.
ifeq ($(strip $(DATABASE_URL)),)
DB_START := scripts/pgcluster.sh start >/dev/null
DB_STOP := scripts/pgcluster.sh stop
else
DB_START := true
DB_STOP := true
endif


.PHONY: help run stop test deps venv node okpy db migrate seed assets docs lint lint-sql lint-py \
        test-sql test-py screenshots schema-snapshot bench backup clean

help:
	@echo "make run    set up everything and serve http://127.0.0.1:$(PORT)"
	@echo "make stop   stop the app, the worker and the private database cluster"
	@echo "make test   run every check (lint, squawk, pgTAP, pytest)"
	@echo "make docs   build the documentation site (served by make run at /docs/)"
	@echo "make screenshots   retake the docs' screenshots with the browser tests (docs/img/)"
	@echo "make migrate | seed | assets | lint | schema-snapshot | bench (ingest and course-scale figures) | backup"

deps:
	@scripts/system-deps.sh

$(VENV)/.installed: requirements.txt constraints.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Install Python 3.11: sudo apt-get install python3 python3-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.txt -c constraints.txt
	$(VENV)/bin/pip install --quiet --no-deps -e .
	@touch $@

venv: $(VENV)/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

node: node_modules/.installed

# The acceptance client: the real okpy 1.18.1 from PyPI (it runs only on Python <= 3.11).
OKPY_PYTHON ?= $(shell command -v python3.11 || command -v python3)
.okpy/.installed:
	@$(OKPY_PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] > (3, 11))' || \
	  { echo "okpy 1.18.1 needs Python 3.11 or older; set OKPY_PYTHON"; exit 1; }
	$(OKPY_PYTHON) -m venv .okpy
	.okpy/bin/pip install --quiet okpy==1.18.1
	@touch $@

okpy: .okpy/.installed

db: deps
	@$(DB_START)

migrate: venv db
	$(VENV)/bin/alembic upgrade head

seed: migrate
	$(PY) -m ops.seed

assets: venv node
	$(VENV)/bin/flask --app web.wsgi assets build

docs: venv
	$(PY) -m ops.docs_site

# The documentation's screenshots are taken by the browser tests that walk its pages
# (tests/py/test_browser_docs_walkthrough.py); this refreshes docs/img/ with them.
screenshots: deps venv node db
	OK_ENV=test OKV3_SCREENSHOTS=$(CURDIR)/docs/img $(VENV)/bin/pytest -q -p no:cacheprovider \
	  tests/py/test_browser_docs_walkthrough.py

run: deps venv node db migrate seed assets docs
	@mkdir -p $(RUN)
	@if [ -f $(RUN)/gunicorn.pid ] && kill -0 $$(cat $(RUN)/gunicorn.pid) 2>/dev/null; then \
	  echo "OK v3 is already running: http://127.0.0.1:$(PORT)"; \
	else \
	  $(VENV)/bin/gunicorn -c python:web.gunicorn_conf --daemon --bind 127.0.0.1:$(PORT) --workers 2 --threads 4 \
	    --pid $(RUN)/gunicorn.pid --access-logfile $(RUN)/access.log --error-logfile $(RUN)/error.log \
	    web.wsgi:app; \
	  for i in $$(seq 1 50); do curl -fsS http://127.0.0.1:$(PORT)/healthz >/dev/null 2>&1 && break; sleep 0.2; done; \
	  curl -fsS http://127.0.0.1:$(PORT)/healthz >/dev/null || { echo "the app did not start; see $(RUN)/error.log"; exit 1; }; \
	  echo "OK v3 is serving http://127.0.0.1:$(PORT) (make stop to stop it)"; \
	fi
	@if [ -z "$$OK_SMTP_HOST" ]; then \
	  if [ -f $(RUN)/mailcatcher.pid ] && kill -0 $$(cat $(RUN)/mailcatcher.pid) 2>/dev/null; then :; else \
	    nohup $(PY) -m worker.mailcatcher --port $(MAIL_PORT) --dir $(RUN)/mail >>$(RUN)/mailcatcher.log 2>&1 </dev/null & \
	    echo $$! > $(RUN)/mailcatcher.pid; \
	    echo "no OK_SMTP_HOST: mail is caught in $(RUN)/mail/ (log: $(RUN)/mailcatcher.log)"; \
	  fi; \
	fi
	@if [ -f $(RUN)/worker.pid ] && kill -0 $$(cat $(RUN)/worker.pid) 2>/dev/null; then :; else \
	  if [ -z "$$OK_SMTP_HOST" ]; then export OK_SMTP_HOST=127.0.0.1 OK_SMTP_PORT=$(MAIL_PORT); fi; \
	  nohup $(PY) -m worker >>$(RUN)/worker.log 2>&1 </dev/null & echo $$! > $(RUN)/worker.pid; \
	  echo "the background worker is running (log: $(RUN)/worker.log)"; \
	fi

stop:
	@if [ -f $(RUN)/worker.pid ]; then kill $$(cat $(RUN)/worker.pid) 2>/dev/null || true; \
	  for i in $$(seq 1 100); do kill -0 $$(cat $(RUN)/worker.pid) 2>/dev/null || break; sleep 0.1; done; \
	  rm -f $(RUN)/worker.pid; echo "worker stopped"; fi
	@if [ -f $(RUN)/mailcatcher.pid ]; then kill $$(cat $(RUN)/mailcatcher.pid) 2>/dev/null || true; \
	  rm -f $(RUN)/mailcatcher.pid; echo "mail catcher stopped"; fi
	@if [ -f $(RUN)/gunicorn.pid ]; then kill $$(cat $(RUN)/gunicorn.pid) 2>/dev/null || true; \
	  for i in $$(seq 1 50); do [ -f $(RUN)/gunicorn.pid ] || break; sleep 0.1; done; rm -f $(RUN)/gunicorn.pid; echo "app stopped"; fi
	@$(DB_STOP)

lint-sql: venv
	$(VENV)/bin/sqlfluff lint sql/ migrations/versions/ --processes 2
	$(VENV)/bin/squawk --config .squawk.toml 'migrations/versions/*.sql'

lint-py: venv
	$(VENV)/bin/ruff check web worker ops migrations tests bench docs

lint: lint-sql lint-py

# The full suite: lint, then pgTAP and pytest against throwaway databases.
test: deps venv node okpy db
	OK_ENV=test scripts/run-tests.sh

schema-snapshot: venv db
	$(PY) -m tests.py.schema_snapshot --write

# Backups of the private cluster with pgBackRest (scripts/pgbackrest.sh; docs/operations.md):
# the first time, archiving is set up and a full backup taken; after that, an incremental one.
backup: db
	OK_EXTRA_APT=pgbackrest scripts/system-deps.sh
	@if [ -z "$$(scripts/pgbackrest.sh info 2>/dev/null | grep -o 'full backup')" ]; then \
	  scripts/pgbackrest.sh setup && scripts/pgbackrest.sh full; else scripts/pgbackrest.sh incr; fi

bench: venv db
	OK_EXTRA_APT=wrk scripts/system-deps.sh
	$(PY) bench/ingest.py
	$(PY) bench/course_scale.py
	$(PY) bench/analytics.py --reuse
	# the fault test's counts: sent, acknowledged, refused, stored (docs/reliability.md)
	OK_ENV=test $(VENV)/bin/pytest -q -s -p no:cacheprovider tests/py/test_faults.py

clean: stop
	rm -rf $(VENV) .okpy node_modules $(RUN) web/static/gen
