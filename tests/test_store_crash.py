"""The store survives SIGKILL mid-build: it reopens, holds only whole documents, and a re-run completes it.

A real ``kg build --store`` subprocess adds 200 generated articles to a store that
already holds a few; it is killed with SIGKILL once the store shows progress (its
ledger has recorded a batch), three times at different moments, and then allowed to
finish. After every kill the store is opened as the next build would open it and
checked against a clean build of all the articles: every document graph it holds is
whole (its document node, its content hash, and exactly the triples the clean build
gives that document), the ledger names only stored documents, and the default graph
is still the merge of the named graphs. The finished store equals the clean build.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef
from rdflib.compare import isomorphic

pytest.importorskip("pyoxigraph", reason="the store needs pyoxigraph: make install")
import pyoxigraph as ox  # noqa: E402

from kg.store import materialise  # noqa: E402
from kg.store.local import MERGED, database  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CONTENT_HASH = URIRef("https://w3id.org/kg/ns#contentHash")
RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
ENTITIES = "https://example.org/kg/graph/entities"
DOC = "https://example.org/kg/doc/"
FIRST = ["Anna", "David", "Maria", "James", "Sofia", "Peter", "Laura", "Omar", "Elena", "Tomas"]
LAST = ["Keller", "Okafor", "Lindqvist", "Moreau", "Haddad", "Novak", "Brennan", "Tanaka", "Rossi", "Quinn"]
TITLES = ["Foreign Minister", "Finance Minister", "Mayor", "Chief Executive", "Health Secretary"]
PLACES = ["Norway", "Chile", "Kenya", "Portugal", "Canada", "Vietnam"]
TOPICS = ["the port", "the budget", "the new bridge", "the water supply", "the trade talks", "the rail strike"]
BATCH = 64  # kg.store.StoreWriter's default batch: the ledger records whole batches


def kg_command() -> list[str]:
    script = Path(sys.executable).parent / "kg"
    return [str(script)] if script.exists() else [sys.executable, "-m", "kg"]


def article(i: int) -> str:
    """A short news item: a post, a direct quotation and reported speech, people recurring across items."""
    a, b = f"{FIRST[i % 10]} {LAST[(i * 3) % 10]}", f"{FIRST[(i + 4) % 10]} {LAST[(i * 7 + 1) % 10]}"
    title, place, topic = TITLES[i % 5], PLACES[i % 6], TOPICS[(i // 2) % 6]
    return (f"{title} {a} of {place} said on Monday that work on {topic} would resume in week {i % 52 + 1}.\n"
            f"\u201cWe owe it to the people of {place} to finish {topic},\u201d {a.split()[1]} told reporters.\n"
            f"{b}, a spokesperson for the council, said the plan number {i} was not yet agreed.\n")


def write_corpus(folder: Path, numbers: range) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in numbers:
        (folder / f"item{i:04d}.txt").write_text(article(i), encoding="utf-8")
    return folder


def build(store: Path, *folders: Path) -> None:
    subprocess.run([*kg_command(), "build", *map(str, folders), "--store", str(store), "--quiet"], cwd=ROOT, check=True,
                   timeout=600)


def ledger_count(store: Path) -> int:
    """Documents the ledger has recorded, read while a build may be writing it (retried while locked)."""
    path = store / "ledger.sqlite"
    for _ in range(50):
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.2) as db:
                return db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        except sqlite3.OperationalError:  # not created yet, or locked by the writer's commit
            time.sleep(0.02)
    return 0


def build_killed(store: Path, folders: list[Path], after_progress: float) -> tuple[bool, int]:
    """Start a build, SIGKILL it ``after_progress`` seconds after its first batch reaches the ledger.

    Returns whether it was killed (False: it finished first) and the ledger's count when it was.
    """
    start = ledger_count(store)
    process = subprocess.Popen([*kg_command(), "build", *map(str, folders), "--store", str(store), "--quiet"],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 300
        while ledger_count(store) <= start and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(after_progress)
        if process.poll() is not None:
            assert process.returncode == 0, process.stderr.read().decode()[-2000:]
            return False, ledger_count(store)
        os.kill(process.pid, signal.SIGKILL)
        code = process.wait(30)
        if code == 0:  # it finished between the poll and the kill
            return False, ledger_count(store)
        assert code == -signal.SIGKILL
        return True, ledger_count(store)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(30)
        process.stderr.close()


def graphs_of(dataset: Dataset) -> dict[str, object]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def check_whole(store: Path, clean: dict[str, object], merged_is_current: bool = True) -> set[str]:
    """The store opens as a writer would open it, and holds only whole documents: the documents it holds.

    ``merged_is_current``: the default graph is also the merge of the named graphs (what
    ``kg query --store`` reads); a kill inside a graph's replacement may leave it stale
    until the next run.
    """
    writable = ox.Store(str(database(store)))  # RocksDB recovers its log here, as the next build's open does
    named = {q.triple for q in writable if q.graph_name != MERGED}
    merged = {q.triple for q in writable.quads_for_pattern(None, None, None, MERGED)}
    del writable
    if merged_is_current:
        assert merged - named == set(), "the default graph holds triples that no named graph holds"
        assert named - merged == set(), "the default graph lacks triples of the named graphs"
    held = graphs_of(materialise(str(store)))
    documents = {iri for iri in held if iri.startswith(DOC)}
    for iri in documents:
        graph, expected = held[iri], clean[iri]
        doc = URIRef(iri)
        assert (doc, CONTENT_HASH, None) in graph and (doc, RDF_TYPE, None) in graph, f"{iri}: no document node or hash"
        assert len(graph) == len(expected), f"{iri}: {len(graph)} triples, a clean build gives {len(expected)}"
        assert isomorphic(graph, expected), f"{iri}: not the graph a clean build gives it"
    return documents


def ledger_agrees(store: Path) -> bool:
    """The ledger records exactly the stored documents with their stored hashes (true after a finished build)."""
    with sqlite3.connect(f"file:{store / 'ledger.sqlite'}?mode=ro", uri=True) as db:
        recorded = dict(db.execute("SELECT doc, hash FROM documents"))
    held = graphs_of(materialise(str(store)))
    stored = {iri: str(next(graph.objects(URIRef(iri), CONTENT_HASH))) for iri, graph in held.items() if iri.startswith(DOC)}
    return recorded == stored


def test_a_store_build_killed_midway_keeps_whole_documents_and_a_rerun_completes_it(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "first", range(5))
    more = write_corpus(tmp_path / "more", range(5, 205))
    clean_store = tmp_path / "clean"
    build(clean_store, first, more)
    clean = graphs_of(materialise(str(clean_store)))
    all_documents = {iri for iri in clean if iri.startswith(DOC)}
    assert len(all_documents) == 205 and ENTITIES in clean

    store = tmp_path / "store"
    build(store, first)
    assert check_whole(store, clean) == {f"{DOC}item{i:04d}" for i in range(5)}

    kills = []
    for delay in (0.0, 0.15, 0.4):  # just after a batch is recorded (parsing the next), then later moments
        killed, recorded = build_killed(store, [first, more], delay)
        held = check_whole(store, clean)
        if not killed:
            break
        kills.append((delay, recorded, len(held)))
    assert kills and kills[0][1] >= 5 + BATCH, f"the first build was not killed after progress: {kills}"
    assert kills[0][2] < len(all_documents), f"the first build was killed after it had stored everything: {kills}"

    build(store, first, more)  # the re-run completes it
    assert check_whole(store, clean) == all_documents and ledger_agrees(store)
    final = graphs_of(materialise(str(store)))
    assert final.keys() == clean.keys()
    for iri, graph in clean.items():
        assert isomorphic(final[iri], graph), f"{iri} differs from a clean build"
    build(store, first, more)  # and a further run finds nothing to do
    assert graphs_of(materialise(str(store))).keys() == clean.keys()
    print(f"\nkills (delay after progress s, ledger count, documents held): {kills}", file=sys.stderr)


# -- a kill at the worst moments: inside the replacement of a graph that already exists -------------
TRIPWIRE = """
import os, signal, sys
import kg.store.local as local

