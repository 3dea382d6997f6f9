"""Records to RDF: one named graph per document, one shared graph of entities.

The mapper reads only :mod:`kg.records`; it knows nothing of spaCy.

Data model (see docs/data-model.md): ``schema:NewsArticle`` documents; ``schema:Person``,
``schema:Organization``, ``schema:Place`` entities named by ``rdfs:label`` with
``skos:altLabel`` aliases; statements as ``schema:Quotation`` (direct) or
``schema:Claim`` (reported) with ``schema:author``, ``schema:text`` and
``kg:cue``; posts as W3C ORG ``org:Membership`` (which carries provenance) of an
``org:Post`` held with ``org:holds``; events as ``schema:Event`` with
``schema:additionalType`` a PLOVER type (``kg:Consult``), ``schema:agent``,
``schema:object`` and a direct edge (``kg:consulted``) between the two;
provenance as ``prov:wasDerivedFrom`` a ``nif:Sentence`` with
``nif:beginIndex``/``nif:endIndex`` on its document.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from rdflib import Dataset, Graph, Literal, URIRef

from kg.rdf.graphs import NamedGraph, new_dataset, to_dataset

from kg.rdf.iris import DEFAULT_BASE, Minter
from kg.rdf.namespaces import KG, NIF, ORG, PROV, RDF, RDFS, SDO, SKOS, XSD
from kg.records import Entity, Extraction, Span

ENTITY_CLASS = {"PERSON": SDO.Person, "ORG": SDO.Organization, "GPE": SDO.Place, "SOURCE": KG.UnnamedSource}
# PLOVER type -> (the event's schema:additionalType, the direct edge from subject to object)
EVENT_TYPES = {
    "AGREE": (KG.Agree, KG.agreedWith), "CONSULT": (KG.Consult, KG.consulted),
    "SUPPORT": (KG.Support, KG.supported), "CONCEDE": (KG.Concede, KG.concededTo),
    "COOPERATE": (KG.Cooperate, KG.cooperatedWith), "AID": (KG.Aid, KG.aided),
    "RETREAT": (KG.Retreat, KG.retreatedFrom), "REQUEST": (KG.Request, KG.requested),
    "ACCUSE": (KG.Accuse, KG.accused), "REJECT": (KG.Reject, KG.rejected),
    "THREATEN": (KG.Threaten, KG.threatened), "PROTEST": (KG.Protest, KG.protestedAgainst),
    "SANCTION": (KG.Sanction, KG.sanctioned), "MOBILIZE": (KG.Mobilize, KG.mobilizedAgainst),
    "COERCE": (KG.Coerce, KG.coerced), "ASSAULT": (KG.Assault, KG.assaulted),
}


@dataclass
class EntityFacts:
    kind: str
    names: Counter = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)


class Mapper:
    """Accumulates documents as named graphs; entity descriptions are written once, at the end.

    Each document's graph is a :class:`~kg.rdf.graphs.NamedGraph` (see there why not an
    rdflib graph); :meth:`finish` gives them all as an rdflib ``Dataset``.
    """

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.mint = Minter(base)
        self.graphs: dict[URIRef, NamedGraph] = {}
        self.entities: dict[URIRef, EntityFacts] = {}
        self.counts: Counter = Counter()

    def entity_iri(self, entity: Entity, doc_id: str) -> URIRef:
        return self.mint.entity(entity.kind, entity.name, doc_id)

    def add(self, extraction: Extraction) -> NamedGraph:
        """Write one document's facts into its own named graph (replacing any before) and return it."""
        doc = extraction.document
        doc_iri = self.mint.document(doc.id)
        graph = self.graphs[doc_iri] = NamedGraph(doc_iri)
        self._document(graph, extraction, doc_iri)
        iri_of = {key: self.entity_iri(e, doc.id) for key, e in extraction.entities.items()}
        merge_entities(self.entities, self.document_entities(extraction))
        for key, entity in extraction.entities.items():
            if entity.mentions or entity.kind == "SOURCE":
                graph.add((doc_iri, SDO.mentions, iri_of[key]))
        sentences: set[tuple[int, int]] = set()
        for n, quote in enumerate(extraction.quotes, 1):
            node = self.mint.statement(doc.id, n)
            graph.add((node, RDF.type, SDO.Quotation if quote.kind == "direct" else SDO.Claim))
            graph.add((node, SDO.author, iri_of[quote.speaker]))
            graph.add((iri_of[quote.speaker], KG.stated, node))
            graph.add((node, SDO.text, Literal(quote.content)))
            graph.add((node, KG.quoteKind, Literal(quote.kind)))
            if quote.cue:
                graph.add((node, KG.cue, Literal(quote.cue)))
                graph.add((node, KG.cueLemma, Literal(quote.cue_lemma)))
            if quote.medium and quote.medium in iri_of:
                graph.add((node, KG.medium, iri_of[quote.medium]))
            for key in quote.about:
                if key in iri_of:
                    graph.add((node, SDO.about, iri_of[key]))
            graph.add((node, SDO.isPartOf, doc_iri))
            self._provenance(graph, node, doc.id, doc_iri, quote.sentence, quote.start, quote.end, sentences)
            for start, end in quote.segments:
                # The content's pieces, each a NIF string, so every word of schema:text can be found in the article.
                piece = self.mint.span(doc.id, start, end)
                graph.add((node, KG.contentSegment, piece))
                graph.add((piece, RDF.type, NIF.String))
                graph.add((piece, NIF.referenceContext, doc_iri))
                graph.add((piece, NIF.beginIndex, Literal(start, datatype=XSD.nonNegativeInteger)))
                graph.add((piece, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
                graph.add((piece, NIF.anchorOf, Literal(doc.text[start:end])))
            self.counts["statements"] += 1
        for n, role in enumerate(extraction.roles, 1):
            node = self.mint.membership(doc.id, n)
            person = iri_of[role.person]
            org = iri_of.get(role.org) if role.org else None
            role_iri = self.mint.role(role.title)
            post = self.mint.post(role.title, org or "")
            graph.add((node, RDF.type, ORG.Membership))
            graph.add((node, ORG.member, person))
            graph.add((node, ORG.role, role_iri))
            graph.add((node, KG.post, post))
            graph.add((role_iri, RDF.type, ORG.Role))
            graph.add((role_iri, RDFS.label, Literal(role.title)))
            graph.add((post, RDF.type, ORG.Post))
            graph.add((post, ORG.role, role_iri))
            graph.add((post, RDFS.label, Literal(role.title + (f", {self._name(extraction, role.org)}" if org else ""))))
            if org:
                graph.add((node, ORG.organization, org))
                graph.add((post, ORG.postIn, org))
            if role.former:
                graph.add((node, KG.former, Literal(True)))
            else:
                graph.add((person, ORG.holds, post))
            self._provenance(graph, node, doc.id, doc_iri, role.sentence, role.start, role.end, sentences)
            self.counts["roles"] += 1
        self._events(graph, extraction, iri_of, doc_iri, sentences)
        self.counts["documents"] += 1
        return graph

    def _events(self, graph: NamedGraph, extraction: Extraction, iri_of: dict[str, URIRef], doc_iri: URIRef,
                sentences: set[tuple[int, int]]) -> None:
        """Events as ``schema:Event`` nodes typed by PLOVER, plus a direct edge for each one that happened."""
        doc_id = extraction.document.id
        for n, event in enumerate(extraction.events, 1):
            if event.subject not in iri_of or event.object not in iri_of:
                continue
            node = self.mint.event(doc_id, n)
            subject, obj = iri_of[event.subject], iri_of[event.object]
            event_class, edge = EVENT_TYPES[event.type]
            graph.add((node, RDF.type, SDO.Event))
            graph.add((node, SDO.additionalType, event_class))
            graph.add((node, SDO.agent, subject))
            graph.add((node, SDO.object, obj))
            graph.add((node, KG.trigger, Literal(event.trigger)))
            graph.add((node, KG.triggerLemma, Literal(event.lemma)))
            if event.date:
                graph.add((node, KG.dateExpression, Literal(event.date)))
            if event.negated:
                graph.add((node, KG.negated, Literal(True)))
            if event.modality:
                graph.add((node, KG.modality, Literal(event.modality)))
            if not (event.negated or event.modality):
                graph.add((subject, edge, obj))
            graph.add((node, SDO.isPartOf, doc_iri))
            self._provenance(graph, node, doc_id, doc_iri, event.sentence, event.start, event.end, sentences)
            self.counts["events"] += 1

    @staticmethod
    def _name(extraction: Extraction, key: str) -> str:
        entity = extraction.entities.get(key)
        return entity.name if entity else key

    def _document(self, graph: NamedGraph, extraction: Extraction, doc_iri: URIRef) -> None:
        doc = extraction.document
        graph.add((doc_iri, RDF.type, SDO.NewsArticle))
        graph.add((doc_iri, RDF.type, NIF.Context))
        graph.add((doc_iri, SDO.identifier, Literal(doc.id)))
        graph.add((doc_iri, KG.contentHash, Literal(hashlib.sha256(doc.text.encode("utf-8")).hexdigest())))
        graph.add((doc_iri, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
        graph.add((doc_iri, NIF.endIndex, Literal(len(doc.text), datatype=XSD.nonNegativeInteger)))
        if doc.title:
            graph.add((doc_iri, SDO.headline, Literal(doc.title)))
        if doc.url:
            graph.add((doc_iri, SDO.url, Literal(doc.url, datatype=XSD.anyURI)))
        if doc.date:
            graph.add((doc_iri, SDO.datePublished, Literal(doc.date)))
        if doc.publisher:
            graph.add((doc_iri, SDO.publisher, Literal(doc.publisher)))
        if doc.author:  # a byline is text, not a person kg has found: a literal, unlike a statement's author
            graph.add((doc_iri, SDO.author, Literal(doc.author)))

    def _provenance(self, graph: NamedGraph, node: URIRef, doc_id: str, doc_iri: URIRef, sentence: Span,
                    start: int, end: int, written: set[tuple[int, int]]) -> None:
        sentence = Span(sentence.start, sentence.start + len(sentence.text.rstrip()), sentence.text.rstrip())
        sent_iri = self.mint.span(doc_id, sentence.start, sentence.end)
        graph.add((node, PROV.wasDerivedFrom, sent_iri))
        graph.add((node, NIF.beginIndex, Literal(start, datatype=XSD.nonNegativeInteger)))
        graph.add((node, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
        if (sentence.start, sentence.end) not in written:
            written.add((sentence.start, sentence.end))
            graph.add((sent_iri, RDF.type, NIF.Sentence))
            graph.add((sent_iri, NIF.referenceContext, doc_iri))
            graph.add((sent_iri, NIF.beginIndex, Literal(sentence.start, datatype=XSD.nonNegativeInteger)))
            graph.add((sent_iri, NIF.endIndex, Literal(sentence.end, datatype=XSD.nonNegativeInteger)))
            graph.add((sent_iri, NIF.anchorOf, Literal(sentence.text)))

    def named_graphs(self) -> list[NamedGraph]:
        """Every document's graph, then the entity graph: one label per entity (the name most
        documents use) and every alias."""
        graph = NamedGraph(self.mint.graph("entities"))
        describe_entities(graph, self.entities)
        self.counts["entities"] = len(self.entities)
        return [*self.graphs.values(), graph]

    def finish(self) -> Dataset:
        """All graphs as an rdflib ``Dataset`` (default graph = their union)."""
        return to_dataset(self.named_graphs())

    def document_entities(self, extraction: Extraction) -> dict[URIRef, EntityFacts]:
        """What one document says of its entities: the names it uses (with counts) and aliases.

        A persistent store keeps these per document, so the entity graph can be recomputed
        when documents are added or replaced, exactly as if all were built at once.
        """
        facts: dict[URIRef, EntityFacts] = {}
        for entity in extraction.entities.values():
            one = facts.setdefault(self.entity_iri(entity, extraction.document.id), EntityFacts(entity.kind))
            one.names[entity.name] += 1
            one.aliases.update(entity.aliases)
        return facts


def merge_entities(into: dict[URIRef, EntityFacts], facts: dict[URIRef, EntityFacts]) -> None:
    """Add one document's entity facts to a running total (order does not matter)."""
    for iri, one in facts.items():
        total = into.setdefault(iri, EntityFacts(one.kind))
        total.names.update(one.names)
        total.aliases.update(one.aliases)


def describe_entities(graph: Graph | NamedGraph, entities: dict[URIRef, EntityFacts]) -> None:
    """The entity graph: one label per entity (the most used name, ties by length then
    alphabetically), its class, and every other name as an alias."""
    for iri, facts in entities.items():
        label = max(facts.names, key=lambda n: (facts.names[n], len(n), n))
        graph.add((iri, RDF.type, ENTITY_CLASS[facts.kind]))
        graph.add((iri, RDFS.label, Literal(label)))
        for alias in sorted((facts.aliases | set(facts.names)) - {label}):
            graph.add((iri, SKOS.altLabel, Literal(alias)))


def union_graph(dataset: Dataset) -> Graph:
    """All named graphs merged: what Turtle and N-Triples hold."""
    graph = Graph()
    for prefix, namespace in dataset.namespaces():
        graph.bind(prefix, namespace, override=True)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


__all__ = ["EntityFacts", "Mapper", "describe_entities", "merge_entities", "new_dataset", "union_graph"]
