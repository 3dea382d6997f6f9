"""Whatever the text, the graph is valid: property-based tests of reading, extraction, mapping and every format.

Hypothesis writes the articles (names with apostrophes, hyphens, diacritics and other scripts;
emoji and other characters outside the Basic Multilingual Plane; control characters and lone
surrogates, which JSON can carry) and the ids and titles they arrive with. Each goes the way a
real article goes: a JSON Lines record on disk -> kg.documents -> spaCy -> extractors -> mapper,
then out through Turtle, N-Triples, TriG and JSON-LD and back.
"""
from __future__ import annotations

import functools
import json
import re
import tempfile
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.term import _is_valid_uri

from kg import export
from kg.documents import Problem, read_documents
from kg.extract import extract
from kg.rdf.graphs import to_dataset
from kg.rdf.mapper import Mapper
from kg.rdf.namespaces import KG, NIF, PROV, SDO

BASE = "https://example.org/kg/"
KNOWN_NAMESPACES = (BASE, "https://schema.org/", "http://www.w3.org/", "https://w3id.org/kg/ns#",
                    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
# RFC 3987: no space, control character or <>"{}|\^` anywhere in an IRI.
IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|\\^`\x7f-\x9f]+")
PROFILE = settings(max_examples=30, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@functools.cache
def nlp():
    """The spaCy pipeline, loaded once for the whole session."""
    from kg.nlp import load

    return load()


# -- what Hypothesis writes -----------------------------------------------------------------------
TRICKY_NAMES = ["Seán O'Brien", "Jean-Luc Mélenchon", "Volodymyr Zelenskyy", "Володимир Зеленський",
                "Zoë D’Arcy-Smith", "Nguyễn Thị Minh Khai", "Björn Ångström", "Mary-Kate O’Neil", "Łukasz Żółć",
                "Αλέξης Τσίπρας", "José María Aznar", "Recep Tayyip Erdoğan", "Ngozi Okonjo-Iweala"]
LETTERS = st.characters(categories=["Lu", "Ll"], max_codepoint=0x52F)  # Latin, Greek, Cyrillic and their accents
WORD = st.builds(lambda first, rest, joiner: first.upper() + rest + joiner,
                 LETTERS, st.text(LETTERS, min_size=1, max_size=8), st.sampled_from(["", "", "", "-", "'", "’"]))
NAMES = st.one_of(st.sampled_from(TRICKY_NAMES),
                  st.builds(lambda a, b: (a + " " + b).replace("- ", "-").strip("-'’ ") or "Ann Lee", WORD, WORD))
ASTRAL = st.sampled_from(["🇺🇦", "🔥", "👍🏽", "👨‍👩‍👧", "𝔸𝔹ℂ", "𝐁𝐫𝐞𝐚𝐤𝐢𝐧𝐠", "𠜎𠜱", "🎉", "😀", "\U0001F9D1\u200D\U0001F692"])
# Every code point, surrogates too (JSON carries them as \ud800 escapes), and the awkward ones often.
ANYTHING = st.text(st.one_of(st.characters(exclude_categories=()),
                             st.sampled_from(["\ud800", "\udfff", "\x00", "\x1b", "\x85", "\u2028", "\ufeff", "\r", "\\"])),
                   max_size=40)
WORDS = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=60)
QUOTES = st.sampled_from([("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("„", "“"), ("“", "")])


@st.composite
def articles(draw) -> str:
    """News-like paragraphs (a quotation with a cue, a reported statement) mixed with anything at all."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 4))):
        name = draw(NAMES)
        opening, closing = draw(QUOTES)
        before = "".join(draw(st.lists(ASTRAL, max_size=3)))
        content = draw(WORDS)
        form = draw(st.integers(0, 3))
        if form == 0:
            paragraphs.append(f"{before} {opening}{content},{closing} said {name}.")
        elif form == 1:
            paragraphs.append(f"{before}{name} said that {content}.")
        elif form == 2:
            paragraphs.append(f"{opening}{content}{closing}")
        else:
            paragraphs.append(draw(ANYTHING))
    return draw(st.sampled_from(["\n", "\r\n", "\n\n", " "])).join(paragraphs)


RECORDS = st.fixed_dictionaries(
    {"id": st.one_of(st.text(min_size=1, max_size=30), ANYTHING.filter(str.strip), st.integers(0, 10**12)),
     "text": articles()},
    optional={"title": ANYTHING, "url": ANYTHING, "date": ANYTHING, "publisher": NAMES})


# -- the pipeline, the way a user's archive goes through it ---------------------------------------
def build_records(records: list[dict]) -> tuple[Dataset, dict[str, str]]:
    """JSON Lines on disk -> reader -> spaCy -> extractors -> mapper; the dataset and each document's text."""
    mapper, texts = map_records(records)
    return mapper.finish(), texts


def map_records(records: list[dict]) -> tuple[Mapper, dict[str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "archive.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        documents = [d for d in read_documents([path]) if not isinstance(d, Problem)]
    mapper = Mapper(BASE)
    for document in documents:
        mapper.add(extract(nlp()(document.text), document))
    return mapper, {d.id: d.text for d in documents}


def every_iri(dataset: Dataset) -> set[URIRef]:
    iris = set()
    for quad in dataset.quads((None, None, None, None)):
        s, p, o, g = quad
        for term in (s, p, o, getattr(g, "identifier", g)):
            if isinstance(term, URIRef):
                iris.add(term)
            if isinstance(term, BNode):
                raise AssertionError(f"blank node {term!r}: every node should be minted")
    return iris


def quads_by_graph(dataset: Dataset) -> dict:
    graphs = defaultdict(set)
    for s, p, o, g in dataset.quads((None, None, None, None)):
        graphs[getattr(g, "identifier", g)].add((s, p, o))
    return {k: v for k, v in graphs.items() if v}


def union(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def assert_round_trips(dataset: Dataset) -> None:
    """Each format parses back to the same graph (the same quads, named graph by named graph)."""
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".ttl", ".nt", ".trig", ".jsonld"):
            path = Path(folder) / f"graph{suffix}"
            export.write(dataset, path)
            back = export.read(path)
            if export.FORMATS[suffix].quads:
                assert quads_by_graph(back) == quads_by_graph(dataset), suffix
            else:
                assert isomorphic(union(back), union(dataset)), suffix


# -- the properties -------------------------------------------------------------------------------
@PROFILE
@given(st.lists(RECORDS, min_size=1, max_size=3))
def test_any_archive_gives_valid_iris_and_round_trips_through_every_format(records):
    dataset, texts = build_records(records)
    for iri in every_iri(dataset):
        assert _is_valid_uri(iri) and IRI.fullmatch(iri), repr(iri)
        assert str(iri).startswith(KNOWN_NAMESPACES), repr(iri)
    if texts:
        assert_round_trips(dataset)


def statement_offsets(records: list[dict]):
    """Each statement's document text, recorded text, offsets, and its sentence's offsets and anchor."""
    dataset, texts = build_records(records)
    ids = {doc: str(dataset.value(doc, SDO.identifier)) for doc in dataset.subjects(SDO.identifier, None)}
    assert set(ids.values()) == set(texts)
    for node in set(dataset.subjects(SDO.author, None)):
        text = texts[ids[dataset.value(node, SDO.isPartOf)]]
        sentence = dataset.value(node, PROV.wasDerivedFrom)
        pieces = sorted((int(dataset.value(p, NIF.beginIndex)), int(dataset.value(p, NIF.endIndex)))
                        for p in dataset.objects(node, KG.contentSegment))
        yield (text, str(dataset.value(node, SDO.text)), pieces,
               int(dataset.value(node, NIF.beginIndex)), int(dataset.value(node, NIF.endIndex)),
               int(dataset.value(sentence, NIF.beginIndex)), int(dataset.value(sentence, NIF.endIndex)),
               str(dataset.value(sentence, NIF.anchorOf)))


@PROFILE
@given(st.lists(RECORDS, min_size=1, max_size=3))
def test_sentence_offsets_point_at_the_recorded_text_whatever_comes_before(records):
    """However many emoji, surrogate pairs, CRLFs or control characters come first, the document's
    text at a source sentence's offsets is that sentence, and each statement lies in its document."""
    for text, _said, _pieces, begin, end, sentence_begin, sentence_end, anchor in statement_offsets(records):
        assert text[sentence_begin:sentence_end] == anchor
        assert 0 <= begin < end <= len(text)


@settings(max_examples=30, deadline=None, database=None, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(st.lists(RECORDS, min_size=1, max_size=3))
def test_statement_offsets_point_at_the_recorded_text(records):
    for text, said, pieces, begin, end, *_sentence in statement_offsets(records):
        pieces = pieces or [(begin, end)]  # a statement the cue splits lists its pieces
        assert " ".join(text[b:e] for b, e in pieces) == said
        assert (pieces[0][0], pieces[-1][1]) == (begin, end)


@PROFILE
@given(st.lists(RECORDS, min_size=1, max_size=2))
def test_the_same_archive_gives_the_same_turtle(records):
    first, _ = build_records(records)
    second, _ = build_records(records)
    fmt = export.FORMATS[".ttl"]
    assert export.serialize(first, fmt) == export.serialize(second, fmt)


@PROFILE
@given(st.lists(RECORDS, min_size=1, max_size=2))
def test_the_build_writes_exactly_what_its_dataset_holds(records):
    """``kg build --out`` writes the mapper's graphs through Oxigraph without an rdflib Dataset;
    the file must be what writing the Dataset gives: the same bytes, the same quads."""
    mapper, _ = map_records(records)
    graphs = mapper.named_graphs()
    dataset = to_dataset(graphs)
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".ttl", ".nt", ".nq", ".trig"):
            direct, via = Path(folder) / f"direct{suffix}", Path(folder) / f"via{suffix}"
            export.write_graphs(graphs, direct)
            export.write(dataset, via)
            if export.FORMATS[suffix].quads:
                assert quads_by_graph(export.read(direct)) == quads_by_graph(dataset), suffix
            else:
                assert direct.read_bytes() == via.read_bytes(), suffix


@settings(max_examples=60, deadline=None, database=None)
@given(st.binary(max_size=300), st.sampled_from([".txt", ".md", ".html", ".jsonl", ""]))
def test_any_bytes_are_a_document_or_one_clear_problem(data, suffix):
    """Random bytes never crash the reader: each input gives documents or problems that name it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        items = list(read_documents([path]))
    for item in items:
        if isinstance(item, Problem):
            assert str(item).startswith(str(path)) and "\n" not in item.reason and item.reason
        else:
            assert item.text.strip() and not re.search(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\r]", item.text)
            item.text.encode("utf-8")  # always encodable: no lone surrogates left
