"""Train the cue model from annotated articles: ``make train`` (``python -m kg.models.train``).

The gold file is ``train_gold.jsonl`` of ``../shared/eval`` (PolNeAR's train split): each statement
has a ``cue_span``. The articles of ``split == "train"`` are learned from; the ``check`` tenth and
dev are only scored at the end. The spaCy pipeline parses every article once; the parse, tags,
entities and ``tok2vec`` tensor stay frozen, so each epoch updates only the small cue network
(spaCy's ``spancat`` with :mod:`kg.models.architecture`). Then the statement sieve is learned
(:mod:`kg.models.sieve`): two more cue networks, each on half the articles, score the other half, and a
logistic model learns which of the candidates the rules propose with those scores are statements.
Deterministic given ``--seed``.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, Span, SpanGroup
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from kg.documents import clean
from kg.extract.cues import CUE_SPANS
from kg.extract.sieve import SIEVE_DIR
from kg.models import CUE_MODEL
from kg.nlp import DEFAULT_MODEL, load, parse

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
LABEL = "CUE"
COMPONENT = {
    "spans_key": CUE_SPANS,
    "threshold": 0.01,  # every candidate the rules may ask about keeps its score
    "max_positive": 1,
    "suggester": {"@misc": "spacy.ngram_suggester.v1", "sizes": [1]},
    "model": {
        "@architectures": "spacy.SpanCategorizer.v1",
        "tok2vec": {"@architectures": "kg.CueTok2Vec.v1", "tensor_width": 96, "width": 64,
                    "attrs": ["NORM", "LEMMA", "TAG", "DEP", "ENT_TYPE"], "rows": [5000, 5000, 200, 200, 100],
                    "depth": 2, "window_size": 2},
        "reducer": {"@layers": "spacy.mean_max_reducer.v1", "hidden_size": 64},
        "scorer": {"@layers": "spacy.LinearLogistic.v1", "nO": None, "nI": None},
    },
}


def read_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cue_tokens(doc: Doc, statements: list[dict]) -> set[int]:
    """Tokens of the cues of the required statements, words only. An optional statement's cue (no speech
    act, or no source named) counts as no cue: trained that way, the model decides better on dev."""
    found: set[int] = set()
    for statement in statements:
        where = statement.get("cue_span")
        if not where or statement.get("optional"):
            continue
        span = doc.char_span(where["start"], where["end"], alignment_mode="expand")
        if span is not None:
            found.update(t.i for t in span if t.is_alpha)
    return found


def example(doc: Doc, statements: list[dict]) -> Example:
    """The parsed article as spaCy predicts it, and its gold cues as the reference."""
    reference = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    reference.spans[CUE_SPANS] = SpanGroup(reference, name=CUE_SPANS, spans=[
        Span(reference, i, i + 1, label=LABEL) for i in sorted(cue_tokens(doc, statements))])
    return Example(doc, reference)


def parsed(nlp, golds: list[dict], n_process: int) -> Iterator[Doc]:
    yield from parse(nlp, (clean(g["text"]) for g in golds), batch_size=8, n_process=n_process)


def fit_cues(nlp, examples: list[Example], seed: int, epochs: int, name: str = CUE_SPANS, log=print):
    """A cue network fitted on ``examples``, added to ``nlp`` as ``name``."""
    fix_random_seed(seed)
    cues = nlp.add_pipe("spancat", name=name, config=COMPONENT)
    cues.initialize(lambda: examples, nlp=nlp, labels=[LABEL])
    optimizer = cues.create_optimizer()
    order = list(range(len(examples)))
    started = time.monotonic()
    for epoch in range(1, epochs + 1):
        random.Random(seed * 1000 + epoch).shuffle(order)
        losses: dict[str, float] = {}
        for batch in minibatch([examples[i] for i in order], size=4):
            cues.update(batch, drop=0.1, sgd=optimizer, losses=losses)
        log(f"{name} epoch {epoch}/{epochs}: loss {losses.get(name, 0.0):.2f} ({time.monotonic() - started:.0f} s)")
    return cues


def train(golds: list[dict], out: Path, epochs: int, seed: int, n_process: int = 1, sieve_out: Path | None = None,
          log=print) -> tuple[spacy.language.Language, list[Example]]:
    """Fit the cue network on ``golds`` and write it to ``out``; then, when ``sieve_out`` is given, learn
    the statement sieve from the candidates the rules propose with out-of-fold cue scores and write it
    there. Returns the pipeline with the cue network added."""
    import kg.models.architecture  # noqa: F401  (registers the network)
    nlp = load(DEFAULT_MODEL, cue_model=False)
    started = time.monotonic()
    examples = [example(doc, g.get("quotes", [])) for doc, g in zip(parsed(nlp, golds, n_process), golds)]
    log(f"parsed {len(examples)} articles in {time.monotonic() - started:.0f} s")
    cues = fit_cues(nlp, examples, seed, epochs, log=log)
    if out.exists():
        shutil.rmtree(out / "spancat", ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    cues.to_disk(out / "spancat", exclude=["vocab"])
    meta = {"pipeline": DEFAULT_MODEL, "spacy": spacy.__version__, "seed": seed, "epochs": epochs,
            "articles": len(examples), "component": COMPONENT}
    (out / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if sieve_out is not None:
        from kg.models import sieve
        docs = [eg.predicted for eg in examples]

        def fold_cues(learn: list[Example], name: str):
            pipe = fit_cues(nlp, learn, seed, epochs, name=name, log=log)
            nlp.remove_pipe(name)
            return pipe

        sieve.out_of_fold_scores(docs, examples, fold_cues, log=log)
        rows = sieve.candidates(docs, golds)
        weights, bias = sieve.fit(rows)
        sieve.save(sieve_out, weights, bias, len(rows), len(docs))
        log(f"sieve: {len(rows)} candidates, {len(weights)} weights ({time.monotonic() - started:.0f} s)")
    return nlp, examples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.models.train", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=SHARED / "train_gold.jsonl",
                        help="annotated articles (JSONL with quotes[].cue_span and split); default: %(default)s")
    parser.add_argument("--out", type=Path, default=CUE_MODEL, help="where the cue model goes; default: %(default)s")
    parser.add_argument("--sieve-out", type=Path, default=SIEVE_DIR,
                        help="where the statement sieve goes; default: %(default)s")
    parser.add_argument("--no-sieve", action="store_true", help="train the cue model only")
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=int, default=0, help="learn from the first N training articles only")
    parser.add_argument("--jobs", type=int, default=2, help="processes that parse the articles")
    parser.add_argument("--no-score", action="store_true", help="skip scoring the check split and dev at the end")
    args = parser.parse_args(argv)
    if not args.gold.is_file():
        print(f"error: {args.gold}: no such file (the annotated articles are in ../shared/eval)", file=sys.stderr)
        return 2
    golds = read_gold(args.gold)
    learn = [g for g in golds if g.get("split", "train") == "train"]
    learn = learn[:args.limit] if args.limit else learn
    sieve_out = None if args.no_sieve else args.sieve_out
    train(learn, args.out, args.epochs, args.seed, args.jobs, sieve_out=sieve_out)
    print(f"wrote {args.out}" + (f" and {sieve_out}" if sieve_out else ""))
    if not args.no_score:
        from kg.models.scores import report
        report(args.gold, SHARED / "dev_gold.jsonl", args.out, sieve_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
