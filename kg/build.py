"""The build: documents -> spaCy Docs (one stream) -> extractors -> records -> RDF.

Memory: documents are read lazily and parsed in batches by ``nlp.pipe``; only the
graph itself grows with the corpus.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from kg.documents import Problem, read_documents
from kg.extract import extract
from kg.nlp import DEFAULT_MODEL, load, parse
from kg.rdf.iris import DEFAULT_BASE
from kg.rdf.mapper import Mapper
from kg.records import Document, Extraction


@dataclass
class BuildReport:
    documents: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    words: int = 0

    def summary(self, mapper: Mapper, triples: int) -> str:
        return (f"{self.documents} documents, {mapper.counts['entities']} entities, "
                f"{mapper.counts['statements']} statements, {mapper.counts['roles']} roles, {triples} triples"
                + (f"; {len(self.problems)} skipped" if self.problems else ""))


def extractions(documents: Iterable[Document], model: str = DEFAULT_MODEL, jobs: int = 1,
                batch_size: int = 16) -> Iterator[Extraction]:
    """Parse and extract a stream of documents, in order, with the model loaded once."""
    nlp = load(model)
    pending: list[Document] = []

    def texts() -> Iterator[str]:
        for document in documents:
            pending.append(document)
            yield document.text

    for doc in parse(nlp, texts(), batch_size=batch_size, n_process=jobs):
        document = pending.pop(0)
        yield extract(doc, document)


def build(paths: Iterable[str | Path], model: str = DEFAULT_MODEL, base: str = DEFAULT_BASE, jobs: int = 1,
          on_problem: Callable[[Problem], None] | None = None,
          progress: Callable[[Iterable[Extraction]], Iterable[Extraction]] | None = None,
          ) -> tuple[Dataset, Mapper, BuildReport]:
    """Build a dataset from files and folders; bad inputs are reported, never fatal here."""
    report = BuildReport()
    mapper = Mapper(base)

    def documents() -> Iterator[Document]:
        for item in read_documents(paths):
            if isinstance(item, Problem):
                report.problems.append(item)
                if on_problem:
                    on_problem(item)
                continue
            report.words += len(item.text.split())
            yield item

    stream: Iterable[Extraction] = extractions(documents(), model=model, jobs=jobs)
    if progress is not None:
        stream = progress(stream)
    for extraction in stream:
        mapper.add(extraction)
        report.documents += 1
        report.warnings.extend(extraction.warnings)
    return mapper.finish(), mapper, report


def progress_bar(total: int | None) -> Callable[[Iterable[Extraction]], Iterable[Extraction]]:
    """A progress bar on a terminal; nothing when stderr is piped."""
    def wrap(stream: Iterable[Extraction]) -> Iterable[Extraction]:
        if not sys.stderr.isatty():
            return stream
        from tqdm import tqdm

        return tqdm(stream, total=total, unit="doc", desc="building", file=sys.stderr)
    return wrap
