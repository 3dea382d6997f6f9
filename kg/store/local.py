"""The embedded store: Oxigraph (RocksDB) in a directory, written through pyoxigraph.

Layout of ``DIR``: ``oxigraph/`` (the database) and ``ledger.sqlite`` (see
:mod:`kg.store.ledger`). Writes go to pyoxigraph directly, one transaction per batch
(measured by ``make bench`` against rdflib's ``oxrdflib`` store plugin, which adds
triples one call at a time); reads go through ``oxrdflib`` so rdflib stays the API.
"""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from kg.rdf.graphs import NamedGraph, graph_quads, ox_quads
from kg.rdf.namespaces import PREFIXES
from kg.rdf.sparqltext import masked
from kg.store import COUNTS_QUERY, HASHES_QUERY, StoreError, restore_datatypes

DATABASE = "oxigraph"
WRITING = "writing"  # a file in DIR while a batch is being written
# The default graph of a kg store is the merge of its named graphs, kept by the writer: Oxigraph's
# own union default graph keeps one copy of a triple per named graph that holds it (a post's label
# in every article naming the post), so joins multiply rows and slow down. The merge answers as
# rdflib's union does, and exports leave it out.
MERGED = ox.DefaultGraph()


def database(target: str | Path) -> Path:
    return Path(target) / DATABASE


class LocalStore:
    """An on-disk Oxigraph store, opened for writing (one writer at a time)."""

    def __init__(self, target: str | Path) -> None:
        path = database(target)
        if Path(target).exists() and not Path(target).is_dir():
            raise StoreError(f"{target}: not a directory")
        path.mkdir(parents=True, exist_ok=True)
        try:
            self.store = ox.Store(str(path))
        except OSError as err:
            raise StoreError(f"{target}: cannot open the store ({str(err).splitlines()[0][:200]})") from None
        self.marker = Path(target) / WRITING
        if self.marker.exists():
            self.rebuild_merge()

    def rebuild_merge(self) -> None:
        """A writer died inside a batch: make the merged default graph again from the named graphs.

        A batch removes, inserts and prunes in separate steps; killed between them, the merge could
        keep triples no named graph holds any more, and no later batch would know to prune them.
        """
        self.store.clear_graph(MERGED)
        batch: list[ox.Quad] = []
        for quad in self.store.quads_for_pattern(None, None, None, None):
            if isinstance(quad.graph_name, ox.NamedNode):
                batch.append(ox.Quad(quad.subject, quad.predicate, quad.object, MERGED))
                if len(batch) >= 100_000:
                    self.store.extend(batch)
                    batch = []
        self.store.extend(batch)
        self.store.flush()
        self.marker.unlink(missing_ok=True)

    def hashes(self) -> dict[str, str]:
        return {row["doc"].value: row["hash"].value for row in self.store.query(HASHES_QUERY)}

    def replace_graphs(self, graphs: list[NamedGraph]) -> None:
        """Replace named graphs, and keep the default graph the merge of all of them (see MERGED)."""
        self.marker.touch()  # until the batch is whole: a writer killed in between is repaired on reopening
        old: set[ox.Triple] = set()
        for graph in graphs:
            name = ox.NamedNode(str(graph.identifier))
            if self.store.contains_named_graph(name):
                old.update(q.triple for q in self.store.quads_for_pattern(None, None, None, name))
                self.store.remove_graph(name)
        new = list(ox_quads(graph_quads(graphs)))
        self.store.extend(new + [ox.Quad(q.subject, q.predicate, q.object, MERGED) for q in new])
        for triple in old - {q.triple for q in new}:
            if not any(isinstance(q.graph_name, ox.NamedNode)
                       for q in self.store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None)):
                self.store.remove(ox.Quad(triple.subject, triple.predicate, triple.object, MERGED))
        # RocksDB keeps writes in memory tables (one per index) until they fill: flushing each batch
        # keeps a build's memory flat (measured: +40 MB per 100 articles without it).
        self.store.flush()
        self.marker.unlink(missing_ok=True)

    def graph_counts(self) -> dict[str, int]:
        return {row["g"].value: int(row["n"].value) for row in self.store.query(COUNTS_QUERY)}

    def close(self) -> None:
        self.store.flush()
        del self.store


