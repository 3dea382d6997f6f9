"""Events between entities: one sentence per construction, then the RDF and the query."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal

from kg.extract import extract
from kg.extract.entities import extract_entities
from kg.extract.events import PLOVER_TYPES, event_table, extract_events
from kg.query import run
from kg.rdf.mapper import EVENT_TYPES, Mapper
from kg.rdf.namespaces import KG, PROV, RDF, SDO
from kg.records import Document, Event, Extraction

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def parser(nlp):
    """The session's spaCy pipeline (tests/conftest.py)."""
    return nlp


def parse(parser, text: str, doc_id: str = "t") -> Extraction:
    """The pipeline's extraction, with its events kept even when negated or hypothetical."""
    doc = parser(text)
    extraction = extract(doc, Document(doc_id, text))
    extraction.events = extract_events(doc, extract_entities(doc), quotes=extraction.quotes, keep_unrealised=True)
    return extraction


def events_of(parser, text: str) -> list[tuple[str, str, str, str]]:
    """(subject name, trigger, object name, type) for each event the pipeline keeps."""
    doc = parser(text)
    extraction = extract(doc, Document("t", text))
    names = {k: e.name for k, e in extraction.entities.items()}
    return [(names[e.subject], e.trigger, names[e.object], e.type) for e in extraction.events]


def only_event(parser, text: str) -> Event:
    doc = parser(text)
    extraction = extract(doc, Document("t", text))
    assert len(extraction.events) == 1, extraction.events
    return extraction.events[0]


# -- verbs with an entity subject and object -------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Keir Starmer has contacted Donald Trump.", ("Keir Starmer", "contacted", "Donald Trump", "CONSULT")),
    ("Germany arrested Paul Whelan on Monday.", ("Germany", "arrested", "Paul Whelan", "COERCE")),
    ("Senator Maria Lopez accused Governor Tom Hardy of lying about the budget.",
     ("Maria Lopez", "accused", "Tom Hardy", "ACCUSE")),
    ("Angela Merkel met Emmanuel Macron in Paris on Tuesday.",
     ("Angela Merkel", "met", "Emmanuel Macron", "CONSULT")),
    ("Bernie Sanders endorsed Hillary Clinton last July.",
     ("Bernie Sanders", "endorsed", "Hillary Clinton", "SUPPORT")),
    ("Boris Johnson urged Joe Biden to send more weapons.", ("Boris Johnson", "urged", "Joe Biden", "REQUEST")),
    ("Jill Stein, who endorsed Bernie Sanders, spoke on Sunday.",
     ("Jill Stein", "endorsed", "Bernie Sanders", "SUPPORT")),
    ("The Kremlin said that Vladimir Putin had spoken with Donald Trump by phone.",
     ("Vladimir Putin", "spoken", "Donald Trump", "CONSULT")),
])
def test_verb_with_entity_subject_and_object(parser, text, expected):
    assert events_of(parser, text) == [expected]


def test_conjoined_subjects_and_objects_give_one_event_each(parser):
    assert events_of(parser, "Joe Biden met Vladimir Putin and Xi Jinping in June.") == [
        ("Joe Biden", "met", "Vladimir Putin", "CONSULT"), ("Joe Biden", "met", "Xi Jinping", "CONSULT")]
    assert sorted(events_of(parser, "Germany and France condemned Russia on Monday.")) == [
        ("France", "condemned", "Russia", "ACCUSE"), ("Germany", "condemned", "Russia", "ACCUSE")]


def test_reciprocal_verb_with_conjoined_subjects(parser):
    assert events_of(parser, "Joe Biden and Xi Jinping met in California.") == [
        ("Joe Biden", "met", "Xi Jinping", "CONSULT")]


def test_members_named_after_a_group(parser):
    assert events_of(parser, "Olaf Scholz met several European leaders, including Mark Rutte, in Brussels.") == [
        ("Olaf Scholz", "met", "Mark Rutte", "CONSULT")]


def test_attack_between_people_is_verbal(parser):
    assert events_of(parser, "Marco Rubio attacked Ted Cruz over immigration.") == [
        ("Marco Rubio", "attacked", "Ted Cruz", "ACCUSE")]
    assert events_of(parser, "Russia attacked Ukraine in February.") == [
        ("Russia", "attacked", "Ukraine", "ASSAULT")]


def test_adverbial_verb_takes_the_main_subject_but_not_after_an_object(parser):
    assert events_of(parser, "After meeting Vladimir Putin, Joe Biden flew home.") == [
        ("Joe Biden", "meeting", "Vladimir Putin", "CONSULT")]
    # the one who attacked is John Smith, not Jane Doe: no event for *attacking*
    assert events_of(parser, "Jane Doe criticized John Smith for attacking Peter Brown.") == [
        ("Jane Doe", "criticized", "John Smith", "ACCUSE")]


def test_date_is_the_one_in_the_events_own_clause(parser):
    event = only_event(parser, "Maria Lopez, who resigned in March, criticized Tom Hardy on Friday.")
    assert (event.trigger, event.date) == ("criticized", "Friday")


# -- event nouns -------------------------------------------------------------------------------
def test_noun_with_possessive_pronoun_resolves_to_the_speaker(parser):
    assert events_of(parser, "Before his meeting with Mark Rutte, David Lammy said that Europe must stand together.") == [
        ("David Lammy", "meeting", "Mark Rutte", "CONSULT")]


def test_noun_framing_a_clause_takes_its_subject(parser):
    event = only_event(parser, "In an interview with Le Monde on Friday, Emmanuel Macron said that Europe must act.")
    assert (event.trigger, event.type, event.date) == ("interview", "CONSULT", "Friday")


