# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app tracker
HOST ?= 127.0.0.1
PORT ?= 5000
# The demo shows the workspace as it stood between the second and third negotiation rounds:
# it is loaded and served on that day, so what it records is stamped with it too.
# Unpin with `make run TRACKER_TODAY=`.
TRACKER_TODAY ?= 2018-03-20
SECRET_FILE := instance/secret_key

.PHONY: run serve test test-pg test-browser lint install install-test translations assets \
        extract-messages bench bench-rush clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/activate pyproject.toml
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed translations assets

install-test: $(VENV)/.installed-test translations assets

# Static files under hashed names, with gzip and Brotli copies (tracker/web/assets.py).
assets: $(VENV)/.installed
	$(BIN)/python -m tracker.web.assets > /dev/null

translations: $(VENV)/.installed
	$(BIN)/pybabel -q compile -d tracker/translations

$(SECRET_FILE):
	mkdir -p instance
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(48))" > $@
	chmod 600 $@

run: install $(SECRET_FILE)
	SECRET_KEY=$$(cat $(SECRET_FILE)) $(FLASK) db upgrade
	SECRET_KEY=$$(cat $(SECRET_FILE)) TRACKER_TODAY=$(TRACKER_TODAY) $(FLASK) demo --if-empty
	SECRET_KEY=$$(cat $(SECRET_FILE)) TRACKER_TODAY=$(TRACKER_TODAY) \
		$(FLASK) run --host $(HOST) --port $(PORT)

# A real workspace: the schema and the TEN ACTS, no demo data (`flask --app tracker
# create-admin` makes its first admin).
serve: install
	$(FLASK) init
	$(BIN)/gunicorn -c gunicorn.conf.py wsgi:app

# The load benchmark (README "Performance"): large data set cached in bench/cache/;
# DATABASE_URL=postgresql://... to run it on PostgreSQL. Not part of CI (it takes minutes).
# Every page at 8 connections, then the venue rush (bench/rush.py, docs/deployment.md).
bench: install
	command -v wrk >/dev/null || apt-get install -y -q wrk
	$(BIN)/python bench/run.py; status=$$?; $(BIN)/python bench/rush.py && exit $$status

# The venue rush alone: 200 connections on the main pages, demo and large data sets.
bench-rush: install
	command -v wrk >/dev/null || apt-get install -y -q wrk
	$(BIN)/python bench/rush.py

test: install-test
	$(BIN)/pytest

test-pg: install-test
	TEST_DATABASE_URL=$${TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} \
		$(BIN)/pytest -m "not browser"

test-browser: install-test
	TRACKER_REQUIRE_BROWSER=1 $(BIN)/pytest -m browser

lint: install-test
	$(BIN)/ruff check tracker tests
	$(BIN)/ruff format --check tracker tests
	$(BIN)/lint-imports
	$(BIN)/mypy

extract-messages: install
	$(BIN)/pybabel -q extract -F babel.cfg -k _l -k lazy_gettext --ignore-dirs '.* __pycache__' -o tracker/translations/messages.pot .
	$(BIN)/pybabel -q update -i tracker/translations/messages.pot -d tracker/translations --no-fuzzy-matching

clean:
	rm -rf $(VENV) instance/*.db
