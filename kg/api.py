"""Using kg from Python: build a graph from files or strings, query it, save it, draw it.

Each function returns what its name says (a graph, query results, the drawn network); what a
build did beside (inputs skipped, counts) goes into a :class:`~kg.build.BuildReport` you pass
in. The names are importable from ``kg`` itself; heavy libraries (spaCy, rdflib) load on the
first call, so ``import kg`` stays fast. docs/python.md is the manual, and runs as a doctest.
"""
from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Dataset
    from rdflib.query import Result

    from kg.build import BuildReport
    from kg.documents import Problem
    from kg.records import Document


def build_graph(paths: str | Path | Iterable[str | Path], *, model: str | None = None, base: str | None = None,
                jobs: int = 1, report: BuildReport | None = None) -> Dataset:
    """The knowledge graph of the articles in files and folders (what ``kg build`` reads).

    Returns an rdflib ``Dataset``: a named graph per article and one for the entities, and a
    default graph that is their union, so SPARQL sees everything. Inputs that cannot be read
    are listed in ``report.problems`` when a ``report`` is given, and are a ``UserWarning``
    each when it is not.
    """
    from kg.build import build

    if isinstance(paths, (str, Path)):
        paths = [paths]
    paths = list(paths)
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise FileNotFoundError(f"{missing[0]}: no such file or folder")
    return build(paths, **_options(model, base, jobs), on_problem=None if report else _warn, report=report)


def build_graph_from_texts(texts: str | Mapping[str, str] | Iterable[str], *, model: str | None = None,
                           base: str | None = None, jobs: int = 1, report: BuildReport | None = None) -> Dataset:
    """The knowledge graph of articles given as strings: one text, a list of texts (ids ``text-1``,
    ``text-2``, ...) or a mapping of document id to text. Returns a ``Dataset`` as :func:`build_graph` does.
    """
    from kg.build import graphs_of
    from kg.rdf.graphs import to_dataset

    documents = list(_documents(texts))
    return to_dataset(graphs_of(documents, **_options(model, base, jobs), report=report))


def load_graph(path: str | Path) -> Dataset:
    """A graph file that ``kg build`` or :func:`save_graph` wrote (any format), or a store folder
    that ``kg build --store`` wrote, as a ``Dataset`` whose default graph is the union of its graphs."""
    from kg import export

    path = Path(path)
    if path.is_dir():
        from kg.store import open_dataset

        return open_dataset(str(path))
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such graph file")
    return export.read(path)


def query_graph(graph: Dataset, query: str | Path, **params: str) -> Result:
    """Run SPARQL (text, or the path of a ``.rq`` file) over a graph; iterate the result for its rows.

    Keyword arguments are bound to the query's variables (``name="David Lammy"`` binds ``?name``),
    never pasted into its text; ``"<https://...>"`` binds an IRI. The usual prefixes
    (``schema:``, ``org:``, ``prov:``, ``nif:``, ``skos:``, ``rdfs:``, ``kg:``, ``xsd:``) are declared.
    """
    from kg.query import run

    return run(graph, str(query), params)


def save_graph(graph: Dataset, path: str | Path) -> None:
    """Write a graph in the format the file's extension names (``.ttl``, ``.nt``, ``.nq``, ``.trig``,
    ``.jsonld``, or a picture: ``.html``, ``.png``, ``.svg``, ``.graphml``, ``.gexf``), whole or not at all."""
    import kg.viz  # noqa: F401 - registers the picture formats
    from kg import export

    export.write(graph, path)


def draw_graph(graph: Dataset, path: str | Path, *, view: str = "people", focus: str | None = None, depth: int = 1,
               title: str | None = None, seed: int = 42) -> nx.MultiDiGraph:
    """Draw a graph into ``path`` (``.html``, ``.png``, ``.svg``, ``.graphml``, ``.gexf``) as ``kg viz``
    does, and return the networkx graph that was drawn."""
    from kg.viz import draw

    return draw(graph, path, view=view, focus=focus, depth=depth, title=title, seed=seed)


def to_networkx(graph: Dataset, view: str = "people") -> nx.MultiDiGraph:
    """The graph as networkx sees it: ``people`` (entities, posts, statements) or ``rdf`` (every resource)."""
    from kg.viz.model import to_networkx as convert

    return convert(graph, view=view)


def _options(model: str | None, base: str | None, jobs: int) -> dict:
    from kg.nlp import DEFAULT_MODEL
    from kg.rdf.iris import DEFAULT_BASE

    return {"model": model or DEFAULT_MODEL, "base": base or DEFAULT_BASE, "jobs": max(1, jobs)}


def _warn(problem: Problem) -> None:
    warnings.warn(f"{'skipped ' if problem.skipped else ''}{problem}", UserWarning, stacklevel=4)


def _documents(texts: str | Mapping[str, str] | Iterable[str]) -> Iterable[Document]:
    """Strings as documents, cleaned as the file readers clean text, so offsets mean the same."""
    from kg.documents import MAX_CHARS, InputError, clean, record_id
    from kg.records import Document

    if isinstance(texts, str):
        items: Iterable[tuple[str, str]] = [("text", texts)]
    elif isinstance(texts, Mapping):
        items = texts.items()
    else:
        items = ((f"text-{n}", text) for n, text in enumerate(texts, 1))
    seen: set[str] = set()
    for raw_id, text in items:
        if not isinstance(text, str):
            raise TypeError(f"document {raw_id!r}: expected a string, got {type(text).__name__}")
        doc_id = record_id(str(raw_id))
        if doc_id in seen:
            raise ValueError(f"document {raw_id!r}: duplicate id")
        seen.add(doc_id)
        text = clean(text)
        if not text.strip():
            raise InputError(f"document {raw_id!r}: no text")
        if len(text) > MAX_CHARS:
            raise InputError(f"document {raw_id!r}: too long ({len(text):,} characters; kg reads articles up to "
                             f"{MAX_CHARS:,}): split it into articles")
        yield Document(id=doc_id, text=text, source=f"<{raw_id}>")


__all__ = ["build_graph", "build_graph_from_texts", "draw_graph", "load_graph", "query_graph", "save_graph",
           "to_networkx"]
