"""Answer one SPARQL query, in a process of its own so that a slow query can be stopped.

Why a process per query: a Python thread cannot be killed, and rdflib's
evaluator has no cancellation points, so a runaway query in a thread would run
on after its timeout. The server instead forks a child for each query: the
child shares the loaded graph with the server (copy-on-write, nothing is
copied or re-parsed), parses, checks and evaluates the query, writes its
answer to a pipe and exits. On timeout the server kills the child; whatever
the query did to memory dies with it, so the graph the server holds is never
changed. Fork is POSIX-only, so ``kg serve`` runs on Linux and macOS, not on
Windows.

Safety checks made structurally, on rdflib's parse of the query:

- SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ...) is refused:
  text that is not a query but parses as an update gets 403.
- ``SERVICE`` (rdflib would fetch from another endpoint) and ``FROM`` /
  ``FROM NAMED`` (rdflib would fetch or parse the named IRI) are refused with
  400: the endpoint answers over its own graph and never reaches the network or
  the file system on a query's behalf. ``SERVICE`` is looked for twice, as
  rdflib reads the text and as Oxigraph does (:mod:`kg.serve.sandbox`), since
  the two expand escapes differently. As a second fence the child can open no
  network socket (a seccomp filter, for Oxigraph's requests from Rust) and
  refuses any URL fetch by an audit hook (for rdflib's from Python).
"""
from __future__ import annotations

import asyncio
import itertools
import json
import os
import re
import signal
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rdflib import Dataset, Graph
from rdflib.query import Result

from kg.rdf.namespaces import PREFIXES
from kg.serve.negotiate import Offer, choose, describe, offers_for
from kg.serve.sandbox import forbid_network, mentions_service
from kg.tsv import write_tsv

FORM_OF_ALGEBRA = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
                   "DescribeQuery": "DESCRIBE"}
TRUNCATED_HEADER = "X-KG-Truncated"  # "true" when rows were cut at --max-rows
ROWS_HEADER = "X-KG-Rows"  # rows (or triples) in the answer
MAX_ROWS_HEADER = "X-KG-Max-Rows"
MAX_ANSWER_BYTES = 128 * 2**20  # what the server holds of one answer before sending it
STORE_BUSY = "the store cannot be read just now (a build may be writing it); try again"


@dataclass(slots=True)
class Answer:
    """An HTTP answer as plain values, so it can cross a pipe and be tested without a server."""

    status: int
    body: bytes
    content_type: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def message(cls, status: int, text: str) -> Answer:
        return cls(status, (text.rstrip() + "\n").encode("utf-8"))

    def encode(self) -> bytes:
        head = {"status": self.status, "content_type": self.content_type, "headers": self.headers}
        return json.dumps(head).encode("utf-8") + b"\n" + self.body

    @classmethod
    def decode(cls, data: bytes) -> Answer:
        head, sep, body = data.partition(b"\n")
        try:
            fields = json.loads(head) if sep else None
        except ValueError:
            fields = None
        if not isinstance(fields, dict):
            return cls.message(500, "query failed: the query process ended without an answer")
        return cls(int(fields["status"]), body, str(fields["content_type"]), dict(fields["headers"]))


class AnswerTooLarge(Exception):
    """A query's answer past MAX_ANSWER_BYTES: the child is killed and the client told."""


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


