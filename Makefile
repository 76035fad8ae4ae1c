PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test test-unit lint bench

$(BIN)/activate: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/activate

install: $(BIN)/activate

run: install
	$(BIN)/peerlearning serve --host $(HOST) --port $(PORT) --demo

test: install
	$(BIN)/python -m pytest -m "not heavy" $(PYTEST_ARGS)
	$(BIN)/python -m pytest -m heavy $(PYTEST_ARGS)

test-unit: install
	$(BIN)/python -m pytest tests/unit $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy domain runtime store calendars application demo projections audit scheduler api web peerlearning bench

bench: install
	$(BIN)/python -m bench $(BENCH_ARGS)
