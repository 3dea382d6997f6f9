# Two commands do all the set-up: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
OUT     := out
SHARED  := ../shared
CYTOSCAPE := 3.35.0
VENDOR  := kg/viz/vendor

.PHONY: install run test eval bench train clean vendor browser screenshot

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
	$(BIN)/kg viz --graph $(OUT)/graph.ttl --out $(OUT)/graph.html
	$(BIN)/kg viz --graph $(OUT)/graph.ttl --out $(OUT)/graph.png

test: install browser
	$(BIN)/python -m pytest

eval: install
	$(BIN)/python -m kg.evaluate

bench: install
	$(BIN)/python -m kg.bench
	$(BIN)/python -m kg.loadtest
	$(BIN)/python -m kg.viz.bench

# Rebuild the shipped cue model (kg/models/cues) from ../shared/eval/train_gold.jsonl; prints check and dev scores.
train: install
	$(BIN)/python -m kg.models.train --gold $(SHARED)/eval/train_gold.jsonl

# The graph library the HTML picture inlines, re-fetched from the npm registry at its pinned version.
vendor:
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  (cd "$$tmp" && npm pack --silent cytoscape@$(CYTOSCAPE) >/dev/null && tar xzf cytoscape-$(CYTOSCAPE).tgz) && \
	  cp "$$tmp/package/dist/cytoscape.min.js" $(VENDOR)/cytoscape.min.js && \
	  cp "$$tmp/package/LICENSE" $(VENDOR)/LICENSE.cytoscape && \
	  echo "vendored cytoscape $(CYTOSCAPE) into $(VENDOR)"

# Debian's Chromium for the browser tests, when we may install it (root) and it is not there yet.
browser:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi

# The pictures of the page in the README: the seed's, and the overview of ../shared's dev articles when there.
screenshot: install browser
	mkdir -p $(OUT) docs
	$(BIN)/kg build seeds --quiet --out $(OUT)/graph.ttl
	$(BIN)/kg viz --graph $(OUT)/graph.ttl --out $(OUT)/graph.html
	$(BIN)/python -m kg.viz.screenshot $(OUT)/graph.html docs/viz.png --click 'Volodymyr Zelenskyy'
	$(BIN)/python -m kg.viz.bench --screenshot docs/overview.png

clean:
	rm -rf $(OUT) .pytest_cache
