"""Named graphs as the mapper writes them, and the two ways out of them: rdflib and Oxigraph.

Why not write straight into an rdflib ``Dataset``: its memory store indexes every triple
several ways under its context, about 10 µs a triple (measured), which on a large build
cost more than all of the extraction. A build writes each triple once and reads it back
once, to a file or a store, so the mapper fills a :class:`NamedGraph` (an ordered set of
rdflib triples) and the graph is handed on from there: to Oxigraph for files and stores
(:func:`to_ox`), or to an rdflib ``Dataset`` when its API is wanted (:func:`to_dataset`).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.rdf.namespaces import PREFIXES

Triple = tuple[Node, Node, Node]


class NamedGraph:
    """One named graph's triples, each once, in the order they were added."""

    __slots__ = ("identifier", "_triples")

    def __init__(self, identifier: URIRef, triples: Iterable[Triple] = ()) -> None:
        self.identifier = identifier
        self._triples: dict[Triple, None] = dict.fromkeys(triples)

    def add(self, triple: Triple) -> None:
        self._triples[triple] = None

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def __contains__(self, triple: object) -> bool:
        return triple in self._triples

    def value(self, subject: Node, predicate: Node) -> Node | None:
        """The object of the first ``(subject, predicate, ?)`` triple (a scan: for one-off lookups)."""
        return next((o for s, p, o in self._triples if s == subject and p == predicate), None)

    def to_graph(self) -> Graph:
        """The same triples as an rdflib ``Graph`` (for its API: patterns, SPARQL, serializers)."""
        graph = Graph(identifier=self.identifier)
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace, override=True)
        graph.addN((s, p, o, graph) for s, p, o in self._triples)
        return graph


def new_dataset() -> Dataset:
    """A dataset whose default graph reads as the union of its named graphs, as SPARQL users expect."""
    dataset = Dataset(default_union=True)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True)
    return dataset


def to_dataset(graphs: Iterable[NamedGraph]) -> Dataset:
    """Named graphs as an rdflib ``Dataset`` (default graph = union of them)."""
    dataset = new_dataset()
    for named in graphs:
        graph = dataset.graph(named.identifier)
        graph.addN((s, p, o, graph) for s, p, o in named)
    return dataset


def dataset_quads(dataset: Dataset) -> Iterator[tuple[Node, Node, Node, Node | None]]:
    """Every quad of an rdflib dataset, named graph by named graph (``None`` for the default graph)."""
    for graph in dataset.graphs():
        name = None if graph.identifier == DATASET_DEFAULT_GRAPH_ID else graph.identifier
        for s, p, o in graph.triples((None, None, None)):
            yield s, p, o, name


@lru_cache(maxsize=1 << 14)
def named_node(iri: str) -> ox.NamedNode:
    """Cached: predicates, classes and entities recur in every document."""
    return ox.NamedNode(iri)


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return named_node(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=named_node(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def ox_quads(quads: Iterable[tuple[Node, Node, Node, Node | None]]) -> Iterator[ox.Quad]:
    """rdflib quads as pyoxigraph quads (``None`` graph: the default graph).

    Terms are converted once per call: a literal such as a cue word or an offset recurs.
    """
    seen: dict[Node, ox.NamedNode | ox.BlankNode | ox.Literal] = {}

    def convert(term: Node):
        converted = seen.get(term)
        if converted is None:
            converted = seen[term] = to_ox(term)
        return converted

    default = ox.DefaultGraph()
    for s, p, o, g in quads:
        yield ox.Quad(convert(s), convert(p), convert(o), default if g is None else convert(g))


def graph_quads(graphs: Iterable[NamedGraph]) -> Iterator[tuple[Node, Node, Node, Node]]:
    for graph in graphs:
        name = graph.identifier
        for s, p, o in graph:
            yield s, p, o, name


__all__ = ["NamedGraph", "dataset_quads", "graph_quads", "named_node", "new_dataset", "ox_quads", "to_dataset",
           "to_ox"]
