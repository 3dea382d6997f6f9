"""The query process's fences against the network (issue 18, D1), tested below the server.

A listener on a loopback port counts the connections it is offered; Oxigraph is
then asked for a ``SERVICE`` at that port from a forked child, with and without
the seccomp filter. Without it Oxigraph connects (which is why the fence exists);
with it the kernel refuses the socket and the listener hears nothing.
"""
from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable, Iterator

import pytest

from kg.serve.engine import Refused, evaluate
from kg.serve.sandbox import forbid_network, mentions_dataset, mentions_service

pyoxigraph = pytest.importorskip("pyoxigraph")


class Listener:
    """A loopback socket that accepts and counts connections until closed."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.open = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while self.open:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.open = False
        self.thread.join(5)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    seen = Listener()
    yield seen
    seen.close()


def in_child(job: Callable[[], str]) -> str:
    """What ``job`` returns when run in a forked child (the filter dies with the child, not this process)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_fd)
            try:
                said = job()
            except Exception as err:  # noqa: BLE001 - reported to the parent
                said = f"{type(err).__name__}: {err}"
            os.write(write_fd, said.encode()[:500])
        finally:
            os._exit(0)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        said = pipe.read().decode()
    os.waitpid(pid, 0)
    return said


def service_from_child(port: int, fenced: bool) -> str:
    """What Oxigraph says, in a forked child, to a SERVICE at the port: 'answered' or the error's first words."""
    def ask() -> str:
        if fenced and not forbid_network():
            return "filter not installed"
        list(pyoxigraph.Store().query(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"))
        return "answered"
    return in_child(ask)


def test_oxigraph_in_a_fenced_child_cannot_connect(listener: Listener) -> None:
    unfenced = service_from_child(listener.port, fenced=False)
    if listener.connections == 0:
        pytest.skip(f"this Oxigraph build makes no SERVICE requests ({unfenced[:80]})")
    before = listener.connections
    said = service_from_child(listener.port, fenced=True)
    assert said != "filter not installed", "seccomp is available on Linux x86_64 and aarch64"
    assert said != "answered"
    assert listener.connections == before, "the kernel refused the socket: nothing reached the listener"


def test_a_fenced_child_keeps_unix_pipes_and_sockets() -> None:
    def try_sockets() -> str:
        ok = forbid_network()
        left, right = socket.socketpair(socket.AF_UNIX)
        left.sendall(b"x")
        try:
            socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
            inet = "opened"
        except PermissionError:
            inet = "refused"
        return f"{ok} {right.recv(1).decode()} {inet}"
    said = in_child(try_sockets)
    assert said == "True x refused"


SMUGGLED = [
    # rdflib expands the escape first and reads a comment from '#' to the end of the line; Oxigraph reads a string
    'SELECT * WHERE { BIND("\\u0022 AS ?x) #" AS ?y) SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o }\n}',
    "SELECT * WHERE { BIND('\\u0027 AS ?x) #' AS ?y) SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o }\n}",
    'SELECT * WHERE { BIND("""\\u0022\\u0022\\u0022 AS ?x) #""" AS ?y) service SILENT <http://h/> { ?s ?p ?o }\n}',
    'SELECT * WHERE { BIND("\\U00000022 AS ?x) #" AS ?y) SERVICE<http://127.0.0.1:9/>{?s ?p ?o}\n}',
]


@pytest.mark.parametrize("query", SMUGGLED)
def test_service_hidden_by_an_escape_is_refused(query: str) -> None:
    assert mentions_service(query)
    with pytest.raises(Refused, match="SERVICE is not allowed"):
        evaluate(pyoxigraph.Store(), query)


@pytest.mark.parametrize("query", [
    'SELECT ?s WHERE { ?s ?p "Secret Service" }',
    "SELECT ?service WHERE { ?service <http://e.org/service> ?o } # SERVICE in a comment",
    "PREFIX service: <http://e.org/> SELECT * WHERE { ?s service:p ?o }",
    "SELECT * WHERE { ?s ?p '''a SERVICE <http://x/> { } inside a long string''' }",
])
def test_service_as_a_word_in_strings_iris_names_and_comments_is_not_refused(query: str) -> None:
    assert not mentions_service(query)
    evaluate(pyoxigraph.Store(), query)


def test_a_store_endpoint_never_fetches_a_smuggled_service(request: pytest.FixtureRequest, tmp_path,
                                                          listener: Listener) -> None:
    """D1 end to end: `kg serve --store` answers the smuggled SERVICE with 400 on every route, and never connects."""
    import subprocess

    import httpx

    from tests.test_serve import ROOT, kg_command, start

    store = tmp_path / "store"
    subprocess.run([*kg_command(), "build", "seeds", "--store", str(store), "--quiet"], cwd=ROOT, check=True)
    server = start(request, tmp_path, "--store", str(store), "--timeout", "30")
    target = f"http://127.0.0.1:{listener.port}/sparql"
    queries = [q.replace("http://127.0.0.1:9/sparql", target).replace("http://127.0.0.1:9/", target)
               .replace("http://h/", target) for q in SMUGGLED]
    for query in queries:
        for reply in (httpx.get(server.sparql, params={"query": query}, timeout=60),
                      httpx.post(server.sparql, data={"query": query}, timeout=60),
                      httpx.post(server.sparql, content=query.encode(), timeout=60,
                                 headers={"Content-Type": "application/sparql-query"}),
                      httpx.post(server.url + "/graph", data={"query": query}, timeout=60)):
            assert reply.status_code == 400 and "SERVICE" in reply.text, (query, reply.status_code, reply.text[:200])
    assert listener.connections == 0


def test_a_store_that_cannot_be_read_is_a_503_without_the_servers_paths(tmp_path) -> None:
    """Issue 18 D9: queries while a build wrote the store got 500 with an internal file path."""
    from kg.serve.engine import STORE_BUSY, failed
    from kg.serve.source import Source

    gone = Source("store", store=str(tmp_path / "being-rebuilt"))
    reply = gone.handle(gone.query("SELECT * WHERE { ?s ?p ?o }", None, 10))
    assert (reply.status, reply.body.decode().strip()) == (503, STORE_BUSY)
    assert str(tmp_path) not in reply.body.decode()
    locked = failed(OSError(f"IO error: While lock file: {tmp_path}/oxigraph/LOCK: Resource temporarily unavailable"),
                    on_disk=True)
    assert locked.status == 503 and str(tmp_path) not in locked.body.decode()


def test_an_answer_past_the_size_limit_is_refused_not_held(monkeypatch) -> None:
    """Issue 18 D12: --max-rows bounds rows, not bytes; one huge row was held whole by the server."""
    import asyncio

    from kg.serve import worker
    from kg.serve.worker import Answer, Pool

    monkeypatch.setattr(worker, "MAX_ANSWER_BYTES", 2**20)
    pool = Pool(lambda request: Answer(200, b"x" * request["size"]), timeout=30, jobs=1).start()
    try:
        big = asyncio.run(pool.run({"size": 3 * 2**20}))
        assert big.status == 400 and b"the answer is over 1 MB" in big.body
        small = asyncio.run(pool.run({"size": 1000}))
        assert small.status == 200 and small.body == b"x" * 1000
    finally:
        pool.stop()


GLUED = [  # Oxigraph matches keywords without a word boundary: each of these calls a service or names a graph
    ("PREFIX : <http://127.0.0.1:9/> SELECT * WHERE { SERVICE:g { ?s ?p ?o } }", "SERVICE"),
    ("PREFIX ex: <http://127.0.0.1:9/> SELECT * WHERE { SERVICEex:g { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { SERVICESILENT<http://127.0.0.1:9/>{ ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { ?s ?p ?o .service ?s { ?a ?b ?c } }", "SERVICE"),
    ("PREFIX ex: <http://h/> SELECT * WHERE { ?s ex:a\\#b ?o SERVICE <http://127.0.0.1:9/> { } }", "SERVICE"),
    ("PREFIX ex: <http://h/> SELECT * WHERE { ?s ex:a\\'b ?o SERVICE <http://127.0.0.1:9/> { } } #'", "SERVICE"),
    ("PREFIX : <http://h/> SELECT * FROM:g WHERE { ?s ?p ?o }", "FROM"),
    ("PREFIX ex: <http://h/> SELECT * FROMex:g WHERE { ?s ?p ?o }", "FROM"),
    ("SELECT*FROM NAMED<http://h/g>{ ?s ?p ?o }", "FROM"),
    ("CONSTRUCT { ?s ?p ?o } FROM <http://h/g> WHERE { ?s ?p ?o }", "FROM"),
]


@pytest.mark.parametrize(("query", "word"), GLUED)
def test_keywords_glued_to_names_are_read_as_oxigraph_reads_them(query: str, word: str) -> None:
    assert (mentions_service(query), mentions_dataset(query)) == (word == "SERVICE", word == "FROM")
    with pytest.raises(Refused, match=f"{word} .*not"):
        evaluate(pyoxigraph.Store(), query)


@pytest.mark.parametrize("query", [
    "PREFIX from: <http://e/> PREFIX service: <http://e/> SELECT ?d WHERE { ?s from:p ?d ; service:p ?o }",
    "SELECT ?d WHERE { ?s <http://www.w3.org/ns/prov#wasDerivedFrom> ?d ; ?p 'FROM <x>' } # FROM <y>",
    "PREFIX service: <http://e/> SELECT * WHERE { GRAPH service:g { ?s ?p ?o } }",
])
def test_from_and_service_as_names_strings_and_comments_are_not_refused(query: str) -> None:
    assert not mentions_dataset(query) and not mentions_service(query)
    evaluate(pyoxigraph.Store(), query)


def test_every_worker_of_the_pool_is_fenced_even_one_forked_after_a_timeout() -> None:
    """The filter is installed once in each worker, before its first query, and in each replacement."""
    import asyncio
    import time

    from kg.serve.worker import Answer, Pool

    def job(request: dict) -> Answer:
        if request.get("sleep"):
            time.sleep(request["sleep"])
        try:
            socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
            return Answer(200, b"opened")
        except PermissionError:
            return Answer(200, b"refused")

    pool = Pool(job, timeout=1, jobs=2).start()
    try:
        async def scenario() -> list[Answer]:
            first = await asyncio.gather(pool.run({}), pool.run({}))
            late = await pool.run({"sleep": 5})  # out of time: its worker is killed and replaced
            after = await asyncio.gather(pool.run({}), pool.run({}))
            return [*first, late, *after]
        replies = asyncio.run(scenario())
    finally:
        pool.stop()
    assert [r.status for r in replies] == [200, 200, 503, 200, 200]
    assert {r.body for i, r in enumerate(replies) if i != 2} == {b"refused"}