@pytest.mark.parametrize("text, expected", [
    ("Russia's invasion of Ukraine began in 2022.", ("Russia", "invasion", "Ukraine", "ASSAULT")),
    ("The United States imposed sanctions on Iran in May.", ("United States", "sanctions", "Iran", "SANCTION")),
    ("Emmanuel Macron held talks with Olaf Scholz in Berlin.", ("Emmanuel Macron", "talks", "Olaf Scholz", "CONSULT")),
    ("Officials confirmed talks between Russia and Ukraine in Istanbul on Monday.",
     ("Russia", "talks", "Ukraine", "CONSULT")),
])
def test_event_noun_with_its_arguments(parser, text, expected):
    assert events_of(parser, text) == [expected]


# -- passives ------------------------------------------------------------------------------------
def test_passive_with_agent(parser):
    assert events_of(parser, "Iran was sanctioned by the United States in 2018.") == [
        ("United States", "sanctioned", "Iran", "SANCTION")]
    assert events_of(parser, "Crimea, annexed by Russia in 2014, remains occupied.") == [
        ("Russia", "annexed", "Crimea", "ASSAULT")]


def test_passive_without_agent_has_no_subject(parser):
    assert events_of(parser, "Paul Whelan was arrested in Moscow.") == []


# -- what is not an event ----------------------------------------------------------------------
@pytest.mark.parametrize("text, negated, modality", [
    ("Joe Biden did not meet Vladimir Putin.", True, ""),
    ("Joe Biden never met Vladimir Putin.", True, ""),
    ("Joe Biden and Xi Jinping did not meet in California.", True, ""),
    ("Moscow said there were no talks between Russia and Ukraine.", True, ""),
    ("Joe Biden could meet Vladimir Putin next month.", False, "could"),
    ("Joe Biden will meet Vladimir Putin in Geneva.", False, "will"),
    ("If Joe Biden meets Vladimir Putin, the war may end.", False, "if"),
    ("Joe Biden wants to meet Vladimir Putin.", False, "intended"),
    ("Joe Biden has yet to meet Vladimir Putin.", False, "intended"),
    ("Joe Biden denied that he met Vladimir Putin.", False, "deny"),
    ("Did Joe Biden meet Vladimir Putin?", False, "question"),
])
def test_negated_and_hypothetical_events_are_dropped_or_marked(parser, text, negated, modality):
    assert events_of(parser, text) == []
    assert [(e.negated, e.modality) for e in parse(parser, text).events] == [(negated, modality)]


@pytest.mark.parametrize("text", [
    "Joe Biden told Vladimir Putin that the talks were over.",  # speech is a statement
    "Police arrested John Smith.",  # the subject is no entity
    "Joe Biden met Joe Biden.",  # subject and object must differ
])
def test_not_events(parser, text):
    assert events_of(parser, text) == []


# -- the table -----------------------------------------------------------------------------------
def test_table_types_are_plover_and_every_type_has_rdf_terms():
    triggers, light = event_table()
    assert {t.type for t in triggers.values()} <= set(PLOVER_TYPES)
    assert set(EVENT_TYPES) == set(PLOVER_TYPES)
    assert "say" not in {lemma for lemma, _, _ in triggers} and "tell" not in {lemma for lemma, _, _ in triggers}
    assert {"hold", "impose"} <= light


# -- RDF ----------------------------------------------------------------------------------------
def test_mapper_writes_event_node_edge_and_provenance(parser):
    text = "Keir Starmer has contacted Donald Trump on Monday. Joe Biden did not meet Vladimir Putin."
    extraction = parse(parser, text, "d1")
    mapper = Mapper()
    graph = mapper.add(extraction).to_graph()
    iri = {e.name: mapper.entity_iri(e, "d1") for e in extraction.entities.values()}
    starmer, trump = iri["Keir Starmer"], iri["Donald Trump"]
    node = graph.value(predicate=SDO.agent, object=starmer)
    assert (node, RDF.type, SDO.Event) in graph
    assert (node, SDO.additionalType, KG.Consult) in graph
    assert (node, SDO.object, trump) in graph
    assert (node, KG.trigger, Literal("contacted")) in graph
    assert (node, KG.dateExpression, Literal("Monday")) in graph
    assert graph.value(node, PROV.wasDerivedFrom) is not None
    assert (starmer, KG.consulted, trump) in graph
    # the negated meeting is recorded as such, with no direct edge
    biden, putin = iri["Joe Biden"], iri["Vladimir Putin"]
    negated = graph.value(predicate=SDO.agent, object=biden)
    assert (negated, KG.negated, Literal(True)) in graph
    assert (biden, KG.consulted, putin) not in graph


def test_relations_query_lists_only_events_that_happened(parser):
    text = "Keir Starmer has contacted Donald Trump. Joe Biden did not meet Vladimir Putin."
    mapper = Mapper()
    mapper.add(parse(parser, text, "d2"))
    dataset = mapper.finish()
    dataset.default_union = True
    result = run(dataset, str(ROOT / "queries" / "relations.rq"))
    assert [str(v) for v in result.vars] == ["doc", "subject", "predicate", "object", "type"]
    rows = [tuple(str(x) for x in row)[1:] for row in result]
    assert rows == [("Keir Starmer", "contacted", "Donald Trump", "CONSULT")]
    meetings = run(dataset, str(ROOT / "queries" / "meetings.rq"), {"name": "Donald Trump"})
    assert [(str(r.who), str(r.whom)) for r in meetings] == [("Keir Starmer", "Donald Trump")]
    assert list(run(dataset, str(ROOT / "queries" / "meetings.rq"), {"name": "Joe Biden"})) == []
