"""Learn the statement sieve (:mod:`kg.extract.sieve`) from annotated articles; part of ``make train``.

The rules, with the cue model's scores, propose candidates in every training article; a candidate
whose content matches a required statement of the annotation (token F1 ≥ 0.5, one to one, best
first, as the team's scorer matches) is a positive, one that matches nothing a negative, and one that
matches an optional statement is left out (the scorer counts it neither way). A logistic regression
over the candidates' features is fitted by full-batch gradient descent from zero weights, so the same
candidates give the same weights.

The cue scores the candidates are proposed with must be scores of a model that never saw the article:
trained on all of them, the cue model is surer of the training articles' cues than it will ever be of
a user's, and the sieve would learn to trust it too much. So :func:`out_of_fold_scores` scores each
article with a cue model trained on the other half of the articles.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy

from kg.extract import extract, sieve as sieve_module
from kg.extract.cues import CUE_SPANS
from kg.extract.sieve import WEIGHTS, Recorder
from kg.records import Document

MATCH = 0.5  # token F1 at which a candidate's content is the annotated statement's
THRESHOLD = 0.4  # chosen by 5-fold cross-validation on the train split (0.2 … 0.5 tried); check and dev agreed
L2 = 3.0
STEPS = 200
MIN_COUNT = 2  # a feature seen once is noise


def _tokens(text: str) -> Counter:
    return Counter(re.findall(r"[a-z0-9]+", text.lower().replace("’", "'")))


def token_f1(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(tb.values()), common / sum(ta.values())
    return 2 * p * r / (p + r)


def labels(contents: list[str], gold: list[dict]) -> list[int]:
    """1 for a candidate that is a required statement, 0 for one that is none, -1 for an optional one."""
    pairs = sorted(((token_f1(g["content"], c), gi, ci) for gi, g in enumerate(gold) for ci, c in enumerate(contents)),
                   key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    out = [0] * len(contents)
    matched: set[int] = set()
    for f1, gi, ci in pairs:
        if f1 < MATCH:
            break
        if gi in used_g or ci in matched:
            continue
        used_g.add(gi)
        matched.add(ci)
        out[ci] = -1 if gold[gi].get("optional") else 1
    return out


def candidates(docs: Iterable, golds: list[dict]) -> list[tuple[list[str], int]]:
    """Every candidate the rules propose in the parsed ``docs`` (cue scores set), with its features and
    label."""
    rows: list[tuple[list[str], int]] = []
    sieve_module.recorder = recorder = Recorder()
    try:
        for doc, gold in zip(docs, golds):
            recorder.seen.clear()
            found = extract(doc, Document(id=gold["doc_id"], text=doc.text))
            feats = {id(record): f for record, f in recorder.seen}
            kept = [q for q in found.quotes if id(q) in feats]
            for quote, label in zip(kept, labels([q.content for q in kept], gold.get("quotes", []))):
                rows.append((feats[id(quote)], label))
    finally:
        sieve_module.recorder = None
    return rows


def fit(rows: list[tuple[list[str], int]], l2: float = L2, steps: int = STEPS) -> tuple[dict[str, float], float]:
    """Logistic regression on the labelled rows (optional ones left out): Adam, full batch, from zero."""
    rows = [(f, y) for f, y in rows if y >= 0]
    counts = Counter(f for feats, _ in rows for f in set(feats))
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(names)}
    x = numpy.zeros((len(rows), len(names)), dtype=numpy.float32)
    for r, (feats, _) in enumerate(rows):
        x[r, [index[f] for f in feats if f in index]] = 1.0
    y = numpy.array([label for _, label in rows], dtype=numpy.float64)
    w, b = numpy.zeros(len(names)), 0.0
    m, v, mb, vb = numpy.zeros(len(names)), numpy.zeros(len(names)), 0.0, 0.0
    n = len(rows)
    for step in range(1, steps + 1):
        p = 1.0 / (1.0 + numpy.exp(-(x @ w + b)))
        gw, gb = x.T @ (p - y) / n + l2 * w / n, float((p - y).mean())
        m, v = 0.9 * m + 0.1 * gw, 0.999 * v + 0.001 * gw * gw
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb * gb
        w -= 0.05 * (m / (1 - 0.9 ** step)) / (numpy.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
        b -= 0.05 * (mb / (1 - 0.9 ** step)) / (numpy.sqrt(vb / (1 - 0.999 ** step)) + 1e-8)
    return {f: round(float(w[i]), 5) for f, i in index.items() if abs(w[i]) >= 1e-4}, round(b, 5)


def out_of_fold_scores(docs: list, examples: list, fit_cues: Callable, log=print) -> None:
    """Give each parsed doc the cue scores of a model trained on the other half of the articles;
    ``fit_cues(examples, name)`` fits one."""
    halves = [list(range(0, len(docs), 2)), list(range(1, len(docs), 2))]
    for k, held_out in enumerate(halves):
        learn = [examples[i] for i in halves[1 - k]]
        pipe = fit_cues(learn, f"{CUE_SPANS}_fold{k + 1}")
        for i in held_out:
            pipe(docs[i])
    log("scored every article with a cue model that did not learn from it")


def save(out: Path, weights: dict[str, float], bias: float, rows: int, articles: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    data = {"threshold": THRESHOLD, "bias": bias, "l2": L2, "steps": STEPS, "candidates": rows,
            "articles": articles, "weights": dict(sorted(weights.items()))}
    (out / WEIGHTS).write_text(json.dumps(data, indent=0, sort_keys=False) + "\n", encoding="utf-8")
