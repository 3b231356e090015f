# Rookie: `make run` serves the site with demo data on SQLite; `make test` runs the whole suite.

# The interpreter the venv is made from: the distribution's CPython when it is 3.11 or newer (and
# can make a venv), else python3 on the PATH. Debian's and Ubuntu's builds are compiled with
# profile-guided and link-time optimisation, as the official Docker images are; a plain source build
# (pyenv's default, with a shared libpython) is not, and took 7-13 % more CPU for the same tests.
ifeq ($(origin PYTHON),undefined)
PYTHON := $(shell /usr/bin/python3 -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && echo /usr/bin/python3 || echo python3)
endif
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.lock | cut -c1-12)
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

# The suite starts many Python processes (xdist workers, gunicorn, manage.py, settings probes): with
# bytecode written to __pycache__ the project is compiled once, not again in each of them, also
# where the environment says PYTHONDONTWRITEBYTECODE.
unexport PYTHONDONTWRITEBYTECODE

# The test suite runs with DEBUG off, like production, with throwaway secrets.
TEST_ENV := DEBUG=0 SECRET_KEY=test-only-not-secret ALLOWED_HOSTS=testserver,localhost,127.0.0.1 SECURE_COOKIES=0
# pytest-xdist: one worker per core, each with its own test database (test_<name>_gw0, …) and free
# ports; WORKERS=0 runs in one process. COVERAGE=1 measures branch coverage (pyproject.toml), prints
# the total and fails below the floor (CI sets it).
WORKERS ?= auto
PYTEST := $(if $(filter 1,$(COVERAGE)),$(BIN)/coverage run -m pytest,$(BIN)/pytest) -n $(WORKERS) --dist loadgroup

.PHONY: install run test test-fast e2e lint format messages compilemessages check-translations check-migrations check lock clean

install: $(STAMP)

# uv (pinned in the lock like everything else) installs the lock in about a second from its cache,
# where pip took about 15: a fresh clone's `make test` starts that much sooner. Same --no-deps
# install of exact pins as pip's, then the same consistency check. --compile-bytecode writes the
# .pyc files at install, on every core (about 2 s), instead of in each process that imports a
# module first: the test workers start together and would each compile the same modules.
# The venv gets no pip of its own (making one takes seconds): the interpreter's pip puts uv in it,
# or, where that pip is missing or too old for --python, the venv's ensurepip does.
UV_PIN = $$(grep '^uv==' requirements.lock)
$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv --without-pip $(VENV)
	test -x $(BIN)/uv || $(PYTHON) -m pip --python $(BIN)/python install --quiet --no-deps $(UV_PIN) \
	  || { $(BIN)/python -m ensurepip --default-pip >/dev/null && $(BIN)/python -m pip install --quiet --no-deps $(UV_PIN); }
	UV_LINK_MODE=copy $(BIN)/uv pip install --compile-bytecode --quiet --python $(BIN)/python --no-deps -r requirements.lock
	$(BIN)/uv pip check --quiet --python $(BIN)/python
	rm -f $(VENV)/.installed-*
	touch $@

# Links in e-mails and the calendar address follow where this server listens, unless SITE_URL is set.
SITE_URL ?= http://$(HOST):$(PORT)

run: install
	DEBUG=1 $(MANAGE) migrate --noinput
	DEBUG=1 $(MANAGE) seed_demo
	DEBUG=1 SITE_URL=$(SITE_URL) $(MANAGE) runserver $(HOST):$(PORT)

