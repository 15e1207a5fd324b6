# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup demo test test-fast test-browser bench bench-smoke bench-pages bench-parse bench-import bench-alerts score clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "irsite needs Python 3.11 or newer"'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# A local .env with a fresh secret key, made once from .env.example.
.env:
	sed "s|^DJANGO_SECRET_KEY=.*|DJANGO_SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')|" .env.example > $@

setup: $(VENV)/.installed .env
	$(MANAGE) migrate --noinput

demo: setup
	$(MANAGE) load_demo

# The site and, beside it, the task worker that sends email alerts (to the console unless
# EMAIL_URL is set in .env); Ctrl+C stops both.
run: demo
	@$(MANAGE) db_worker --no-reload -v 0 & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

test: $(VENV)/.installed .env
	$(PY) -m pytest

test-fast: $(VENV)/.installed .env
	$(PY) -m pytest -m "not browser" -x -q

# Load figures (bench/README.md). BENCH_DATABASE_URL=postgres://... to run on PostgreSQL.
bench: $(VENV)/.installed .env
	$(PY) bench/load.py

bench-smoke: $(VENV)/.installed .env
	$(PY) bench/load.py --smoke

# What a page-cache miss costs, page by page, in-process on 10,000 releases (target: < 15 ms).
bench-pages: $(VENV)/.installed .env
	$(PY) bench/pages.py $(if $(BENCH_DATABASE_URL),--database-url $(BENCH_DATABASE_URL))

# Parser speed: median, p95 and worst ms per release of ../shared/corpus/dev, then the adversarial inputs.
bench-parse: $(VENV)/.installed
	$(PY) bench/parse_bench.py

# import_releases over 1,000 variants of the demo releases: releases/s and the parser's share.
# BENCH_DATABASE_URL=postgres://... (an empty database) to run it on PostgreSQL.
bench-import: $(VENV)/.installed
	$(PY) bench/import_throughput.py $(if $(BENCH_DATABASE_URL),--database-url $(BENCH_DATABASE_URL))

# Email alerts: 10,000 subscribers, one release, delivered to a local SMTP sink by one and two
# workers (bench/README.md). BENCH_DATABASE_URL=postgres://... (an empty database) for PostgreSQL.
bench-alerts: $(VENV)/.installed
	$(PY) bench/alerts_bench.py $(if $(BENCH_DATABASE_URL),--database-url $(BENCH_DATABASE_URL))

score: $(VENV)/.installed .env
	$(PY) ../shared/tools/score_parser.py ../shared/corpus/dev

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis staticfiles var
