"""What the overview page's script reads: entities, weighted edges, and the statements behind them, once each.

Everything is referred to by its index in a list (nodes heaviest first, statements and documents
sorted by id), so an archive of 800 articles fits in a few megabytes, and the same graph gives the
same bytes. The page draws ``nodes`` and ``edges``; ``statements`` and ``documents`` are only read
when a node or edge is clicked or expanded (details on demand).
"""
from __future__ import annotations

import networkx as nx

from kg.viz.layout import Position
from kg.viz.model import KINDS, iter_kinds
from kg.viz.overview import PALETTE, community_colour, default_threshold, ranked

LABELS = 30  # the heaviest visible entities are named at load; the others when zoomed in


def overview_data(people: nx.MultiDiGraph, graph: nx.MultiDiGraph, positions: dict[str, Position], title: str,
                  threshold: int | None = None) -> dict:
    """The page's JSON: see the module docstring; keys are short because there are tens of thousands of them."""
    order = ranked(graph)
    index = {node: i for i, node in enumerate(order)}
    meta = graph.graph.get("documents", {})
    doc_ids = sorted(set(meta) | {d for n in order for d in graph.nodes[n]["documents"]})
    doc_index = {d: i for i, d in enumerate(doc_ids)}
    said_by: dict[str, list[int]] = {}
    about: dict[str, list[int]] = {}
    for node in order:
        for statement in graph.nodes[node]["said"]:
            said_by.setdefault(statement, []).append(index[node])
        for statement in graph.nodes[node]["about"]:
            about.setdefault(statement, []).append(index[node])
    statement_ids = sorted(set(said_by) | set(about))
    statement_index = {s: i for i, s in enumerate(statement_ids)}
    base = _common_prefix(statement_ids)
    statements = []
    for statement in statement_ids:
        details = people.nodes[statement].get("details", {}) if statement in people else {}
        text = _first(details, "text")
        sentence = _first(details, "sentence")
        entry: dict = {"id": statement[len(base):], "by": said_by.get(statement, []), "ab": about.get(statement, [])}
        start = sentence.find(text) if text and sentence else -1
        if start >= 0:  # most quotes lie inside their sentence: send the sentence once, the quote as a span of it
            entry["s"], entry["o"] = sentence, [start, start + len(text)]
        else:
            entry["t"] = text
            if sentence:
                entry["s"] = sentence
        for key, short in (("cue", "c"), ("quote kind", "k"), ("medium", "m")):
            if _first(details, key):
                entry[short] = _first(details, key)
        doc = _first(details, "document")
        if doc in doc_index:
            entry["d"] = doc_index[doc]
        statements.append(entry)
    nodes = []
    for node in order:
        attrs = graph.nodes[node]
        x, y = positions[node]
        entry = {"id": node, "k": attrs["kind"], "l": attrs["label"], "w": attrs["weight"], "q": attrs["quoted"],
                 "n": attrs["named"], "c": attrs["community"], "x": round(x, 1), "y": round(y, 1),
                 "d": [doc_index[d] for d in attrs["documents"] if d in doc_index],
                 "s": [statement_index[s] for s in attrs["said"]], "b": [statement_index[s] for s in attrs["about"]]}
        if attrs["aliases"]:
            entry["a"] = attrs["aliases"]
        posts = _posts(people, node, index)
        if posts:
            entry["p"] = posts
        nodes.append(entry)
    edges = []
    for a, b, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: (index[e[0]], index[e[1]], e[2])):
        entry = {"s": index[a], "t": index[b], "k": key, "w": attrs["weight"]}
        if "statements" in attrs:
            entry["st"] = [statement_index[s] for s in attrs["statements"]]
        if "posts" in attrs:
            entry["p"] = sorted({people.nodes[p]["label"] for p in attrs["posts"] if p in people})
        edges.append(entry)
    leaders: dict[int, tuple[str, int]] = {}
    for node in order:
        community = graph.nodes[node]["community"]
        label, size = leaders.get(community, (graph.nodes[node]["label"], 0))
        leaders[community] = (label, size + 1)
    counts = {k.name: sum(1 for n in order if graph.nodes[n]["kind"] == k.name) for k in iter_kinds(graph)}
    return {
        "title": title, "view": "overview", "base": base,
        "threshold": threshold if threshold is not None else default_threshold(graph), "labels": LABELS,
        "kinds": [{"name": k.name, "title": k.title, "color": k.color, "shape": k.shape, "count": counts[k.name]}
                  for k in iter_kinds(graph)],
        "communities": [{"c": c, "colour": community_colour(c), "leader": label, "size": size}
                        for c, (label, size) in sorted(leaders.items()) if c < len(PALETTE)],
        "other": community_colour(len(PALETTE)),
        "documents": [{"id": d, "title": meta.get(d, {}).get("title", ""), "date": meta.get(d, {}).get("date", ""),
                       "publisher": meta.get(d, {}).get("publisher", ""), "url": meta.get(d, {}).get("url", "")}
                      for d in doc_ids],
        "nodes": nodes, "edges": edges, "statements": statements,
        "statement_colour": KINDS["statement"].color,
    }


def _common_prefix(ids: list[str]) -> str:
    """The start all ids share, up to a slash (statement IRIs differ after ``.../doc/``).

    Examples:
        >>> _common_prefix(["https://e.org/kg/doc/a/statement/1", "https://e.org/kg/doc/b/statement/2"])
        'https://e.org/kg/doc/'
    """
    if not ids:
        return ""
    first, last = min(ids), max(ids)
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return first[: first.rfind("/", 0, n) + 1] if len(ids) > 1 else first[: first.rfind("/") + 1]


def _first(details: dict, key: str) -> str:
    values = details.get(key) or [""]
    return values[0]


def _posts(people: nx.MultiDiGraph, node: str, index: dict[str, int]) -> list[list]:
    """[post, organisation (index, or -1 when not drawn or none), 1 if no longer held] for each post of ``node``."""
    if node not in people:
        return []
    result = []
    for _, post, key in sorted(people.out_edges(node, keys=True)):
        if key not in ("holds", "held"):
            continue
        orgs = sorted(org for _, org, k in people.out_edges(post, keys=True) if k == "post in") or [None]
        for org in orgs:
            result.append([people.nodes[post]["label"], index.get(org, -1) if org else -1, int(key == "held")])
    return result


__all__ = ["LABELS", "overview_data"]
