"""Static pictures (PNG, SVG) drawn by networkx with matplotlib, and GraphML / GEXF files for Gephi
or Cytoscape desktop, written by networkx's own writers.
"""
from __future__ import annotations

import io
import math
import re
from pathlib import Path

import networkx as nx

from kg.export import atomic_write
from kg.viz.layout import Position
from kg.viz.model import KINDS, flat, iter_kinds, short

EDGE_STYLE = {  # label -> (colour, line style)
    "said": ("#e15759", "solid"), "holds": ("#b07aa1", "solid"), "held": ("#b07aa1", "dashed"),
    "post in": ("#f28e2b", "solid"), "about": ("#76b7b2", "dotted"),
}
OTHER_EDGE = ("#9aa5b1", "solid")
MAX_LABELS = 120  # above this many candidates, only the best connected nodes are named


def write_picture(graph: nx.MultiDiGraph, positions: dict[str, Position], path: str | Path,
                  title: str = "", max_labels: int = MAX_LABELS) -> None:
    """PNG or SVG, as the suffix of ``path`` says; nodes by kind, a legend, and names that can be read."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    path = Path(path)
    n = max(graph.number_of_nodes(), 1)
    side = min(8 + 1.4 * math.sqrt(n), 40)  # inches: room for labels grows with the graph, within reason
    fig, ax = plt.subplots(figsize=(side * 1.25, side), dpi=110 if n < 2000 else 80)
    degree = dict(graph.degree())
    pos = {k: (x, -y) for k, (x, y) in positions.items()}  # screen y points down, matplotlib's up
    by_label: dict[str, list[tuple[str, str]]] = {}
    for a, b, key in graph.edges(keys=True):
        by_label.setdefault(key, []).append((a, b))
    for label, edges in by_label.items():
        colour, style = EDGE_STYLE.get(label, OTHER_EDGE)
        nx.draw_networkx_edges(graph, pos, edgelist=edges, ax=ax, edge_color=colour, style=style, width=0.9,
                               alpha=0.6, **({"arrows": True, "arrowsize": 8, "node_size": 60,
                                                "connectionstyle": "arc3,rad=0.06"} if n <= 1500 else {"arrows": False}))
    small = n > 600
    for kind in iter_kinds(graph):
        nodes = [v for v, k in graph.nodes(data="kind") if k == kind.name]
        sizes = [(20 if kind.name == "statement" else 60 + 30 * math.sqrt(degree[v])) * (0.4 if small else 1)
                 for v in nodes]
        nx.draw_networkx_nodes(graph, pos, nodelist=nodes, ax=ax, node_color=kind.color, node_shape=kind.marker,
                               node_size=sizes, edgecolors="#333333", linewidths=0.4)
    named = _labelled(graph, degree, max_labels)
    font = 9 if n < 200 else 7
    for node in named:
        kind = graph.nodes[node]["kind"]
        text = short(graph.nodes[node]["label"], 34 if kind == "statement" else 40)
        x, y = pos[node]
        ax.annotate(text, (x, y), xytext=(0, -9), textcoords="offset points", ha="center", va="top",
                    fontsize=font - (1.5 if kind == "statement" else 0),
                    color="#6b2326" if kind == "statement" else "#1d2329", zorder=3 if kind == "statement" else 4,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7})
    handles = [Line2D([], [], marker=k.marker, color="none", markerfacecolor=k.color, markeredgecolor="#333333",
                      markersize=9, label=f"{k.title} ({sum(1 for _, x in graph.nodes(data='kind') if x == k.name)})")
               for k in iter_kinds(graph)]
    handles += [Line2D([], [], color=EDGE_STYLE.get(label, OTHER_EDGE)[0], linestyle=EDGE_STYLE.get(label, OTHER_EDGE)[1],
                       label=f"{label} ({len(edges)})")
                for label, edges in sorted(by_label.items(), key=lambda item: -len(item[1]))[:12]]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=10)
    if title:
        ax.set_title(title, fontsize=13)
    ax.set_axis_off()
    ax.margins(0.04)
    fig.tight_layout()
    _save(fig, path)
    plt.close(fig)


def _save(fig, path: Path) -> None:
    """PNG or SVG with nothing that changes from run to run: no date, fixed ids in the SVG."""
    import matplotlib

    buffer = io.BytesIO()
    fmt = path.suffix.lower().lstrip(".")
    metadata = {"Date": None} if fmt == "svg" else {}
    with matplotlib.rc_context({"svg.hashsalt": "kg viz", "svg.fonttype": "path"}):
        fig.savefig(buffer, format=fmt, bbox_inches="tight", metadata=metadata)
    atomic_write(path, buffer.getvalue())


def _labelled(graph: nx.MultiDiGraph, degree: dict[str, int], limit: int) -> list[str]:
    """Every entity and post when they are few; otherwise the best connected ones. Statements only in small graphs."""
    entities = [v for v, k in graph.nodes(data="kind") if k != "statement"]
    statements = [v for v, k in graph.nodes(data="kind") if k == "statement"]
    chosen = sorted(entities, key=lambda v: (-degree[v], str(v)))[:limit]
    if len(chosen) + len(statements) <= limit // 2:
        chosen += statements
    return chosen


def write_network(graph: nx.MultiDiGraph, positions: dict[str, Position], path: str | Path) -> None:
    """GraphML or GEXF with every attribute flattened to a string, and the computed positions as x and y."""
    path = Path(path)
    out = flat(graph)
    for node, (x, y) in positions.items():
        if node in out:
            out.nodes[node]["x"], out.nodes[node]["y"] = float(x), float(y)
    from kg.viz.overview import community_colour

    overview = graph.graph.get("view") == "overview"
    for node, attrs in out.nodes(data=True):
        attrs["color"] = (community_colour(attrs["community"]) if overview
                          else KINDS.get(attrs.get("kind", "other"), KINDS["other"]).color)
    buffer = io.BytesIO()
    if path.suffix.lower() == ".gexf":
        nx.write_gexf(out, buffer)
        # networkx stamps today's date into the file; the same graph should give the same bytes on any day
        data = re.sub(rb'lastmodifieddate="[0-9-]+"', b'lastmodifieddate="1970-01-01"', buffer.getvalue(), count=1)
    else:
        nx.write_graphml(out, buffer)
        data = buffer.getvalue()
    atomic_write(path, data)


__all__ = ["write_network", "write_picture"]


OVERVIEW_LABELS = 40  # names drawn on the overview picture: the heaviest entities


def write_overview_picture(graph: nx.MultiDiGraph, positions: dict[str, Position], path: str | Path, title: str = "",
                           threshold: int = 1, max_labels: int = OVERVIEW_LABELS) -> None:
    """The overview as PNG or SVG: entities weighted at least ``threshold``, sized by weight, coloured by community,
    the heaviest named, and a legend of the main communities (each by its heaviest member) and the kinds."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    from kg.viz.overview import community_colour, ranked

    path = Path(path)
    shown = [n for n in ranked(graph) if graph.nodes[n]["weight"] >= threshold]
    view = graph.subgraph(shown)
    pos = {n: (positions[n][0], -positions[n][1]) for n in shown}
    fig, ax = plt.subplots(figsize=(16, 12), dpi=100)
    heaviest = max((graph.nodes[n]["weight"] for n in shown), default=1)
    edges = sorted(((a, b, d["weight"]) for a, b, d in view.edges(data=True)), key=lambda e: (e[2], e[0], e[1]))
    if edges:
        strongest = max(w for *_, w in edges)
        nx.draw_networkx_edges(view, pos, edgelist=[(a, b) for a, b, _ in edges], ax=ax, arrows=False,
                               width=[0.4 + 2.6 * math.sqrt(w / strongest) for *_, w in edges], edge_color="#9aa5b1",
                               alpha=0.45)
    for kind in iter_kinds(view):
        nodes = [n for n in shown if graph.nodes[n]["kind"] == kind.name]
        nx.draw_networkx_nodes(view, pos, nodelist=nodes, ax=ax, node_shape=kind.marker,
                               node_size=[30 + 1400 * math.sqrt(graph.nodes[n]["weight"] / heaviest) for n in nodes],
                               node_color=[community_colour(graph.nodes[n]["community"]) for n in nodes],
                               edgecolors="#333333", linewidths=0.5)
    for node in shown[:max_labels]:
        x, y = pos[node]
        ax.annotate(short(graph.nodes[node]["label"], 32), (x, y), xytext=(0, -8), textcoords="offset points",
                    ha="center", va="top", fontsize=9, color="#1d2329", zorder=5,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.75})
    leaders: dict[int, str] = {}
    for node in ranked(graph):
        leaders.setdefault(graph.nodes[node]["community"], graph.nodes[node]["label"])
    handles = [Line2D([], [], marker="o", color="none", markerfacecolor=community_colour(c), markeredgecolor="#333333",
                      markersize=9, label=f"community of {short(name, 28)}") for c, name in sorted(leaders.items())[:8]]
    handles += [Line2D([], [], marker=k.marker, color="none", markerfacecolor="white", markeredgecolor="#333333",
                       markersize=9, label=k.title) for k in iter_kinds(view)]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=10)
    hidden = graph.number_of_nodes() - len(shown)
    ax.set_title((title + "\n" if title else "") + f"{len(shown)} entities quoted or named at least {threshold} "
                 f"time{'s' if threshold != 1 else ''}" + (f" ({hidden} fewer hidden)" if hidden else ""), fontsize=12)
    ax.set_axis_off()
    ax.margins(0.04)
    fig.tight_layout()
    _save(fig, path)
    plt.close(fig)
