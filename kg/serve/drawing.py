"""Interactive pictures for the query page: the page ``kg viz`` writes, served for a neighbourhood or a CONSTRUCT.

Nothing is drawn here that ``kg viz`` does not draw: :func:`kg.viz.model.to_networkx`
builds the model, :func:`kg.viz.layout.layout` places it and
:func:`kg.viz.html.render` makes the self-contained page (vendored cytoscape.js
inline), which the query page shows in a frame. Like queries, drawings run in
a child process under the server's timeout.
"""
from __future__ import annotations

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph

from kg.serve.engine import (FORM_OF_RESULT, MAX_ROWS_HEADER, ROWS_HEADER, TRUNCATED_HEADER, Refused, evaluate, failed,
                             first_triples)
from kg.serve.worker import Answer

# The viz page inlines its script and style; it may run them, fetch nothing, and sit only in our own frame.
PAGE_POLICY = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; "
               "frame-ancestors 'self'; base-uri 'none'; form-action 'none'")


def _page(graph: nx.MultiDiGraph, title: str, truncated: bool, max_nodes: int) -> Answer:
    from kg.viz.html import render
    from kg.viz.layout import layout

    headers = {"content-security-policy": PAGE_POLICY, ROWS_HEADER: str(graph.number_of_nodes())}
    if truncated:
        headers |= {TRUNCATED_HEADER: "true", MAX_ROWS_HEADER: str(max_nodes)}
    html = render(graph, layout(graph), title=title)
    return Answer(200, html.encode("utf-8"), "text/html; charset=utf-8", headers)


def _nearest(graph: nx.MultiDiGraph, centre: str, limit: int) -> tuple[nx.MultiDiGraph, bool]:
    """At most ``limit`` nodes, the closest to ``centre`` first (a hub's neighbourhood can be the whole graph)."""
    if graph.number_of_nodes() <= limit:
        return graph, False
    order = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre)
    keep = sorted(order, key=lambda n: (order[n], str(n)))[:limit]
    return graph.subgraph(keep).copy(), True


def draw_focus(dataset: Graph, people: nx.MultiDiGraph | None, focus: str, depth: int, max_nodes: int) -> Answer:
    """The neighbourhood of one node, in the people view when it is there, else in the RDF view."""
    from kg.viz.model import neighbourhood, to_networkx

    for view in ("people", "rdf"):
        model = people if view == "people" and people is not None else to_networkx(dataset, view=view)
        if focus in model:
            break
    else:
        return Answer.message(404, f"nothing to draw: no node {focus} in the graph")
    part, truncated = _nearest(neighbourhood(model, focus, depth), focus, max_nodes)
    label = model.nodes[focus].get("label") or focus
    return _page(part, f"{label} and what lies within {depth} step{'s' if depth != 1 else ''}", truncated, max_nodes)


def draw_query(store: ox.Store, text: str, max_nodes: int, on_disk: bool = False) -> Answer:
    """The graph a CONSTRUCT or DESCRIBE query answers, in the people view if it holds people, else as RDF."""
    from kg.viz.model import to_networkx

    try:
        result = evaluate(store, text)
        if not isinstance(result, ox.QueryTriples):
            form = FORM_OF_RESULT.get(type(result), "SELECT")
            return Answer.message(400, f"only CONSTRUCT and DESCRIBE answers are graphs to draw; this is a {form} query")
        triples, truncated = first_triples(result, max_nodes)
        graph = Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    except Refused as refused:
        return Answer.message(refused.status, refused.reason)
    except Exception as err:  # noqa: BLE001 - an answer rdflib cannot read back, a store being written: see failed()
        return failed(err, on_disk)
    model = to_networkx(graph, view="people")
    if model.number_of_edges() == 0:
        model = to_networkx(graph, view="rdf")
    return _page(model, f"CONSTRUCT answer: {len(graph)} triples", truncated, max_nodes)


def warm_up(dataset: Graph | None) -> nx.MultiDiGraph | None:
    """Import the drawing code (networkx layouts, scipy) in the server; build a file's people view once."""
    from kg.viz.model import to_networkx

    tiny = Graph()
    _page(to_networkx(tiny, view="rdf"), "warm-up", False, 1)
    return to_networkx(dataset, view="people") if dataset is not None else None