def _is_update(text: str) -> bool:
    """True when the text parses as a SPARQL Update request with at least one operation."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        tree = parseUpdate(text)
    except Exception:
        return False
    return bool(tree.get("request"))


def _walk(node: object) -> Iterable[object]:
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _walk(value)


def prepare(text: str):
    """Parse and check a query: an rdflib ``Query`` ready to evaluate, or :class:`Refused`.

    >>> prepare("SELECT ?s WHERE { ?s ?p ?o }").algebra.name
    'SelectQuery'
    >>> prepare("DROP ALL")
    Traceback (most recent call last):
    ...
    kg.serve.worker.Refused: SPARQL Update is not allowed: this endpoint is read-only
    >>> prepare("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.serve.worker.Refused: SERVICE is not allowed: this endpoint answers from its own graph only
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    if not text.strip():
        raise Refused(400, "empty query: send SPARQL text as the 'query' parameter or the request body")
    try:
        tree = parseQuery(text)
    except ParseException as err:
        if _is_update(text):
            raise Refused(403, "SPARQL Update is not allowed: this endpoint is read-only") from None
        raise Refused(400, f"malformed query: {short(err)}") from None
    except Exception as err:
        raise Refused(400, f"malformed query: {short(err)}") from None
    try:
        query = translateQuery(tree, initNs=PREFIXES)
    except Exception as err:  # unknown prefix, a variable bound twice, ...
        raise Refused(400, f"malformed query: {short(err)}") from None
    if query.algebra.get("datasetClause"):
        raise Refused(400, "FROM and FROM NAMED are not supported: the endpoint answers over its one graph")
    if mentions_service(text) or any(isinstance(n, CompValue) and n.name == "ServiceGraphPattern"
                                     for n in _walk(query.algebra)):
        raise Refused(400, "SERVICE is not allowed: this endpoint answers from its own graph only")
    return query


def cut_rows(result: Result, max_rows: int) -> tuple[Result, bool]:
    """The first ``max_rows`` rows, drawn lazily where rdflib allows, and whether more were left."""
    source = result._genbindings if result._genbindings is not None else result.bindings  # noqa: SLF001
    rows = list(itertools.islice(source, max_rows + 1))
    cut = Result("SELECT")
    cut.vars = result.vars
    cut.bindings = rows[:max_rows]
    return cut, len(rows) > max_rows


def cut_graph(graph: Graph, max_rows: int) -> tuple[Graph, bool]:
    if len(graph) <= max_rows:
        return graph, False
    cut = Graph()
    for prefix, namespace in graph.namespaces():
        cut.bind(prefix, namespace, override=False)
    for triple in itertools.islice(graph, max_rows):
        cut.add(triple)
    return cut, True


def _as_bytes(data: bytes | str) -> bytes:
    return data if isinstance(data, bytes) else data.encode("utf-8")


# Characters XML 1.0 cannot hold, not even as character references (C0 controls but tab, newline, return).
_NOT_XML = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_safe(body: bytes) -> bytes:
    """XML whose values held control characters, with each one as U+FFFD: well-formed, and the rest intact.

    >>> xml_safe(b"<literal>a\x07b</literal>")
    b'<literal>a\xef\xbf\xbdb</literal>'
    """
    return _NOT_XML.sub("\ufffd".encode("utf-8"), body)


def serialize(result: Result, offer: Offer, max_rows: int) -> Answer:
    """The result in the negotiated format, cut at ``max_rows`` rows (or triples) with headers saying so."""
    headers: dict[str, str] = {}
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph, truncated = cut_graph(result.graph, max_rows)
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace, override=False)
        extra = {"context": {p: str(ns) for p, ns in PREFIXES.items()}, "indent": 2} if offer.serializer == "json-ld" else {}
        body = _as_bytes(graph.serialize(format=offer.serializer, encoding="utf-8", **extra))
        headers[ROWS_HEADER] = str(len(graph))
    elif result.type == "ASK":
        truncated = False
        if offer.serializer in ("csv", "tsv"):  # the W3C CSV/TSV note defines no ASK form; answer as Jena does
            body = f"_askResult\r\n{str(bool(result.askAnswer)).lower()}\r\n".encode("utf-8")
        else:
            body = _as_bytes(result.serialize(format=offer.serializer, encoding="utf-8"))
    else:
        result, truncated = cut_rows(result, max_rows)
        if offer.serializer == "tsv":  # rdflib reads TSV results but has no writer for them
            body = write_tsv(result.vars or [], result.bindings)
        else:
            body = _as_bytes(result.serialize(format=offer.serializer, encoding="utf-8"))
        headers[ROWS_HEADER] = str(len(result.bindings))
    if offer.serializer == "xml":
        body = xml_safe(body)
    if truncated:
        headers[TRUNCATED_HEADER] = "true"
        headers[MAX_ROWS_HEADER] = str(max_rows)
    return Answer(200, body, f"{offer.media_type}; charset=utf-8", headers)


def answer(dataset: Dataset, text: str, accept: str | None, max_rows: int, engine_parses: bool = False) -> Answer:
    """Everything one query needs, from its text to the bytes to send; never raises.

    Runs in the forked child in production, and in-process in tests and warm-up.
    ``engine_parses``: hand the checked text (not rdflib's parse) to a store that
    answers SPARQL itself (Oxigraph), so the store's engine, not rdflib's, runs it.
    """
    try:
        query = prepare(text)
    except Refused as refused:
        return Answer.message(refused.status, refused.reason)
    form = FORM_OF_ALGEBRA.get(query.algebra.name, "SELECT")
    offers = offers_for(form)
    offer = choose(accept, offers)
    if offer is None:
        shown = accept if len(accept) <= 80 else accept[:77] + "..."  # a header is the client's; keep errors short
        return Answer.message(406, f"cannot answer a {form} query as {shown}; offered: {describe(offers)}")
    try:
        result = dataset.query(text, initNs=PREFIXES) if engine_parses else dataset.query(query)
        return serialize(result, offer, max_rows)
    except Exception as err:
        return failed(err)


def failed(err: Exception) -> Answer:
    """A query that parsed but could not be evaluated or written.

    The query's fault (400), as the fuzzer found: a bad regular expression in REGEX or
    REPLACE, SUM over IRIs, ORDER BY an error, LIMIT past any integer, IRI("a b") in a
    CONSTRUCT, a lone surrogate. Running out of memory and failing to read a store (an
    OSError, as when a build is writing it) are the server's: 500 and 503.
    """
    if isinstance(err, MemoryError):
        return Answer.message(500, "query failed: out of memory")
    if isinstance(err, OSError):  # the store's files: no path of the server's in the answer (issue 18 D9)
        return Answer.message(503, STORE_BUSY)
    return Answer.message(400, f"query failed: {type(err).__name__}: {short(err)}")


