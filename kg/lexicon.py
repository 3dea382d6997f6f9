"""The lexicons the extractors read: reporting verbs, titles, honorifics, names.

They are data files under ``kg/data`` so that a newsroom can widen them without
touching code; this module only loads them, once.
"""
from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources


def _lines(name: str) -> list[list[str]]:
    text = resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@cache
def reporting_verbs() -> frozenset[str]:
    """Lemmas of verbs that report speech (say, state, warn, ...)."""
    return frozenset(row[0].lower() for row in _lines("reporting_verbs.txt"))


@cache
def cue_class(name: str) -> frozenset[str]:
    """Lemmas of one class of ``cue_classes.tsv`` (xcomp, addressed, request, addressee, blame, document)."""
    for row in _lines("cue_classes.tsv"):
        if row[0] == name:
            return frozenset(row[1].lower().split())
    raise KeyError(f"cue_classes.tsv has no class {name!r}")


@cache
def reporting_nouns() -> frozenset[str]:
    """Lemmas of nouns that introduce speech (statement, interview, ...)."""
    return frozenset(row[0].lower() for row in _lines("reporting_nouns.txt"))


@cache
def post_nominals() -> frozenset[str]:
    """Letters after a name (KC, MP, OBE), as written: not part of the name."""
    return frozenset(row[0] for row in _lines("post_nominals.txt"))


@cache
def honorifics() -> dict[str, str]:
    """Honorific (lower case, with and without its dot) -> gender ("m", "f" or "")."""
    return {row[0].lower(): row[1].replace("-", "") for row in _lines("honorifics.tsv")}


@cache
def titles() -> dict[str, tuple[str, str]]:
    """Title of office (lower case) -> (display form, gender)."""
    return {row[0].lower(): (row[0], row[1].replace("-", "")) for row in _lines("titles.tsv")}


@cache
def title_words() -> frozenset[str]:
    """Every word that occurs in a title, for telling a title from a name."""
    words = set()
    for title in titles():
        words.update(title.replace("-", " ").split())
        words.add(title)
    words.update(a.rstrip(".") for a in title_abbreviations())
    words.update(title_abbreviations())
    return frozenset(words)


@cache
def title_abbreviations() -> dict[str, str]:
    """Abbreviated title (lower case) -> its expansion ("sen." -> "Senator")."""
    return {row[0].lower(): row[1] for row in _lines("title_abbreviations.tsv")}


@cache
def first_names() -> dict[str, str]:
    """First name (lower case) -> gender; a name written with accents finds its plain form (*Siobhán*)."""
    return _AccentFolding({row[0].lower(): row[1] for row in _lines("first_names.tsv")})


class _AccentFolding(dict):
    """A dict of lower-case words that also answers for a word's form without accents."""

    def __missing__(self, key: str) -> str:
        if key.isascii():
            raise KeyError(key)
        plain = _without_accents(key)
        if plain == key or not dict.__contains__(self, plain):
            raise KeyError(key)
        return dict.__getitem__(self, plain)

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or isinstance(key, str) and not key.isascii() \
            and dict.__contains__(self, _without_accents(key))

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return self[key] if key in self else default


def _without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


@cache
def pronouns() -> dict[str, tuple[str, str]]:
    """Pronoun (lower case) -> (gender, number)."""
    return {row[0]: (row[1].replace("-", ""), row[2]) for row in _lines("pronouns.tsv")}


@cache
def quote_marks() -> dict[str, str]:
    """Opening quotation mark -> its closing mark."""
    return {row[0]: row[1] for row in _lines("quote_marks.tsv")}


@cache
def demonyms() -> dict[str, str]:
    """Adjective of a place or party -> the place or party ("Russian" -> "Russia")."""
    return {row[0].lower(): row[1] for row in _lines("demonyms.tsv")}


@cache
def object_cues() -> dict[str, frozenset[str]]:
    """Verbs whose object is the content -> prepositions whose object is the content."""
    return {row[0].lower(): frozenset(p for p in row[1].split() if p != "-") for row in _lines("object_cues.tsv")}


@cache
def us_states() -> dict[str, str]:
    """State abbreviation as written in party-state codes ("Neb.", "NE") -> state name."""
    return {row[0]: row[1] for row in _lines("us_states.tsv")}


@cache
def parties() -> dict[str, str]:
    """Party adjective ("Republican") -> the party ("Republican Party")."""
    return {row[0]: row[1] for row in _lines("parties.tsv")}


@cache
def speaker_nouns() -> dict[str, tuple[str, str]]:
    """Noun heading a description of a speaker -> (person | organisation | group, gender)."""
    return {row[0].lower(): (row[1], row[2].replace("-", "")) for row in _lines("speaker_nouns.tsv")}


def speaker_nouns_of(kind: str) -> frozenset[str]:
    return frozenset(noun for noun, (k, _) in speaker_nouns().items() if k == kind)
