"""What the server answers from: a graph file loaded once at start, or a store opened by each query.

A graph file is read with :func:`kg.export.read` before the server forks its
first child, so every query's process shares the loaded graph. A store
(``kg build --store DIR``) is different: Oxigraph starts threads when it opens
its database, and threads do not survive a fork, so the server process never
opens it; each query's process opens it read-only, which takes milliseconds,
and Oxigraph, not rdflib, evaluates the query.
"""
from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset

from kg.serve.negotiate import offers_for
from kg.serve.worker import STORE_BUSY, Answer, answer

if TYPE_CHECKING:
    import networkx as nx

WARM_UP = (("SELECT * WHERE { ?s ?p ?o } LIMIT 1", "SELECT"), ("ASK { ?s ?p ?o }", "ASK"),
           ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1", "CONSTRUCT"))


def can_draw() -> bool:
    """Drawing needs ``kg.viz`` (its networkx model, layout and vendored cytoscape.js)."""
    return importlib.util.find_spec("kg.viz") is not None


@dataclass
class Source:
    name: str  # what the page shows: "graph.ttl: 500 triples"
    dataset: Dataset | None = None  # a graph file, loaded once
    store: str | None = None  # a store directory, opened read-only in each query's process
    people: nx.MultiDiGraph | None = None  # kg.viz's people view of a loaded file, built once for drawing

    @classmethod
    def from_file(cls, path: str | Path) -> Source:
        from kg import export

        dataset = export.read(path)
        return cls(f"{Path(path).name}: {len(dataset)} triples", dataset=dataset)

    @classmethod
    def from_store(cls, directory: str | Path) -> Source:
        from kg.store.local import database

        if not database(directory).is_dir():
            raise FileNotFoundError(f"{directory}: no kg store here (build one with: kg build --store {directory} PATH...)")
        return cls(f"store {Path(directory).name}", store=str(directory))

    def open(self) -> Dataset:
        """The dataset to query; for a store, a fresh read-only handle (call it in the query's process)."""
        if self.dataset is not None:
            return self.dataset
        from kg.store import open_dataset

        return open_dataset(self.store)

    def query(self, text: str, accept: str | None, max_rows: int) -> Callable[[], Answer]:
        """A job answering one query, to run in a child process."""
        def job() -> Answer:
            try:
                dataset = self.open()
            except Exception:  # noqa: BLE001 - a store being written, or gone: say so, without its paths
                return Answer.message(503, STORE_BUSY)
            return answer(dataset, text, accept, max_rows, engine_parses=self.store is not None)
        return job

    def draw_focus(self, focus: str, depth: int, max_nodes: int) -> Callable[[], Answer]:
        from kg.serve.drawing import draw_focus

        return lambda: draw_focus(self.open(), self.people, focus, depth, max_nodes)

    def draw_query(self, text: str, max_nodes: int) -> Callable[[], Answer]:
        from kg.serve.drawing import draw_query

        return lambda: draw_query(self.open(), text, max_nodes, engine_parses=self.store is not None)

    def warm_up(self) -> None:
        """Import every parser, serializer and drawing module once in the server, so children inherit them."""
        if self.store is not None:
            import kg.store.local  # noqa: F401 - pyoxigraph and oxrdflib, imported (not opened) before forking
        else:
            for text, form in WARM_UP:
                for offer in offers_for(form):
                    reply = answer(self.dataset, text, offer.media_type, 1)
                    if reply.status != 200:
                        raise RuntimeError(f"cannot answer as {offer.media_type}: {reply.body.decode()[:200]}")
        if can_draw():
            from kg.serve.drawing import warm_up

            self.people = warm_up(self.dataset)
