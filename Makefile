# Two commands run the whole project on a fresh machine:
#   make run   - install, migrate an embedded SQLite database, load demo content, serve on http://127.0.0.1:8000
#   make test  - install, start a throwaway PostgreSQL (unless DATABASE_URL is set), run every test incl. Chromium
# Everything else here is a convenience for developers.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV_VERSION := 0.13.8
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
SQLITE_URL := sqlite:///$(CURDIR)/var/dev.sqlite3

.PHONY: run test setup install lint typecheck format messages translations demo bench clean

run: setup
	@mkdir -p var
	DATABASE_URL=$${DATABASE_URL:-$(SQLITE_URL)} $(PY) manage.py migrate --no-input
	DATABASE_URL=$${DATABASE_URL:-$(SQLITE_URL)} $(PY) manage.py demo_content
	DATABASE_URL=$${DATABASE_URL:-$(SQLITE_URL)} $(PY) manage.py runserver 127.0.0.1:8000

test: setup
	bin/ensure-chromium
	bin/with-postgres $(PY) -m pytest $(PYTEST_ARGS)

setup: $(VENV)/.installed node_modules/.installed translations

$(VENV)/.installed: pyproject.toml uv.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(VENV)/bin/uv sync --frozen --all-extras --inexact
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Compiled catalogues are build output (git-ignored); rebuilt whenever a .po file changes.
translations: $(VENV)/.installed
	@$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

# Developers: refresh the catalogues after changing strings (needs GNU gettext).
messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l nl -l da --ignore=.venv --ignore=node_modules --ignore=var --no-obsolete

# Every folder of Django templates (the site's and each app's).
TEMPLATE_DIRS = $(shell find . \( -name node_modules -o -name .venv -o -name staticfiles -o -name var \) -prune -o -type d -name templates -print | sort)

# The modules that hold the business rules are type-checked; make's wildcard drops patterns that match nothing.
TYPED_MODULES = $(wildcard */services.py */*/services.py */services/*.py */actions.py */*/actions.py */permissions.py \
	*/*/permissions.py */access.py */*/access.py */params.py */*/params.py) \
	measurement/queries.py measurement/figures.py measurement/benchmark.py measurement/evaluations.py \
	measurement/organisation.py measurement/periods.py forum/moderation/suspensions.py forum/moderation/person_actions.py \
	core/personal_data.py core/personal_names.py core/page_cache.py core/task_worker.py core/task_recovery.py \
	search/stemming.py search/highlight.py core/logs.py core/metrics.py search/metrics.py config/health.py \
	accounts/erasure_journal.py \
	core/member_cache.py core/data_generation.py \
	notifications/registry.py core/changes.py

# Python (ruff, import rules, types), templates (djhtml), CSS (stylelint), JS (eslint), CSS and JS layout
# (prettier; the npm scripts in package.json say which files).
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy $(TYPED_MODULES)
	$(VENV)/bin/djhtml --check --tabwidth 2 $(TEMPLATE_DIRS)
	npm run --silent lint:css
	npm run --silent lint:js
	npm run --silent lint:format

typecheck: $(VENV)/.installed
	$(VENV)/bin/mypy $(TYPED_MODULES)

format: $(VENV)/.installed node_modules/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/djhtml --tabwidth 2 $(TEMPLATE_DIRS)
	npm run --silent format

demo: setup
	DATABASE_URL=$${DATABASE_URL:-$(SQLITE_URL)} $(PY) manage.py demo_content

clean:
	rm -rf $(VENV) node_modules var staticfiles tests/e2e/artifacts
