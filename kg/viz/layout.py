"""Node positions, computed once in Python so that a browser never has to run physics on a big graph.

The method, chosen for graphs of news statements (many leaves hanging off few hubs):

1. Leaves (a post held by one person) and statements (whatever else they are about) are
   taken out and later set around the node they hang from (a statement around its speaker), on a sunflower spiral (Vogel 1979),
   so a speaker with 80 statements is a disc, not 80 springs.
2. What remains is split into connected components; each is laid out by networkx's
   Fruchterman-Reingold ``spring_layout`` with a fixed seed, so the same graph always
   gives the same picture.
3. Components are scaled to a common edge length and packed in rows, largest first.

Positions are in drawing units where one edge is about :data:`EDGE` long.

The overview of an archive (:mod:`kg.viz.overview`) has its own method, :func:`overview_layout`:
ForceAtlas2 on the heaviest entities, the rest placed around them.
"""
from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

EDGE = 140.0  # target length of a core edge
PETAL = 36.0  # spacing of leaves around their hub
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
Position = tuple[float, float]


def layout(graph: nx.Graph, seed: int = 42, iterations: int | None = None) -> dict[str, Position]:
    """Deterministic positions for every node of ``graph``.

    Examples:
        >>> G = nx.star_graph(5)
        >>> pos = layout(G)
        >>> sorted(pos) == sorted(G) and pos == layout(G)
        True
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes, key=str))
    pairs = {tuple(sorted((a, b), key=str)) for a, b in graph.edges() if a != b}
    simple.add_edges_from(sorted(pairs, key=lambda e: (str(e[0]), str(e[1]))))
    petals: dict[str, list[str]] = defaultdict(list)
    for node in simple.nodes:
        hub = _hub(graph, simple, node)
        if hub is not None:
            petals[hub].append(node)
    leaves = {leaf for group in petals.values() for leaf in group}
    core = simple.subgraph(n for n in simple.nodes if n not in leaves)
    pieces = []
    for component in sorted(nx.connected_components(core), key=lambda c: (-len(c), min(map(str, c)))):
        pieces.append(_component(_fixed(core, component), petals, seed, iterations))
    positions = _pack(pieces, {hub: _petal_radius(len(group) - 1) for hub, group in petals.items()})
    pending = dict(petals)
    while pending:  # a leaf can hang from a statement that itself hangs from its speaker
        ready = [hub for hub in pending if hub in positions] or [next(iter(pending))]
        for hub in ready:
            _place(positions, hub, pending.pop(hub))
    return positions


def _fixed(graph: nx.Graph, nodes: set[str]) -> nx.Graph:
    """The subgraph on ``nodes`` as a new graph in sorted order.

    ``graph.subgraph(nodes)`` iterates in the order of the set, which follows Python's hash seed: the
    spring layout's random start would then differ from process to process under the same ``--seed``.
    """
    part = nx.Graph()
    part.add_nodes_from(sorted(nodes, key=str))
    # each edge written one way round: which end comes first would otherwise follow the set too, and so
    # would the order of edges and of the float sums over them
    pairs = {tuple(sorted((a, b), key=str)) for a, b in graph.subgraph(nodes).edges()}
    part.add_edges_from(sorted(pairs, key=lambda e: (str(e[0]), str(e[1]))))
    return part


def _place(positions: dict[str, Position], hub: str, group: list[str], petal: float = PETAL) -> None:
    """Leaves on a sunflower spiral around their hub."""
    x, y = positions.setdefault(hub, (0.0, 0.0))
    for i, leaf in enumerate(sorted(group, key=str)):
        radius = _petal_radius(i, petal)
        positions[leaf] = (x + radius * math.cos(i * GOLDEN_ANGLE), y + radius * math.sin(i * GOLDEN_ANGLE))


def _hub(graph: nx.Graph, simple: nx.Graph, node: str) -> str | None:
    """The node that ``node`` hangs from: its only neighbour, or a statement's speaker (its *said* edge)."""
    if simple.degree(node) == 1:
        (hub,) = simple.neighbors(node)
        return hub if simple.degree(hub) > 1 else None
    if graph.is_directed() and graph.nodes[node].get("kind") == "statement":
        speakers = sorted(a for a, _, label in graph.in_edges(node, data="label") if label == "said")
        if speakers and simple.degree(speakers[0]) > 1:
            return speakers[0]
    return None


def _petal_radius(i: int, petal: float = PETAL) -> float:
    return petal * (2.2 + math.sqrt(i + 0.5))


def _component(graph: nx.Graph, petals: dict[str, list[str]], seed: int, iterations: int | None) -> dict[str, Position]:
    """One connected component, scaled so that its mean edge is :data:`EDGE` long."""
    nodes = list(graph.nodes)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    steps = iterations or (50 if len(nodes) < 1000 else 30)
    raw = nx.spring_layout(graph, seed=seed, iterations=steps)
    lengths = [math.dist(raw[a], raw[b]) for a, b in graph.edges()]
    mean = sum(lengths) / len(lengths) if lengths else 1.0
    # hubs with many leaves need more room than one edge
    spread = 1.0 + 0.15 * math.sqrt(max((len(v) for k, v in petals.items() if k in graph), default=0))
    factor = EDGE * spread / (mean or 1.0)
    return {n: (float(p[0]) * factor, float(p[1]) * factor) for n, p in raw.items()}


