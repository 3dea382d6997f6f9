"""The HTTP side of ``kg serve``: a SPARQL 1.1 Protocol endpoint at ``/sparql`` and a query page at ``/``.

The server process only speaks HTTP; every query is checked, evaluated and
written by Oxigraph in one of the pool's worker processes (see :mod:`kg.serve.worker`
and :mod:`kg.serve.engine`). Requests are bounded in size (413),
answers in rows, queries in time. The page and its assets are a fixed set of
files read at start; no request path ever reaches the file system.
"""
from __future__ import annotations

import json
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kg.serve.engine import MAX_ROWS_HEADER, ROWS_HEADER, TRUNCATED_HEADER
from kg.serve.source import Source, can_draw
from kg.serve.worker import Answer, Pool

LOOPBACK_NAMES = {"127.0.0.1", "localhost", "::1", "[::1]"}
ASSET_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
               ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}
PAGE_POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"


@dataclass(frozen=True)
class Limits:
    timeout: float = 10.0  # seconds a query may run
    max_rows: int = 10_000  # rows (or triples) in one answer
    max_request_bytes: int = 65_536  # a request's query string or body
    jobs: int = 2  # queries running at once, each in a worker process of its own


class Refusal(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def text(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(message.rstrip() + "\n", status_code=status)


def load_assets() -> dict[str, tuple[bytes, str]]:
    """The page's files, read once: name -> (bytes, content type). Only these names are ever served."""
    folder = resources.files("kg.serve") / "static"
    assets = {}
    for entry in folder.iterdir():
        suffix = Path(entry.name).suffix
        if entry.is_file() and suffix in ASSET_TYPES:
            assets[entry.name] = (entry.read_bytes(), ASSET_TYPES[suffix])
    return assets


def load_examples(folder: Path | None) -> list[dict[str, str]]:
    """The shipped queries (``queries/*.rq``) offered on the page: name, the leading comment, the text."""
    if folder is None or not folder.is_dir():
        return []
    examples = []
    for path in sorted(folder.glob("*.rq")):
        try:
            body = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):  # a folder named *.rq, a file that is not UTF-8: not an example
            print(f"kg serve: warning: {path}: not a readable UTF-8 query file; left out of the examples",
                  file=sys.stderr)
            continue
        comment = []
        for line in body.splitlines():
            if not line.startswith("#"):
                break
            comment.append(line.lstrip("# ").strip())
        examples.append({"name": path.stem, "description": " ".join(comment), "query": body})
    return examples


def default_queries_folder() -> Path | None:
    """``queries/`` beside the ``kg`` package: there in a checkout and an editable install."""
    folder = Path(__file__).resolve().parents[2] / "queries"
    return folder if folder.is_dir() else None


class Guard:
    """ASGI middleware: refuse foreign Host headers on a loopback server, and set safe headers on every answer.

    The Host check stops DNS rebinding: a web page on another site whose name
    resolves to 127.0.0.1 would otherwise be able to read the graph through the
    visitor's browser.
    """

    def __init__(self, app: ASGIApp, loopback_only: bool) -> None:
        self.app = app
        self.loopback_only = loopback_only

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.loopback_only:
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name.lower() not in LOOPBACK_NAMES:
                await text(400, "this server answers only to 127.0.0.1 and localhost")(scope, receive, send)
                return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                            (b"cache-control", b"no-store")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is known to exceed ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not (declared.isascii() and declared.isdigit()):
            raise Refusal(400, "bad Content-Length header")
        if int(declared) > limit:
            raise Refusal(413, f"request too large: {declared} bytes; the limit is {limit} (--max-request-bytes)")
    chunks, size = [], 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise Refusal(413, f"request too large: over {limit} bytes (--max-request-bytes)")
            chunks.append(chunk)
    except ClientDisconnect:  # the client hung up mid-body (issue 18 D14): nobody to answer, nothing to log
        raise Refusal(400, "the client closed the connection before the whole body arrived") from None
    return b"".join(chunks)


def one_query(fields: dict[str, list[str]]) -> str:
    """The ``query`` parameter of a GET or form request; protocol parameters this endpoint cannot honour are refused."""
    if "update" in fields:
        raise Refusal(403, "SPARQL Update is not allowed: this endpoint is read-only")
    if "default-graph-uri" in fields or "named-graph-uri" in fields:
        raise Refusal(400, "default-graph-uri and named-graph-uri are not supported: the endpoint answers over its one graph")
    values = fields.get("query", [])
    if len(values) != 1:
        raise Refusal(400, "expected exactly one 'query' parameter" if values else "missing 'query' parameter")
    return values[0]


def decode_form(raw: bytes | str) -> dict[str, list[str]]:
    try:
        data = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        return parse_qs(data, keep_blank_values=True, strict_parsing=False, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise Refusal(400, "the request is not valid UTF-8") from None


async def query_text(request: Request, limit: int) -> str:
    """The SPARQL text of a protocol request: GET ?query=, or POST as a form or as a raw query body."""
    if request.method in ("GET", "HEAD"):
        raw = request.scope.get("query_string", b"")
        if len(raw) > limit:
            raise Refusal(413, f"request too large: {len(raw)} bytes of query string; the limit is {limit} (--max-request-bytes)")
        return one_query(decode_form(raw))
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/sparql-update":
        raise Refusal(403, "SPARQL Update is not allowed: this endpoint is read-only")
    if media not in ("application/sparql-query", "application/x-www-form-urlencoded"):
        raise Refusal(415, "send the query as application/sparql-query or application/x-www-form-urlencoded (query=...)")
    body = await read_body(request, limit)
    if media == "application/x-www-form-urlencoded":
        return one_query(decode_form(body))
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise Refusal(400, "the query is not valid UTF-8") from None


def to_response(answer: Answer) -> Response:
    response = Response(answer.body, status_code=answer.status, media_type=None, headers=answer.headers)
    response.headers["content-type"] = answer.content_type
    return response


def create_app(source: Source, pool: Pool, limits: Limits, examples: list[dict[str, str]], *,
               loopback_only: bool = True) -> ASGIApp:
    """The ASGI application: ``source`` makes the requests, ``pool``'s workers answer them, the rest is HTTP."""
    assets = load_assets()
    drawing = can_draw()
    examples_json = json.dumps({"examples": examples, "graph": source.name, "draw": drawing,
                                "limits": {"timeout": limits.timeout, "max_rows": limits.max_rows},
                                "headers": {"truncated": TRUNCATED_HEADER, "rows": ROWS_HEADER,
                                            "max_rows": MAX_ROWS_HEADER}}).encode("utf-8")

    async def sparql(request: Request) -> Response:
        try:
            query = await query_text(request, limits.max_request_bytes)
        except Refusal as refusal:
            return text(refusal.status, refusal.message)
        return to_response(await pool.run(source.query(query, request.headers.get("accept"), limits.max_rows)))

    async def graph(request: Request) -> Response:
        """``?focus=IRI[&depth=N]``: a node's neighbourhood; a query (as for /sparql): its CONSTRUCT answer."""
        focus = request.query_params.get("focus")
        try:
            if request.method == "GET" and focus is not None:
                if len(request.scope.get("query_string", b"")) > limits.max_request_bytes:
                    raise Refusal(413, f"request too large; the limit is {limits.max_request_bytes} (--max-request-bytes)")
                depth = request.query_params.get("depth", "1")
                if depth not in ("1", "2", "3"):  # str.isdigit() takes '²', which int() refuses
                    raise Refusal(400, "depth must be 1, 2 or 3")
                job = source.draw_focus(focus, int(depth), limits.max_rows)
            else:
                job = source.draw_query(await query_text(request, limits.max_request_bytes), limits.max_rows)
        except Refusal as refusal:
            return text(refusal.status, refusal.message)
        return to_response(await pool.run(job))

    async def page(_request: Request) -> Response:
        body, kind = assets["index.html"]
        return Response(body, headers={"content-type": kind, "content-security-policy": PAGE_POLICY})

    async def asset(request: Request) -> Response:
        found = assets.get(request.path_params["name"])
        if found is None:
            return text(404, "Not Found")
        return Response(found[0], headers={"content-type": found[1]})

    async def about(_request: Request) -> Response:
        return Response(examples_json, headers={"content-type": "application/json"})

    async def failed(_request: Request, _err: Exception) -> Response:
        return text(500, "internal error")  # the details go to the server log, never to the client

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        pool.stop()  # queries still running when the server stops die with it

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/examples.json", about, methods=["GET"]),
        Route("/static/{name}", asset, methods=["GET"]),
    ]
    if drawing:
        routes.append(Route("/graph", graph, methods=["GET", "POST"]))
    app = Starlette(routes=routes, exception_handlers={Exception: failed}, lifespan=lifespan)
    return Guard(app, loopback_only)
