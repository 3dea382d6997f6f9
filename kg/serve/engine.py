"""Answer one SPARQL query with Oxigraph: check it, evaluate it, write it in the format asked for.

Runs in a query process (:mod:`kg.serve.worker`), never in the server. Oxigraph parses,
evaluates and writes every answer (SPARQL results as JSON, XML, CSV and TSV; graphs as
Turtle, JSON-LD, N-Triples and RDF/XML), as ``kg query --store`` lets it: rdflib's parser
alone took 7 to 40 ms a shipped query, longer than Oxigraph takes to answer most of them.

Checks made before Oxigraph sees the text, reading it as Oxigraph does
(:mod:`kg.serve.sandbox`): ``SERVICE`` (Oxigraph would fetch from another endpoint) and
``FROM`` / ``FROM NAMED`` (the endpoint answers over its one graph) get 400. Text that is not
a query but parses as SPARQL Update gets 403; that costs rdflib's update parser, but only
for text Oxigraph has already refused as a query.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import pyoxigraph as ox

from kg.rdf.namespaces import PREFIXES
from kg.rdf.sparqltext import nesting
from kg.serve.negotiate import Offer, choose, describe, offers_for
from kg.serve.sandbox import mentions_dataset, mentions_service
from kg.serve.worker import Answer

TRUNCATED_HEADER = "X-KG-Truncated"  # "true" when rows were cut at --max-rows
ROWS_HEADER = "X-KG-Rows"  # rows (or triples) in the answer
MAX_ROWS_HEADER = "X-KG-Max-Rows"
STORE_BUSY = "the store cannot be read just now (a build may be writing it); try again"
OX_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                  "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "json-ld": ox.RdfFormat.JSON_LD, "nt": ox.RdfFormat.N_TRIPLES,
                 "xml": ox.RdfFormat.RDF_XML}
# Oxigraph's parser recurses once a bracket: 2,000 nested blank nodes overflow its stack and the worker dies.
# Written queries nest a few levels; 200 leaves room and stays far from the crash.
MAX_NESTING = 200
FORM_OF_RESULT = {ox.QuerySolutions: "SELECT", ox.QueryBoolean: "ASK", ox.QueryTriples: "CONSTRUCT"}


class Refused(Exception):
    """A query the endpoint will not run; carries the HTTP status and a one-line reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def short(err: BaseException, limit: int = 300) -> str:
    """An exception as one line a client can read: no traceback, no multi-line parser dumps."""
    text = " ".join(str(err).split())
    return (text[: limit - 1] + "…") if len(text) > limit else (text or type(err).__name__)


