"""Find quotation spans in raw text, across sentences and paragraphs.

Quotation marks are paired on the characters, not on spaCy tokens, so that a
quotation running over several sentences or paragraphs is one span. A paragraph
that ends inside an open quotation continues in the next paragraph when that
one opens with a quotation mark (the newspaper convention); otherwise the open
quotation is closed at the paragraph's end and a warning is recorded.

Straight marks (" and ') are told apart from apostrophes and inch marks by the
characters around them. Nested quotations (‘…’ inside “…”) stay inside the
outer span.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg import lexicon

WORD = re.compile(r"\w", re.UNICODE)


@dataclass(slots=True)
class Quotation:
    """Text between quotation marks; ``start``/``end`` exclude the marks."""

    start: int
    end: int
    segments: list[tuple[int, int]] = field(default_factory=list)  # one per paragraph
    closed: bool = True

    def text(self, source: str) -> str:
        return " ".join(source[s:e].strip() for s, e in self.segments)


SPACED = {"«", "»", "‹", "›"}  # French style puts a space inside guillemets: « Nous gagnerons »


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:;,\"“‘«") and (not after.isspace() or text[i] in SPACED)


def _closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (not before.isspace() or text[i] in SPACED) and (after.isspace() or not WORD.match(after))


def _closes_after_space(text: str, i: int) -> bool:
    """*coalitions, '' said Mr. Gunnels*: a closing mark a stray space parted from the comma before it."""
    after = text[i + 1:i + 3].replace("\x00", "")[:1] or " "
    return i > 1 and text[i - 1] == " " and text[i - 2] in ",.!?" and after.isspace()


def _closes_as(expected: str, ch: str) -> bool:
    """Whether ``ch`` can close a quotation that expects ``expected``: the same mark, or a straight and a
    curly double mark mixed by an editor ("… said ”)."""
    return ch == expected or (expected in '"”' and ch in '"”')


def find_quotations(text: str) -> tuple[list[Quotation], list[str]]:
    """Top-level quotation spans of a text, and warnings about unbalanced marks.

    Examples:
        >>> qs, _ = find_quotations('“We will win,” she said. He said "no".')
        >>> [q.text('“We will win,” she said. He said "no".') for q in qs]
        ['We will win,', 'no']
        >>> typed = "''Some say, 'Go home,''' said Ana Ruiz. ''No.''"
        >>> [q.text(typed) for q in find_quotations(typed)[0]]
        ["Some say, 'Go home,'", 'No.']
    """
    original = text
    # Typewriter style (''quoted'') reads as one double mark; the copy keeps every offset.
    # Three marks after a word close a nested single quotation, then the typewriter double one:
    # the single mark comes first.
    text = re.sub(r"(?<=\S)'''", "'\"\x00", text).replace("''", '"\x00')
    pairs = lexicon.quote_marks()
    closers = set(pairs.values())
    warnings: list[str] = []
    out: list[Quotation] = []
    stack: list[tuple[str, int]] = []  # (closing mark expected, content start)
    current: Quotation | None = None
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            # End of a paragraph with a quotation open: continue it if the next paragraph opens one.
            j = i
            while j < n and text[j].isspace():
                j += 1
            if stack and current is not None:
                closing, start = stack[0]
                if "\n" in text[i:j] and j < n:
                    current.segments.append((start, i))
                    if text[j] in pairs and pairs[text[j]] == closing and _opens(text, j):
                        stack = [(closing, j + 1)]
                        i = j + 1
                        continue
                    current.closed = False
                    current.end = i
                    out.append(current)
                    warnings.append(f"unbalanced quotation mark at character {current.start - 1}; closed at the paragraph's end")
                    stack, current = [], None
            i = j if j > i else i + 1
            continue
        if stack and _closes_as(stack[-1][0], ch) and (ch not in pairs or _closes(text, i) or not _opens(text, i)
                                                        or _closes_after_space(text, i)):
            if ch in ("'", "’") and WORD.match(text[i + 1] if i + 1 < n else " "):
                i += 1  # an apostrophe inside a word
                continue
            closing, start = stack.pop()
            if not stack and current is not None:
                current.segments.append((start, i))
                current.end = i
                out.append(current)
                current = None
            i += 1
            continue
        if ch in pairs and _opens(text, i):
            if ch in ("'", "‘", "’") and not stack and i > 0 and WORD.match(text[i - 1]):
                i += 1
                continue
            if ch in ("'",) and not stack:
                # A straight single mark opens a top-level quotation only when one closes it in the paragraph.
                end_para = text.find("\n", i)
                end_para = n if end_para < 0 else end_para
                if not re.search(r"\w[.,!?]?'(?!\w)", text[i + 1:end_para]):
                    i += 1
                    continue
            if not stack:
                current = Quotation(start=i + 1, end=i + 1)
            stack.append((pairs[ch], i + 1))
            i += 1
            continue
        if ch in closers and stack and ch != "’":
            # A closing mark of another kind: close the innermost quotation that expects it.
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    stack = stack[:depth + 1]
                    break
            else:
                i += 1
                continue
            continue
        i += 1
    if stack and current is not None:
        closing, start = stack[0]
        current.segments.append((start, n))
        current.end = n
        current.closed = False
        out.append(current)
        warnings.append(f"unbalanced quotation mark at character {current.start - 1}; closed at the end of the text")
    for q in out:
        if not q.segments:
            q.segments = [(q.start, q.end)]
        q.segments = [(s + 1 if text[s:s + 1] == "\x00" else s, e) for s, e in q.segments]
        q.start = q.segments[0][0]
    del original
    return out, warnings


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks."""
    return [segment for q in find_quotations(text)[0] for segment in q.segments]
