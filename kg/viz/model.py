"""RDF to a networkx graph for drawing: one function, free of HTML, reused by every picture and the server.

Two views of the same dataset:

* ``people`` (the default): people, organisations, places, unnamed sources, posts and
  statements as nodes; edges *said* (speaker -> statement), *holds* (person -> post,
  *held* when the text says it is no longer held), *post in* (post -> organisation)
  and *about* (statement -> entity).
* ``rdf``: every IRI and blank node as a node and every triple between two of them as an
  edge labelled by its predicate (``schema:author``), except ``rdf:type``, which becomes
  the node's kind and a detail, so that a class does not become a hub tied to every node.

In both, literals are node details, never nodes. Every node carries ``kind``, ``label``,
``aliases`` (list), ``details`` (dict of name -> list of strings) and ``documents`` (the
identifiers of the documents it comes from, for filtering).
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.rdf.mapper import EVENT_TYPES, union_graph
from kg.rdf.namespaces import KG, NIF, ORG, PREFIXES, PROV, RDF, RDFS, SDO, SKOS

VIEWS = ("people", "rdf")


@dataclass(frozen=True)
class Kind:
    """How one kind of node is drawn, in the browser and by matplotlib alike."""

    name: str
    title: str  # for legends and filters
    color: str
    shape: str  # cytoscape.js node shape
    marker: str  # matplotlib marker


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("person", "Person", "#4e79a7", "ellipse", "o"),
    Kind("organisation", "Organisation", "#f28e2b", "round-rectangle", "s"),
    Kind("place", "Place", "#59a14f", "diamond", "D"),
    Kind("source", "Unnamed source", "#9d9d9d", "ellipse", "o"),
    Kind("post", "Post", "#b07aa1", "round-tag", "p"),
    Kind("statement", "Statement", "#e15759", "round-triangle", "^"),
    Kind("document", "Document", "#76b7b2", "rectangle", "s"),
    Kind("sentence", "Sentence", "#edc948", "round-rectangle", "h"),
    Kind("membership", "Membership", "#ff9da7", "round-diamond", "d"),
    Kind("role", "Role", "#9c755f", "round-tag", "P"),
    Kind("other", "Other", "#cccccc", "ellipse", "."),
)}

CLASS_KIND = {
    SDO.Person: "person", SDO.Organization: "organisation", SDO.Place: "place", KG.UnnamedSource: "source",
    ORG.Post: "post", SDO.Quotation: "statement", SDO.Claim: "statement", SDO.NewsArticle: "document",
    NIF.Sentence: "sentence", ORG.Membership: "membership", ORG.Role: "role",
}
ENTITY_KINDS = ("person", "organisation", "place", "source")
PEOPLE_KINDS = ENTITY_KINDS + ("post", "statement")
EDGE_LABELS = ("said", "holds", "held", "post in", "about")

STATEMENT_DETAILS = {SDO.text: "text", KG.cue: "cue", KG.cueLemma: "cue lemma", KG.quoteKind: "quote kind"}
SHORT_LABEL = 60


def short(text: str, limit: int = SHORT_LABEL) -> str:
    """One line, at most ``limit`` characters.

    Examples:
        >>> short("We cannot renounce   our territories.", 20)
        'We cannot renounce…'
    """
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def qname(graph: Graph | Dataset, iri: Node) -> str:
    """``schema:author`` for a known namespace, the IRI itself otherwise."""
    text = str(iri)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(str(namespace)) and len(text) > len(str(namespace)):
            return f"{prefix}:{text[len(str(namespace)):]}"
    return text


def node_id(term: Node) -> str:
    return f"_:{term}" if isinstance(term, BNode) else str(term)


class _Reader:
    """Facts read once from the dataset that both views need."""

    def __init__(self, dataset: Dataset | Graph) -> None:
        if isinstance(dataset, Dataset) and not dataset.default_union:
            dataset = union_graph(dataset)  # as built, before writing: facts are spread over named graphs
        self.ds = dataset
        self.kind: dict[Node, str] = {}
        self.types: dict[Node, list[str]] = defaultdict(list)
        for s, _, cls in sorted(dataset.triples((None, RDF.type, None)), key=lambda t: (str(t[0]), str(t[2]))):
            self.types[s].append(qname(dataset, cls))
            kind = CLASS_KIND.get(cls)
            if kind and (s not in self.kind or kind != "other"):
                self.kind[s] = kind
        self.doc_id = {doc: str(self._one(doc, SDO.identifier) or doc) for doc in self.of_kind("document")}
        self.doc_meta = {self.doc_id[doc]: {"title": self.text(doc, SDO.headline), "date": self.text(doc, SDO.datePublished)[:10],
                                            "publisher": self.text(doc, SDO.publisher), "url": self.text(doc, SDO.url)}
                         for doc in self.doc_id}  # what the page needs to filter by date or publisher and link out
        self.documents: dict[Node, set[str]] = defaultdict(set)
        self._collect_documents()

    def of_kind(self, *kinds: str) -> list[Node]:
        return sorted((s for s, k in self.kind.items() if k in kinds), key=str)

    def _one(self, subject: Node, predicate: URIRef) -> Node | None:
        """The least of the values (by text), so that a node with two labels is named the same in every process."""
        return min(self.ds.objects(subject, predicate), key=str, default=None)

    def all(self, subject: Node, predicate: URIRef) -> list[Node]:
        """Every value, sorted: rdflib's stores hand them over in an order that varies with Python's hash seed."""
        return sorted(self.ds.objects(subject, predicate), key=str)

    def pairs(self, predicate: URIRef) -> list[tuple[Node, Node]]:
        return sorted(self.ds.subject_objects(predicate), key=lambda pair: (str(pair[0]), str(pair[1])))

    def text(self, subject: Node, predicate: URIRef) -> str:
        value = self._one(subject, predicate)
        return str(value) if value is not None else ""

    def sentence_of(self, node: Node) -> Node | None:
        return self._one(node, PROV.wasDerivedFrom)

    def _collect_documents(self) -> None:
        """Which documents each node comes from, read from the facts, so Turtle (one merged graph) works too."""
        name = self.doc_id
        for doc in name:
            self.documents[doc].add(name[doc])
            for entity in self.ds.objects(doc, SDO.mentions):
                self.documents[entity].add(name[doc])
        for sentence, doc in self.ds.subject_objects(NIF.referenceContext):
            if doc in name:
                self.documents[sentence].add(name[doc])
        for statement in self.of_kind("statement"):
            for doc in self.ds.objects(statement, SDO.isPartOf):
                if doc in name:
                    self.documents[statement].add(name[doc])
            for speaker in self.ds.objects(statement, SDO.author):
                self.documents[speaker] |= self.documents[statement]
        for membership in self.of_kind("membership"):
            sentence = self.sentence_of(membership)
            docs = self.documents.get(sentence, set()) if sentence is not None else set()
            self.documents[membership] |= docs
            for target in (*self.ds.objects(membership, KG.post), *self.ds.objects(membership, ORG.member),
                           *self.ds.objects(membership, ORG.organization), *self.ds.objects(membership, ORG.role)):
                self.documents[target] |= docs
        for post, org in self.ds.subject_objects(ORG.postIn):
            self.documents[org] |= self.documents[post]

    def label(self, node: Node) -> str:
        kind = self.kind.get(node, "other")
        if kind == "statement":
            return "“" + short(self.text(node, SDO.text), 48) + "”"
        if kind == "sentence":
            return short(self.text(node, NIF.anchorOf), 48)
        if kind == "document":
            return short(self.text(node, SDO.headline), 48) or self.doc_id.get(node, str(node))
        if kind == "membership":
            who = self._one(node, ORG.member)
            role = self._one(node, ORG.role)
            return f"{self.label(who) if who is not None else '?'}: {self.label(role) if role is not None else '?'}"
        label = self.text(node, RDFS.label) or self.text(node, SKOS.prefLabel)
        if label:
            return label
        text = str(node)
        return text.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1] or text

    def aliases(self, node: Node) -> list[str]:
        return sorted({str(a) for a in self.ds.objects(node, SKOS.altLabel)})

    def statement_details(self, node: Node) -> dict[str, list[str]]:
        details = {name: [str(v) for v in self.all(node, p)] for p, name in STATEMENT_DETAILS.items()}
        sentence = self.sentence_of(node)
        if sentence is not None:
            details["sentence"] = [self.text(sentence, NIF.anchorOf).strip()]
        details["medium"] = [self.label(m) for m in self.all(node, KG.medium)]
        details["speaker"] = [self.label(a) for a in self.all(node, SDO.author)]
        for doc in self.all(node, SDO.isPartOf):
            details["document"] = [self.doc_id.get(doc, str(doc))]
            headline = self.text(doc, SDO.headline)
            if headline:
                details["headline"] = [headline]
        return {k: v for k, v in details.items() if v and any(v)}

    def literal_details(self, node: Node) -> dict[str, list[str]]:
        details: dict[str, list[str]] = defaultdict(list)
        if self.types.get(node):
            details["rdf:type"] = sorted(self.types[node])
        for p, o in sorted(self.ds.predicate_objects(node), key=lambda pair: (str(pair[0]), str(pair[1]))):
            if isinstance(o, Literal):
                details[qname(self.ds, p)].append(str(o))
        return {k: sorted(set(v)) if k != "nif:anchorOf" else v for k, v in details.items()}


def to_networkx(dataset: Dataset | Graph, view: str = "people") -> nx.MultiDiGraph:
    """The dataset as a directed multigraph of what a reader wants to see.

    Node ids are IRIs (blank nodes as ``_:id``); edges are keyed by their label.

    Examples:
        >>> from kg.rdf.mapper import new_dataset
        >>> from rdflib import Literal, URIRef
        >>> ds = new_dataset()
        >>> g = ds.graph(URIRef("https://example.org/kg/doc/d1"))
        >>> person, statement = URIRef("https://example.org/kg/person/ann"), URIRef("https://example.org/kg/doc/d1/statement/1")
        >>> for triple in [(person, RDF.type, SDO.Person), (person, RDFS.label, Literal("Ann")),
        ...                (statement, RDF.type, SDO.Quotation), (statement, SDO.author, person),
        ...                (statement, SDO.text, Literal("Hello."))]:
        ...     _ = g.add(triple)
        >>> G = to_networkx(ds)
        >>> G.nodes[str(person)]["label"], G.nodes[str(statement)]["kind"]
        ('Ann', 'statement')
        >>> [label for _, _, label in G.edges(keys=True)]
        ['said']
    """
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; use one of {', '.join(VIEWS)}")
    reader = _Reader(dataset)
    graph = nx.MultiDiGraph(view=view, documents=reader.doc_meta)
    if view == "people":
        _people(reader, graph)
    else:
        _rdf(reader, graph)
    return graph


def _add_node(reader: _Reader, graph: nx.MultiDiGraph, node: Node, details: dict[str, list[str]]) -> str:
    key = node_id(node)
    if key not in graph:
        graph.add_node(key, kind=reader.kind.get(node, "other"), label=reader.label(node), iri=str(node),
                       aliases=reader.aliases(node), details=details, documents=sorted(reader.documents.get(node, ())))
    return key


def _people(reader: _Reader, graph: nx.MultiDiGraph) -> None:
    ds = reader.ds
    for node in reader.of_kind(*ENTITY_KINDS, "post"):
        details = {"rdf:type": sorted(reader.types[node])}
        _add_node(reader, graph, node, details)
    for statement in reader.of_kind("statement"):
        _add_node(reader, graph, statement, reader.statement_details(statement))

    def edge(source: Node, target: Node, label: str, predicate: URIRef, **extra: object) -> None:
        a, b = node_id(source), node_id(target)
        if a in graph and b in graph and not graph.has_edge(a, b, key=label):
            graph.add_edge(a, b, key=label, label=label, predicate=qname(ds, predicate), **extra)

    # Every listing sorted: the same graph gives the same edges in the same order in every process.
    for statement in reader.of_kind("statement"):
        for speaker in reader.all(statement, SDO.author):
            edge(speaker, statement, "said", SDO.author)
        for entity in reader.all(statement, SDO.about):
            edge(statement, entity, "about", SDO.about)
    for speaker, statement in reader.pairs(KG.stated):
        edge(speaker, statement, "said", KG.stated)
    for person, post in reader.pairs(ORG.holds):
        edge(person, post, "holds", ORG.holds)
    for membership in reader.of_kind("membership"):
        if not any(isinstance(v, Literal) and v.toPython() is True for v in ds.objects(membership, KG.former)):
            continue
        for person in reader.all(membership, ORG.member):
            for post in reader.all(membership, KG.post):
                if not graph.has_edge(node_id(person), node_id(post), key="holds"):
                    edge(person, post, "held", KG.former)
    for post, org in reader.pairs(ORG.postIn):
        edge(post, org, "post in", ORG.postIn)
    # Events that happened: the mapper's direct edge between the two entities (kg:consulted, kg:accused, ...).
    for _plover, (_event_class, predicate) in sorted(EVENT_TYPES.items()):
        label = predicate.rsplit("#", 1)[-1]
        for subject, obj in reader.pairs(predicate):
            edge(subject, obj, label, predicate, event=_plover)


def _rdf(reader: _Reader, graph: nx.MultiDiGraph) -> None:
    ds = reader.ds
    seen: set[Node] = set()
    for s, p, o in sorted(ds.triples((None, None, None)), key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
        if p == RDF.type or isinstance(o, Literal):
            if s not in seen:
                seen.add(s)
                _add_node(reader, graph, s, reader.literal_details(s))
            continue
        for node in (s, o):
            if node not in seen:
                seen.add(node)
                _add_node(reader, graph, node, reader.literal_details(node))
        label = qname(ds, p)
        graph.add_edge(node_id(s), node_id(o), key=label, label=label, predicate=label)


def find(graph: nx.MultiDiGraph, name: str) -> str:
    """The node a user means by ``name``: an IRI, a label or an alias (any case); KeyError lists close names."""
    if name in graph:
        return name
    wanted = " ".join(name.split()).casefold()
    names: dict[str, str] = {}
    for node, data in graph.nodes(data=True):
        for text in (data.get("label", ""), *data.get("aliases", ())):
            names.setdefault(" ".join(text.split()).casefold(), node)
    if wanted in names:
        return names[wanted]
    # prefer an entity whose name ends with what was asked ("Putin" -> "Vladimir Putin")
    endings = sorted({n for text, n in names.items() if text.endswith(" " + wanted)})
    if len(endings) == 1:
        return endings[0]
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)
    labels = list(dict.fromkeys(graph.nodes[names[c]]["label"] for c in close))  # a name and its alias: one node
    hint = f"; did you mean {', '.join(repr(label) for label in labels)}?" if close else ""
    raise KeyError(f"no node named {name!r}{hint}")


def neighbourhood(graph: nx.MultiDiGraph, centre: str, depth: int = 1) -> nx.MultiDiGraph:
    """Everything within ``depth`` edges of ``centre``, whichever way the edges point."""
    return nx.ego_graph(graph, centre, radius=depth, undirected=True).copy()


def counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    """How many nodes of each kind, for summaries and tests."""
    result: dict[str, int] = defaultdict(int)
    for _, kind in graph.nodes(data="kind"):
        result[kind] += 1
    return dict(result)


def flat(graph: nx.MultiDiGraph, joiner: str = " | ") -> nx.MultiDiGraph:
    """A copy with only strings, numbers and booleans as attributes, as GraphML and GEXF require."""
    out = nx.MultiDiGraph()
    out.graph.update({k: str(v) for k, v in graph.graph.items() if isinstance(v, (str, int, float, bool))})

    def simple(attrs: dict) -> dict:
        result = {}
        for key, value in attrs.items():
            if isinstance(value, dict):
                for name, items in value.items():
                    result[f"{key}.{name}"] = joiner.join(items) if isinstance(items, (list, tuple)) else str(items)
            elif isinstance(value, (list, tuple, set)):
                result[key] = joiner.join(str(v) for v in value)
            elif isinstance(value, (str, int, float, bool)):
                result[key] = value
            elif value is not None:
                result[key] = str(value)
        return result

    for node, data in graph.nodes(data=True):
        out.add_node(node, **simple(data))
    for a, b, key, data in graph.edges(keys=True, data=True):
        out.add_edge(a, b, key=key, **simple(data))
    return out


def iter_kinds(graph: nx.MultiDiGraph) -> Iterable[Kind]:
    """The kinds present in ``graph``, in legend order."""
    present = {kind for _, kind in graph.nodes(data="kind")}
    return [k for k in KINDS.values() if k.name in present]


__all__ = ["KINDS", "VIEWS", "Kind", "counts", "find", "flat", "iter_kinds", "neighbourhood", "to_networkx"]
