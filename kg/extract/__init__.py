"""Extractors: a parsed document in, plain records out. Nothing here knows of RDF.

The order matters and is the only coupling: entities first (everything refers to
them), then posts (they tell who *the spokesman* is), then statements.
"""
from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.coref import Resolver
from kg.extract.entities import EntityIndex, extract_entities
from kg.extract.events import extract_events
from kg.extract.quotations import find_quotations
from kg.extract.quotes import extract_quotes
from kg.extract.roles import RoleExtractor, extract_roles
from kg.extract.scraped import inside, is_handle, scraped_lines
from kg.extract.sentences import sentences, text_of
from kg.records import Document, Extraction, Span

__all__ = ["extract", "extract_entities", "extract_quotes", "extract_roles", "EntityIndex", "Resolver"]


def extract(doc: Doc, document: Document) -> Extraction:
    """Every record the extractors find in one parsed document."""
    index = extract_entities(doc)
    roles = extract_roles(doc, index)
    paired = find_quotations(text_of(doc))  # once: the resolvers and the statements all read it
    quoted = [segment for quotation in paired[0] for segment in quotation.segments]
    resolver = Resolver(doc, index, quoted)
    for role in roles:
        resolver.note_role(role.title, role.person)
    quotes, warnings = extract_quotes(doc, index, resolver, paired)
    furniture = scraped_lines(text_of(doc))
    quotes = [q for q in quotes if not inside(furniture, q.start) and not inside(furniture, q.sentence.start)
              and not is_handle(index.entities[q.speaker].name if q.speaker in index.entities else q.speaker)]
    roles += _roles_from_descriptions(doc, index, resolver, roles)
    # Events read the text afresh with a resolver of their own: the statements' one has read to the end.
    events = extract_events(doc, index, Resolver(doc, index, quoted), quotes=quotes)
    return Extraction(
        document=document,
        entities=index.entities,
        quotes=quotes,
        roles=roles,
        events=events,
        sentences=[Span(s.start_char, s.end_char, s.text) for s in sentences(doc)[0]],
        warnings=[f"{document.id}: {w}" for w in warnings],
    )


def _roles_from_descriptions(doc: Doc, index: EntityIndex, resolver: Resolver, known: list) -> list:
    """*NATO's Secretary-General … Mark Rutte*: a description resolved to a person gives that person the post."""
    have = {(r.person, r.title.lower()) for r in known}
    extractor = RoleExtractor(doc, index)
    out = []
    for person, _title, head in resolver.inferred_roles:
        found = extractor._title_phrase(head)
        if not found:
            continue
        title, first, last, former = found
        if any(p == person and (t == title.lower() or title.lower() in t.split(" of ")[0].split()) for p, t in have):
            continue  # "the secretary" of a man named Secretary of State: the post he has already
        org, org_name = extractor._org_of_phrase(head)
        have.add((person, title.lower()))
        out.append(extractor._make(person, title, first, last, org, org_name, former))
    return out
