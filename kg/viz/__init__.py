"""Pictures of a graph: ``kg viz --graph FILE --out graph.html`` (also .png, .svg, .graphml, .gexf).

The page is one self-contained HTML file (cytoscape.js and the data inline, nothing fetched);
the static pictures are drawn by networkx with matplotlib. All of them start from
:func:`kg.viz.model.to_networkx` and a layout computed in Python by :func:`kg.viz.layout.layout`.
Heavy libraries are imported inside the functions, so ``kg --help`` stays fast.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kg import export
from kg.cli import Failure, command

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Dataset

FORMATS = {
    ".html": "an interactive page: search, filters by kind and document, a side panel per node",
    ".png": "a static picture with a legend",
    ".svg": "a static picture with a legend, as vectors",
    ".graphml": "GraphML for Gephi or Cytoscape desktop",
    ".gexf": "GEXF for Gephi",
}


MODES = ("auto", "overview", "full")


def draw(dataset: "Dataset", path: str | Path, view: str = "people", focus: str | None = None, depth: int = 1,
         title: str | None = None, seed: int = 42, physics: bool | None = None, mode: str = "auto",
         threshold: int | None = None) -> "nx.MultiDiGraph":
    """Draw ``dataset`` into ``path`` in the format its suffix names, and return the graph that was drawn.

    ``mode`` overview draws the entities and the weighted ties between them (:mod:`kg.viz.overview`);
    full draws every statement and post as a node; auto picks the overview for a people view past
    :data:`kg.viz.overview.OVERVIEW_FROM` nodes. ``focus`` (a name, alias or IRI) keeps only what lies within
    ``depth`` edges of that node, always in full; a name that matches nothing raises KeyError with the closest names.
    """
    from kg.viz.layout import layout
    from kg.viz.model import find, neighbourhood, to_networkx
    from kg.viz.overview import OVERVIEW_FROM

    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path}: cannot draw {suffix or '(no extension)'}; use one of {', '.join(FORMATS)}")
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}")
    graph = to_networkx(dataset, view=view)
    if focus:
        centre = find(graph, focus)
        label = graph.nodes[centre]["label"]
        graph = neighbourhood(graph, centre, depth)
        title = title or f"{label} and what lies within {depth} step{'s' if depth != 1 else ''}"
        mode = "full"
    if view != "people":
        mode = "full"
    elif mode == "auto":
        mode = "overview" if graph.number_of_nodes() > OVERVIEW_FROM else "full"
    title = title or ("The graph as RDF" if view == "rdf" else "Who said what, and who holds which post")
    if mode == "overview":
        return _draw_overview(graph, path, suffix, title, seed, threshold)
    positions = layout(graph, seed=seed)
    if suffix == ".html":
        from kg.viz.html import write_html

        write_html(graph, positions, path, title=title, physics=physics)
    elif suffix in (".png", ".svg"):
        from kg.viz.static import write_picture

        write_picture(graph, positions, path, title=title)
    else:
        from kg.viz.static import write_network

        if view == "people":
            _annotate(graph, seed)
        write_network(graph, positions, path)
    return graph


def _draw_overview(people: "nx.MultiDiGraph", path: str | Path, suffix: str, title: str, seed: int,
                   threshold: int | None) -> "nx.MultiDiGraph":
    """The overview in any format; returns the overview graph (entities and weighted ties)."""
    from kg.viz.layout import overview_layout
    from kg.viz.overview import default_threshold, overview

    graph = overview(people, seed=seed)
    positions = overview_layout(graph, seed=seed)
    if suffix == ".html":
        from kg.viz.html import write_overview_html

        write_overview_html(people, graph, positions, path, title=title, threshold=threshold)
    elif suffix in (".png", ".svg"):
        from kg.viz.static import write_overview_picture

        write_overview_picture(graph, positions, path, title=title,
                               threshold=threshold if threshold is not None else default_threshold(graph))
    else:
        from kg.viz.static import write_network

        write_network(_for_gephi(graph), positions, path)
    return graph


def _for_gephi(graph: "nx.MultiDiGraph") -> "nx.MultiDiGraph":
    """The overview without the lists of statements and posts behind each node and edge (only their counts)."""
    import networkx as nx

    out = nx.MultiDiGraph(view="overview")
    for node, attrs in graph.nodes(data=True):
        out.add_node(node, **{k: v for k, v in attrs.items() if k not in ("said", "about", "documents")},
                     articles=len(attrs["documents"]))
    for a, b, key, attrs in graph.edges(keys=True, data=True):
        out.add_edge(a, b, key=key, **{k: v for k, v in attrs.items() if k not in ("statements", "posts")})
    return out


def _annotate(people: "nx.MultiDiGraph", seed: int) -> None:
    """Weights and communities of the overview on the entities of the full people view, for Gephi."""
    from kg.viz.overview import overview

    for node, attrs in overview(people, seed=seed).nodes(data=True):
        people.nodes[node].update({k: attrs[k] for k in ("weight", "quoted", "named", "community")})


def _args(p: argparse.ArgumentParser) -> None:
    p.description = ("Draw a graph file or a store: an interactive HTML page, a PNG or SVG picture, or GraphML/GEXF for "
                     "Gephi. The HTML page is one self-contained file that needs no network. Past 1,000 nodes it opens "
                     "on an overview of the main voices and whom they talk about; click for the statements behind it.")
    p.epilog = ("The format follows the extension of --out: " + "; ".join(f"{s} {d}" for s, d in FORMATS.items())
                + ". Examples: kg viz --graph out/graph.ttl --out out/graph.html; "
                  "kg viz --graph out/graph.ttl --out putin.png --focus 'Vladimir Putin' --depth 2; "
                  "kg viz --store out/store --out archive.html --threshold 10")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--graph", "-g", metavar="FILE", help="graph file (.ttl, .nt, .nq, .trig, .jsonld)")
    source.add_argument("--store", "-s", metavar="DIR|URL", help="store built with kg build --store (drawn as a file is)")
    p.add_argument("--out", "-o", required=True, metavar="FILE", help="picture to write (written whole or not at all)")
    p.add_argument("--view", choices=("people", "rdf"), default="people",
                   help="people: entities, posts and statements (default); rdf: every resource and triple")
    p.add_argument("--focus", metavar="NAME", help="draw only the neighbourhood of this entity (name, alias or IRI)")
    p.add_argument("--depth", type=int, default=1, metavar="N", help="with --focus: how many edges out (default: 1)")
    p.add_argument("--title", help="title of the picture")
    p.add_argument("--mode", choices=MODES, default="auto",
                   help="overview: entities sized by how often they are quoted or named, tied by what they said about "
                        "each other and by posts, coloured by community; full: every statement and post as a node; "
                        "auto (default): the overview past 1,000 nodes (not with --focus or --view rdf)")
    p.add_argument("--threshold", type=int, metavar="N",
                   help="overview: show entities quoted or named at least N times at first "
                        "(default: the least N that shows at most 300)")
    p.add_argument("--seed", type=int, default=42,
                   help="seed of the layout and the communities: the same input and seed give the same bytes")
    p.add_argument("--physics", choices=("auto", "on", "off"), default="auto",
                   help="HTML: let the browser refine the layout (auto: only for graphs of up to 300 nodes)")


@command("viz", _args)
def run(args: argparse.Namespace) -> int:
    if Path(args.out).suffix.lower() not in FORMATS:
        raise Failure(f"{args.out}: cannot draw {Path(args.out).suffix or '(no extension)'}; "
                      f"use one of {', '.join(FORMATS)}")
    if args.depth < 0:
        raise Failure("--depth must be 0 or more")
    if args.threshold is not None and args.threshold < 1:
        raise Failure("--threshold must be 1 or more")
    dataset = _read(args)
    physics = {"auto": None, "on": True, "off": False}[args.physics]
    try:
        graph = draw(dataset, args.out, view=args.view, focus=args.focus, depth=args.depth, title=args.title,
                     seed=args.seed, physics=physics, mode=args.mode, threshold=args.threshold)
    except KeyError as err:
        raise Failure(str(err.args[0])) from None
    drawn = "overview" if graph.graph.get("view") == "overview" else f"{args.view} view"
    print(f"kg: wrote {args.out}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges ({drawn})",
          file=sys.stderr)
    return 0


def _read(args: argparse.Namespace) -> "Dataset":
    """The dataset of ``--graph FILE``, or of ``--store DIR|URL`` copied into memory, so both draw alike."""
    if args.store:
        from kg.store import StoreError, is_remote, materialise

        if not is_remote(args.store) and not Path(args.store).is_dir():
            raise Failure(f"{args.store}: no such store (a folder written by kg build --store)")
        try:
            return materialise(args.store)
        except StoreError as err:
            raise Failure(str(err)) from None
        except Exception as err:
            raise Failure(f"{args.store}: cannot read store ({type(err).__name__}: {str(err).splitlines()[0][:200]})") from None
    if not Path(args.graph).is_file():
        raise Failure(f"{args.graph}: no such graph file")
    try:
        return export.read(args.graph)
    except ValueError as err:
        raise Failure(str(err)) from None
    except Exception as err:  # a parser error names the file and what is wrong
        raise Failure(f"{args.graph}: cannot parse graph ({type(err).__name__}: {str(err).splitlines()[0][:200]})") from None


def _writer(suffix: str):
    def write(dataset: "Dataset", path: Path) -> None:
        draw(dataset, path)
    write.__doc__ = f"{suffix}: {FORMATS[suffix]} (people view)"
    return write


for _suffix in FORMATS:  # so that `kg build seeds --out graph.html` draws too
    export.register(_suffix, _writer(_suffix))

__all__ = ["FORMATS", "MODES", "draw", "run"]
