"""Fuzzing ``kg serve``: random and mutated queries, headers, methods and paths against a real server.

The server is a real ``kg serve`` subprocess on a free loopback port (the fixtures of
``tests/test_serve.py``). Requests go out over raw sockets, byte for byte as drawn, so
that headers no HTTP client would send (NUL bytes, lying Content-Length, odd methods,
paths with ``..`` and ``%2f``) reach the server. Whatever arrives, the server must answer
without a 5xx, without a traceback or a file path in the body, and must still answer a
good query afterwards. The one 5xx allowed is the documented 503 of ``--timeout`` (a
mutated query can become a slow one); it is counted and reported.
"""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_serve import ROOT, Server, graph_file, kg_command, start  # noqa: F401 - graph_file is a fixture

SHIPPED = sorted((ROOT / "queries").glob("*.rq"))
QUERIES = [path.read_text(encoding="utf-8") for path in SHIPPED]
GOOD = "ASK { ?s ?p ?o }"
MAX_REQUEST_BYTES = 16_384
TIMEOUT_S = 5
# Documented refusals that are 5xx by design (a query out of time, every query slot taken).
ALLOWED_5XX = ("query timed out", "server busy")
# What a leaked traceback or file path looks like in a body.
LEAKS = ("Traceback", 'File "', "site-packages", str(ROOT), "/usr/lib/python", ".py\", line", "kg/serve/")
UPDATES = ["INSERT DATA { <urn:a> <urn:b> <urn:c> }", "DELETE WHERE { ?s ?p ?o }", "DROP ALL", "CLEAR DEFAULT",
           "LOAD <file:///etc/passwd>", "CREATE GRAPH <urn:g>", "ADD DEFAULT TO <urn:g>", "COPY <urn:a> TO <urn:b>",
           "MOVE DEFAULT TO <urn:g>", "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
           "DELETE DATA { <urn:a> <urn:b> <urn:c> } ; INSERT DATA { <urn:a> <urn:b> <urn:d> }"]
SERVICES = ["SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
            "SELECT * WHERE { SERVICE SILENT <file:///etc/passwd> { ?s ?p ?o } }",
            "SELECT * WHERE { ?s ?p ?o . SERVICE ?s { ?a ?b ?c } }",
            "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
            "SELECT * FROM NAMED <http://example.org/> WHERE { GRAPH ?g { ?s ?p ?o } }",
            "ASK { OPTIONAL { SERVICE <http://localhost:7878/sparql> { ?x ?y ?z } } }"]
FRAGMENTS = ["{", "}", "(", ")", "<", ">", "\"", "'", "\"\"\"", "?", "$", ".", ";", ",", "\\", "#", "\n", "\x00",
             "SELECT", "WHERE", "FILTER", "OPTIONAL", "UNION", "MINUS", "GRAPH", "SERVICE", "BIND", "VALUES",
             "GROUP BY", "ORDER BY", "LIMIT 1", "OFFSET 99999999999999999999", "DROP ALL ;", "INSERT DATA",
             "LOAD <file:///etc/passwd>", "REGEX(?x, \"(a+)+$\")", "COUNT(*)", "^^xsd:integer", "@en", "a",
             "<file:///etc/passwd>", "<http://127.0.0.1:1/>", "_:b0", "[]", "\ud7ff", "\U0001f600", "\u202e", "\ufeff"]


