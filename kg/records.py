"""Plain records that extractors yield and the RDF mapper reads.

They know nothing of spaCy or RDF: offsets are character offsets into the
document text, entities are referred to by their document-local key.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Document:
    """One input article."""

    id: str
    text: str
    source: str = ""
    title: str = ""
    url: str = ""
    date: str = ""
    publisher: str = ""
    author: str = ""  # the byline, as the page or feed gives it
    summary_only: bool = False  # a feed entry that carries only its summary, not the article


@dataclass(slots=True)
class Mention:
    """A stretch of text that names (or points to) an entity."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, ...


@dataclass(slots=True)
class Entity:
    """A person, organisation or place, once per document however many names it goes by."""

    key: str  # document-local key
    name: str  # canonical name (the fullest form the document gives)
    kind: str  # PERSON | ORG | GPE | SOURCE (an unnamed source, named by its description)
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    gender: str = ""  # "m", "f" or "" when unknown


@dataclass(slots=True)
class Span:
    """A sentence (or other stretch) that a fact was read from."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Quote:
    """One statement: who said what, with the cue verb and where it was said."""

    speaker: str  # entity key
    content: str
    kind: str  # direct | indirect | mixed
    start: int  # content offsets
    end: int
    sentence: Span
    cue: str = ""
    cue_lemma: str = ""
    medium: str = ""  # entity key of where it was said ("to Sky News")
    about: list[str] = field(default_factory=list)  # entity keys the content names
    segments: list[tuple[int, int]] = field(default_factory=list)  # the pieces, when the cue splits the content


@dataclass(slots=True)
class Role:
    """A person holding a post, with the organisation or country where the text gives one."""

    person: str  # entity key
    title: str  # the post, abbreviations expanded ("Senator", "Foreign Secretary")
    sentence: Span
    start: int  # offsets of the text the role was read from
    end: int
    org: str = ""  # entity key, or "" when the text gives none
    org_name: str = ""  # literal organisation name when it is not an entity
    former: bool = False


@dataclass(slots=True)
class Event:
    """Something one entity did to another (*Starmer has contacted Trump*), typed by PLOVER's top level."""

    subject: str  # entity key of who acted
    object: str  # entity key of whom it was done to
    trigger: str  # the verb or noun as written ("contacted", "meeting")
    lemma: str  # its lemma ("contact")
    type: str  # AGREE, CONSULT, SUPPORT, ... ASSAULT
    sentence: Span
    start: int  # trigger offsets
    end: int
    date: str = ""  # the sentence's date expression as written ("on Wednesday"), if any
    negated: bool = False
    modality: str = ""  # "" when the text asserts it happened; else why not ("could", "if", "intended")


@dataclass(slots=True)
class Extraction:
    """Everything the extractors found in one document."""

    document: Document
    entities: dict[str, Entity] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
