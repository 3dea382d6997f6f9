"""A statement as the rules find it, and the character offsets every rule cuts by.

Each rule module yields :class:`Statement` objects: the spans of what was said, its kind (``direct``,
``indirect``, ``mixed``), the cue and the phrase that names the speaker. For *Ada Brenn said the
ferry would run again in May*, the rule of :mod:`kg.extract.reported` yields the span of *the ferry
would run again in May*, kind ``indirect``, cue *said*, speaker phrase *Ada Brenn*;
:mod:`kg.extract.quotes` resolves the speaker and makes the record.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token


@dataclass
class Statement:
    content_spans: list[tuple[int, int]]
    kind: str
    cue: Token | None
    speaker_head: Token | None  # the phrase to resolve; None: the speaker before (a continuation)
    sentence: Span
    paragraph: int
    speaker: str | None = None
    rule: str = ""  # which construction found it (read by the sieve, kg.extract.sieve)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding spaces, trailing commas, colons and dashes."""
    while start < end and (text[start].isspace() or text[start] in ",:;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",:;—–-"):
        end -= 1
    return start, end


CLAUSE_END = {".", ",", ";", ":", "!", "?", "—", "–", "-", "(", ")"}


def clause_span(head: Token) -> tuple[int, int]:
    """Offsets of a clause without its complementiser (*that*, *whether* stay out of the content)."""
    tokens = list(head.subtree)
    while tokens and (tokens[0].dep_ == "mark" and tokens[0].lower_ == "that" or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].text in CLAUSE_END:
        tokens = tokens[:-1]
    if not tokens:
        tokens = [head]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def token_runs(tokens: list[Token]) -> list[list[Token]]:
    """The tokens in runs of neighbours (a gap where a token was left out ends a run)."""
    runs: list[list[Token]] = []
    for token in tokens:
        if runs and token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs
