"""What the server answers from: a graph file loaded once into Oxigraph at start, or a store directory.

A graph file is parsed by Oxigraph into an in-memory store before the server forks its
workers, so every worker shares it. Its default graph is the merge of its named graphs
(N-Quads, TriG, JSON-LD), as ``kg query --graph`` reads it. A store (``kg build --store``)
is different: Oxigraph starts threads when it opens its database, and threads do not
survive a fork, so the server never opens it; each worker opens it read-only, and opens it
again when the directory shows a build has written to it since.

The server turns each HTTP request into a plain request (:meth:`Source.query`,
:meth:`Source.draw_focus`, :meth:`Source.draw_query`); a worker answers it with
:meth:`Source.handle`.
"""
from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.serve.engine import STORE_BUSY, answer
from kg.serve.worker import Answer

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph

# kg.export's format names -> Oxigraph's parsers
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
              "trig": ox.RdfFormat.TRIG, "json-ld": ox.RdfFormat.JSON_LD}


def can_draw() -> bool:
    """Drawing needs ``kg.viz`` (its networkx model, layout and vendored cytoscape.js)."""
    return importlib.util.find_spec("kg.viz") is not None


def load(path: str | Path) -> ox.Store:
    """A graph file in an in-memory Oxigraph store whose default graph is the merge of every graph in the file."""
    from kg.export import format_for
    from kg.store.local import merge_named_graphs

    fmt = format_for(path)
    store = ox.Store()
    store.load(path=str(path), format=OX_FORMATS[fmt.name], base_iri=Path(path).resolve().as_uri())
    if fmt.quads:
        merge_named_graphs(store)
    return store


def default_graph(store: ox.Store) -> Graph:
    """The store's default graph as an rdflib Graph (through ``oxrdflib``, nothing copied), for ``kg.viz``."""
    from oxrdflib import OxigraphStore
    from rdflib import Graph
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from kg.rdf.namespaces import PREFIXES

    graph = Graph(store=OxigraphStore(store=store), identifier=DATASET_DEFAULT_GRAPH_ID)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


@dataclass
class Source:
    name: str  # what the page shows: "graph.ttl: 500 triples"
    memory: ox.Store | None = None  # a graph file, loaded once in the server
    store: str | None = None  # a store directory, opened read-only in each worker
    people: nx.MultiDiGraph | None = None  # kg.viz's people view of a loaded file, built once for drawing
    _opened: tuple[tuple[int, ...], ox.Store] | None = field(default=None, init=False, repr=False)  # a worker's store handle

    @classmethod
    def from_file(cls, path: str | Path) -> Source:
        store = load(path)
        triples = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        return cls(f"{Path(path).name}: {triples} triples", memory=store)

    @classmethod
    def from_store(cls, directory: str | Path) -> Source:
        from kg.store.local import database

        if not database(directory).is_dir():
            raise FileNotFoundError(f"{directory}: no kg store here (build one with: kg build --store {directory} PATH...)")
        return cls(f"store {Path(directory).name}", store=str(directory))

    def engine(self) -> ox.Store:
        """The store to query: the loaded file, or the store directory as a build last left it."""
        if self.memory is not None:
            return self.memory
        from kg.store.local import database, open_store

        # A build writes new files (and its marker) into these folders: a changed time means reopen.
        stamp = (os.stat(self.store).st_mtime_ns, os.stat(database(self.store)).st_mtime_ns)
        if self._opened is None or self._opened[0] != stamp:
            self._opened = None
            self._opened = (stamp, open_store(self.store))
        return self._opened[1]

    # -- requests, made in the server ------------------------------------------------------------
    def query(self, text: str, accept: str | None, max_rows: int) -> dict:
        return {"job": "query", "text": text, "accept": accept, "max_rows": max_rows}

    def draw_focus(self, focus: str, depth: int, max_nodes: int) -> dict:
        return {"job": "focus", "focus": focus, "depth": depth, "max_nodes": max_nodes}

    def draw_query(self, text: str, max_nodes: int) -> dict:
        return {"job": "draw", "text": text, "max_nodes": max_nodes}

    # -- answers, made in a worker ---------------------------------------------------------------
    def handle(self, request: dict) -> Answer:
        """Answer a request; a store that cannot be opened is a 503 without its paths (issue 18 D9)."""
        try:
            store = self.engine()
        except Exception:  # noqa: BLE001 - a store being written, or gone
            return Answer.message(503, STORE_BUSY)
        on_disk = self.store is not None
        if request["job"] == "query":
            return answer(store, request["text"], request["accept"], request["max_rows"], on_disk)
        from kg.serve import drawing

        if request["job"] == "focus":
            return drawing.draw_focus(default_graph(store), self.people, request["focus"], request["depth"],
                                      request["max_nodes"])
        return drawing.draw_query(store, request["text"], request["max_nodes"], on_disk)

    def warm_up(self) -> None:
        """Answer a query of each form in every format, and import the drawing code, once in the server,
        so that workers inherit all of it; build a file's people view once."""
        from kg.serve.negotiate import offers_for

        sample = self.memory if self.memory is not None else ox.Store()  # a store is never opened in the server
        for text, form in (("SELECT * WHERE { ?s ?p ?o } LIMIT 1", "SELECT"), ("ASK { ?s ?p ?o }", "ASK"),
                           ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1", "CONSTRUCT")):
            for offer in offers_for(form):
                reply = answer(sample, text, offer.media_type, 1)
                if reply.status != 200:
                    raise RuntimeError(f"cannot answer as {offer.media_type}: {reply.body.decode()[:200]}")
        if can_draw():
            from kg.serve.drawing import warm_up

            self.people = warm_up(default_graph(self.memory) if self.memory is not None else None)
