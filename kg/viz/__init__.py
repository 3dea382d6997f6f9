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


def draw(dataset: "Dataset", path: str | Path, view: str = "people", focus: str | None = None, depth: int = 1,
         title: str | None = None, seed: int = 42, physics: bool | None = None) -> "nx.MultiDiGraph":
    """Draw ``dataset`` into ``path`` in the format its suffix names, and return the graph that was drawn.

    ``focus`` (a name, alias or IRI) keeps only what lies within ``depth`` edges of that node;
    a name that matches nothing raises KeyError with the closest names.
    """
    from kg.viz.layout import layout
    from kg.viz.model import find, neighbourhood, to_networkx

    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path}: cannot draw {suffix or '(no extension)'}; use one of {', '.join(FORMATS)}")
    graph = to_networkx(dataset, view=view)
    if focus:
        centre = find(graph, focus)
        label = graph.nodes[centre]["label"]
        graph = neighbourhood(graph, centre, depth)
        title = title or f"{label} and what lies within {depth} step{'s' if depth != 1 else ''}"
    title = title or ("The graph as RDF" if view == "rdf" else "Who said what, and who holds which post")
    positions = layout(graph, seed=seed)
    if suffix == ".html":
        from kg.viz.html import write_html

        write_html(graph, positions, path, title=title, physics=physics)
    elif suffix in (".png", ".svg"):
        from kg.viz.static import write_picture

        write_picture(graph, positions, path, title=title)
    else:
        from kg.viz.static import write_network

        write_network(graph, positions, path)
    return graph


def _args(p: argparse.ArgumentParser) -> None:
    p.description = ("Draw a graph file: an interactive HTML page, a PNG or SVG picture, or GraphML/GEXF for Gephi. "
                     "The HTML page is one self-contained file that needs no network.")
    p.epilog = ("The format follows the extension of --out: " + "; ".join(f"{s} {d}" for s, d in FORMATS.items())
                + ". Examples: kg viz --graph out/graph.ttl --out out/graph.html; "
                  "kg viz --graph out/graph.ttl --out putin.png --focus 'Vladimir Putin' --depth 2")
    p.add_argument("--graph", "-g", required=True, metavar="FILE", help="graph file (.ttl, .nt, .nq, .trig, .jsonld)")
    p.add_argument("--out", "-o", required=True, metavar="FILE", help="picture to write (written whole or not at all)")
    p.add_argument("--view", choices=("people", "rdf"), default="people",
                   help="people: entities, posts and statements (default); rdf: every resource and triple")
    p.add_argument("--focus", metavar="NAME", help="draw only the neighbourhood of this entity (name, alias or IRI)")
    p.add_argument("--depth", type=int, default=1, metavar="N", help="with --focus: how many edges out (default: 1)")
    p.add_argument("--title", help="title of the picture")
    p.add_argument("--seed", type=int, default=42, help="seed of the layout: the same seed draws the same picture")
    p.add_argument("--physics", choices=("auto", "on", "off"), default="auto",
                   help="HTML: let the browser refine the layout (auto: only for graphs of up to 300 nodes)")


@command("viz", _args)
def run(args: argparse.Namespace) -> int:
    if Path(args.out).suffix.lower() not in FORMATS:
        raise Failure(f"{args.out}: cannot draw {Path(args.out).suffix or '(no extension)'}; "
                      f"use one of {', '.join(FORMATS)}")
    if args.depth < 0:
        raise Failure("--depth must be 0 or more")
    if not Path(args.graph).is_file():
        raise Failure(f"{args.graph}: no such graph file")
    try:
        dataset = export.read(args.graph)
    except ValueError as err:
        raise Failure(str(err)) from None
    except Exception as err:  # a parser error names the file and what is wrong
        raise Failure(f"{args.graph}: cannot parse graph ({type(err).__name__}: {str(err).splitlines()[0][:200]})") from None
    physics = {"auto": None, "on": True, "off": False}[args.physics]
    try:
        graph = draw(dataset, args.out, view=args.view, focus=args.focus, depth=args.depth, title=args.title,
                     seed=args.seed, physics=physics)
    except KeyError as err:
        raise Failure(str(err.args[0])) from None
    print(f"kg: wrote {args.out}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges ({args.view} view)",
          file=sys.stderr)
    return 0


def _writer(suffix: str):
    def write(dataset: "Dataset", path: Path) -> None:
        draw(dataset, path)
    write.__doc__ = f"{suffix}: {FORMATS[suffix]} (people view)"
    return write


for _suffix in FORMATS:  # so that `kg build seeds --out graph.html` draws too
    export.register(_suffix, _writer(_suffix))

__all__ = ["FORMATS", "draw", "run"]
