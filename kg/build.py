"""The build: documents -> spaCy Docs (one stream) -> extractors -> records -> RDF.

Memory: documents are read lazily and parsed in batches by ``nlp.pipe``; only the
graph itself grows with the corpus, and not even that when a :class:`Sink` (a store,
see :mod:`kg.store`) takes each document's graph as soon as it is mapped.
"""
from __future__ import annotations

import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from rdflib import Dataset, URIRef

from kg.documents import Problem, read_documents
from kg.extract import extract
from kg.nlp import DEFAULT_MODEL, load, parse
from kg.rdf.iris import DEFAULT_BASE
from kg.rdf.graphs import NamedGraph, to_dataset
from kg.rdf.mapper import EntityFacts, Mapper
from kg.records import Document, Extraction


@dataclass
class BuildReport:
    """What a build did, beside the graph it returns: pass one to :func:`build` to have it filled in."""

    documents: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    words: int = 0
    unchanged: int = 0  # documents a store already holds with the same text
    entities: int = 0
    statements: int = 0
    roles: int = 0
    summaries: int = 0  # feed entries built from their summary alone

    def summary(self, triples: int) -> str:
        return (f"{self.documents} documents, {self.entities} entities, "
                f"{self.statements} statements, {self.roles} roles, {triples} triples"
                + (f"; {self.summaries} from a feed's summary only" if self.summaries else "")
                + (f"; {self.unchanged} unchanged" if self.unchanged else "")
                + (f"; {len(self.problems)} skipped" if self.problems else ""))


class Sink(Protocol):
    """Where a streamed build puts each document's graph instead of keeping it (a store)."""

    def claim(self, document: Document) -> tuple[Document, str]:
        """The document under an id that is its own in the sink, and a notice when the id had to change."""

    def unchanged(self, document: Document) -> bool:
        """True when the sink already holds this document with the same text: it is not parsed."""

    def write(self, doc_iri: URIRef, graph: NamedGraph, entities: dict[URIRef, EntityFacts]) -> None:
        """Take one document's named graph and what it says of its entities."""

    def finish(self) -> int:
        """Write what is shared across documents (the entity graph); return the number of entities."""


def extractions(documents: Iterable[Document], model: str = DEFAULT_MODEL, jobs: int = 1,
                batch_size: int = 16, scheduler: object = None) -> Iterator[Extraction]:
    """Parse and extract a stream of documents, in order, with the model loaded once (per process).

    ``scheduler``: a Dask distributed scheduler's address (or a ``distributed.Client``) to
    run on a cluster instead (see :mod:`kg.cluster`); ``jobs`` is this machine's processes.
    """
    if scheduler is not None:
        from kg.cluster import cluster_extractions

        yield from cluster_extractions(documents, model, scheduler, batch_size)
        return
    if jobs > 1:
        yield from _parallel_extractions(documents, model, jobs, batch_size)
        return
    nlp = load(model)
    pending: deque[Document] = deque()  # documents handed to nlp.pipe, not yet back

    def texts() -> Iterator[str]:
        for document in documents:
            pending.append(document)
            yield document.text

    for doc in parse(nlp, texts(), batch_size=batch_size, n_process=jobs):
        document = pending.popleft()
        yield extract_safely(doc, document)


def extract_safely(doc, document: Document) -> Extraction:
    """One article's records; a fault in an extractor costs that article its facts, never the build."""
    try:
        return extract(doc, document)
    except Exception as err:  # noqa: BLE001 - reported as a warning; --strict turns it into a failure
        where = f"{document.source or document.id}"
        return Extraction(document=document, warnings=[
            f"{where}: extraction failed ({type(err).__name__}: {err}); the article is kept without facts"])


_worker_nlp = None  # each worker process's own pipeline


def _start_worker(model: str) -> None:
    global _worker_nlp
    # Ctrl-C and a terminal hang-up are the parent's to handle: it stops the pool, and a worker would only
    # print its own traceback (181 lines for one Ctrl-C, issue 18 D15).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool stops its workers with SIGTERM: they just end
    if _worker_nlp is None:  # forked workers already have the parent's
        _worker_nlp = load(model)


def _extract_chunk(documents: list[Document]) -> list[Extraction]:
    texts = (document.text for document in documents)
    return [extract_safely(doc, document) for doc, document in zip(parse(_worker_nlp, texts), documents)]


