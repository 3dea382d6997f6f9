"""The last sieve: whether a candidate statement the rules found is a statement at all.

The rules find a cue, a speaker and a content; whether the three make a statement depends on
more than any one rule sees (*warned of delays* is one, *warned the driver* is not; a piece of a
quotation already reported whole is none). A logistic model over plain features of the candidate
(the cue's lemma and parse, the cue model's score, the content's length and shape, the speaker's
kind, what other candidates overlap it) says how likely the candidate is to be one; candidates
below the threshold are dropped. Its weights are learned from the annotated articles by
:mod:`kg.models.train` and ship in ``kg/models/statements/``.
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from kg.extract.sentences import sent_of, text_of


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


@dataclass
class Candidate:
    """What the sieve reads of one statement: plain values, so that it can be learned and tested alone."""

    kind: str
    rule: str  # the construction that found it
    cue: int | None  # token index of the cue
    spans: list[tuple[int, int]]  # content offsets
    speaker_kind: str  # PERSON, ORG, GPE, OTHER, or "" when unresolved
    speaker_pos: str  # part of speech of the word naming the speaker where the cue stands ("" for none)
    overlaps: int = 0  # other candidates whose content overlaps this one's
    inside_other: bool = False  # the cue stands in another candidate's content
    paragraph: int = 0


def features(doc: Doc, candidate: Candidate, cue_score: float | None, quoted: list[tuple[int, int]]) -> list[str]:
    """The candidate's features as strings (one-hot; pairs of the strongest ones conjoined)."""
    start, end = candidate.spans[0][0], candidate.spans[-1][1]
    content = doc.char_span(start, end, alignment_mode="expand")
    tokens = [t for t in content if not t.is_space] if content is not None else []
    words = [t for t in tokens if not t.is_punct]
    n = _bucket(len(words), (1, 2, 3, 5, 8, 12, 20, 35, 60))
    cue = doc[candidate.cue] if candidate.cue is not None else None
    lemma = cue.lemma_.lower() if cue is not None else "-"
    feats = [f"kind={candidate.kind}", f"rule={candidate.rule}", f"rule,len={candidate.rule},{n}",
             f"rule,lemma={candidate.rule},{lemma}", f"len={n}", f"kind,len={candidate.kind},{n}",
             f"lemma={lemma}", f"lemma,kind={lemma},{candidate.kind}", f"lemma,len={lemma},{n}",
             f"spk={candidate.speaker_kind}", f"spk,kind={candidate.speaker_kind},{candidate.kind}",
             f"overlaps={min(candidate.overlaps, 3)}", f"inside={candidate.inside_other}",
             f"segments={min(len(candidate.spans), 3)}", f"para={_bucket(candidate.paragraph, (0, 1, 3))}",
             f"spkpos={candidate.speaker_pos}"]
    if cue is not None:
        feats += [f"tag={cue.tag_}", f"dep={cue.dep_}", f"lemma,tag={lemma},{cue.tag_}", f"lemma,dep={lemma},{cue.dep_}",
                  f"head={cue.head.pos_}", f"cuepos={'before' if cue.idx < start else 'inside' if cue.idx < end else 'after'}",
                  f"neg={any(c.dep_ == 'neg' for c in cue.children)}",
                  f"dobj={any(c.dep_ in ('dobj', 'dative') for c in cue.children)}",
                  f"ccomp={any(c.dep_ in ('ccomp', 'xcomp') for c in cue.children)}"]
    if cue_score is not None:
        band = f"{min(int(cue_score * 10), 9)}"
        feats += [f"score={band}", f"score,kind={band},{candidate.kind}"]
    if words:
        first, last = words[0], words[-1]
        feats += [f"first={first.lower_ if first.is_stop else first.pos_}", f"firstpos={first.pos_}",
                  f"rule,first={candidate.rule},{first.lower_ if first.is_stop else first.pos_}",
                  f"lastpos={last.pos_}", f"lemma,first={lemma},{first.lower_ if first.is_stop else first.pos_}"]
        verbs = sum(1 for t in words if t.pos_ in ("VERB", "AUX"))
        feats.append(f"verbs={_bucket(verbs, (0, 1, 3))}")
        feats.append(f"lemma,verbs={lemma},{_bucket(verbs, (0, 1))}")
        feats.append(f"ents={_bucket(sum(1 for t in words if t.ent_iob_ == 'B'), (0, 1, 3))}")
    if content is not None and content.start > 0:
        prev = doc[content.start - 1]
        feats.append(f"before={prev.lower_ if prev.pos_ in ('ADP', 'SCONJ', 'PART', 'PUNCT') else prev.pos_}")
        feats.append(f"lemma,before={lemma},{prev.lower_ if prev.pos_ in ('ADP', 'SCONJ', 'PART') else prev.pos_}")
    if words and len(words) <= 3:
        feats.append(f"short_ent={words[-1].ent_type_ or words[-1].pos_}")
    text = text_of(doc)[start:end]
    share = sum(max(0, min(e, end) - max(s, start)) for s, e in quoted) / max(1, end - start)
    feats += [f"quoted={_bucket(int(share * 4), (0, 1, 2, 3))}", f"question={text.rstrip().endswith('?')}",
              f"sent_q={any(t.text == '?' for t in sent_of(cue)) if cue is not None else '-'}"]
    return feats


class Sieve:
    """A logistic model over :func:`features`; ``keep`` says whether a candidate is likely enough."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float) -> None:
        self.weights, self.bias, self.threshold = weights, bias, threshold

    @classmethod
    def from_disk(cls, path: Path) -> Sieve:
        try:
            data = json.loads((path / WEIGHTS).read_text(encoding="utf-8"))
            return cls(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise SieveFileError(f"statement sieve {path}: cannot read {WEIGHTS} ({err.__class__.__name__}); "
                                 "rebuild it with `make train` or run with KG_RULES_ONLY=1") from None

    def probability(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, feats: list[str], record: object = None) -> bool:
        """Quotations stay whatever the model says: what stands between quotation marks with a speaker is
        a statement (judging them too was worth 0.001 F1 on the check split, within its noise)."""
        return not QUOTED.isdisjoint(feats) or self.probability(feats) >= self.threshold


class Recorder:
    """Keeps every candidate and notes its features, to learn the sieve from (:mod:`kg.models.sieve`)."""

    def __init__(self) -> None:
        self.seen: list[tuple[object, list[str]]] = []

    def keep(self, feats: list[str], record: object = None) -> bool:
        self.seen.append((record, feats))
        return True


class SieveFileError(ValueError):
    """The shipped sieve's weights are missing or unreadable."""


WEIGHTS = "weights.json"
QUOTED = frozenset({"rule=quotation", "rule=quotation_alone", "rule=mixed", "rule=transcript"})
SIEVE_DIR = Path(__file__).resolve().parents[1] / "models" / "statements"
SIEVE_ENV = "KG_SIEVE_MODEL"  # another directory of sieve weights (``make train --sieve-out``), or "off"
_loaded: dict[Path, Sieve] = {}
recorder: Recorder | None = None  # set while the sieve is being learned: every candidate is kept and noted


def sieve_for(cue_scores: dict[int, float] | None) -> Sieve | Recorder | None:
    """The shipped sieve, loaded once; None without the cue model (the sieve was trained on its scores and
    on the candidates they let the rules propose)."""
    if cue_scores is None or os.environ.get(SIEVE_ENV) == "off":
        return None
    if recorder is not None:
        return recorder
    path = Path(os.environ.get(SIEVE_ENV) or SIEVE_DIR)
    if path not in _loaded:
        _loaded[path] = Sieve.from_disk(path)
    return _loaded[path]
