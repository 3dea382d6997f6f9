"""kg: build a knowledge graph of who said what and who holds which post from news text.

The pipeline runs one way:

    documents -> spaCy Doc -> extractors -> records -> RDF mapper -> graph -> queries, exports, pictures

From Python (docs/python.md)::

    import kg
    graph = kg.build_graph("seeds")                  # or kg.build_graph_from_texts({"id": "text"})
    rows = kg.query_graph(graph, "queries/quotes.rq")
    kg.save_graph(graph, "out/graph.ttl")
    kg.draw_graph(graph, "out/graph.html")
"""

__version__ = "0.1.0"

from kg.api import (  # noqa: E402 - after the version, which the command line reads alone
    build_graph,
    build_graph_from_texts,
    draw_graph,
    load_graph,
    query_graph,
    save_graph,
    to_networkx,
)
from kg.documents import read_text  # noqa: E402


def __getattr__(name: str):
    """``kg.BuildReport`` without loading spaCy and rdflib at ``import kg``."""
    if name == "BuildReport":
        from kg.build import BuildReport

        return BuildReport
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


__all__ = ["BuildReport", "build_graph", "build_graph_from_texts", "draw_graph", "load_graph", "query_graph",
           "read_text", "save_graph", "to_networkx"]