def _parallel_extractions(documents: Iterable[Document], model: str, jobs: int, chunk: int) -> Iterator[Extraction]:
    """Parse *and* extract in ``jobs`` worker processes; only records come back, in order.

    Why not ``nlp.pipe(n_process=...)``: it sends every parsed Doc back to this process
    (serialised) and leaves extraction here, so two cores gave about 1.5x; extracting in
    the workers leaves this process only the mapping. At most ``4 * jobs`` chunks are in
    flight, so memory does not grow with the corpus.
    """
    import multiprocessing

    global _worker_nlp
    _worker_nlp = load(model)  # fails here, with the install hint, before any worker starts
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    window: deque = deque()
    with context.Pool(jobs, initializer=_start_worker, initargs=(model,)) as pool:
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) == chunk:
                window.append(pool.apply_async(_extract_chunk, (batch,)))
                batch = []
                while len(window) >= 4 * jobs:
                    yield from window.popleft().get()
        if batch:
            window.append(pool.apply_async(_extract_chunk, (batch,)))
        while window:
            yield from window.popleft().get()
    _worker_nlp = None


def build(paths: Iterable[str | Path], model: str = DEFAULT_MODEL, base: str = DEFAULT_BASE, jobs: int = 1,
          on_problem: Callable[[Problem], None] | None = None,
          progress: Callable[[Iterable[Extraction]], Iterable[Extraction]] | None = None,
          sink: Sink | None = None, report: BuildReport | None = None, scheduler: object = None) -> Dataset:
    """The knowledge graph of the articles in files and folders, as an rdflib ``Dataset`` whose
    default graph is the union of its named graphs (one per article, one for the entities).

    What the build did (documents, inputs skipped, warnings, counts) goes into ``report`` when
    one is given; see :func:`build_graphs` for ``sink`` and ``scheduler``.
    """
    return to_dataset(build_graphs(paths, model, base, jobs, on_problem, progress, sink, report, scheduler))


def build_graphs(paths: Iterable[str | Path], model: str = DEFAULT_MODEL, base: str = DEFAULT_BASE, jobs: int = 1,
                 on_problem: Callable[[Problem], None] | None = None,
                 progress: Callable[[Iterable[Extraction]], Iterable[Extraction]] | None = None,
                 sink: Sink | None = None, report: BuildReport | None = None, scheduler: object = None,
                 batch_size: int = 16) -> list[NamedGraph]:
    """Named graphs (one per document, then the entities) from files and folders; see :func:`graphs_of`."""
    return graphs_of(read_documents(paths), model, base, jobs, on_problem, progress, sink, report, scheduler,
                     batch_size)


def graphs_of(items: Iterable[Document | Problem], model: str = DEFAULT_MODEL, base: str = DEFAULT_BASE,
              jobs: int = 1, on_problem: Callable[[Problem], None] | None = None,
              progress: Callable[[Iterable[Extraction]], Iterable[Extraction]] | None = None,
              sink: Sink | None = None, report: BuildReport | None = None, scheduler: object = None,
              batch_size: int = 16) -> list[NamedGraph]:
    """Named graphs (one per document, then the entities) from documents as a reader yields them;
    bad inputs (the reader's problems) are reported, never fatal here.

    With a ``sink``, documents it already holds unchanged are not parsed, every other
    document's graph goes to it as soon as it is mapped (and is not kept), and no graphs
    are returned. With a ``scheduler`` (a Dask address or client) the parsing and extraction
    run on that cluster; the mapping, and so the graph, stay here and are the same.
    """
    report = report if report is not None else BuildReport()
    mapper = Mapper(base)

    def documents() -> Iterator[Document]:
        for item in items:
            if isinstance(item, Problem):
                if not item.info:
                    report.problems.append(item)
                if on_problem:
                    on_problem(item)
                continue
            if sink is not None:
                item, notice = sink.claim(item)
                if notice and on_problem:
                    on_problem(Problem(item.source, notice, skipped=False))
            if sink is not None and sink.unchanged(item):
                report.unchanged += 1
                continue
            report.words += len(item.text.split())
            report.summaries += item.summary_only
            yield item

    stream: Iterable[Extraction] = extractions(documents(), model=model, jobs=jobs, batch_size=batch_size,
                                               scheduler=scheduler)
    if progress is not None:
        stream = progress(stream)
    for extraction in stream:
        graph = mapper.add(extraction)
        report.documents += 1
        report.warnings.extend(extraction.warnings)
        if sink is not None:
            sink.write(graph.identifier, graph, mapper.document_entities(extraction))
            del mapper.graphs[graph.identifier]  # the sink has it
    report.statements, report.roles = mapper.counts["statements"], mapper.counts["roles"]
    if sink is not None:
        report.entities = sink.finish()
        return []
    graphs = mapper.named_graphs()
    report.entities = mapper.counts["entities"]
    return graphs


def progress_bar(total: int | None) -> Callable[[Iterable[Extraction]], Iterable[Extraction]]:
    """A progress bar on a terminal; nothing when stderr is piped."""
    def wrap(stream: Iterable[Extraction]) -> Iterable[Extraction]:
        if not sys.stderr.isatty():
            return stream
        from tqdm import tqdm

        return tqdm(stream, total=total, unit="doc", desc="building", file=sys.stderr)
    return wrap
