"""Run SPARQL over a graph and print the answers for people or programs.

User values reach a query only as bound variables (``initBindings``), never by
pasting text into the query.
"""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.query import Result

from kg.rdf.namespaces import PREFIXES

OUTPUT_FORMATS = ("table", "csv", "tsv", "json")


def load_query(query: str) -> str:
    """A query is a path to a ``.rq`` file or SPARQL text."""
    path = Path(query)
    if path.suffix == ".rq" or (len(query) < 4096 and "\n" not in query and path.is_file()):
        if not path.is_file():
            raise FileNotFoundError(f"{query}: " + ("a folder, not a query file" if path.is_dir() else "no such query file"))
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError as err:
            raise FileNotFoundError(f"{query}: not UTF-8 (byte {err.start}); save the query as UTF-8") from None
    return query


def binding(value: str) -> URIRef | Literal:
    """``<iri>`` binds an IRI; anything else binds a plain string literal."""
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    return Literal(value)


def run(dataset: Dataset, query: str, params: dict[str, str] | None = None) -> Result:
    bindings = {k: binding(v) for k, v in (params or {}).items()}
    return dataset.query(load_query(query), initNs=PREFIXES, initBindings=bindings)


def render(result: Result, fmt: str = "table") -> str:
    """Answers as a text table, or as W3C SPARQL results in CSV, TSV or JSON."""
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        for prefix, namespace in PREFIXES.items():
            result.graph.bind(prefix, namespace, override=True)
        return result.graph.serialize(format="turtle")
    if result.type == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.askAnswer)}) if fmt == "json" else str(bool(result.askAnswer)).lower()
    if fmt == "tsv":  # rdflib 7 reads SPARQL TSV results but cannot write them
        from kg.tsv import write_tsv

        return write_tsv(result.vars, ({name: row[name] for name in result.vars} for row in result)).decode("utf-8")
    if fmt in ("csv", "json"):
        data = result.serialize(format=fmt)
        return data.decode("utf-8") if isinstance(data, bytes) else data
    names = [str(v) for v in result.vars]
    rows = [["" if row[i] is None else str(row[i]) for i in range(len(names))] for row in result]
    return table(names, rows)


def render_oxigraph(result, fmt: str = "table") -> str | None:
    """Answers from Oxigraph (``kg.store.local.answer``) written by Oxigraph; None for graphs.

    Prints what :func:`render` prints for the same answers from rdflib (tests hold the two
    to it), so a store and a graph file read the same.
    """
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return json.dumps({"head": {}, "boolean": bool(result)}) if fmt == "json" else str(bool(result)).lower()
    if not isinstance(result, ox.QuerySolutions):
        return None
    if fmt in ("csv", "tsv", "json"):
        writer = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV, "json": ox.QueryResultsFormat.JSON}
        return result.serialize(format=writer[fmt]).decode("utf-8")
    names = [v.value for v in result.variables]
    rows = [["" if term is None else term.value for term in row] for row in result]
    return table(names, rows)


# C0 and C1 control characters (ESC, BEL, CSI, ...) and DEL: a value that holds them would drive the terminal.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(cell: str) -> str:
    r"""A cell as the terminal should show it: control characters as visible escapes, never sent raw.

    >>> printable("ok\x1b]0;owned\x07")
    'ok\\x1b]0;owned\\x07'
    """
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", cell)


def table(names: list[str], rows: list[list[str]], width: int = 60) -> str:
    rows = [[printable(" ".join(c.split())) for c in row] for row in rows]
    cut = [[c if len(c) <= width else c[: width - 1] + "…" for c in row] for row in rows]
    widths = [max([len(n)] + [len(r[i]) for r in cut]) for i, n in enumerate(names)]
    out = io.StringIO()
    out.write("  ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cut:
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() + "\n")
    out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")
    return out.getvalue()


__all__ = ["OUTPUT_FORMATS", "load_query", "render", "render_oxigraph", "run", "table"]
