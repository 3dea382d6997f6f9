"""The overview of an archive: who the main voices are, and whom they talk about.

The people view (:func:`kg.viz.model.to_networkx`) has a node per statement and post, which
is right for one article and a hairball for hundreds. The overview aggregates it:

* nodes are the entities (people, organisations, places, unnamed sources), each weighted by
  how often it is quoted or named: ``quoted`` (statements it made) plus ``named`` (statements
  about it, and articles that name it);
* an ``about`` edge runs from a speaker to each entity their statements are about, a ``post``
  edge from a person to each organisation they hold (or held) a post in, and an edge per kind
  of event (``consulted``, ...) between the two entities; each edge is weighted by the number
  of statements, posts or events behind it and lists them (``statements``, ``posts``);
* communities come from networkx's Louvain method (Blondel et al. 2008) on the undirected,
  weighted graph, with a fixed seed, numbered from the heaviest.

Everything is built in a fixed order, so the same people view gives the same overview in
every process, whatever Python's hash seed.
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx

from kg.viz.model import ENTITY_KINDS

OVERVIEW_FROM = 1000  # people-view nodes past which `kg viz` draws the overview unless told otherwise
VISIBLE = 300  # the overview first shows at most this many entities: the threshold is set to fit
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#59a14f", "#b07aa1", "#edc948", "#76b7b2", "#ff9da7", "#9c755f",
           "#17becf", "#bcbd22", "#8c564b")  # Tableau 10 and two more: one colour per main community
OTHER_COMMUNITY = "#b8bec5"


def overview(people: nx.MultiDiGraph, seed: int = 42) -> nx.MultiDiGraph:
    """The entities of ``people`` and the weighted edges between them, with ``community`` on every node.

    Examples:
        >>> people = nx.MultiDiGraph()
        >>> for node, kind in (("ann", "person"), ("bob", "person"), ("s1", "statement"), ("s2", "statement")):
        ...     people.add_node(node, kind=kind, label=node.title(), documents=["d1"])
        >>> for a, b, key in (("ann", "s1", "said"), ("s1", "bob", "about"), ("ann", "s2", "said"), ("s2", "bob", "about")):
        ...     _ = people.add_edge(a, b, key=key, label=key)
        >>> view = overview(people)
        >>> sorted(view.nodes), view.nodes["ann"]["quoted"], view.nodes["bob"]["named"]
        (['ann', 'bob'], 2, 3)
        >>> [(a, b, key, data["weight"], data["statements"]) for a, b, key, data in view.edges(keys=True, data=True)]
        [('ann', 'bob', 'about', 2, ['s1', 's2'])]
    """
    graph = nx.MultiDiGraph(view="overview", documents=people.graph.get("documents", {}))
    for node, attrs in people.nodes(data=True):
        if attrs.get("kind") not in ENTITY_KINDS:
            continue
        said = sorted(b for _, b, key in people.out_edges(node, keys=True) if key == "said")
        about = sorted(a for a, _, key in people.in_edges(node, keys=True) if key == "about")
        documents = list(attrs.get("documents", []))
        graph.add_node(node, kind=attrs["kind"], label=attrs.get("label", node), iri=attrs.get("iri", node),
                       aliases=list(attrs.get("aliases", [])), documents=documents, said=said, about=about,
                       quoted=len(said), named=len(about) + len(documents),
                       weight=len(said) + len(about) + len(documents))
    behind: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for node in graph:
        for statement in graph.nodes[node]["said"]:
            for _, target, key in people.out_edges(statement, keys=True):
                if key == "about" and target in graph and target != node:
                    behind[(node, target, "about")].append(statement)
        for _, post, key in people.out_edges(node, keys=True):
            if key in ("holds", "held"):
                for _, org, key2 in people.out_edges(post, keys=True):
                    if key2 == "post in" and org in graph and org != node:
                        behind[(node, org, "post")].append(post)
            elif "event" in people.edges[node, post, key] and post in graph and post != node:
                behind[(node, post, key)].append(people.edges[node, post, key]["event"])
    for (a, b, key), items in sorted(behind.items()):
        extra = {"statements": items} if key == "about" else {"posts": items} if key == "post" else {"event": items[0]}
        graph.add_edge(a, b, key=key, label=key, weight=len(items), **extra)
    for node, community in communities(graph, seed).items():
        graph.nodes[node]["community"] = community
    return graph


def undirected(graph: nx.MultiDiGraph) -> nx.Graph:
    """One weighted edge per pair, nodes and edges inserted in a fixed order (layouts and Louvain depend on it)."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    weights: dict[tuple[str, str], float] = defaultdict(float)
    for a, b, weight in graph.edges(data="weight", default=1):
        if a != b:
            weights[(min(a, b), max(a, b))] += weight
    simple.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    return simple


def communities(graph: nx.MultiDiGraph, seed: int = 42) -> dict[str, int]:
    """Louvain communities, numbered 0, 1, ... from the heaviest (sum of node weights); ties by name."""
    simple = undirected(graph)
    if simple.number_of_edges() == 0:
        parts = [{node} for node in simple]
    else:
        parts = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    ranked = sorted(parts, key=lambda part: (-sum(graph.nodes[n].get("weight", 1) for n in part), min(part)))
    return {node: number for number, part in enumerate(ranked) for node in part}


def community_colour(community: int) -> str:
    """A colour for each of the main communities; the long tail shares one grey."""
    return PALETTE[community] if 0 <= community < len(PALETTE) else OTHER_COMMUNITY


def default_threshold(graph: nx.Graph, visible: int = VISIBLE) -> int:
    """The least weight that keeps at most ``visible`` entities on screen (1 when they all fit).

    Examples:
        >>> g = nx.Graph()
        >>> g.add_nodes_from((n, {"weight": n}) for n in range(1, 11))
        >>> default_threshold(g, visible=3), default_threshold(g, visible=50)
        (8, 1)
    """
    weights = sorted((w for _, w in graph.nodes(data="weight", default=1)), reverse=True)
    if len(weights) <= visible:
        return 1
    return max(1, weights[visible - 1] + 1) if weights[visible - 1] == weights[visible] else max(1, weights[visible - 1])


def ranked(graph: nx.Graph) -> list[str]:
    """Nodes from the heaviest down; ties by most quoted, then by name."""
    return sorted(graph.nodes, key=lambda n: (-graph.nodes[n].get("weight", 0), -graph.nodes[n].get("quoted", 0), n))


__all__ = ["OVERVIEW_FROM", "VISIBLE", "communities", "community_colour", "default_threshold", "overview", "ranked",
           "undirected"]
