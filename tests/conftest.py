"""Shared fixtures: the spaCy pipeline loaded once per test session, and a one-call extractor."""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from hypothesis import settings

from kg.records import Document, Extraction

# CI runs the property tests with a fixed seed, so a submission passes or fails on its code, not on the
# draw; on a developer's machine they explore anew each run (and keep what they find in .hypothesis/).
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@dataclass(frozen=True, slots=True)
class Said:
    """One statement as a reader checks it: who (by canonical name and kind), the cue, what, how."""

    speaker: str
    speaker_kind: str
    cue: str
    content: str
    kind: str


@dataclass(frozen=True, slots=True)
class Held:
    """One post as a reader checks it: who holds which title, for which organisation."""

    person: str
    title: str
    org: str
    former: bool


@dataclass(slots=True)
class Extracted:
    """An extraction with the entity keys turned into names, so tests read like the text."""

    raw: Extraction
    said: list[Said] = field(default_factory=list)
    held: list[Held] = field(default_factory=list)

    @classmethod
    def of(cls, raw: Extraction) -> Extracted:
        entities = raw.entities
        said = [Said(entities[q.speaker].name, entities[q.speaker].kind, q.cue, q.content, q.kind) for q in raw.quotes]
        held = [Held(entities[r.person].name, r.title, entities[r.org].name if r.org else r.org_name, r.former)
                for r in raw.roles]
        return cls(raw, said, held)

    def entities(self, kind: str | None = None) -> dict[str, object]:
        """Canonical name -> entity, of one kind (PERSON, ORG, GPE, SOURCE) or of all."""
        return {e.name: e for e in self.raw.entities.values() if kind is None or e.kind == kind}

    def by(self, speaker: str) -> list[Said]:
        return [s for s in self.said if s.speaker == speaker]

    def posts_of(self, person: str) -> list[Held]:
        return [h for h in self.held if h.person == person]


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline, loaded once: loading costs more than every sentence test together."""
    from kg.nlp import load

    return load()


@pytest.fixture(scope="session")
def run(nlp) -> Callable[[str], Extracted]:
    """Parse and extract one short text: ``run("Ms. Smith said it rained.").said``."""
    from kg.extract import extract

    def _run(text: str, doc_id: str = "t") -> Extracted:
        return Extracted.of(extract(nlp(text), Document(id=doc_id, text=text)))

    return _run
