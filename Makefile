PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
LOCALES := pl gu ar so
MSG_IGNORE := --ignore ".venv/*" --ignore "tests/*" --ignore "var/*" --ignore "media/*"

.PHONY: run test lint messages bench system-deps seed clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

system-deps:
	@sh academy_site/scripts/system_deps.sh $(SYSTEM_DEPS)

run: SYSTEM_DEPS = run
# Addresses printed in certificates' QR codes and in emails use this port.
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: system-deps $(VENV)/.installed
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_academy
	@sh academy_site/scripts/serve.sh $(PORT)

test: SYSTEM_DEPS = test
test: system-deps $(VENV)/.installed
	$(BIN)/pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

messages: $(VENV)/.installed
	$(MANAGE) makemessages $(foreach l,$(LOCALES),-l $(l)) $(MSG_IGNORE)
	$(MANAGE) makemessages -d djangojs $(foreach l,$(LOCALES),-l $(l)) $(MSG_IGNORE)
	$(MANAGE) compilemessages $(MSG_IGNORE)

bench: SYSTEM_DEPS = run
bench: system-deps $(VENV)/.installed
	@$(MANAGE) bench_certificates

seed: $(VENV)/.installed
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_academy

clean:
	rm -rf $(VENV) db.sqlite3 media var static_collected
