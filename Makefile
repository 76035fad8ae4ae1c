PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test test-unit lint bench messages mutation

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
	$(BIN)/mypy domain runtime wording store calendars application demo projections audit scheduler api web peerlearning bench

bench: install
	$(BIN)/python -m bench $(BENCH_ARGS)

# After adding, renaming or removing a message id in the code: the template lists the ids
# anew, and both catalogues get the new ones empty (tests/wording fails until they are filled).
messages: install
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output --width 100 \
		--project Peer-Learnings --version 0.1 -o wording/locale/messages.pot .
	$(BIN)/pybabel update -i wording/locale/messages.pot -d wording/locale \
		--no-fuzzy-matching --ignore-obsolete --width 100

# The domain's mutants against the unit tests (not part of CI: a few minutes on two cores).
mutation: install
	$(BIN)/pip install --quiet 'mutmut>=3.8,<4'
	$(BIN)/mutmut run --max-children 2 || true
	$(BIN)/python -m tests.mutation_score