def is_update(text: str) -> bool:
    """True when the text parses as a SPARQL Update request with at least one operation."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        tree = parseUpdate(text)
    except Exception:  # noqa: BLE001 - anything rdflib cannot read is not an update
        return False
    return bool(tree.get("request"))


def check(text: str) -> None:
    """Refuse what the endpoint will not hand to Oxigraph: an empty text, SERVICE, FROM, brackets nested too deep.

    >>> check("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.serve.engine.Refused: SERVICE is not allowed: this endpoint answers from its own graph only
    """
    refusal = _remembered(text) if len(text) <= 8_192 else _refusal(text)  # at most 8 MB of texts remembered
    if refusal is not None:
        raise Refused(*refusal)


def _refusal(text: str) -> tuple[int, str] | None:
    """The check's verdict: (status, reason), or None to go ahead."""
    if not text.strip():
        return 400, "empty query: send SPARQL text as the 'query' parameter or the request body"
    if mentions_service(text):
        return 400, "SERVICE is not allowed: this endpoint answers from its own graph only"
    if mentions_dataset(text):
        return 400, "FROM and FROM NAMED are not supported: the endpoint answers over its one graph"
    if (deep := nesting(text)) > MAX_NESTING:
        return 400, f"malformed query: brackets nested {deep} deep; the limit is {MAX_NESTING}"
    return None


# Remembered per text: a dashboard asks the same queries again and again, and reading one as Oxigraph
# does costs up to a millisecond of Python (measured on the shipped queries).
_remembered = functools.lru_cache(maxsize=1024)(_refusal)


def evaluate(store: ox.Store, text: str) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """The checked query, as Oxigraph answers it (lazily: rows are made as they are written).

    >>> evaluate(ox.Store(), "DROP ALL")
    Traceback (most recent call last):
    ...
    kg.serve.engine.Refused: SPARQL Update is not allowed: this endpoint is read-only
    """
    check(text)
    try:
        return store.query(text, prefixes=OX_PREFIXES)
    except SyntaxError as err:
        if is_update(text):
            raise Refused(403, "SPARQL Update is not allowed: this endpoint is read-only") from None
        raise Refused(400, f"malformed query: {short(err)}") from None


def answer(store: ox.Store, text: str, accept: str | None, max_rows: int, on_disk: bool = False) -> Answer:
    """Everything one query needs, from its text to the bytes to send; never raises.

    ``on_disk``: the store is a directory another process may be writing, so a read
    error is the store's (503), not the query's.
    """
    try:
        result = evaluate(store, text)
    except Refused as refused:
        return Answer.message(refused.status, refused.reason)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as err:  # noqa: BLE001 - see failed(); a panic in Oxigraph is a BaseException
        return failed(err, on_disk)
    form = FORM_OF_RESULT.get(type(result), "SELECT")
    offers = offers_for(form)
    offer = choose(accept, offers)
    if offer is None:
        shown = accept if len(accept) <= 80 else accept[:77] + "..."  # a header is the client's; keep errors short
        kind = "CONSTRUCT or DESCRIBE" if form == "CONSTRUCT" else form
        return Answer.message(406, f"cannot answer a {kind} query as {shown}; offered: {describe(offers)}")
    try:
        return write(result, offer, max_rows)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as err:  # noqa: BLE001 - evaluation goes on while the answer is written
        return failed(err, on_disk)


def failed(err: BaseException, on_disk: bool = False) -> Answer:
    """A query that parsed but could not be evaluated or written.

    The query's fault (400), as the fuzzer found: a variable naming a service left unbound,
    an answer no format can hold. Running out of memory and failing to read a store (an
    OSError, as when a build is writing it) are the server's: 500 and 503.
    """
    if isinstance(err, MemoryError):
        return Answer.message(500, "query failed: out of memory")
    if on_disk and isinstance(err, OSError):  # the store's files: no path of the server's in the answer (issue 18 D9)
        return Answer.message(503, STORE_BUSY)
    return Answer.message(400, f"query failed: {type(err).__name__}: {short(err)}")


def write(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, offer: Offer, max_rows: int) -> Answer:
    """The result in the negotiated format, cut at ``max_rows`` rows (or triples) with headers saying so."""
    headers: dict[str, str] = {}
    truncated = False
    if isinstance(result, ox.QueryBoolean):
        if offer.serializer in ("csv", "tsv"):  # the W3C CSV/TSV note defines no ASK form; answer as Jena does
            body = f"_askResult\r\n{str(bool(result)).lower()}\r\n".encode("utf-8")
        else:
            body = result.serialize(format=RESULT_FORMATS[offer.serializer])
    elif isinstance(result, ox.QueryTriples):
        triples, truncated = first_triples(result, max_rows)
        body = write_triples(triples, offer.serializer)
        headers[ROWS_HEADER] = str(len(triples))
    else:
        body, rows, truncated = write_solutions(result, offer.serializer, max_rows)
        headers[ROWS_HEADER] = str(rows)
    if offer.serializer == "xml":
        body = xml_safe(body)
    if truncated:
        headers[TRUNCATED_HEADER] = "true"
        headers[MAX_ROWS_HEADER] = str(max_rows)
    return Answer(200, body, f"{offer.media_type}; charset=utf-8", headers)


class _Lines:
    """A file Oxigraph writes TSV results to, which stops it once ``limit`` lines past the header are in."""

    def __init__(self, limit: int) -> None:
        self.limit = limit + 1  # the header line
        self.chunks: list[bytes] = []
        self.lines = 0
        self.full = False

    def write(self, data: bytes) -> int:
        if self.full:
            raise EOFError("enough rows")
        chunk = bytes(data)
        self.chunks.append(chunk)
        self.lines += chunk.count(b"\n")
        if self.lines > self.limit:
            self.full = True
            raise EOFError("enough rows")  # Oxigraph stops evaluating: the rest of the rows are never made
        return len(chunk)

    def flush(self) -> None:
        pass


def write_solutions(solutions: ox.QuerySolutions, serializer: str, max_rows: int) -> tuple[bytes, int, bool]:
    """SELECT rows in the format named, at most ``max_rows``: (body, rows, whether some were cut).

    Oxigraph writes TSV first, one row a line (values with line breaks are escaped in
    TSV), so rows are counted and cut without a Python object per row; any other format
    is Oxigraph's own writer over those TSV rows read back (lossless: terms are written
    in full, blank node labels kept). Writing stops at the row past the limit, so a
    query over everything costs ``max_rows`` rows, not all of them.
    """
    sink = _Lines(max_rows)
    try:
        solutions.serialize(sink, format=ox.QueryResultsFormat.TSV)
    except Exception:
        if not sink.full:
            raise
    data = b"".join(sink.chunks)
    if sink.full:
        lines = data.split(b"\n", max_rows + 1)
        data = b"\n".join(lines[: max_rows + 1]) + b"\n"
    rows = data.count(b"\n") - 1
    if serializer != "tsv":
        data = ox.parse_query_results(data, format=ox.QueryResultsFormat.TSV).serialize(format=RESULT_FORMATS[serializer])
    return data, rows, sink.full


def first_triples(triples: Iterable[ox.Triple], max_rows: int) -> tuple[list[ox.Triple], bool]:
    """The first ``max_rows`` distinct triples (an answer graph is a set), and whether more were left."""
    seen: dict[ox.Triple, None] = {}
    for triple in triples:
        seen[triple] = None
        if len(seen) > max_rows:
            return list(seen)[:max_rows], True
    return list(seen), False


def write_triples(triples: list[ox.Triple], serializer: str) -> bytes:
    """Triples as a graph file; Turtle and RDF/XML with the project's prefixes."""
    fmt = GRAPH_FORMATS[serializer]
    prefixes = OX_PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    return ox.serialize(triples, format=fmt, prefixes=prefixes)


# Characters XML 1.0 cannot hold, not even as character references (C0 controls but tab, newline, return).
_NOT_XML = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_safe(body: bytes) -> bytes:
    """XML whose values held control characters, with each one as U+FFFD: well-formed, and the rest intact.

    >>> xml_safe(b"<literal>a\x07b</literal>")
    b'<literal>a\xef\xbf\xbdb</literal>'
    """
    return _NOT_XML.sub("\ufffd".encode("utf-8"), body)