def mutate(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Apply (kind, position, fragment) edits: 0 inserts, 1 deletes a run, 2 replaces a run."""
    for kind, where, fragment in edits:
        at = where % (len(text) + 1)
        if kind == 0:
            text = text[:at] + fragment + text[at:]
        elif kind == 1:
            text = text[:at] + text[at + 1 + len(fragment):]
        else:
            text = text[:at] + fragment + text[at + len(fragment):]
    return text


def nested(depth: int, opening: str, closing: str, core: str) -> str:
    return opening * depth + core + closing * depth


fragments = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12))
edits = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 10_000), fragments), min_size=1, max_size=6)
mutated_queries = st.builds(mutate, st.sampled_from(QUERIES), edits)
huge_literals = st.builds(lambda n, ch: f'SELECT * WHERE {{ ?s ?p "{ch * n}" }}',
                          st.sampled_from([100, 8_000, MAX_REQUEST_BYTES - 40, MAX_REQUEST_BYTES + 10, 200_000]),
                          st.sampled_from(["x", "\"", "\\", "é", "\U0001f600"]))
deep = st.one_of(
    st.builds(lambda d: nested(d, "{ ", " }", "?s ?p ?o"), st.integers(1, 3_000)).map(lambda g: f"SELECT * WHERE {g}"),
    st.builds(lambda d: nested(d, "(", ")", "?o"), st.integers(1, 3_000)).map(
        lambda e: f"SELECT * WHERE {{ ?s ?p ?o FILTER {e} }}"),
    st.builds(lambda d: nested(d, "[ <urn:p> ", " ]", "<urn:o>"), st.integers(1, 2_000)).map(
        lambda b: f"ASK {{ ?s <urn:p> {b} }}"),
    st.builds(lambda d: "SELECT * WHERE { ?s ?p ?o " + " UNION { ?s ?p ?o }" * d + " }", st.integers(1, 1_500)),
    st.builds(lambda d: nested(d, "!(", ")", "true"), st.integers(1, 3_000)).map(lambda e: f"ASK {{ FILTER({e}) }}"),
)
updates = st.one_of(st.sampled_from(UPDATES), st.builds(mutate, st.sampled_from(UPDATES), edits),
                    st.builds(lambda q, u: q + "\n;\n" + u, st.sampled_from(QUERIES), st.sampled_from(UPDATES)))
services = st.one_of(st.sampled_from(SERVICES), st.builds(mutate, st.sampled_from(SERVICES), edits))

def sparql_string(text: str) -> str:
    """A SPARQL string literal holding ``text`` (escaped, so the query stays well-formed)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


# Well-formed queries whose evaluation meets odd values: bad regular expressions, sums of IRIs, orderings on
# errors, limits past any integer, IRIs that are not IRIs, casts of junk, negated inverse paths, surrogates.
EVALUATION = ["SELECT * WHERE {{ ?s ?p ?o FILTER REGEX(STR(?o), {s}) }} LIMIT 3",
              "SELECT (REPLACE(STR(?o), {s}, {s}) AS ?x) WHERE {{ ?s ?p ?o }} LIMIT 3",
              "SELECT ({agg}(?{var}) AS ?x) WHERE {{ ?s ?p ?o }}",
              "SELECT ?s ?o WHERE {{ ?s ?p ?o }} ORDER BY {order}({fn}(?o)) LIMIT {n}",
              "SELECT * WHERE {{ ?s ?p ?o }} LIMIT {n} OFFSET {n}",
              "CONSTRUCT {{ <urn:a> <urn:b> ?x }} WHERE {{ BIND(IRI({s}) AS ?x) }}",
              "CONSTRUCT {{ ?x <urn:b> ?s }} WHERE {{ ?s ?p ?o BIND({fn}({s}) AS ?x) }} LIMIT {n}",
              "SELECT ({fn}({s}) AS ?x) ({fn}(?o) AS ?y) WHERE {{ ?s ?p ?o }} LIMIT 5",
              "SELECT * WHERE {{ ?s !(<urn:a>|^<urn:b>) ?o }} LIMIT {n}",
              "SELECT * WHERE {{ ?s (<urn:a>|^rdfs:label)+ ?o }} LIMIT {n}",
              "ASK {{ FILTER({fn}({s}) {op} {fn}(1)) }}",
              "SELECT (SUBSTR({s}, {n}, {n}) AS ?x) (STRLANG({s}, {s}) AS ?y) (STRDT({s}, <urn:t>) AS ?z) WHERE {{}}",
              "SELECT ?g (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o BIND({fn}(?o) AS ?g) }} GROUP BY ?g HAVING (?n {op} {s})",
              'SELECT ({fn}("\\ud800") AS ?x) ({fn}("\\U0010FFFF\\u0000") AS ?y) WHERE {{}}']
FUNCTIONS = ["", "STR", "LANG", "DATATYPE", "IRI", "BNODE", "STRLEN", "UCASE", "ENCODE_FOR_URI", "MD5", "SHA256",
             "YEAR", "TZ", "ABS", "CEIL", "xsd:integer", "xsd:double", "xsd:dateTime", "xsd:boolean", "xsd:decimal",
             "xsd:date", "isLITERAL", "LCASE", "STRUUID", "SHA1"]
evaluation = st.builds(
    lambda template, text, agg, var, order, fn, n, op: template.format(
        s=sparql_string(text), agg=agg, var=var, order=order, fn=fn if fn != "STRUUID" else "STR", n=n, op=op),
    st.sampled_from(EVALUATION), st.one_of(st.sampled_from(["(", "[", "*", "a{99999}", "\\", "", "\ud800"]),
                                           st.text(max_size=20)),
    st.sampled_from(["SUM", "AVG", "MIN", "MAX", "COUNT", "SAMPLE", "GROUP_CONCAT"]), st.sampled_from(["s", "p", "o", "x"]),
    st.sampled_from(["", "ASC", "DESC"]), st.sampled_from(FUNCTIONS),
    st.sampled_from(["0", "1", "3", "99999999999999999999", "9223372036854775807", "-1"]),
    st.sampled_from(["=", "<", ">", "!=", "+", "*", "/"]))
queries = st.one_of(mutated_queries, evaluation, evaluation, st.text(max_size=300), huge_literals, deep, updates, services,
                    st.sampled_from(QUERIES))


@dataclass
class Reply:
    status: int  # 0 when the server closed the connection without an answer
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


def send(port: int, request: bytes, seconds: float = TIMEOUT_S + 10) -> Reply:
    """Send raw bytes and read the answer until the server closes (each request says ``Connection: close``).

    The socket is not half-closed: uvicorn takes a client's EOF as a hang-up and drops the
    request. A request whose body is shorter than its Content-Length leaves the server
    waiting for the rest, so its caller passes a short ``seconds`` and gets status 0.
    """
    chunks = []
    with socket.create_connection(("127.0.0.1", port), timeout=seconds) as sock:
        try:
            sock.sendall(request)
            while chunk := sock.recv(65_536):
                chunks.append(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server refused early (too large) and closed: read what it said
        except TimeoutError:
            if not chunks:
                return Reply(0)
    data = b"".join(chunks)
    if not data:
        return Reply(0)
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    assert parts[0].startswith("HTTP/1.") and parts[1].isdigit(), f"not an HTTP answer: {data[:200]!r}"
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers and headers["content-length"].isdigit():
        body = body[: int(headers["content-length"])]
    return Reply(int(parts[1]), headers, body)


def request_bytes(method: str, target: bytes, headers: list[tuple[bytes, bytes]], body: bytes, port: int,
                  host: bytes | None = None) -> bytes:
    lines = [method.encode("latin-1", "replace") + b" " + target + b" HTTP/1.1",
             b"Host: " + (host if host is not None else f"127.0.0.1:{port}".encode())]
    lines += [name + b": " + value for name, value in headers]
    lines.append(b"Connection: close")
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


@dataclass
class Tally:
    """What the fuzzer saw, by status: printed at the end so a run shows what it exercised."""

    statuses: dict[int, int] = field(default_factory=dict)
    reasons: Counter = field(default_factory=Counter)  # (status, the answer's first words)

    def add(self, reply: Reply) -> None:
        self.statuses[reply.status] = self.statuses.get(reply.status, 0) + 1
        self.reasons[(reply.status, reply.body[:40].decode("utf-8", "replace").split(":")[0].strip())] += 1


def check(server: Server, reply: Reply, what: str, truncated_body: bool = False) -> None:
    """The rules every answer keeps, whatever was sent."""
    assert server.process.poll() is None, f"the server died on {what}: {server.log.read_text()[-2000:]}"
    if reply.status == 0:
        assert truncated_body, f"no answer at all to {what}"  # a client that hung up mid-body gets none
        return
    text = reply.body.decode("utf-8", "replace")
    if reply.status >= 500:
        assert reply.status == 503 and any(m in text for m in ALLOWED_5XX), f"{reply.status} {text!r} for {what}"
    for leak in LEAKS:
        assert leak not in text, f"{leak!r} in the answer to {what}: {text[:500]!r}"
    if reply.status >= 400:
        assert len(text) < 1_000, f"a long error body for {what}: {text[:300]!r}"


def still_up(server: Server) -> None:
    """The server answers a good query after the fuzzing."""
    response = httpx.get(server.sparql, params={"query": GOOD}, timeout=30)
    assert response.status_code == 200 and response.json()["boolean"] is True
    quotes = httpx.post(server.sparql, content=QUERIES[SHIPPED.index(ROOT / "queries" / "quotes.rq")].encode(),
                        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"}, timeout=30)
    assert quotes.status_code == 200 and quotes.text.count("\n") > 2


@pytest.fixture(scope="module", params=["graph", "store"])
def fuzzed(request: pytest.FixtureRequest, graph_file: Path,  # noqa: F811 - the imported fixture
           tmp_path_factory: pytest.TempPathFactory) -> Server:
    """A server over the sample graph file (rdflib answers), then over a store of it (Oxigraph answers)."""
    tmp = tmp_path_factory.mktemp(f"fuzz-{request.param}")
    source = ["--graph", str(graph_file)]
    if request.param == "store":
        store = tmp / "store"
        subprocess.run([*kg_command(), "build", "seeds", "--store", str(store), "--quiet"], cwd=ROOT, check=True)
        source = ["--store", str(store)]
    return start(request, tmp, *source, "--timeout", str(TIMEOUT_S), "--max-request-bytes", str(MAX_REQUEST_BYTES),
                 "--max-rows", "500")


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                        HealthCheck.data_too_large])


def url_encode(text: str) -> bytes:
    from urllib.parse import quote

    return quote(text, safe="").encode("ascii")


@pytest.fixture
def tally(request: pytest.FixtureRequest) -> Iterator[Tally]:
    seen = Tally()
    yield seen
    print(f"\n{request.node.name}: statuses {dict(sorted(seen.statuses.items()))}; most common answers "
          f"{seen.reasons.most_common(6)}", file=sys.stderr)


def test_random_and_mutated_queries_never_get_a_5xx(fuzzed: Server, tally: Tally) -> None:
    """Queries (mutated shipped ones, random text, huge, deep, updates, SERVICE) as GET, form POST and direct POST."""

    @FUZZ
    @given(query=queries, how=st.sampled_from(["GET", "FORM", "DIRECT", "GRAPH"]),
           accept=st.one_of(st.none(), st.sampled_from(["text/csv", "application/sparql-results+xml", "text/turtle",
                                                         "application/ld+json", "*/*", "image/png", "text/*;q=0"])))
    def one(query: str, how: str, accept: str | None) -> None:
        encoded = query.encode("utf-8", "surrogatepass")
        headers = [(b"Accept", accept.encode())] if accept else []
        if how == "GET":
            request = request_bytes("GET", b"/sparql?query=" + url_encode(query.encode("utf-8", "surrogatepass")
                                                                          .decode("utf-8", "replace")),
                                    headers, b"", fuzzed.port)
        elif how in ("FORM", "GRAPH"):
            body = b"query=" + url_encode(query.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))
            request = request_bytes("POST", b"/graph" if how == "GRAPH" else b"/sparql",
                                    headers + [(b"Content-Type", b"application/x-www-form-urlencoded"),
                                               (b"Content-Length", str(len(body)).encode())], body, fuzzed.port)
        else:
            request = request_bytes("POST", b"/sparql", headers + [(b"Content-Type", b"application/sparql-query"),
                                                                    (b"Content-Length", str(len(encoded)).encode())],
                                    encoded, fuzzed.port)
        reply = send(fuzzed.port, request)
        tally.add(reply)
        check(fuzzed, reply, f"{how} {query[:200]!r}")
        if len(encoded) > MAX_REQUEST_BYTES * 3 and reply.status:
            assert reply.status in (400, 413), "an oversized request is refused, not run"

    one()
    still_up(fuzzed)


