# The two commands that matter: `make run` and `make test`. `make help` lists the rest.
PYTHON ?= python3.11
VENV ?= .venv
PORT ?= 8000
# Processes that share the test suite (pytest-xdist); 0 runs it in one process.
TEST_WORKERS ?= 2
# The scales make bench-scale measures (a comma inside $(or ...) would end its first argument).
SCALES ?= 1,10,100
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
INSTALLED := $(VENV)/.installed
# Every app's templates (djhtml re-indents their .html files; tests/ fixtures are left alone).
TEMPLATES := $(wildcard */templates)

.DEFAULT_GOAL := help
.PHONY: help install catalogs run test lint format check lock messages clean bench bench-facts bench-site bench-scale serve-cached topology audit backup restore load-test

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

$(INSTALLED): requirements.lock requirements-dev.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.lock
	touch $@

install: $(INSTALLED) ## Create the virtualenv with the runtime and development pins (production: requirements.lock only)

catalogs: $(INSTALLED) ## Compile the interface catalogs in locales/
	$(MANAGE) compile_catalogs

run: catalogs ## Install, migrate, load the demo content and serve http://127.0.0.1:$(PORT)
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	@bash scripts/serve.sh $(PY) $(PORT)

test: catalogs ## Lint, check and run the whole test suite on TEST_WORKERS=2 processes (PostgreSQL when it answers)
	@bash scripts/test-setup.sh $(BIN)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $(TEMPLATES)
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

bench: $(INSTALLED) ## Machine-translate a 200-segment page against the local DeepL server
	$(PY) -m devtools.bench.translation

bench-facts: $(INSTALLED) ## Precision and recall of the facts guard per language and fact kind (tests/review/facts_corpus)
	$(PY) -m devtools.bench.facts

bench-site: catalogs ## Queries, req/s, p50/p99 per page type, uncached and through Varnish
	$(PY) -m devtools.bench.site $(if $(BAKERYDEMO),--bakerydemo $(BAKERYDEMO))

bench-scale: catalogs ## Queries and median times of every page and admin view at 1×, 10×, 100× the demo (SCALES=1,10)
	SCALES=$(SCALES) $(PY) -m devtools.bench.scale

serve-cached: catalogs ## gunicorn (production settings) behind Varnish on 127.0.0.1:8171
	@bash scripts/serve-cached.sh $(PY)

topology: catalogs ## Varnish, two gunicorn hosts, two workers, PostgreSQL, Redis, S3 stand-in on loopback
	@bash scripts/topology.sh $(PY)

lint: $(INSTALLED) ## Run ruff's linter and formatter check and djhtml's template indentation check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $(TEMPLATES)

format: $(INSTALLED) ## Format and fix what ruff can, re-indent the templates with djhtml
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/djhtml $(TEMPLATES)

messages: $(INSTALLED) ## Extract interface strings into locales/*/LC_MESSAGES/django.po
	$(MANAGE) makemessages --all --no-obsolete --ignore=".venv/*" --ignore="node_modules/*"

backup: $(INSTALLED) ## Back up the database and media to one archive (ARCHIVE=path to choose)
	$(MANAGE) backup $(if $(ARCHIVE),--output $(ARCHIVE))

restore: $(INSTALLED) ## Restore ARCHIVE=path into an empty database (docs/operations.md)
	@test -n "$(ARCHIVE)" || (echo "Usage: make restore ARCHIVE=backups/portal-....tar.gz" && exit 2)
	$(MANAGE) restore $(ARCHIVE)

load-test: catalogs ## Readers and a publishing communicator on gunicorn + PostgreSQL + Redis (DURATION=120, TARGET=topology)
	TARGET=$(TARGET) DURATION=$(or $(DURATION),120) bash scripts/load-test.sh $(PY)

audit: ## Lighthouse scores of each page type against a running `make run` (PORT=8000)
	@bash scripts/audit.sh $(PORT)

lock: ## Re-resolve pyproject.toml: the runtime group into requirements.lock, the test extra into requirements-dev.lock
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip
	.lock-venv/bin/pip install --quiet .
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^international-portal' > requirements.lock
	.lock-venv/bin/pip install --quiet ".[test]" -c requirements.lock
	(echo "# Development and test only (make install); production installs requirements.lock alone."; \
	 echo "-r requirements.lock"; \
	 .lock-venv/bin/pip freeze --exclude-editable | grep -v '^international-portal' | grep -vxFf requirements.lock) \
	 > requirements-dev.lock
	rm -rf .lock-venv build *.egg-info

clean: ## Remove the virtualenv, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 staticfiles test-artifacts