test: install
	$(TEST_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	@mkdir -p test-results && rm -f test-results/.coverage*
	$(TEST_ENV) $(PYTEST) $(ARGS)
ifeq ($(COVERAGE),1)
	@$(BIN)/coverage combine --quiet
	@$(BIN)/coverage report || (echo "branch coverage $$($(BIN)/coverage report --format=total)% is below the floor (fail_under in pyproject.toml)"; exit 1)
	@echo "branch coverage: $$($(BIN)/coverage report --format=total)%"
endif

# The quick loop: everything but the browser journeys and the tests that start servers.
test-fast: install
	$(TEST_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	$(TEST_ENV) $(BIN)/pytest -n $(WORKERS) --dist loadgroup -m "not e2e and not slow" $(ARGS)

# Only the browser journeys (they also run in `make test`).
e2e: install
	$(TEST_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	$(TEST_ENV) $(BIN)/pytest -n $(WORKERS) --dist loadgroup -m e2e $(ARGS)

# Only the Nu HTML checker's crawl of the demo (tests/html/; needs java, which .ci/run installs).
.PHONY: validate-html
validate-html: install
	$(TEST_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	$(TEST_ENV) $(BIN)/pytest -n 0 tests/html $(ARGS)

# Ruff, then the allowed arrows between packages (import-linter contracts in pyproject.toml;
# docs/architecture.md).
lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# mypy with django-stubs on the typed modules ([tool.mypy] in pyproject.toml); the plugin loads the settings.
.PHONY: typecheck
typecheck: install
	DEBUG=1 $(BIN)/mypy

format: install
	$(BIN)/ruff format .

check-migrations: install
	DEBUG=1 $(MANAGE) makemigrations --check --dry-run

# Catalogues: extract the strings, then translate what is new in locale/*/LC_MESSAGES/django.po.
messages: install
	DEBUG=1 $(MANAGE) makemessages --all --no-obsolete --no-location --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'tests/*'

compilemessages: install
	DEBUG=1 $(MANAGE) compilemessages --ignore '.venv/*'

# Fails on an untranslated or fuzzy entry, or on a .mo that is not the compiled .po.
check-translations:
	./scripts/check_translations.sh

check: lint typecheck check-migrations check-translations

# Re-resolve the lock file from pyproject.toml's dependencies in a throwaway environment.
lock:
	rm -rf /tmp/rookie-lock && $(PYTHON) -m venv /tmp/rookie-lock
	/tmp/rookie-lock/bin/pip install --quiet --upgrade pip
	/tmp/rookie-lock/bin/pip install --quiet $$($(PYTHON) scripts/list_dependencies.py)
	(echo "# Exact pins of every package Rookie installs (make installs from this with --no-deps)."; \
	 echo "# Regenerate: make lock"; /tmp/rookie-lock/bin/pip freeze | sort -f) > requirements.lock

clean:
	rm -rf $(VENV) staticfiles test-results

# The README's pictures: a throwaway demo database, the key screens at 360 and 1280 px with Playwright
# and /usr/bin/chromium-headless-shell into docs/screenshots/ (scripts/screenshots.py).
.PHONY: screenshots
screenshots: install
	$(BIN)/python scripts/screenshots.py

# Load test on PostgreSQL with production settings (docs/PERFORMANCE.md): SCALE=10 by default,
# BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/rookie_bench by default; fails on a missed target.
.PHONY: bench
bench: install
	$(BIN)/python scripts/bench.py

# send_reminders for many members (docs/PERFORMANCE.md, "Reminders"): REMINDERS_MEMBERS on a PostgreSQL
# database of its own, timed with one worker and with two started together.
REMINDERS_DATABASE := rookie_bench_reminders
REMINDERS_MEMBERS ?= 100000
REMINDERS_ENV := BENCH_ENABLED=1 DEBUG=0 SECRET_KEY=bench-only-not-secret ALLOWED_HOSTS=localhost DATABASE_URL=postgres://postgres@127.0.0.1:5432/$(REMINDERS_DATABASE)
.PHONY: bench-reminders
bench-reminders: install
	psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = '$(REMINDERS_DATABASE)'" | grep -q 1 \
	  || createdb -h 127.0.0.1 -U postgres $(REMINDERS_DATABASE)
	$(REMINDERS_ENV) $(MANAGE) migrate --noinput --verbosity 0
	$(REMINDERS_ENV) $(MANAGE) bench_reminders --members $(REMINDERS_MEMBERS) --force

# Restarts the machine's PostgreSQL under load and fails on a 5xx once it is back (needs root;
# disturbs other PostgreSQL users for seconds). PG_RESTART_DATABASE_URL picks the throwaway database.
.PHONY: pg-restart-check
pg-restart-check: install
	$(BIN)/python scripts/pg_restart_check.py
