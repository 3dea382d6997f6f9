# Two commands do all the set-up: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
OUT     := out
SHARED  := ../shared

.PHONY: install run test eval bench clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

run: install
	mkdir -p $(OUT)
	$(BIN)/kg build seeds --out $(OUT)/graph.ttl
	@for q in queries/*.rq; do echo; echo "== $$q"; $(BIN)/kg query $$q --graph $(OUT)/graph.ttl; done

test: install
	$(BIN)/python -m pytest

eval: install
	$(BIN)/python -m kg.evaluate

bench: install
	$(BIN)/python -m kg.bench

clean:
	rm -rf $(OUT) .pytest_cache