writes, graph = int(sys.argv[1]), sys.argv[2]
WRITES = ("add", "add_graph", "bulk_extend", "bulk_load", "clear", "clear_graph", "extend", "remove", "remove_graph",
          "update")


def touches(args):
    for arg in args:
        if isinstance(arg, str):
            if graph in arg:
                return True
        elif getattr(arg, "value", None) == graph or getattr(getattr(arg, "graph_name", None), "value", None) == graph:
            return True
        elif isinstance(arg, list) and touches(arg):
            return True
    return False


class Tripwire:
    # The real store, killed with SIGKILL after its n-th write counted from the first that touches the graph.

    def __init__(self, store):
        self._store = store
        self._count = 0

    def __getattr__(self, name):
        method = getattr(self._store, name)
        if name not in WRITES:
            return method

        def write(*args, **kwargs):
            args = [list(a) if not isinstance(a, (str, bytes)) and hasattr(a, "__iter__") else a for a in args]
            if self._count or touches(args):
                self._count += 1
            result = method(*args, **kwargs)
            if self._count == writes:
                os.kill(os.getpid(), signal.SIGKILL)
            return result

        return write


opened = local.LocalStore.__init__


def wired(self, target):
    opened(self, target)
    self.store = Tripwire(self.store)


local.LocalStore.__init__ = wired
from kg.cli import main

