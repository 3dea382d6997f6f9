"""Graph files: write a dataset in the format its file name asks for, read one back.

Formats are a registry: adding one is one entry here (or one module that calls
:func:`register`). Files are written whole or not at all: to a temporary file
beside the target, then renamed over it.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.term import Node

from kg.rdf.graphs import NamedGraph, dataset_quads, graph_quads, new_dataset, ox_quads, to_dataset
from kg.rdf.mapper import union_graph
from kg.rdf.namespaces import PREFIXES


@dataclass(frozen=True)
class Format:
    name: str  # rdflib's serializer / parser name
    quads: bool  # keeps named graphs apart
    description: str


FORMATS: dict[str, Format] = {
    ".ttl": Format("turtle", False, "Turtle: every document's facts merged in one graph"),
    ".nt": Format("nt", False, "N-Triples: one triple a line"),
    ".nq": Format("nquads", True, "N-Quads: one quad a line, a named graph per document"),
    ".trig": Format("trig", True, "TriG: Turtle with a named graph per document"),
    ".jsonld": Format("json-ld", True, "JSON-LD with a named graph per document"),
}
WRITERS: dict[str, Callable[[Dataset, Path], None]] = {}


def register(suffix: str, writer: Callable[[Dataset, Path], None]) -> None:
    """Add a writer for a file suffix that is not an RDF serialisation (a picture, GraphML, ...)."""
    WRITERS[suffix.lower()] = writer


def format_for(path: str | Path) -> Format:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        raise ValueError(f"{path}: unknown graph format {suffix or '(no extension)'}; use one of {known}")
    return FORMATS[suffix]


_UMASK = os.umask(0)
os.umask(_UMASK)


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write bytes to ``path`` so that a crash leaves either the old file or the new one, never half."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # The name cut short in the temporary's: a name near the 255-byte limit must not push it past.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:100]}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; a graph file is as readable as any other
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


Quad = tuple[Node, Node, Node, Node | None]


def serialize(dataset: Dataset, fmt: Format) -> bytes:
    if fmt.name in NATIVE:
        return NATIVE[fmt.name](dataset_quads(dataset))
    target: Graph | Dataset = dataset if fmt.quads else union_graph(dataset)
    data = target.serialize(format=fmt.name, encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


def sorted_triples(quads: Iterable[Quad]) -> list:
    """Every named graph merged, each triple once, sorted (subjects, then predicates, then objects)."""
    import pyoxigraph as ox

    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in ox_quads(quads)}
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def turtle(quads: Iterable[Quad]) -> bytes:
    """Every named graph merged, as Turtle, the same bytes for the same graph.

    Written by Oxigraph from triples in sorted order: about twenty times faster than
    rdflib's Turtle writer on a news archive, and as deterministic.
    """
    import pyoxigraph as ox

    return ox.serialize(sorted_triples(quads), format=ox.RdfFormat.TURTLE, prefixes={prefix: str(namespace) for prefix, namespace in sorted(PREFIXES.items())})


def ntriples(quads: Iterable[Quad]) -> bytes:
    """Every named graph merged, one sorted triple a line."""
    import pyoxigraph as ox

    return ox.serialize(sorted_triples(quads), format=ox.RdfFormat.N_TRIPLES)


def nquads(quads: Iterable[Quad]) -> bytes:
    """One quad a line, named graph by named graph in the order given."""
    import pyoxigraph as ox

    return ox.serialize(ox_quads(quads), format=ox.RdfFormat.N_QUADS)


# Formats Oxigraph writes (from any quads, without building an rdflib Dataset first).
NATIVE: dict[str, Callable[[Iterable[Quad]], bytes]] = {"turtle": turtle, "nt": ntriples, "nquads": nquads}


def write(dataset: Dataset, path: str | Path) -> None:
    """Write the dataset to ``path`` in the format its extension names."""
    suffix = Path(path).suffix.lower()
    if suffix in WRITERS:
        WRITERS[suffix](dataset, Path(path))
        return
    atomic_write(path, serialize(dataset, format_for(path)))


def write_graphs(graphs: list[NamedGraph], path: str | Path) -> None:
    """Write the mapper's named graphs to ``path``: the build's way out, with no rdflib Dataset
    in between for the formats Oxigraph writes (see :mod:`kg.rdf.graphs` for why)."""
    suffix = Path(path).suffix.lower()
    fmt = FORMATS.get(suffix)
    if suffix not in WRITERS and fmt is not None and fmt.name in NATIVE:
        atomic_write(path, NATIVE[fmt.name](graph_quads(graphs)))
        return
    write(to_dataset(graphs), path)


def read(path: str | Path) -> Dataset:
    """Load a graph file into a dataset whose default graph is the union of its graphs."""
    fmt = format_for(path)
    dataset = new_dataset()
    dataset.default_union = True
    if fmt.quads:
        dataset.parse(str(path), format=fmt.name)
    else:
        dataset.default_graph.parse(str(path), format=fmt.name)
    return dataset
