"""The sentence of a token, computed once per document.

spaCy's ``Token.sent`` walks the parse again on every call; extractors ask for it
thousands of times per article, so the answer is cached on the ``Doc``.
"""
from __future__ import annotations

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
