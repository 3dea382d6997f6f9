"""Score statements on the check split and dev, with and without the cue model, the way ``make eval`` does.

Used at the end of ``make train``: it extracts in this process (no graph is written), with the scorer of
``../shared/eval/score.py``, so the figures are the scorer's own. ``make eval`` builds the graphs.
"""
from __future__ import annotations

import json
import os
import sys
from collections import defaultdict
from pathlib import Path

from kg.documents import clean
from kg.extract import extract
from kg.extract.sieve import SIEVE_DIR, SIEVE_ENV
from kg.models import add_cue_model
from kg.nlp import DEFAULT_MODEL, load, parse
from kg.records import Document


def statements(nlp, golds: list[dict]) -> dict[str, list[dict]]:
    """Rows as ``queries/quotes.rq`` gives them, by document."""
    rows: dict[str, list[dict]] = defaultdict(list)
    for gold, doc in zip(golds, parse(nlp, (clean(g["text"]) for g in golds))):
        found = extract(doc, Document(id=gold["doc_id"], text=doc.text))
        for quote in found.quotes:
            speaker = found.entities.get(quote.speaker)
            rows[gold["doc_id"]].append({"speaker": speaker.name if speaker else quote.speaker,
                                         "cue": quote.cue, "content": quote.content})
    return rows


def report(train_gold: Path, dev_gold: Path, model_dir: Path, sieve_dir: Path | None = None, out=print) -> dict:
    """Detection and attribution F1 (P / R) on the check split and dev: rules alone, rules with the cue
    model in ``model_dir``, and with the statement sieve in ``sieve_dir`` too."""
    sys.path.insert(0, str(train_gold.parent))
    from score import score_quotes  # the team's scorer, beside the gold files
    sets = {"check": [g for g in _read(train_gold) if g.get("split") == "check"]}
    if dev_gold.is_file():
        sets["dev"] = _read(dev_gold)
    results = {}
    before = os.environ.get(SIEVE_ENV)
    variants = (("rules", False, "off"), ("rules + cue model", True, "off"), ("+ sieve (default)", True, sieve_dir))
    for variant, with_model, sieve in variants:
        os.environ[SIEVE_ENV] = str(sieve or SIEVE_DIR)
        nlp = load(DEFAULT_MODEL, cue_model=False)
        if with_model:
            add_cue_model(nlp, DEFAULT_MODEL, model_dir)
        for name, golds in sets.items():
            scores = score_quotes(golds, statements(nlp, golds), [])
            results[(variant, name)] = scores
            d, a = scores["detection"], scores["attribution"]
            out(f"{name:6} {variant:18} detection {d['f1']:.3f} ({d['p']:.3f} / {d['r']:.3f})  "
                f"attribution {a['f1']:.3f} ({a['p']:.3f} / {a['r']:.3f})")
    if before is None:
        os.environ.pop(SIEVE_ENV, None)
    else:
        os.environ[SIEVE_ENV] = before
    return results


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
