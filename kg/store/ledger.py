"""The ledger: what each stored document says of its entities, so entities merge across runs.

The entity graph gives each entity the name most documents use. A store that is built
in several runs must therefore remember, per document, which names it used (and how
often) and its aliases: when a document is added or replaced, the entity graph is
recomputed from all documents' entries, and is the same as a build of them all at once.
The RDF itself stays exactly what a file build writes; this bookkeeping lives beside it,
in SQLite (one transaction per batch of documents).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from rdflib import URIRef

from kg.rdf.mapper import EntityFacts

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (doc TEXT PRIMARY KEY, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS names (doc TEXT NOT NULL, entity TEXT NOT NULL, kind TEXT NOT NULL,
                                  name TEXT NOT NULL, uses INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS aliases (doc TEXT NOT NULL, entity TEXT NOT NULL, alias TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (doc TEXT PRIMARY KEY, source TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS names_doc ON names (doc);
CREATE INDEX IF NOT EXISTS aliases_doc ON aliases (doc);
"""


class Ledger:
    """Per-document content hashes and entity facts, in one SQLite file.

    Examples:
        >>> from collections import Counter
        >>> ledger = Ledger(":memory:")
        >>> bob = URIRef("https://example.org/kg/person/bob-lee")
        >>> ledger.record([("d1", "h1", {bob: EntityFacts("PERSON", Counter({"Bob Lee": 1}))}),
        ...                ("d2", "h2", {bob: EntityFacts("PERSON", Counter({"Robert Lee": 1}), {"Bob"})})])
        >>> facts = ledger.entities()[bob]
        >>> sorted(facts.names.items()), sorted(facts.aliases)
        ([('Bob Lee', 1), ('Robert Lee', 1)], ['Bob'])
        >>> ledger.hashes()
        {'d1': 'h1', 'd2': 'h2'}
    """

    def __init__(self, path: str | Path) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path))
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def hashes(self) -> dict[str, str]:
        """Document IRI -> content hash, for every document the ledger has recorded."""
        return dict(self.db.execute("SELECT doc, hash FROM documents"))

    def sources(self) -> dict[str, str]:
        """Document IRI -> the file it was read from, for documents read from files (not JSONL records)."""
        return dict(self.db.execute("SELECT doc, source FROM sources"))

    def record_sources(self, sources: dict[str, str]) -> None:
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO sources VALUES (?, ?)", sources.items())

    def record(self, documents: Iterable[tuple[str, str, dict[URIRef, EntityFacts]]]) -> None:
        """Replace the entries of each (document IRI, content hash, entity facts), all in one transaction."""
        with self.db:
            for doc, content_hash, facts in documents:
                for table in ("documents", "names", "aliases"):
                    self.db.execute(f"DELETE FROM {table} WHERE doc = ?", (doc,))
                self.db.execute("INSERT INTO documents VALUES (?, ?)", (doc, content_hash))
                self.db.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", [
                    (doc, str(iri), one.kind, name, uses) for iri, one in facts.items() for name, uses in one.names.items()])
                self.db.executemany("INSERT INTO aliases VALUES (?, ?, ?)", [
                    (doc, str(iri), alias) for iri, one in facts.items() for alias in one.aliases])

    def entities(self) -> dict[URIRef, EntityFacts]:
        """Every entity's facts summed over all recorded documents: what one build of them all sees."""
        out: dict[URIRef, EntityFacts] = {}
        rows = self.db.execute("SELECT entity, MIN(kind), name, SUM(uses) FROM names GROUP BY entity, name")
        for entity, kind, name, uses in rows:
            out.setdefault(URIRef(entity), EntityFacts(kind)).names[name] += uses
        for entity, alias in self.db.execute("SELECT DISTINCT entity, alias FROM aliases"):
            if URIRef(entity) in out:
                out[URIRef(entity)].aliases.add(alias)
        return out
