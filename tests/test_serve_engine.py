"""``kg serve``'s answers below the HTTP layer: Oxigraph's formats, the row limit, what a worker reads from.

Graphs are a few invented triples made here; no server is started.
"""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

pyoxigraph = pytest.importorskip("pyoxigraph")

from kg.serve.engine import MAX_ROWS_HEADER, ROWS_HEADER, TRUNCATED_HEADER, answer  # noqa: E402
from kg.serve.source import Source  # noqa: E402

NAME = "https://schema.org/name"
RESULTS = "{http://www.w3.org/2005/sparql-results#}"
ALL = "SELECT ?s ?n WHERE { ?s <https://schema.org/name> ?n } ORDER BY ?s"


def people(count: int) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    for number in range(count):
        text = f"Person {number:02d}, \"the\"\tsecond\nline" if number == 0 else f"Person {number:02d}"
        store.add(pyoxigraph.Quad(pyoxigraph.NamedNode(f"https://example.org/p{number:02d}"),
                                  pyoxigraph.NamedNode(NAME), pyoxigraph.Literal(text)))
    return store


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                                    "text/tab-separated-values"])
def test_rows_are_cut_at_max_rows_in_every_format(accept: str) -> None:
    reply = answer(people(25), ALL, accept, 10)
    assert reply.status == 200 and reply.content_type.startswith(accept)
    assert (reply.headers[ROWS_HEADER], reply.headers[TRUNCATED_HEADER], reply.headers[MAX_ROWS_HEADER]) == ("10", "true", "10")
    if accept.endswith("json"):
        rows = [b["n"]["value"] for b in json.loads(reply.body)["results"]["bindings"]]
    elif accept.endswith("xml"):
        rows = [r.find(f"{RESULTS}binding[@name='n']/{RESULTS}literal").text
                for r in ET.fromstring(reply.body).iter(f"{RESULTS}result")]
    elif accept == "text/csv":
        rows = [row[1] for row in csv.reader(io.StringIO(reply.body.decode()))][1:]
    else:
        from rdflib.query import Result

        rows = [str(row["n"]) for row in Result.parse(io.BytesIO(reply.body), format="tsv")]
    assert rows == ["Person 00, \"the\"\tsecond\nline"] + [f"Person {n:02d}" for n in range(1, 10)]


def test_an_answer_within_the_limit_is_whole_and_says_so() -> None:
    reply = answer(people(5), ALL, None, 5)
    assert reply.headers[ROWS_HEADER] == "5" and TRUNCATED_HEADER not in reply.headers
    assert len(json.loads(reply.body)["results"]["bindings"]) == 5
    empty = answer(people(5), "SELECT ?x WHERE { ?x <urn:none> ?y }", "text/csv", 5)
    assert (empty.status, empty.headers[ROWS_HEADER], empty.body) == (200, "0", b"x\r\n")


def test_graphs_are_cut_at_max_rows_as_distinct_triples() -> None:
    query = "CONSTRUCT { ?s <urn:kind> 'person' . ?s <https://schema.org/name> ?n } WHERE { ?s <https://schema.org/name> ?n }"
    reply = answer(people(25), query, "application/n-triples", 7)
    triples = Graph().parse(data=reply.body.decode(), format="nt")
    assert len(triples) == 7 and reply.headers[ROWS_HEADER] == "7" and reply.headers[TRUNCATED_HEADER] == "true"
    whole = answer(people(3), query, "text/turtle", 100)
    assert len(Graph().parse(data=whole.body.decode(), format="turtle")) == 6 == int(whole.headers[ROWS_HEADER])


