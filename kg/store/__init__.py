"""Stores: where a large or growing graph lives instead of a file.

``kg build --store DIR`` writes into an on-disk Oxigraph store (:mod:`kg.store.local`);
``kg build --store http(s)://...`` writes to a SPARQL 1.1 Graph Store Protocol endpoint
(:mod:`kg.store.remote`). Either way the build is incremental:

- every document is its own named graph (its IRI), holding a ``kg:contentHash``;
- a document stored with the same hash is skipped before it is parsed;
- a changed document's named graph is replaced; a file is the same document when it has the
  same path, so ``2024/report.txt`` does not replace the ``report`` that ``2023/report.txt``
  stored in an earlier run (it is stored as ``2024_report``; see :meth:`StoreWriter.claim`);
- the shared entity graph is recomputed from the ledger (:mod:`kg.store.ledger`), so a
  person is one node across runs and the store equals a build of all documents at once.

This module imports no engine: ``kg --help`` stays fast.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from rdflib import Dataset, URIRef

from kg.rdf.iris import DEFAULT_BASE, Minter
from kg.rdf.graphs import NamedGraph
from kg.rdf.mapper import EntityFacts, describe_entities
from kg.rdf.namespaces import KG
from kg.records import Document

if TYPE_CHECKING:
    from kg.store.ledger import Ledger

HASHES_QUERY = """
SELECT ?doc ?hash WHERE { GRAPH ?doc { ?doc <https://w3id.org/kg/ns#contentHash> ?hash } }
"""
COUNTS_QUERY = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
# Oxigraph keeps the value of a literal typed with a type derived from xsd:integer but not its
# type: "5"^^xsd:nonNegativeInteger comes back as "5"^^xsd:integer (equal in SPARQL). The mapper
# types only NIF offsets so; exports restore that type, and a store exports what a file build writes.
_CANONICAL_OFFSET = re.compile(
    rb'(<http://persistence\.uni-leipzig\.org/nlp2rdf/ontologies/nif-core#(?:begin|end)Index> "\d+"\^\^'
    rb'<http://www\.w3\.org/2001/XMLSchema#)integer>')


def restore_datatypes(nquads: bytes) -> bytes:
    """N-Quads from a store, with the NIF offsets typed as the mapper types them.

    Examples:
        >>> line = (b'<s> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex> '
        ...         b'"7"^^<http://www.w3.org/2001/XMLSchema#integer> <g> .')
        >>> restore_datatypes(line).split(b"#")[-1]
        b'nonNegativeInteger> <g> .'
    """
    return _CANONICAL_OFFSET.sub(rb"\1nonNegativeInteger>", nquads)


class StoreError(Exception):
    """A store cannot be opened, written or checked; the message says which and why."""


class Backend(Protocol):
    """What the incremental writer needs of an engine: hashes in, whole graphs out, counts back."""

    def hashes(self) -> dict[str, str]:
        """Document IRI -> content hash of every document graph stored."""

    def replace_graphs(self, graphs: list[NamedGraph]) -> None:
        """Make each named graph hold exactly the given triples."""

    def graph_counts(self) -> dict[str, int]:
        """Named graph IRI -> number of triples."""

    def close(self) -> None: ...


def is_remote(target: str) -> bool:
    return target.startswith(("http://", "https://"))


def content_hash(text: str) -> str:
    """The mapper's ``kg:contentHash``: SHA-256 of the text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class StoreWriter:
    """The build's sink for a store: skips unchanged documents, writes the rest in batches.

    Nothing is lost silently: at the end, every graph written in this run is counted in the
    store and compared with what was sent.
    """

    def __init__(self, backend: Backend, ledger: Ledger, base: str = DEFAULT_BASE, batch_size: int = 64) -> None:
        self.backend = backend
        self.ledger = ledger
        self.mint = Minter(base)
        stored_base = ledger.meta("base")
        if stored_base is not None and stored_base != self.mint.base:
            raise StoreError(f"the store was built with base {stored_base}, not {self.mint.base}; pass --base {stored_base}")
        ledger.set_meta("base", self.mint.base)
        self.batch_size = batch_size
        self.stored = backend.hashes()
        recorded = ledger.hashes()
        # Skip only what both the store and the ledger hold with one hash: a run that died between
        # writing a graph and recording it is repaired by writing that document again.
        self.known = {doc: h for doc, h in self.stored.items() if recorded.get(doc) == h}
        self.pending: list[tuple[NamedGraph, dict[URIRef, EntityFacts]]] = []
        self.expected: dict[str, int] = {}
        self.written = 0
        self.sources = ledger.sources()  # document IRI -> the file it was read from
        prefix = str(self.mint.document(""))
        self.ids_of_sources = {source: iri[len(prefix):] for iri, source in self.sources.items() if iri.startswith(prefix)}
        self.new_sources: dict[str, str] = {}

    def claim(self, document: Document) -> tuple[Document, str]:
        """The document under an id no other file holds in the store, and a notice when it had to change.

        Ids are file stems, so two folders' ``report.txt`` share one; in one run the reader tells
        them apart, across runs only the store knows. A file is the same article as the one stored
        under its id only when it has the same path; otherwise it takes the next id that is free or
        its own: ``2024_report``, then ``report-<digest of the path>``. JSONL records keep their ids
        (the ids are the user's), and so do documents stored before sources were recorded.
        """
        if not _from_file(document):
            return document, ""
        where = os.path.realpath(document.source)  # the same file from another working directory is the same article
        known = self.ids_of_sources.get(where)
        if known is not None:  # the id an earlier run gave it
            return (document if known == document.id else dataclasses.replace(document, id=known)), ""
        from kg.documents import other_ids_for

        for candidate in (document.id, *other_ids_for(Path(where))):
            iri = str(self.mint.document(candidate))
            if iri in self.sources or iri in self.new_sources:
                continue
            self.new_sources[iri] = where
            self.ids_of_sources[where] = candidate
            if candidate == document.id:
                return document, ""
            first = str(self.mint.document(document.id))
            taken = self.new_sources.get(first) or self.sources.get(first)
            return dataclasses.replace(document, id=candidate), (
                f"document id {document.id!r} is held in the store by {taken}; stored as {candidate!r}")
        return document, ""

    def unchanged(self, document: Document) -> bool:
        return self.known.get(str(self.mint.document(document.id))) == content_hash(document.text)

    def write(self, doc_iri: URIRef, graph: NamedGraph, entities: dict[URIRef, EntityFacts]) -> None:
        self.pending.append((graph, entities))  # the build hands each document a graph of its own
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Write the pending graphs, then record them in the ledger (that order: see ``known``)."""
        if not self.pending:
            return
        self.ledger.set_meta("entities", "stale")  # until the entity graph is rewritten, even after a crash
        self.backend.replace_graphs([graph for graph, _ in self.pending])
        self.ledger.record((str(graph.identifier), str(graph.value(graph.identifier, KG.contentHash) or ""), facts)
                           for graph, facts in self.pending)
        written = {str(graph.identifier) for graph, _ in self.pending}
        self.ledger.record_sources({doc: source for doc, source in self.new_sources.items() if doc in written})
        for graph, _ in self.pending:
            self.expected[str(graph.identifier)] = len(graph)
        self.written += len(self.pending)
        self.pending.clear()

    def finish(self) -> int:
        """Rewrite the entity graph from the ledger when anything changed, then check the counts."""
        self.flush()
        entities = self.ledger.entities()
        if self.written or self.ledger.meta("entities") == "stale":
            graph = NamedGraph(self.mint.graph("entities"))
            describe_entities(graph, entities)
            self.backend.replace_graphs([graph])
            self.expected[str(graph.identifier)] = len(graph)
            self.check()
            self.ledger.set_meta("entities", "current")
        return len(entities)

    def check(self) -> None:
        counts = self.backend.graph_counts()
        wrong = [(g, n, counts.get(g, 0)) for g, n in self.expected.items() if counts.get(g, 0) != n]
        if wrong:
            g, sent, held = wrong[0]
            raise StoreError(f"count check failed for {len(wrong)} graph(s): {g} holds {held} triples, {sent} were written")

    def close(self) -> None:
        self.backend.close()
        self.ledger.close()


def _from_file(document: Document) -> bool:
    """Read from a text, Markdown or HTML file (its id is the file's stem), not from a JSONL record."""
    from kg.documents import JSONL_SUFFIXES

    path = Path(document.source)
    return bool(document.source) and path.suffix.lower() not in JSONL_SUFFIXES and path.is_file()


def default_ledger(target: str) -> Path:
    """Where a store's ledger lives: inside a local store; per endpoint in the user's cache for a remote one."""
    if not is_remote(target):
        return Path(target) / "ledger.sqlite"
    import os

    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kg" / "ledgers"
    return cache / (hashlib.sha256(target.encode("utf-8")).hexdigest()[:16] + ".sqlite")


def open_writer(target: str, base: str = DEFAULT_BASE, ledger_path: str | Path | None = None,
                query_endpoint: str | None = None) -> StoreWriter:
    """A writer for ``--store TARGET``: a directory (created if need be) or an http(s) endpoint."""
    from kg.store.ledger import Ledger

    backend: Backend
    if is_remote(target):
        from kg.store.remote import RemoteStore

        backend = RemoteStore(target, query_endpoint=query_endpoint)
    else:
        from kg.store.local import LocalStore

        backend = LocalStore(target)
    try:
        ledger = Ledger(ledger_path or default_ledger(target))
        if backend.hashes() and not ledger.hashes() and not ledger.meta("base"):
            raise StoreError(f"{target} holds documents but the ledger {ledger_path or default_ledger(target)} is "
                             "empty; pass --ledger with the file used when it was built")
        return StoreWriter(backend, ledger, base)
    except BaseException:
        backend.close()
        raise


def open_dataset(target: str) -> Dataset:
    """The store as an rdflib Dataset whose default graph is the union of all its graphs.

    rdflib stays the API (``kg query``, ``kg viz``, ``kg serve``); SPARQL runs in Oxigraph
    (through ``oxrdflib``).
    """
    if is_remote(target):
        raise StoreError(f"{target}: kg reads local stores; query a SPARQL server at its own query endpoint "
                         "(or kg export --store URL --out FILE)")
    from kg.store.local import open_read_only

    return open_read_only(target)


def dump(target: str, path: str | Path) -> None:
    """Write a store to a file in any format :mod:`kg.export` supports (written whole or not at all)."""
    from kg import export

    if not is_remote(target):
        from kg.store.local import dump_native

        if dump_native(target, Path(path)):
            return
    dataset = materialise(target)
    export.write(dataset, path)


def materialise(target: str) -> Dataset:
    """Copy a store into an in-memory rdflib Dataset (what file exports and pictures need)."""
    from kg.rdf.mapper import new_dataset

    dataset = new_dataset()
    dataset.default_union = True
    if is_remote(target):
        from kg.store.remote import RemoteStore

        data = restore_datatypes(RemoteStore(target).dump_nquads())
    else:
        from kg.store.local import dump_nquads

        data = dump_nquads(target)
    dataset.parse(data=data, format="nquads")
    return dataset


__all__ = ["StoreError", "StoreWriter", "content_hash", "dump", "is_remote", "materialise", "open_dataset",
           "open_writer", "restore_datatypes"]
