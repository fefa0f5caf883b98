# Kunskapscentrum för skolnärvaro — the two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench lint format messages services-start services-stop clean

$(STAMP): pyproject.toml
	@echo "[setup] creating virtualenv and installing dependencies (first time: about a minute)…"
	@mkdir -p var
	@bash ops/system_packages.sh
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip > var/pip.log 2>&1 || { cat var/pip.log; exit 1; }
	@$(PY) -m pip install --disable-pip-version-check -e ".[test]" >> var/pip.log 2>&1 \
		|| { tail -40 var/pip.log; echo "[setup] pip install failed (full log: var/pip.log)"; exit 1; }
	@echo "[setup] installed $$($(PY) -m pip list --format=freeze 2>/dev/null | wc -l) packages"
	@touch $(STAMP)

run: $(STAMP)
	@echo "[run] migrating the database (var/db.sqlite3)…"
	@$(PY) manage.py migrate --noinput -v 0
	@echo "[run] loading demo content…"
	@$(PY) manage.py load_demo
	@$(PY) manage.py ensure_editor
	@echo "[run] serving http://127.0.0.1:8000 (Ctrl-C stops)"
	@$(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	@bash ops/test.sh

bench: $(STAMP)
	@bash ops/bench.sh

lint: $(STAMP)
	@$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

format: $(STAMP)
	@$(VENV)/bin/ruff format . && $(VENV)/bin/ruff check --fix .

# Regenerate the translation catalogue (site/locale) from all apps and templates, then compile it.
messages: $(STAMP)
	@mkdir -p var
	@flock var/.messages.lock $(PY) manage.py makemessages -l en -l sv --no-obsolete \
		-i ".venv/*" -i "var/*" -i "ops/*" -i "tests/*" -i "node_modules/*"
	@flock var/.messages.lock $(PY) manage.py compilemessages -v 0 -i ".venv" -i "var"

services-start:
	@bash ops/services.sh start

services-stop:
	@bash ops/services.sh stop

clean:
	rm -rf $(VENV) var/static