def test_refusals_and_errors_are_one_line() -> None:
    store = people(2)
    cases = {"": 400, "SELEC ?x": 400, "INSERT DATA { <urn:a> <urn:b> <urn:c> }": 403,
             "SELECT * FROM <urn:g> WHERE { ?s ?p ?o }": 400, "SELECT * WHERE { SERVICE <http://h/> { ?s ?p ?o } }": 400,
             "SELECT * WHERE { SERVICE ?where { ?s ?p ?o } }": 400}
    for query, status in cases.items():
        reply = answer(store, query, None, 10)
        assert reply.status == status and reply.body.count(b"\n") == 1, (query, reply.body)
    refused = answer(store, ALL, "image/png", 10)
    assert refused.status == 406 and b"application/sparql-results+json" in refused.body


def test_a_quads_file_answers_over_the_merge_of_its_graphs_as_kg_query_does(tmp_path: Path) -> None:
    """A triple in two named graphs is one triple of the default graph, as rdflib's union reads the file."""
    from kg import export
    from kg.query import run

    person = URIRef("https://example.org/p/ana")
    dataset = Dataset()
    for doc in ("d1", "d2"):
        dataset.graph(URIRef(f"https://example.org/doc/{doc}")).add((person, URIRef(NAME), Literal("Ana Ruiz")))
    dataset.graph(URIRef("https://example.org/doc/d2")).add((person, URIRef(NAME), Literal("A. Ruiz")))
    path = tmp_path / "two.nq"
    export.write(dataset, path)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s <https://schema.org/name> ?name }"
    source = Source.from_file(path)
    served = json.loads(source.handle(source.query(count, None, 10)).body)["results"]["bindings"][0]["n"]["value"]
    assert served == "2" == str(next(iter(run(export.read(path), count)))[0])
    assert source.name == "two.nq: 2 triples"


def test_a_store_is_read_again_once_a_build_has_written_to_it(tmp_path: Path) -> None:
    """A worker keeps its read-only handle while the store is unchanged, and opens a new one after a write."""
    from kg.rdf.graphs import NamedGraph
    from kg.store.local import LocalStore

    def write(doc: str, name: str) -> None:
        store = LocalStore(tmp_path)
        store.replace_graphs([NamedGraph(URIRef(f"https://example.org/doc/{doc}"),
                                         [(URIRef(f"https://example.org/p/{doc}"), URIRef(NAME), Literal(name))])])
        store.close()

    def names(source: Source) -> list[str]:
        reply = source.handle(source.query("SELECT ?n WHERE { ?s <https://schema.org/name> ?n } ORDER BY ?n", "text/csv", 10))
        return reply.body.decode().split("\r\n")[1:-1]

    write("d1", "Ana Ruiz")
    source = Source.from_store(tmp_path)
    assert names(source) == ["Ana Ruiz"]
    first = source.engine()
    assert source.engine() is first, "unchanged: the same handle"
    write("d2", "Ben Okafor")
    assert names(source) == ["Ana Ruiz", "Ben Okafor"]
    assert source.engine() is not first


@pytest.mark.parametrize("shape", ["{ ", "( ", "[ <urn:p> "])
def test_brackets_nested_past_the_limit_are_refused_before_oxigraph_parses_them(shape: str) -> None:
    """2,000 nested blank nodes overflow Oxigraph's parser stack (found by the fuzzer: the worker died, a 500)."""
    from kg.serve.engine import MAX_NESTING

    closing = {"{ ": " }", "( ": " )", "[ <urn:p> ": " ]"}[shape]
    core = {"{ ": "?s ?p ?o", "( ": "?o", "[ <urn:p> ": "<urn:o>"}[shape]

    def query(depth: int) -> str:
        nested = shape * depth + core + closing * depth
        if shape == "{ ":
            return f"SELECT * WHERE {nested}"
        return f"SELECT * WHERE {{ ?s ?p ?o FILTER {nested} }}" if shape == "( " else f"ASK {{ ?s <urn:p> {nested} }}"

    refused = answer(people(2), query(3_000), None, 10)
    assert refused.status == 400 and b"nested 3" in refused.body
    assert answer(people(2), query(MAX_NESTING - 2), None, 10).status == 200
