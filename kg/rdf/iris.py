"""IRIs are minted here and only here: deterministically, from normalised names.

The same input always gives the same IRIs; a person met in two documents under
the same full name is one node.
"""
from __future__ import annotations

import re
import unicodedata

from rdflib import URIRef

DEFAULT_BASE = "https://example.org/kg/"
KIND_PATH = {"PERSON": "person", "ORG": "org", "GPE": "place"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def slug(text: str) -> str:
    """A readable, IRI-safe key: lower case letters and digits of any script, joined by '-'.

    Examples:
        >>> slug("Volodymyr Zelenskyy")
        'volodymyr-zelenskyy'
        >>> slug("Jean-Luc O'Brien")
        'jean-luc-obrien'
        >>> slug("Зеленський")
        'зеленський'
    """
    text = unicodedata.normalize("NFKC", text).lower().replace("'", "").replace("’", "")
    words = re.findall(r"[^\W_]+", text)
    return "-".join(words) or "_"


def person_key(name: str) -> str:
    """First and last name only, so *Joseph R. Biden Jr.* and *Joseph Biden* are one node.

    Examples:
        >>> person_key("Timothy J. Sloan")
        'timothy-sloan'
    """
    words = [w for w in slug(name).split("-") if w]
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    names = [w for w in words if len(w) > 1] or words
    if len(names) > 2:
        # keep hyphenated first names whole: the first word and the last
        names = [names[0], names[-1]]
    return "-".join(names)


class Minter:
    """IRIs under one base."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def document(self, doc_id: str) -> URIRef:
        return URIRef(f"{self.base}doc/{doc_id}")

    def span(self, doc_id: str, start: int, end: int) -> URIRef:
        """A NIF string: the document IRI with RFC 5147 character offsets."""
        return URIRef(f"{self.base}doc/{doc_id}#char={start},{end}")

    def statement(self, doc_id: str, n: int) -> URIRef:
        return URIRef(f"{self.base}doc/{doc_id}/statement/{n}")

    def membership(self, doc_id: str, n: int) -> URIRef:
        return URIRef(f"{self.base}doc/{doc_id}/membership/{n}")

    def event(self, doc_id: str, n: int) -> URIRef:
        return URIRef(f"{self.base}doc/{doc_id}/event/{n}")

    def entity(self, kind: str, name: str, doc_id: str) -> URIRef:
        if kind == "PERSON":
            return URIRef(f"{self.base}person/{person_key(name)}")
        if kind in KIND_PATH:
            return URIRef(f"{self.base}{KIND_PATH[kind]}/{slug(name)}")
        # Unnamed sources are local to their document: "officials" here are not "officials" there.
        return URIRef(f"{self.base}doc/{doc_id}/source/{slug(name)}")

    def role(self, title: str) -> URIRef:
        return URIRef(f"{self.base}role/{slug(title)}")

    def post(self, title: str, org_iri: str = "") -> URIRef:
        where = org_iri.rstrip("/").rsplit("/", 1)[-1] if org_iri else ""
        return URIRef(f"{self.base}post/{slug(title)}" + (f"--{where}" if where else ""))

    def graph(self, name: str) -> URIRef:
        return URIRef(f"{self.base}graph/{name}")