def open_store(target: str | Path, read_only: bool = True) -> ox.Store:
    path = database(target)
    if not path.is_dir():
        raise StoreError(f"{target}: no kg store here (build one with: kg build --store {target} PATH...)")
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as err:
        raise StoreError(f"{target}: cannot open the store ({str(err).splitlines()[0][:200]})") from None


def open_read_only(target: str | Path) -> Dataset:
    """The store as an rdflib Dataset (SPARQL answered by Oxigraph), default graph = union of all."""
    from oxrdflib import OxigraphStore

    class Engine(OxigraphStore):
        """oxrdflib wants prefixes as strings; rdflib hands over namespaces as they are bound."""

        def query(self, query, initNs, initBindings, queryGraph, **kwargs):  # noqa: N803 (rdflib's names)
            prefixes = {prefix: str(namespace) for prefix, namespace in initNs.items()}
            if initBindings:
                # Oxigraph's substitutions (SEP-0007) are not rdflib's pre-binding: bind with VALUES instead.
                bound = prebind(query, initBindings) if isinstance(query, str) else None
                if bound is None:
                    raise NotImplementedError("cannot pre-bind this query")  # rdflib's own engine answers
                query, initBindings = bound, {}
            return super().query(query, prefixes, initBindings, queryGraph, **kwargs)

    dataset = Dataset(store=Engine(store=open_store(target)))
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True)
    dataset.default_union = False  # the default graph is already the merge (see MERGED)
    return dataset


def answer(target: str | Path, query: str, bindings: dict) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples | None:
    """The query answered by Oxigraph, its terms left as Oxigraph's; None if a binding cannot be written.

    ``kg query --store`` writes these answers with Oxigraph's own result writers: turning
    every row into rdflib terms first (what ``oxrdflib`` does) doubled the time of a
    40,000-row listing (measured in ``make bench``).
    """
    text = prebind(query, bindings) if bindings else query
    if text is None:
        return None
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    return open_store(target).query(text, prefixes=prefixes)


_WHERE = re.compile(r"\bWHERE\s*\{|^\s*SELECT\b[^{]*\{", re.IGNORECASE | re.MULTILINE)


def prebind(query: str, bindings: dict) -> str | None:
    """The query with each binding as a ``VALUES`` block opening its outer group; None if none is found.

    What rdflib's ``initBindings`` means, in standard SPARQL: the values are written as
    RDF terms (``Literal.n3()`` escapes them), never pasted as text.

    Examples:
        >>> from rdflib import Literal
        >>> prebind('SELECT ?s WHERE { ?s ?p ?name }', {"name": Literal('Jo "J" Lee')})
        'SELECT ?s WHERE { VALUES ?name { "Jo \\\\"J\\\\" Lee" } ?s ?p ?name }'
    """
    if not all(str(name).isidentifier() for name in bindings):
        return None
    # The outer group's brace as the engine reads the text: not one inside a comment or a string.
    match = _WHERE.search(masked(query))
    if match is None:
        return None
    values = " ".join(f"VALUES ?{name} {{ {term.n3()} }}" for name, term in bindings.items())
    return f"{query[: match.end()]} {values}{query[match.end():]}"


def dump_nquads(target: str | Path) -> bytes:
    """The named graphs as N-Quads (the merged default graph left out)."""
    store = open_store(target)
    data = ox.serialize((q for q in store if q.graph_name != MERGED), format=ox.RdfFormat.N_QUADS)
    return restore_datatypes(data)


def merge_named_graphs(store: ox.Store) -> None:
    """Fill the default graph with the merge of the named graphs (after a bulk load)."""
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


def dump_native(target: str | Path, path: Path) -> bool:
    """Write N-Quads straight from Oxigraph (fast at millions of triples); False for other formats."""
    from kg.export import atomic_write

    if path.suffix.lower() != ".nq":
        return False
    atomic_write(path, dump_nquads(target))
    return True