sys.exit(main(sys.argv[3:]))
"""
# The entity graph's label for a person changes when a later article names them otherwise
# ("Joseph R. Biden" once, then "Joseph Biden" twice): replacing it must drop the old label.
RENAMED = {
    "a": "Joseph R. Biden said on Monday that the talks would continue.\n",
    "b": "Joseph Biden told reporters that the deal was close.\n",
    "c": "Joseph Biden said he was hopeful about the talks.\n",
    "a2": "Joseph R. Biden said on Tuesday that the talks had stalled.\n",
}


MERGED_LEAK = ("kg.store.local.LocalStore.replace_graphs replaces a stored graph in several transactions "
               "(remove_graph, then extend, then removals from the merged default graph); a SIGKILL between them "
               "leaves the old graph's triples in the default graph, and the re-run cannot tell them from live ones, "
               "so kg query --store keeps answering with them (an old label, an old version's statements)")


@pytest.mark.parametrize("writes", [1, 2])
@pytest.mark.parametrize("replaced", ["entities", "changed document"])
def test_a_kill_inside_a_graph_replacement_is_repaired_by_the_rerun(tmp_path: Path, writes: int, replaced: str) -> None:
    """SIGKILL after the 1st or 2nd store write in replacing a stored graph (the entity graph; a changed article's)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(RENAMED["a"], encoding="utf-8")
    store = tmp_path / "store"
    build(store, folder)
    if replaced == "entities":
        for name in "bc":
            (folder / f"{name}.txt").write_text(RENAMED[name], encoding="utf-8")
        graph = ENTITIES
    else:
        (folder / "a.txt").write_text(RENAMED["a2"], encoding="utf-8")
        graph = f"{DOC}a"
    run = subprocess.run([sys.executable, "-c", TRIPWIRE, str(writes), graph, "build", str(folder), "--store", str(store),
                          "--quiet"], cwd=ROOT, capture_output=True, timeout=600)
    assert run.returncode in (0, -signal.SIGKILL), run.stderr.decode()[-2000:]
    assert writes > 1 or run.returncode == -signal.SIGKILL, "the first write replacing the graph is always reached"
    clean_store = tmp_path / "clean"
    build(clean_store, folder)
    clean = graphs_of(materialise(str(clean_store)))
    check_whole(store, clean, merged_is_current=False)  # whole documents right after the kill
    build(store, folder)  # the re-run repairs it: the named graphs (what kg export writes) equal a clean build
    documents = {iri for iri in clean if iri.startswith(DOC)}
    assert check_whole(store, clean, merged_is_current=False) == documents and ledger_agrees(store)
    final = graphs_of(materialise(str(store)))
    assert final.keys() == clean.keys() and all(isomorphic(final[iri], g) for iri, g in clean.items())
    assert merged_repaired(store), MERGED_LEAK  # the writer rebuilt the merge from the marker a killed batch left
    assert check_whole(store, clean) == documents  # and so does the default graph that kg query --store reads


def merged_repaired(store: Path) -> bool:
    """No triple in the default graph that no named graph holds."""
    writable = ox.Store(str(database(store)))
    named = {q.triple for q in writable if q.graph_name != MERGED}
    merged = {q.triple for q in writable.quads_for_pattern(None, None, None, MERGED)}
    del writable
    return merged <= named