def _refuse_network(event: str, _args: tuple) -> None:
    if event in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
        raise PermissionError(f"kg serve: a query may not reach the network ({event})")


def _child(write_fd: int, read_fd: int, job: Callable[[], Answer], lifetime: int) -> None:
    """The forked child: run the job, write its answer to the pipe, exit."""
    os.close(read_fd)
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)  # the server's handlers were inherited; a child just dies
    try:
        signal.set_wakeup_fd(-1)
    except ValueError:
        pass
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.alarm(lifetime)  # dies on its own even if the server is gone
    forbid_network()
    sys.addaudithook(_refuse_network)
    try:
        reply = job()
    except BaseException as err:  # noqa: BLE001 - the child must always say something
        reply = Answer.message(500, f"query failed: {type(err).__name__}: {short(err)}")
    with os.fdopen(write_fd, "wb") as pipe:
        pipe.write(reply.encode())


class Runner:
    """Runs jobs (a query, a drawing) in forked children: at most ``jobs`` at a time, each killed after ``timeout`` s.

    Plain ``os.fork``, not ``multiprocessing``: the job and the graph reach the
    child by inheritance, nothing is pickled, and a fork costs ~5 ms where a
    ``multiprocessing.Process`` costs ~45 ms (its start-up and exit
    book-keeping). The server process must stay single-threaded for fork to be
    safe, which is why it binds its own socket and awaits children without
    threads.
    """

    def __init__(self, timeout: float, jobs: int = 2) -> None:
        self.timeout = timeout
        self.jobs = jobs
        self._slots: asyncio.Semaphore | None = None
        self.running: set[int] = set()  # process ids of children not yet reaped
        self._reaping: set[asyncio.Future] = set()

    async def run(self, job: Callable[[], Answer]) -> Answer:
        """The job's answer, or 503 when it ran out of time (waiting for a free slot counts)."""
        loop = asyncio.get_running_loop()
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.jobs)
        deadline = loop.time() + self.timeout
        try:
            await asyncio.wait_for(self._slots.acquire(), self.timeout)
        except asyncio.TimeoutError:
            return Answer.message(503, f"server busy: {self.jobs} queries running; try again later")
        try:
            return await self._in_child(job, max(0.01, deadline - loop.time()))
        finally:
            self._slots.release()

    def _fork(self, job: Callable[[], Answer]) -> tuple[int, int]:
        for pid in list(self.running):  # any child whose reaper never ran (its event loop closed) goes now
            self._try_reap(pid)
        read_fd, write_fd = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            raise
        if pid == 0:  # the child: never returns into the server's code
            try:
                _child(write_fd, read_fd, job, int(self.timeout) + 5)
            finally:
                os._exit(0)
        os.close(write_fd)
        self.running.add(pid)
        return pid, read_fd

    async def _in_child(self, job: Callable[[], Answer], seconds: float) -> Answer:
        loop = asyncio.get_running_loop()
        try:
            pid, read_fd = self._fork(job)
        except OSError as err:
            return Answer.message(503, f"cannot start a query process: {err.strerror or err}")
        reader = asyncio.StreamReader(limit=2**20)
        pipe = os.fdopen(read_fd, "rb", buffering=0)
        transport, _ = await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), pipe)
        try:
            data = await asyncio.wait_for(self._read_bounded(reader), seconds)
        except asyncio.TimeoutError:
            return Answer.message(503, f"query timed out after {self.timeout:g} s (the limit set by --timeout)")
        except AnswerTooLarge:
            return Answer.message(400, f"query failed: the answer is over {MAX_ANSWER_BYTES // 2**20} MB; ask for "
                                       "fewer or shorter values (LIMIT, SUBSTR)")
        finally:
            transport.close()
            if not self._try_reap(pid):  # reaped after the answer is sent; killed at once if it ran out of time
                reaping = asyncio.ensure_future(self._reap(pid))
                self._reaping.add(reaping)
                reaping.add_done_callback(self._reaping.discard)
        return Answer.decode(data)

    @staticmethod
    async def _read_bounded(reader: asyncio.StreamReader) -> bytes:
        """The child's answer, refused once past MAX_ANSWER_BYTES: --max-rows bounds rows, not their size, and
        one row of a 243 MB literal had grown the server from 78 to 744 MB (issue 18 D12)."""
        chunks, size = [], 0
        while chunk := await reader.read(2**20):
            size += len(chunk)
            if size > MAX_ANSWER_BYTES:
                raise AnswerTooLarge
            chunks.append(chunk)
        return b"".join(chunks)

    def _try_reap(self, pid: int) -> bool:
        try:
            done, _status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            done = pid
        if done:
            self.running.discard(pid)
        return bool(done)

    async def _reap(self, pid: int) -> None:
        """Kill the child if it still runs (it has answered, or run out of time), and wait for it without blocking."""
        if self._try_reap(pid):
            return
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        delay = 0.001
        while not self._try_reap(pid):
            await asyncio.sleep(delay)
            delay = min(delay * 2, 0.05)

    def stop(self) -> None:
        """Kill every running query: the server is shutting down."""
        for pid in list(self.running):
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self.running.clear()