def mostly(usual: st.SearchStrategy, odd: st.SearchStrategy) -> st.SearchStrategy:
    """``usual`` seven times in eight: most requests pass HTTP parsing and reach the application."""
    return st.integers(0, 7).flatmap(lambda i: odd if i == 0 else usual)


METHODS = ["GET", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "get"]
ODD_METHODS = ["CONNECT", "G\x00T", "POST ", "X" * 300, "GET /sparql HTTP/1.1\r\nX:"]
PATHS = ["/sparql", "/sparql?query=ASK%7B%7D", "/sparql?query=ASK%7B%7D&query=ASK%7B%7D", "/sparql?update=DROP%20ALL",
         "/sparql?query=ASK%7B%7D&default-graph-uri=file:///etc/passwd", "/sparql?query=%FF%FE", "/sparql?query",
         "/", "/graph", "/graph?focus=urn:x&depth=9", "/graph?focus=urn:x&depth=-1", "/graph?focus=%00",
         "/examples.json", "/static/app.js", "/static/index.html", "/static/", "/static/../../pyproject.toml",
         "/static/..%2f..%2fpyproject.toml", "/static/%2e%2e%2f%2e%2e%2fkg%2fserve%2fapp.py", "/..", "/../../etc/passwd",
         "/sparql/../static/app.js", "//sparql", "/sparql%00", "/static/app.js%00.png", "/static/%00", "/%2f%2f",
         "/static/%c0%ae%c0%ae/etc/passwd", "/static/..\\..\\pyproject.toml", "/STATIC/APP.JS", "/sparql/",
         "http://127.0.0.1/sparql?query=ASK%7B%7D", "*", "/" + "a/" * 3_000, "/graph?focus=" + "%41" * 20_000]
