# Körpü: `make demo` serves the demo site, `make test` runs the whole suite.
# Both create .venv and install from pyproject.toml pinned by constraints.txt, and the
# browser tests' npm tooling from package-lock.json.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1:8000
DEV    := DJANGO_DEBUG=1

.PHONY: install demo serve test lint format lock clean bench loadtest

# The uk/az interface catalogues, compiled from locale/*/LC_MESSAGES/django.po (gettext's msgfmt).
MO     := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

install: $(STAMP) $(MO)

%.mo: %.po
	msgfmt --check-format -o $@ $<

# npm brings the map outlines (world-atlas, read by public/map_atlas.py) and, for
# tests/browser/ only, axe-core. Nothing from node_modules is served to browsers.
$(STAMP): pyproject.toml constraints.txt package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]"
	npm ci --no-audit --no-fund --loglevel=error >/dev/null
	touch $(STAMP)

# syncmedia runs every minute beside the server, as cron does in production (README,
# "What the web server serves"): go-live and expiry times move photos in and out of public view.
demo: install
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(DEV) $(BIN)/python manage.py loaddemo
	( while sleep 60; do $(DEV) $(BIN)/python manage.py syncmedia >/dev/null || true; done ) & \
	trap 'kill $$! 2>/dev/null' EXIT; \
	$(DEV) $(BIN)/python manage.py runserver $(HOST)

serve: install
	$(DEV) $(BIN)/python manage.py runserver $(HOST)

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The load harness (bench/): gunicorn with gunicorn.conf.py and production settings on its own
# PostgreSQL database and Redis db, driven by Debian's wrk, installed here when missing as
# .ci/run does for chromium. `make bench BENCH_ARGS="--seed demo"` for a quick run.
BENCH_ARGS ?=
ENSURE_WRK := command -v wrk >/dev/null || { export DEBIAN_FRONTEND=noninteractive; \
	apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }

bench: install
	@$(ENSURE_WRK)
	$(BIN)/python -m bench bench $(BENCH_ARGS)

loadtest: install
	@$(ENSURE_WRK)
	$(BIN)/python -m bench loadtest $(BENCH_ARGS)

# Re-pin every dependency after changing pyproject.toml.
lock:
	rm -rf var/lock-venv
	$(PYTHON) -m venv var/lock-venv
	var/lock-venv/bin/pip install --quiet --disable-pip-version-check -e ".[dev]"
	var/lock-venv/bin/pip freeze --exclude-editable --disable-pip-version-check > constraints.txt
	rm -rf var/lock-venv

clean:
	rm -rf $(VENV) var/korpu.sqlite3 .pytest_cache
