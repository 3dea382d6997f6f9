"""Stores: incremental builds into Oxigraph on disk and into a real Oxigraph server."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
import requests
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kg import export
from kg.build import BuildReport, build
from kg.cli import main
from kg.rdf.graphs import NamedGraph
from kg.rdf.mapper import union_graph
from kg.store import StoreError, materialise, open_writer
from kg.store.remote import RemoteStore

ARTICLES = {
    "a": ("Joseph R. Biden said on Monday that the talks would continue.\n"
          "\u201cWe will not give up,\u201d said Foreign Secretary David Lammy.\n"),
    "b": ("Joseph Biden told reporters that the deal was close.\n"
          "Prime Minister Keir Starmer said Britain would help.\n"),
    "c": ("Joseph Biden said he was hopeful about the talks.\n"
          "\u201cIt is a good day,\u201d said David Lammy, the Foreign Secretary.\n"),
}


def write(folder: Path, names: str, texts: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text((texts or ARTICLES)[name], encoding="utf-8")
    return folder


def in_memory(*folders: Path) -> Graph:
    dataset = build(folders)
    return union_graph(dataset)


def store_build(store: str | Path, *folders: Path, **options) -> int:
    writer = open_writer(str(store), **options)
    try:
        report = BuildReport()
        build(folders, sink=writer, report=report)
    finally:
        writer.close()
    return report.documents


def stored(store: str | Path) -> Dataset:
    return materialise(str(store))


def graph_names(dataset: Dataset) -> set[str]:
    return {str(g.identifier) for g in dataset.graphs() if len(g)}


def test_store_build_equals_file_build_and_rerun_adds_nothing(tmp_path):
    folder = write(tmp_path / "ab", "ab")
    store = tmp_path / "store"
    assert store_build(store, folder) == 2
    first = stored(store)
    assert isomorphic(union_graph(first), in_memory(folder))
    assert graph_names(first) == {"https://example.org/kg/doc/a", "https://example.org/kg/doc/b",
                                  "https://example.org/kg/graph/entities"}
    assert store_build(store, folder) == 0  # nothing parsed
    again = stored(store)
    assert sorted(again.quads()) == sorted(first.quads())


def test_adding_documents_later_is_isomorphic_to_building_all_at_once(tmp_path):
    """Entity labels are recomputed: "Joseph Biden" (two documents) wins over "Joseph R. Biden" once c is added."""
    part_a, part_bc = write(tmp_path / "a", "a"), write(tmp_path / "bc", "bc")
    store = tmp_path / "store"
    store_build(store, part_a)
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    biden = URIRef("https://example.org/kg/person/joseph-biden")
    assert {str(o) for o in union_graph(stored(store)).objects(biden, label)} == {"Joseph R. Biden"}
    assert store_build(store, part_bc) == 2
    merged = union_graph(stored(store))
    assert isomorphic(merged, in_memory(part_a, part_bc))
    assert {str(o) for o in merged.objects(biden, label)} == {"Joseph Biden"}
    at_once = tmp_path / "at-once"
    store_build(at_once, write(tmp_path / "abc", "abc"))
    assert isomorphic(merged, union_graph(stored(at_once)))


def test_changed_document_replaces_its_graph(tmp_path):
    folder = write(tmp_path / "in", "ab")
    store = tmp_path / "store"
    store_build(store, folder)
    (folder / "b.txt").write_text(ARTICLES["c"], encoding="utf-8")
    assert store_build(store, folder) == 1  # only the changed one is parsed
    after = stored(store)
    doc_b = after.graph(URIRef("https://example.org/kg/doc/b"))
    texts = " ".join(str(o) for o in doc_b.objects(None, URIRef("https://schema.org/text")))
    assert "good day" in texts and "deal was close" not in texts
    assert isomorphic(union_graph(after), in_memory(folder))  # Starmer, now in no document, is gone
    assert not any("keir-starmer" in str(s) for s in union_graph(after).subjects())
    # queries see the store's default graph: the merge of its named graphs, kept up to date
    from kg.query import run
    from kg.store import open_dataset

    answered = {tuple(str(t) for t in row) for row in run(open_dataset(str(store)), "SELECT ?s ?p ?o { ?s ?p ?o }")}
    assert answered == {tuple(str(t) for t in triple) for triple in in_memory(folder)}


def test_cli_store_query_and_export_round_trip(tmp_path, capsys):
    folder = write(tmp_path / "in", "abc")
    store = tmp_path / "store"
    assert main(["build", str(folder), "--store", str(store), "--quiet"]) == 0
    assert main(["build", str(folder), "--out", str(tmp_path / "file.nq"), "--quiet"]) == 0
    expected = union_graph(export.read(tmp_path / "file.nq"))
    for suffix in (".nq", ".trig", ".ttl", ".jsonld"):
        out = tmp_path / f"export{suffix}"
        assert main(["export", "--store", str(store), "--out", str(out)]) == 0
        assert isomorphic(union_graph(export.read(out)), expected), suffix
    capsys.readouterr()
    query = str(Path(__file__).parent.parent / "queries" / "said_by.rq")
    assert main(["query", query, "--store", str(store), "--param", "name=David Lammy", "--format", "csv"]) == 0
    from_store = capsys.readouterr().out
    assert main(["query", query, "--graph", str(tmp_path / "file.nq"), "--param", "name=David Lammy", "--format", "csv"]) == 0
    from_file = capsys.readouterr().out
    assert sorted(from_store.splitlines()) == sorted(from_file.splitlines())
    assert "David Lammy" in from_store and "Biden" not in from_store
    with pytest.raises(SystemExit):
        main(["query", query])  # --graph or --store is required
    assert main(["query", query, "--store", str(tmp_path / "nowhere")]) == 1


@pytest.fixture(scope="module")
def articles_graph_and_store(tmp_path_factory) -> tuple[Path, Path]:
    """The test articles and the seed built once into a graph file and once into a store."""
    out = tmp_path_factory.mktemp("articles")
    texts = [str(Path(__file__).parent / "articles"), str(Path(__file__).parent.parent / "seeds")]
    assert main(["build", *texts, "--out", str(out / "graph.nq"), "--quiet"]) == 0
    assert main(["build", *texts, "--store", str(out / "store"), "--quiet"]) == 0
    return out / "graph.nq", out / "store"


@pytest.mark.parametrize("query", sorted(p.name for p in (Path(__file__).parent.parent / "queries").glob("*.rq")))
def test_a_store_and_a_graph_file_print_the_same_answers(query, articles_graph_and_store, capsys):
    """Oxigraph answers and writes ``kg query --store``, rdflib ``--graph``: same rows, same order, same bytes."""
    graph, store = articles_graph_and_store
    path = str(Path(__file__).parent.parent / "queries" / query)
    for fmt in ("csv", "tsv", "table", "json"):
        capsys.readouterr()
        assert main(["query", path, "--graph", str(graph), "--format", fmt]) == 0
        from_file = capsys.readouterr().out
        assert main(["query", path, "--store", str(store), "--format", fmt]) == 0
        from_store = capsys.readouterr().out
        if fmt == "json":  # the same JSON value; the writers space it differently
            assert json.loads(from_store) == json.loads(from_file)
        else:
            assert from_store == from_file, fmt
    assert from_file.count('"bindings"') == 1 and '"value"' in from_file or query == "accused_by.rq"


# -- remote: a real Oxigraph server ----------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def oxigraph_server(tmp_path):
    binary = shutil.which("oxigraph") or str(Path(__import__("sys").executable).parent / "oxigraph")
    if not Path(binary).exists():
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "server"), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                requests.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1)
                break
            except requests.ConnectionError:
                if process.poll() is not None:
                    pytest.fail(f"oxigraph serve exited: {process.stderr.read().decode()[:300]}")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_remote_store_on_a_real_oxigraph_server(tmp_path, oxigraph_server):
    gsp = f"{oxigraph_server}/store"
    ledger = tmp_path / "ledger.sqlite"
    store_build(gsp, write(tmp_path / "a", "a"), ledger_path=ledger)
    assert store_build(gsp, write(tmp_path / "bc", "bc"), ledger_path=ledger) == 2
    assert store_build(gsp, tmp_path / "a", tmp_path / "bc", ledger_path=ledger) == 0
    remote = stored(gsp)
    assert isomorphic(union_graph(remote), in_memory(tmp_path / "a", tmp_path / "bc"))
    counts = RemoteStore(gsp).graph_counts()
    assert counts["https://example.org/kg/doc/a"] == len(remote.graph(URIRef("https://example.org/kg/doc/a")))
    assert main(["query", "SELECT * { ?s ?p ?o }", "--store", gsp]) == 1  # one clear line: query the server itself
    with pytest.raises(StoreError, match="ledger"):
        open_writer(gsp, ledger_path=tmp_path / "other-ledger.sqlite")  # a store with documents needs its ledger


class Flaky(BaseHTTPRequestHandler):
    """Fails twice with 503, then accepts; a 400 is never retried."""

    calls: list[str] = []

    def do_PUT(self):  # noqa: N802 (http.server's name)
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        Flaky.calls.append(self.path)
        status = 503 if len(Flaky.calls) <= 2 else (400 if "bad" in self.path else 204)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_transient_failures_are_retried_and_others_are_not():
    server = HTTPServer(("127.0.0.1", 0), Flaky)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        Flaky.calls.clear()
        remote = RemoteStore(f"http://127.0.0.1:{server.server_port}/store", backoff=0.01)
        triple = (URIRef("urn:s"), URIRef("urn:p"), URIRef("urn:o"))
        remote.replace_graphs([NamedGraph(URIRef("urn:g"), [triple])])
        assert len(Flaky.calls) == 3 and remote.retries == 2
        with pytest.raises(StoreError, match="HTTP 400"):
            remote.replace_graphs([NamedGraph(URIRef("urn:bad"), [triple])])
        assert len(Flaky.calls) == 4
    finally:
        server.shutdown()
        server.server_close()
    dead = RemoteStore(f"http://127.0.0.1:{free_port()}/store", attempts=3, backoff=0.01)
    with pytest.raises(StoreError, match="gave up after 3 attempts"):
        dead.hashes()


def test_two_jobs_build_the_same_graph(tmp_path):
    folder = write(tmp_path / "in", "abc")
    one = build([folder])
    two = build([folder], jobs=2)
    assert sorted(one.quads()) == sorted(two.quads())


def test_a_file_of_the_same_name_from_another_folder_does_not_replace_a_stored_article(tmp_path, monkeypatch):
    """Issue 18 D3: ``2023/report.txt`` then ``2024/report.txt`` into one store kept only the 2024 article."""
    texts = {"report": "Ana Ruiz said the harvest of the first year was poor.\n"}
    first = write(tmp_path / "2023", "x", {"x": texts["report"]})
    (first / "x.txt").rename(first / "report.txt")
    second = tmp_path / "2024"
    second.mkdir()
    (second / "report.txt").write_text("Bo Li said the harvest of the next year was rich.\n", encoding="utf-8")
    store = tmp_path / "store"
    assert store_build(store, first) == 1
    assert store_build(store, second) == 1
    names = graph_names(stored(store))
    assert {n.rsplit("/", 1)[-1] for n in names} >= {"report", "2024_report"}
    # Rebuilding either folder, from another working directory too, changes nothing: each file keeps its id.
    monkeypatch.chdir(second)
    assert store_build(store, Path(".")) == 0
    assert store_build(store, first) == 0
    # The same file with new text is the same article, replaced under its id.
    (second / "report.txt").write_text("Bo Li said the harvest of the next year was very rich.\n", encoding="utf-8")
    assert store_build(store, second) == 1
    assert graph_names(stored(store)) == names


def test_a_bound_parameter_goes_into_the_query_as_the_engine_reads_it(tmp_path, capsys):
    """Issue 18 D8: --param was written after the first 'WHERE {' even inside a comment, and '#' lines inside
    a long string were blanked: one query gave 1 row from --graph, 29 from --store, or a syntax error."""
    folder = write(tmp_path / "in", "abc")
    store = tmp_path / "store"
    assert main(["build", str(folder), "--store", str(store), "--quiet"]) == 0
    assert main(["build", str(folder), "--out", str(tmp_path / "file.nq"), "--quiet"]) == 0
    query = tmp_path / "tricky.rq"
    query.write_text('# not here: WHERE { \nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n'
                     'SELECT DISTINCT ?who ?note WHERE {\n  ?who rdfs:label ?name .\n'
                     '  BIND("""a note\n# that is no comment""" AS ?note)\n}\n', encoding="utf-8")
    capsys.readouterr()
    answers = []
    for source in (["--store", str(store)], ["--graph", str(tmp_path / "file.nq")]):
        assert main(["query", str(query), *source, "--param", "name=David Lammy", "--format", "csv"]) == 0
        answers.append(sorted(capsys.readouterr().out.splitlines()))
    assert answers[0] == answers[1]
    text = "\n".join(answers[0])
    assert "david-lammy" in text and "# that is no comment" in text and "biden" not in text


class Odd(BaseHTTPRequestHandler):
    """A query endpoint that answers 200 with JSON that is no SPARQL result."""

    body = b"[]"

    def do_POST(self):  # noqa: N802 (http.server's name)
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(Odd.body)))
        self.end_headers()
        self.wfile.write(Odd.body)

    def log_message(self, *args):
        pass


@pytest.mark.parametrize("body", [b"[]", b'{"results": {"bindings": [{"doc": {"type": "uri"}}]}}',
                                  b'{"results": {"bindings": [["x"]]}}', b'{"results": {"bindings": 7}}'])
def test_a_query_endpoint_answering_odd_json_is_one_clear_error(body):
    """Issue 18 D22: '[]' or bindings without a 'value' were a traceback."""
    Odd.body = body
    server = HTTPServer(("127.0.0.1", 0), Odd)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        remote = RemoteStore(f"http://127.0.0.1:{server.server_port}/store",
                             query_endpoint=f"http://127.0.0.1:{server.server_port}/query", attempts=1)
        with pytest.raises(StoreError, match="not a SPARQL JSON result"):
            remote.hashes()
    finally:
        server.shutdown()
        server.server_close()