ODD_PATHS = ["/static/\x00", "sparql", "/spa rql", "/sparql?query=ASK {}", "/\u00e9t\u00e9", "/sparql\r\nX: y"]
CONTENT_TYPES = ["application/sparql-query", "application/x-www-form-urlencoded", "application/sparql-update",
                 "application/json", "text/plain", "multipart/form-data; boundary=x", "application/sparql-query; charset=latin-1",
                 "APPLICATION/SPARQL-QUERY", "", ";;;", "application/x-www-form-urlencoded; charset=utf-16"]
ACCEPTS = ["*/*", "text/csv;q=nonsense", "application/sparql-results+json;q=0", ",,,", "text/*, */*;q=0",
           "image/png", "application/sparql-results+xml; q=0.5, text/turtle", "a/b/c/d", "*/" * 1_000, "text/csv;q=1e999"]
PRINTABLE = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40)
header_text = mostly(st.one_of(st.sampled_from(ACCEPTS + CONTENT_TYPES), PRINTABLE),
                     st.one_of(st.text(max_size=40),
                               st.builds(lambda ch, n: ch * n, st.sampled_from(["a", ",", ";", "\u00e9", "*/*,"]),
                                         st.sampled_from([1_000, 20_000, 70_000]))))


def header_value(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


bodies = st.one_of(st.just(b""), st.sampled_from([q.encode() for q in QUERIES]),
                   st.builds(lambda q: b"query=" + url_encode(q), st.sampled_from(QUERIES)),
                   st.binary(max_size=300), st.builds(lambda n: b"x" * n, st.sampled_from([MAX_REQUEST_BYTES + 1, 100_000])))
lengths = mostly(st.sampled_from(["right", "none"]),
                 st.one_of(st.integers(-5, 200_000).map(str),
                           st.sampled_from(["abc", "1e3", " 5", "0x10", "99999999999999999999999", "5, 6", ""])))
ascii_edits = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 10_000),
                                 st.sampled_from(["..", "/", "%2f", "%2e", "%00", "?", "&", "=", "#", ";", "%", "~", "\\"])),
                       min_size=1, max_size=4)


