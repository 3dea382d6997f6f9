"""Where a trained cue model has marked the words that report speech, read its scores.

The model (:mod:`kg.models`) is a spaCy span categorizer over single tokens; it writes its
candidates to ``doc.spans[CUE_SPANS]`` with a score each. Without it, ``cue_scores`` is None and
the statement rules decide alone.
"""
from __future__ import annotations

import numpy
from spacy.tokens import Doc

CUE_SPANS = "kg_cues"


def cue_scores(doc: Doc) -> dict[int, float] | None:
    """Token index -> the model's probability that the token is the cue of a statement."""
    if CUE_SPANS not in doc.spans:
        return None
    group = doc.spans[CUE_SPANS]
    scores = group.attrs.get("scores")
    if scores is None:
        return {span.start: 1.0 for span in group}
    best = numpy.asarray(scores, dtype="float32").reshape(len(group), -1).max(axis=1) if len(group) else ()
    return {span.start: float(score) for span, score in zip(group, best)}
