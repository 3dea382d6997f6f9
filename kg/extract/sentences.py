"""Per-document lookups the extractors make thousands of times, computed once.

spaCy's ``Token.sent`` walks the parse again on every call, and every ``for token in
doc`` makes a Python object per token; the sentence of each token is cached on the
``Doc``, and tokens are found by attribute through ``Doc.to_array`` (numpy), so
only the few that match become Python objects.
"""
from __future__ import annotations

import numpy
from spacy.tokens import Doc, Span, Token

_KEY = "kg.sentences"


def sentences(doc: Doc) -> tuple[list[Span], list[int]]:
    """The document's sentences, and for each token the index of its sentence."""
    cached = doc.user_data.get(_KEY)
    if cached is None:
        spans = list(doc.sents)
        index = [0] * len(doc)
        for n, span in enumerate(spans):
            for i in range(span.start, span.end):
                index[i] = n
        cached = doc.user_data[_KEY] = (spans, index)
    return cached


def sent_of(token: Token) -> Span:
    """``token.sent``, without walking the parse again."""
    spans, index = sentences(token.doc)
    return spans[index[token.i]]


def tokens_where(doc: Doc, attribute: str, values: set[str] | frozenset[str]) -> list[Token]:
    """The tokens whose ``attribute`` (``LEMMA``, ``DEP``, ``LOWER``…) is one of ``values``, in order."""
    if not len(doc):
        return []
    wanted = [doc.vocab.strings[v] for v in values if v in doc.vocab.strings]
    if not wanted:
        return []
    column = doc.to_array(attribute)
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(column, numpy.array(wanted, dtype=column.dtype)))]