def test_random_headers_methods_and_paths_never_get_a_5xx(fuzzed: Server, tally: Tally) -> None:
    """Odd methods, paths with .., %2f and NUL bytes, lying Content-Length, long and odd header values."""

    @FUZZ
    @given(method=mostly(st.sampled_from(METHODS), st.one_of(st.sampled_from(ODD_METHODS), st.text(min_size=1, max_size=10))),
           path=mostly(st.one_of(st.sampled_from(PATHS), st.builds(mutate, st.sampled_from(PATHS), ascii_edits)),
                       st.one_of(st.sampled_from(ODD_PATHS), st.builds(mutate, st.sampled_from(PATHS), edits))),
           accept=st.one_of(st.none(), header_text), content_type=st.one_of(st.none(), header_text),
           length=lengths, body=bodies,
           host=mostly(st.none(), st.sampled_from(["localhost", "evil.example", "", "127.0.0.1:1:2", "[::1]", "\x00"])),
           extra=st.lists(st.tuples(st.sampled_from(["X-Forwarded-For", "Transfer-Encoding", "Expect", "Range",
                                                      "Origin", "Cookie", "If-None-Match", "Content-Encoding"]),
                                    header_text), max_size=2))
    def one(method: str, path: str, accept: str | None, content_type: str | None, length: str, body: bytes,
            host: str | None, extra: list[tuple[str, str]]) -> None:
        headers = []
        if accept is not None:
            headers.append((b"Accept", header_value(accept)))
        if content_type is not None:
            headers.append((b"Content-Type", header_value(content_type)))
        if length == "right":
            headers.append((b"Content-Length", str(len(body)).encode()))
        elif length != "none":
            headers.append((b"Content-Length", length.encode()))
        headers += [(name.encode(), header_value(value)) for name, value in extra]
        target = path.encode("utf-8", "surrogatepass")
        declared = int(length) if length.strip().isdigit() else len(body)
        # A body shorter than declared, or a transfer coding the server waits to see end: it may never answer.
        waits = declared > len(body) or any(name in ("Transfer-Encoding", "Expect") for name, _ in extra)
        reply = send(fuzzed.port, request_bytes(method, target, headers, body, fuzzed.port,
                                                host.encode() if host is not None else None),
                     seconds=2 if waits else TIMEOUT_S + 10)
        tally.add(reply)
        check(fuzzed, reply, f"{method!r} {path[:100]!r} {headers!r:.300}", truncated_body=waits)

    one()
    still_up(fuzzed)


def test_after_the_fuzzing_the_same_server_answers_and_no_query_process_is_left(fuzzed: Server) -> None:
    """Workers killed at the timeout were reaped and replaced: the server has its --jobs workers, none a zombie."""
    from kg.serve import DEFAULTS

    still_up(fuzzed)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        states = [Path(f"/proc/{pid}/stat").read_text().split()[2] for pid in fuzzed.children()]
        if len(states) == DEFAULTS["jobs"] and "Z" not in states:
            break
        time.sleep(0.1)
    assert len(states) == DEFAULTS["jobs"] and "Z" not in states, f"one live worker a job, every killed one reaped: {states}"
    assert "Traceback" not in fuzzed.log.read_text(errors="replace"), "nothing went wrong inside the server"
