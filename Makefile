# HireLoop: `make run` serves the console with demo data; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test install system-deps migrate demo serve messages audit clean

$(STAMP): pyproject.toml $(wildcard requirements/*.txt)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip setuptools wheel
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

system-deps:
	bash scripts/system-deps.sh

run: install
	mkdir -p var
	$(VENV)/bin/hireloop migrate
	$(VENV)/bin/hireloop demo
	$(VENV)/bin/hireloop serve --host 127.0.0.1 --port 8000

test: install system-deps
	$(PY) -m pytest

messages: install
	$(VENV)/bin/pybabel extract -F babel.cfg -k N_ -o var/messages.pot .
	$(VENV)/bin/pybabel update -i var/messages.pot -d src/hireloop/locales -D messages --no-fuzzy-matching

audit: install  # pip-audit; needs a route to PyPI's vulnerability data (CI runs it after the tests)
	bash scripts/audit-deps.sh

clean:
	rm -rf $(VENV) var .pytest_cache
