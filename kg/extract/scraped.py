"""Lines that news sites leave in copied text: link lines, advertisement markers, share and follow prompts.

A page pasted or scraped as text keeps *Read more: …*, *Related: …*, *ADVERTISEMENT*,
*Follow @desk on Twitter* between the paragraphs of the article. They are the site's,
not the article's: a headline in a link line (*Related: Engineers warn levels will rise,
report says*) is no statement of this article, and an e-mail address or a social handle
is no speaker. The markers are general English web furniture, kept as data in
``kg/data/scraped_lines.txt``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

HANDLE = re.compile(r"^@\w{1,30}$|^[\w.+-]+@[\w-]+(\.[\w-]+)+$")


@lru_cache(maxsize=1)
def _line_pattern() -> re.Pattern[str]:
    text = resources.files("kg.data").joinpath("scraped_lines.txt").read_text(encoding="utf-8")
    markers = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    alternatives = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in markers)
    # A marker opens the line and is followed by a colon, a bar or a dash (what it links to), or
    # stands alone: "More than 40 people said …" and "Share prices fell" are the article's own.
    return re.compile(rf"^[ \t>*•·|-]*(?:{alternatives})[ \t]*(?:[:|»›>—–-].*)?$", re.IGNORECASE | re.MULTILINE)


# "Follow @desk on Twitter", "Contact the reporter at jane@site.com": a prompt with a handle in it.
_PROMPT = re.compile(r"^[ \t]*(?:follow|contact|email|e-mail|reach|write to|send tips)\b[^\n]*"
                     r"(?:@\w|[\w.+-]+@[\w-]+\.\w)[^\n]*$", re.IGNORECASE | re.MULTILINE)


def scraped_lines(text: str) -> list[tuple[int, int]]:
    """Character spans of the lines that are web furniture, in order.

    >>> text = "Ms. Ruiz said so.\\nRead more: Dam fails, officials say\\nADVERTISEMENT\\nShe left."
    >>> [text[s:e] for s, e in scraped_lines(text)]
    ['Read more: Dam fails, officials say', 'ADVERTISEMENT']
    """
    found = [(m.start(), m.end()) for pattern in (_line_pattern(), _PROMPT) for m in pattern.finditer(text)]
    return sorted(found)


def is_handle(name: str) -> bool:
    """An e-mail address or a social handle: how to reach someone, not a name.

    >>> is_handle("@CityDesk"), is_handle("jane.doe@example.com"), is_handle("Jane Doe")
    (True, True, False)
    """
    return bool(HANDLE.match(name.strip()))


def inside(spans: list[tuple[int, int]], start: int) -> bool:
    return any(s <= start < e for s, e in spans)
