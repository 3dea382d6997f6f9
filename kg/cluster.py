"""The build on a Dask distributed cluster: ``kg build ... --scheduler ADDRESS``.

Parsing is nearly all of a build's time (spaCy reads about 5,000 words a second a core),
so that, with the extraction, is what goes to the cluster: documents travel to the
workers in batches, each worker process loads the model once and sends back the plain
records (never spaCy Docs). The results are taken in the order the batches were sent,
so the mapper here sees exactly the stream a local build sees, and the graph (or what
goes to ``--store``, ledger and all) is the same. At most a few batches per worker
thread are in flight, so memory here stays flat however long the corpus.

A worker that dies mid-build is Dask's to recover from: the scheduler sends the batches
it held to another worker (a batch that has killed ``distributed.scheduler.allowed-failures``
workers, 3 by default, fails the build as ``KilledWorker``). Workers need kg and the model
installed, as on this machine (``pip install kg``, the same image on Kubernetes).
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from kg.records import Document, Extraction


class ClusterError(Exception):
    """The cluster cannot be reached or cannot finish the build; the message says why, in one line."""


_models: dict = {}  # each worker process's pipelines, by name: loaded by its first batch, kept for the rest


def extract_batch(documents: list[Document], model: str) -> list[Extraction]:
    """Run on a worker: parse and extract one batch, in order, with this process's pipeline."""
    from kg.build import extract_safely
    from kg.nlp import load, parse

    if model not in _models:
        _models[model] = load(model)
    docs = parse(_models[model], (document.text for document in documents), batch_size=len(documents) or 1)
    return [extract_safely(doc, document) for doc, document in zip(docs, documents)]


def connect(scheduler: object):
    """A client of the scheduler at an address (``tcp://host:8786``), or the client given; and
    whether it is ours to close."""
    from distributed import Client

    if isinstance(scheduler, Client):
        return scheduler, False
    from distributed.comm import parse_address, parse_host_port

    try:  # refused here, not by a client that would retry a nonsense address until it times out
        scheme, location = parse_address(str(scheduler))
        if scheme in ("tcp", "tls", "ws", "wss"):
            parse_host_port(location)
    except (ValueError, TypeError) as err:
        raise ClusterError(f"--scheduler {scheduler}: not a scheduler address ({err}); "
                           "for example tcp://scheduler.example:8786") from None
    try:
        return Client(str(scheduler), timeout="20s", set_as_default=False), True
    except (OSError, TimeoutError, ValueError) as err:
        raise ClusterError(f"--scheduler {scheduler}: cannot reach a Dask scheduler there "
                           f"({' '.join(str(err).split())[:160] or type(err).__name__})") from None


def cluster_extractions(documents: Iterable[Document], model: str, scheduler: object,
                        batch_size: int = 16, per_thread: int = 3) -> Iterator[Extraction]:
    """Parse and extract on the cluster; the extractions come back in the documents' order."""
    from distributed import KilledWorker

    client, ours = connect(scheduler)
    window: deque = deque()

    def limit() -> int:
        return per_thread * max(1, sum(client.nthreads().values()))

    def take():
        future = window.popleft()
        try:
            return future.result()
        except KilledWorker as err:
            raise ClusterError("one batch of documents killed every worker that took it, more times than the "
                               "scheduler's allowed-failures (out of memory on the workers?)") from None

    try:
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) == batch_size:
                window.append(client.submit(extract_batch, batch, model, pure=False))
                batch = []
                while len(window) >= limit():
                    yield from take()
        if batch:
            window.append(client.submit(extract_batch, batch, model, pure=False))
        while window:
            yield from take()
    finally:
        for future in window:
            future.cancel()
        if ours:
            client.close()
