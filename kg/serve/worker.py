"""Query processes: a pool of forked workers, each answering one query at a time, replaced when one runs too long.

Why processes: a Python thread cannot be killed, and neither Oxigraph nor rdflib can be
interrupted from Python, so a runaway query in a thread would run on after its timeout.
The server instead forks ``--jobs`` workers at start. Each shares the loaded graph with
the server (copy-on-write: nothing is copied or re-parsed), shuts itself off the network
once (:func:`kg.serve.sandbox.forbid_network`: every query it ever evaluates runs behind
that fence), and then answers requests from its end of a Unix socket, one at a time. When
a query runs out of time the server kills its worker (whatever the query did to memory dies
with it) and forks a fresh one in its place; the other workers go on answering.

Why a pool and not a process per query: the fork, the filter and the first touch of the
graph's pages cost more than Oxigraph takes to answer most queries. A worker lives until
it is killed or the server ends; the kernel kills it when the server ends
(``PR_SET_PDEATHSIG``), and it closes every descriptor it inherited but its own socket, so
a client connection the server closes is closed. Fork is POSIX-only, so ``kg serve`` runs
on Linux and macOS, not on Windows. The server process must stay single-threaded for
fork to be safe, which is why it binds its own socket and talks to workers without threads.

Requests and answers are plain values (a dict of JSON in, an :class:`Answer` out), each
framed by its length.
"""
from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import struct
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.serve.sandbox import die_with_parent, forbid_network, libc

MAX_ANSWER_BYTES = 128 * 2**20  # what the server holds of one answer before sending it
_REQUEST_HEAD = struct.Struct(">I")
_ANSWER_HEAD = struct.Struct(">Q")


@dataclass(slots=True)
class Answer:
    """An HTTP answer as plain values, so it can cross a socket and be tested without a server."""

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


Handler = Callable[[dict], Answer]


def too_large() -> Answer:
    return Answer.message(400, f"query failed: the answer is over {MAX_ANSWER_BYTES // 2**20} MB; ask for fewer or "
                               "shorter values (LIMIT, SUBSTR)")


class AnswerTooLarge(Exception):
    """A worker announced an answer past MAX_ANSWER_BYTES (issue 18 D12): it is killed and the client told."""


def _refuse_network(event: str, _args: tuple) -> None:
    if event in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
        raise PermissionError(f"kg serve: a query may not reach the network ({event})")


def _read_exactly(sock: socket.socket, size: int) -> bytes | None:
    data = bytearray()
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            return None
        data += chunk
    return bytes(data)


