"""Per-document lookups the extractors make thousands of times, computed once.

spaCy's ``Token.sent`` walks the parse again on every call, and every ``for token in
doc`` makes a Python object per token; the sentence of each token is cached on the
``Doc``, and tokens are found by attribute through ``Doc.to_array`` (numpy), so
only the few that match become Python objects.
"""
from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

_KEY = "kg.sentences"
_ENTS = "kg.ents"
_TEXT = "kg.text"
_BY_TEXT = "kg.tokens_by_text"


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


def text_of(doc: Doc) -> str:
    """``doc.text``, made once: spaCy joins every token's text again on each access."""
    cached = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.user_data[_TEXT] = doc.text
    return cached


def entities_of(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, made once: spaCy rebuilds the spans by scanning every token on each access."""
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        cached = doc.user_data[_ENTS] = tuple(doc.ents)
    return cached


def token_starts(doc: Doc) -> list[int]:
    """Each token's character offset (``token.idx``), without making the tokens."""
    return doc.to_array("IDX").tolist() if len(doc) else []


def tokens_by_text(doc: Doc) -> dict[str, list[int]]:
    """Token indices by exact text, read from the ``ORTH`` column (no Token objects), made once."""
    cached = doc.user_data.get(_BY_TEXT)
    if cached is None:
        by_orth: dict[int, list[int]] = {}
        for i, orth in enumerate(doc.to_array("ORTH").tolist() if len(doc) else []):
            by_orth.setdefault(orth, []).append(i)
        strings = doc.vocab.strings
        cached = doc.user_data[_BY_TEXT] = {strings[orth]: indices for orth, indices in by_orth.items()}
    return cached


def sent_of(token: Token) -> Span:
    """``token.sent``, without walking the parse again."""
    spans, index = sentences(token.doc)
    return spans[index[token.i]]


def tokens_where(doc: Doc, attribute: str, values: set[str] | frozenset[str]) -> list[Token]:
    """The tokens whose ``attribute`` (``LEMMA``, ``DEP``, ``LOWER``…) is one of ``values``, in order."""
    if not len(doc) or not values:
        return []
    column = doc.to_array(attribute)
    wanted = _string_ids(frozenset(values), doc.vocab.strings)
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(column, wanted))]


@lru_cache(maxsize=256)
def _string_ids(values: frozenset[str], strings: StringStore) -> numpy.ndarray:
    """The ids spaCy gives these strings (a symbol's number, else the string's hash), once per set."""
    return numpy.array(sorted(strings[v] for v in values), dtype=numpy.uint64)
