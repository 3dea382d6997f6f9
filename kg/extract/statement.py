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
    while tokens and (tokens[-1].text in CLAUSE_END or tokens[-1].dep_ == "cc" and len(tokens) > 1):
        tokens = tokens[:-1]  # nor a conjunction whose second half the parse hung elsewhere
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


def trailing_comment(head: Token) -> Token | None:
    """What the writer adds after a comma at the end of a reported clause: a participle clause with no
    subject or conjunction (*said the team won, leaving the city excited*) or an absolute *with* phrase
    (*said they had decided, with four in ten saying …*) tells the consequence or the context as the
    writer sees it, not what was said. Only when it ends the clause: one followed by more of the
    clause may describe a noun inside it. The comma may close a quotation (*represents “old values,”
    stating …*), and the participle may hang on the clause's last conjoined verb (*to raise their hands
    and pledge support, creating an awkward moment*)."""
    if head.lemma_ == "be" and not any(c.dep_ in ("attr", "acomp") for c in head.children):
        return None  # "Voters were, at some cost, favoring X": the participle is the predicate
    last_conj = next((c for c in reversed(list(head.rights)) if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")), None)
    hosts = [head] + ([last_conj] if last_conj is not None else [])
    for child in (c for host in hosts for c in host.rights):
        comma = comma_before(child.left_edge)
        if comma is None or comma.i - 1 <= head.left_edge.i or child.right_edge.i < head.right_edge.i - 1:
            continue
        participle = child.dep_ == "advcl" and child.tag_ == "VBG" and child.left_edge.i == child.i \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in child.children)
        absolute = child.dep_ == "prep" and child.lower_ == "with" and any(
            g.tag_ == "VBG" and g.dep_ in ("pcomp", "acl") for g in child.subtree)
        if participle or absolute:
            return child
    return None


def comma_before(token: Token) -> Token | None:
    """The comma right before ``token``, also when a quotation closed after it (*“old values,” stating*)."""
    before = token.i - 1
    while before > 0 and token.doc[before].tag_ == "''" and not token.doc[before - 1].whitespace_:
        before -= 1  # the closing mark of a quotation that ends with the comma (not an opening one after it)
    return token.doc[before] if before >= 0 and token.doc[before].text == "," else None


def trailing_participle(first: Token, last: Token) -> Token | None:
    """*called Reid the “ultimate hypocrite,” linking to a story …*, *urged residents to act, creating an
    awkward moment*: a participle after a comma that runs to the end of an object's phrase, with no
    subject of its own, is what the speaker did next, not part of what was said."""
    for token in first.doc[first.i + 1:last.i + 1]:
        if token.tag_ == "VBG" and token.dep_ in ("advcl", "acl") and token.left_edge.i == token.i \
                and token.right_edge.i >= last.i - 1 and not any(c.dep_ in ("nsubj", "mark") for c in token.children):
            comma = comma_before(token)
            if comma is not None and comma.i > first.i:
                return token
    return None


def end_before(comment: Token) -> int:
    """Where what was said ends, before a comment after a comma: after a quotation's closing mark that
    follows the comma (*“old values,”*), else before the comma."""
    before = comment.doc[comment.left_edge.i - 1]
    if before.tag_ == "''" and comma_before(comment.left_edge) is not None:
        return before.idx + len(before.text)
    return before.idx
