"""One self-contained HTML page: the vendored cytoscape.js, the page's own script and style, and the graph
as JSON, all inline, so the file opens from a disk, a mail or an archive with no network at all.
"""
from __future__ import annotations

import json
import math
import re
from importlib import resources
from pathlib import Path

import networkx as nx

from kg.export import atomic_write
from kg.viz.layout import Position
from kg.viz.model import KINDS, iter_kinds

PHYSICS_LIMIT = 300  # the browser runs physics (cytoscape's cose) on graphs up to this many nodes
LIBRARY = "vendor/cytoscape.min.js"


def _asset(name: str) -> str:
    return resources.files("kg.viz").joinpath(name).read_text(encoding="utf-8")


def script_json(value: object) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' can end it early.

    Examples:
        >>> script_json({"text": "</script><b>"})
        '{"text":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace(
        "\u2028", "\\u2028").replace("\u2029", "\\u2029")


def page_data(graph: nx.MultiDiGraph, positions: dict[str, Position], title: str,
              physics: bool | None = None) -> dict:
    """What the page's script reads: nodes with positions and details, edges, kinds and documents."""
    degree = dict(graph.degree())
    nodes = []
    for node, attrs in graph.nodes(data=True):
        x, y = positions[node]
        size = 14 if attrs["kind"] == "statement" else 18 + 5 * math.sqrt(degree.get(node, 0))
        nodes.append({"id": node, "kind": attrs["kind"], "label": attrs["label"], "iri": attrs.get("iri", node),
                      "aliases": attrs.get("aliases", []), "details": attrs.get("details", {}),
                      "documents": attrs.get("documents", []), "x": round(x, 1), "y": round(y, 1),
                      "size": round(min(size, 60), 1)})
    edges = [{"source": a, "target": b, "label": attrs.get("label", key)}
             for a, b, key, attrs in graph.edges(keys=True, data=True)]
    counts: dict[str, int] = {}
    for _, kind in graph.nodes(data="kind"):
        counts[kind] = counts.get(kind, 0) + 1
    kinds = [{"name": k.name, "title": k.title, "color": k.color, "shape": k.shape, "count": counts[k.name]}
             for k in iter_kinds(graph)]
    documents: dict[str, str] = {}
    for node, attrs in graph.nodes(data=True):
        for doc in attrs.get("documents", []):
            documents.setdefault(doc, "")
        if attrs["kind"] == "statement":
            doc, headline = attrs["details"].get("document", [""])[0], attrs["details"].get("headline", [""])[0]
            if doc and headline:
                documents[doc] = headline
    return {"title": title, "view": graph.graph.get("view", "people"),
            "physics": len(nodes) <= PHYSICS_LIMIT if physics is None else physics,
            "kinds": kinds, "documents": [{"id": d, "title": t} for d, t in sorted(documents.items())],
            "nodes": nodes, "edges": edges}


def render(graph: nx.MultiDiGraph, positions: dict[str, Position], title: str = "kg graph",
           physics: bool | None = None) -> str:
    """The page as one string."""
    return _fill("page/page.html", "page/page.js", title, page_data(graph, positions, title, physics))


def render_overview(people: nx.MultiDiGraph, graph: nx.MultiDiGraph, positions: dict[str, Position],
                    title: str = "kg graph", threshold: int | None = None) -> str:
    """The overview page (:mod:`kg.viz.overview`) as one string; ``people`` supplies the statements behind it."""
    from kg.viz.overview_page import overview_data

    return _fill("page/overview.html", "page/overview.js", title, overview_data(people, graph, positions, title, threshold))


def _fill(template: str, script: str, title: str, data: dict) -> str:
    parts = {"title": _escape(title), "style": _asset("page/page.css"), "library": _asset(LIBRARY),
             "script": _asset("page/dom.js") + _asset(script), "data": script_json(data)}
    # one pass over the template only, so text from the graph can never be taken for a placeholder
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], _asset(template))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write_html(graph: nx.MultiDiGraph, positions: dict[str, Position], path: str | Path, title: str = "kg graph",
               physics: bool | None = None) -> None:
    atomic_write(path, render(graph, positions, title, physics).encode("utf-8"))


def write_overview_html(people: nx.MultiDiGraph, graph: nx.MultiDiGraph, positions: dict[str, Position],
                        path: str | Path, title: str = "kg graph", threshold: int | None = None) -> None:
    atomic_write(path, render_overview(people, graph, positions, title, threshold).encode("utf-8"))


__all__ = ["KINDS", "page_data", "render", "render_overview", "script_json", "write_html", "write_overview_html"]
