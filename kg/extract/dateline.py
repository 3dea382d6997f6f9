"""The dateline that opens wire copy: *ISTANBUL (Reuters) —*, *CAMBRIDGE, Mass., Dec. 11 (UPI) —*,
*New Delhi, Jul 24 (PTI)*, *KARACHI:*.

It says where the story was filed and which agency filed it. The place is a place (the tagger often
takes *ISTANBUL* in capitals for an organisation), the agency is the publisher, not a source the
story quotes (*the foreign ministry said* is not Reuters), and neither is part of what anyone said.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from kg.extract.sentences import text_of

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_PATTERN = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3})"  # ISTANBUL, MEXICO CITY, ST. LOUIS
    r"(?:, (?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}))?"  # , Mass. / , N.H. / , Kenya
    r"(?:,? " + _MONTH + r" \d{1,2})?"  # , Dec. 11
    r"(?: ?\((?P<agency>[^()\n]{1,40})\))?"  # (Reuters)
    r"(?: ?(?:—|–|--) ?| - )",  # not the hyphen of "COVID-19" or "NATO-Russia"
    re.MULTILINE,
)
# "New Delhi, Jul 24 (PTI) Kaveri Cements …": the Indian agencies' dateline, with no dash after it
_AGENCY_PATTERN = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’\-]+(?: [A-Z][A-Za-z.'’\-]+){0,2}), " + _MONTH + r" \d{1,2} "
    r"\((?P<agency>[A-Z][A-Za-z]{1,10})\) ",
    re.MULTILINE,
)
# "BENGALURU: Leader of the Opposition …": a place in capitals and a colon, opening the story's first paragraph
_COLON_PATTERN = re.compile(r"^(?P<place>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,2}): ", re.MULTILINE)
# "EXCLUSIVE – …", "WATCH - …": a label before a headline, not a place
KICKERS = frozenset({"EXCLUSIVE", "WATCH", "BREAKING", "UPDATE", "UPDATED", "VIDEO", "PHOTOS", "OPINION", "ANALYSIS",
                     "LIVE", "EDITORIAL", "COMMENTARY", "REVIEW", "LISTEN", "EXPLAINER", "CORRECTION", "FACT CHECK",
                     "BREAKING NEWS", "SPONSORED", "ADVERTISEMENT", "PODCAST", "INTERVIEW"})
SEARCHED = 800  # characters from the start: a dateline opens the story, after its headline
_FOUND = "kg.dateline"


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int  # where the story's first sentence begins
    place: tuple[int, int]
    agency: tuple[int, int] | None

    def covers(self, char: int) -> bool:
        return self.start <= char < self.end


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of a paragraph near the top of the text, if there is one.

    >>> d = find_dateline("Talks resume.\\n\\nISTANBUL (Reuters) - Turkey said talks would resume.")
    >>> text = "Talks resume.\\n\\nISTANBUL (Reuters) - Turkey said talks would resume."
    >>> text[slice(*d.place)], text[slice(*d.agency)], text[d.end:d.end + 6]
    ('ISTANBUL', 'Reuters', 'Turkey')
    """
    colons = _COLON_PATTERN.findall(text)
    for pattern in (_PATTERN, _AGENCY_PATTERN, _COLON_PATTERN):
        for match in pattern.finditer(text, 0, SEARCHED):
            if len(match.group("place").replace(" ", "")) < 3 or match.end() >= len(text) \
                    or match.group("place") in KICKERS \
                    or not text[match.end()].isupper() and not text[match.end()].isdigit() and text[match.end()] not in "“\"‘'":
                continue
            if pattern is _COLON_PATTERN and (len(colons) > 1 or text[:match.start()].strip().count("\n") > 0):
                continue  # "TRUMP: …" turns of a transcript, or a label further down: no dateline
            agency = match.span("agency") if "agency" in pattern.groupindex and match.group("agency") else None
            return Dateline(match.start(), match.end(), match.span("place"), agency)
    return None


def dateline_of(doc: Doc) -> Dateline | None:
    """The document's dateline, found once: the entities, the resolver and the statement rules all read it."""
    if _FOUND not in doc.user_data:
        doc.user_data[_FOUND] = find_dateline(text_of(doc))
    return doc.user_data[_FOUND]