def _work(sock: socket.socket, handle: Handler, lifetime: int, parent: int) -> None:
    """A worker's life: fence itself in once, then answer requests until the server closes its end."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)  # the server's handlers were inherited; a worker just dies
    try:
        signal.set_wakeup_fd(-1)
    except ValueError:
        pass
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    if not die_with_parent(parent):
        return
    forbid_network()
    sys.addaudithook(_refuse_network)
    sock.setblocking(True)
    while (head := _read_exactly(sock, _REQUEST_HEAD.size)) is not None:
        body = _read_exactly(sock, _REQUEST_HEAD.unpack(head)[0])
        if body is None:
            return
        signal.alarm(lifetime)  # dies on its own even if the server cannot kill it
        try:
            reply = handle(json.loads(body))
        except BaseException as err:  # noqa: BLE001 - the worker must always say something
            reply = Answer.message(500, f"query failed: {type(err).__name__}: {' '.join(str(err).split())[:300]}")
        data = reply.encode()
        if len(data) > MAX_ANSWER_BYTES:
            data = too_large().encode()
        signal.alarm(0)
        sock.sendall(_ANSWER_HEAD.pack(len(data)))
        sock.sendall(data)


@dataclass(slots=True)
class _Worker:
    pid: int
    sock: socket.socket


class Pool:
    """``jobs`` worker processes answering requests with ``handle``; a request that takes over ``timeout`` s is a 503.

    Waiting for a free worker counts against the timeout. A worker that runs out of time,
    dies or breaks the protocol is killed and replaced at once.
    """

    def __init__(self, handle: Handler, timeout: float, jobs: int = 2) -> None:
        self.handle = handle
        self.timeout = timeout
        self.jobs = jobs
        self.idle: list[_Worker | None] = []  # None: a worker to fork when next needed (a fork had failed)
        self.workers: dict[int, _Worker] = {}
        self._slots: asyncio.Semaphore | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._zombies: set[int] = set()  # killed, not yet reaped
        self._reaping: set[asyncio.Future] = set()
        self._stopped = False

    def start(self) -> Pool:
        """Fork the workers (before serving: they then share the graph with the server as it was loaded)."""
        libc()  # found once here, not in every worker
        self._stopped = False
        self.idle = [self._spawn() for _ in range(self.jobs)]
        return self

    def _spawn(self) -> _Worker:
        for pid in list(self._zombies):
            self._try_reap(pid)
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        parent = os.getpid()
        try:
            pid = os.fork()
        except OSError:
            ours.close()
            theirs.close()
            raise
        if pid == 0:  # the worker: never returns into the server's code
            try:
                keep = theirs.fileno()
                os.closerange(3, keep)  # the server's listening socket, its clients, the other workers
                os.closerange(keep + 1, 1 << 20)
                _work(theirs, self.handle, int(self.timeout) + 5, parent)
            finally:
                os._exit(0)
        theirs.close()
        ours.setblocking(False)
        worker = _Worker(pid, ours)
        self.workers[pid] = worker
        return worker

    async def run(self, request: dict) -> Answer:
        """The answer to one request, or 503 when it ran out of time (waiting for a free worker counts)."""
        loop = asyncio.get_running_loop()
        if self._slots is None or self._loop is not loop:
            self._slots, self._loop = asyncio.Semaphore(len(self.idle)), loop
        deadline = loop.time() + self.timeout
        try:
            await asyncio.wait_for(self._slots.acquire(), self.timeout)
        except asyncio.TimeoutError:
            return Answer.message(503, f"server busy: {self.jobs} queries running; try again later")
        worker = self.idle.pop()
        try:
            if worker is None:
                worker = self._spawn()
        except OSError as err:
            self.idle.append(None)
            self._slots.release()
            return Answer.message(503, f"cannot start a query process: {err.strerror or err}")
        try:
            reply = await asyncio.wait_for(self._exchange(loop, worker, request), max(0.01, deadline - loop.time()))
        except asyncio.TimeoutError:
            reply = Answer.message(503, f"query timed out after {self.timeout:g} s (the limit set by --timeout)")
            worker = self._replace(worker)
        except AnswerTooLarge:
            reply = too_large()
            worker = self._replace(worker)
        except (OSError, EOFError):
            reply = Answer.message(500, "query failed: the query process ended without an answer")
            worker = self._replace(worker)
        except BaseException:  # cancelled mid-answer: the worker's state is unknown
            self.idle.append(self._replace(worker))
            self._slots.release()
            raise
        self.idle.append(worker)
        self._slots.release()
        return reply

    async def _exchange(self, loop: asyncio.AbstractEventLoop, worker: _Worker, request: dict) -> Answer:
        payload = json.dumps(request).encode("utf-8")
        await loop.sock_sendall(worker.sock, _REQUEST_HEAD.pack(len(payload)) + payload)
        (size,) = _ANSWER_HEAD.unpack(await self._receive(loop, worker.sock, _ANSWER_HEAD.size))
        if size > MAX_ANSWER_BYTES + 65_536:  # the worker checks too; this holds even if it did not
            raise AnswerTooLarge
        return Answer.decode(await self._receive(loop, worker.sock, size))

    @staticmethod
    async def _receive(loop: asyncio.AbstractEventLoop, sock: socket.socket, size: int) -> bytes:
        data = bytearray(size)
        view = memoryview(data)
        got = 0
        while got < size:
            count = await loop.sock_recv_into(sock, view[got:])
            if not count:
                raise EOFError("the worker closed its socket")
            got += count
        return bytes(data)

    def _replace(self, worker: _Worker) -> _Worker | None:
        """Kill a worker and fork another in its place (None, forked when next needed, if the fork fails)."""
        self._kill(worker)
        if self._stopped:  # a query cut short by the server's own shutdown: nothing to replace
            return None
        try:
            return self._spawn()
        except OSError:
            return None

    def _kill(self, worker: _Worker) -> None:
        self.workers.pop(worker.pid, None)
        worker.sock.close()
        try:
            os.kill(worker.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if not self._try_reap(worker.pid):
            self._zombies.add(worker.pid)
            try:
                reaping = asyncio.ensure_future(self._reap(worker.pid))
            except RuntimeError:  # no running loop: the next fork reaps it
                return
            self._reaping.add(reaping)
            reaping.add_done_callback(self._reaping.discard)

    def _try_reap(self, pid: int) -> bool:
        try:
            done, _status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            done = pid
        if done:
            self._zombies.discard(pid)
        return bool(done)

    async def _reap(self, pid: int) -> None:
        """Wait for a killed worker without blocking the server."""
        delay = 0.001
        while not self._try_reap(pid):
            await asyncio.sleep(delay)
            delay = min(delay * 2, 0.05)

    def stop(self) -> None:
        """Kill every worker: the server is shutting down."""
        self._stopped = True
        for worker in list(self.workers.values()):
            worker.sock.close()
            try:
                os.kill(worker.pid, signal.SIGKILL)
                os.waitpid(worker.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        for pid in list(self._zombies):
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        self.workers.clear()
        self._zombies.clear()
        self.idle = []
        self._slots = None