def _pack(pieces: list[dict[str, Position]], reach: dict[str, float], gap: float = EDGE / 2) -> dict[str, Position]:
    """Shelf packing: components in rows, largest first, rows about as wide as the whole is tall.

    ``reach`` is how far a node's leaves will stand from it, so that discs of leaves do not overlap.
    """
    boxes = []
    for piece in pieces:
        left = min(p[0] - reach.get(n, 0.0) for n, p in piece.items())
        top = min(p[1] - reach.get(n, 0.0) for n, p in piece.items())
        right = max(p[0] + reach.get(n, 0.0) for n, p in piece.items())
        bottom = max(p[1] + reach.get(n, 0.0) for n, p in piece.items())
        boxes.append((left, top, right - left + gap, bottom - top + gap))
    total = sum(w * h for *_, w, h in boxes)
    width = max([math.sqrt(total) * 1.3] + [w for *_, w, _ in boxes])
    positions: dict[str, Position] = {}
    x = y = row = 0.0
    for piece, (left, top, w, h) in zip(pieces, boxes):
        if x and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        for node, (px, py) in piece.items():
            positions[node] = (px - left + x, py - top + y)
        x += w
        row = max(row, h)
    return positions


CORE = 400  # the overview's heaviest entities laid out by ForceAtlas2; the rest are placed next to them
SPACING = 80.0  # median distance from a core node to its nearest neighbour, in drawing units


def overview_layout(graph: nx.Graph, seed: int = 42, core: int = CORE, iterations: int = 120) -> dict[str, Position]:
    """Positions for the overview: ForceAtlas2 (Jacomy et al. 2014) on the heaviest nodes, the rest around them.

    networkx's ForceAtlas2 costs O(n²) a step, seconds at a few hundred nodes and minutes at thousands,
    while an archive has thousands of entities. So only the ``core`` heaviest (which include all the
    overview shows at first) are laid out, edges weighted and nodes sized by weight so that hubs keep
    room; every other node sits on a sunflower around its most strongly tied placed neighbour (taken
    in order of weight, so chains reach out from the core), and nodes tied to nothing fill a ring
    outside. Nodes carry ``weight``; the node and edge order is fixed, so the seed decides the picture.
    """
    from kg.viz.overview import ranked, undirected

    simple = undirected(graph)
    order = ranked(graph)
    centre = order[:core]
    inner = nx.Graph()
    inner.add_nodes_from(sorted(centre))
    chosen = set(centre)
    inner.add_weighted_edges_from((a, b, w) for a, b, w in simple.edges(data="weight") if a in chosen and b in chosen)
    positions: dict[str, Position] = {}
    if len(centre) == 1:
        positions[centre[0]] = (0.0, 0.0)
    elif centre:
        size = {n: 1.0 + math.sqrt(graph.nodes[n].get("weight", 1)) / 4 for n in inner}
        raw = nx.forceatlas2_layout(inner, seed=seed, max_iter=iterations, weight="weight", node_size=size,
                                    scaling_ratio=2.0, gravity=1.0, strong_gravity=True)
        positions = _scaled({n: (float(p[0]), float(p[1])) for n, p in raw.items()}, SPACING)
    reach = max((math.hypot(*p) for p in positions.values()), default=0.0) + SPACING
    around: dict[str, list[str]] = defaultdict(list)
    loose = []
    for node in order[core:]:
        hub = _strongest(simple, node, positions, around)
        if hub is None:
            loose.append(node)
        else:
            around[hub].append(node)
            positions.setdefault(node, positions[hub])  # for now: its hub's place, so others can hang from it
    for hub in list(around):
        _place(positions, hub, around[hub], petal=PETAL / 2)
    for i, node in enumerate(loose):  # a ring of constant density outside everything else
        radius = math.sqrt(reach * reach + i * SPACING * SPACING / math.pi)
        positions[node] = (radius * math.cos(i * GOLDEN_ANGLE), radius * math.sin(i * GOLDEN_ANGLE))
    return positions


def _strongest(simple: nx.Graph, node: str, positions: dict[str, Position], around: dict[str, list[str]]) -> str | None:
    """The already placed neighbour that ``node`` is most strongly tied to (by weight, then name)."""
    best = None
    for other in simple.neighbors(node):
        if other in positions:
            weight = simple.edges[node, other]["weight"]
            if best is None or (-weight, other) < best:
                best = (-weight, other)
    return best[1] if best else None


def _scaled(raw: dict[str, Position], spacing: float) -> dict[str, Position]:
    """Centred on the origin, scaled so that the median nearest-neighbour distance is ``spacing``."""
    from scipy.spatial import cKDTree

    nodes = sorted(raw)
    points = [raw[n] for n in nodes]
    mx = sum(p[0] for p in points) / len(points)
    my = sum(p[1] for p in points) / len(points)
    distances, _ = cKDTree(points).query(points, k=2)
    nearest = sorted(float(d[1]) for d in distances)
    median = nearest[len(nearest) // 2] or 1.0
    factor = spacing / median
    return {n: ((x - mx) * factor, (y - my) * factor) for n, (x, y) in zip(nodes, points)}


__all__ = ["CORE", "EDGE", "layout", "overview_layout"]
