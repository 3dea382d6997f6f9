"""Each construction's rule alone, on one sentence written for these tests.

The statement rules live in modules named for what they find (kg/extract/headlines.py, direct.py,
reported.py, objects.py, claims.py, according.py), mixed into ``QuoteExtractor``; a test here calls one
rule of one module, so a reader who changes a rule finds its sentence next to it. What the whole pass
makes of such sentences is in test_quotes.py.
"""
from __future__ import annotations

import pytest

from kg import lexicon
from kg.extract import extract_entities
from kg.extract.coref import Resolver
from kg.extract.quotations import find_quotations
from kg.extract.quotes import PROPOSED_PREPOSITIONS, QuoteExtractor
from kg.extract.sentences import text_of


@pytest.fixture(scope="module")
def extractor(nlp):
    """``extractor(text)``: a ``QuoteExtractor`` of one parsed text, before its pass."""
    def _extractor(text: str) -> QuoteExtractor:
        doc = nlp(text)
        index = extract_entities(doc)
        paired = find_quotations(text_of(doc))
        quoted = [segment for quotation in paired[0] for segment in quotation.segments]
        return QuoteExtractor(doc, index, Resolver(doc, index, quoted), paired)

    return _extractor


def texts(ex: QuoteExtractor, spans: list[tuple[int, int]]) -> list[str]:
    return [ex.text[s:e] for s, e in spans]


def word(ex: QuoteExtractor, text: str):
    return next(t for t in ex.doc if t.text == text)


def test_headlines_a_line_that_names_its_speaker(extractor):
    ex = extractor("Ada Brenn: The ferry must run again this spring\n\nThe island has waited a year.")
    (found,) = ex.headlines([])
    assert ex.index.entities[found.speaker].name == "Ada Brenn"
    assert texts(ex, found.content_spans) == ["The ferry must run again this spring"]


def test_direct_the_cue_after_a_quotation(extractor):
    ex = extractor("“We are not finished yet,” said Mara Lind, the club's coach.")
    cue, where = ex.cue_near(ex.quotations[0])
    assert (cue.text, where) == ("said", "after")
    assert ex.is_statement_quote(ex.quotations[0], has_cue=True)


def test_reported_the_clause_a_verb_reports(extractor):
    ex = extractor("Ada Brenn said the ferry would run again in May.")
    assert texts(ex, ex._complement(word(ex, "said"))) == ["the ferry would run again in May"]


@pytest.mark.parametrize("text, content", [
    ("Reid spoke on the harbour plans.", ["the harbour plans"]),
    ("Reid spoke on Monday.", None),  # a time is no topic
    ("Reid wrote in March 2019.", None),
])
def test_objects_what_a_cue_is_about_is_no_time(extractor, text, content):
    ex = extractor(text)
    cue = next(t for t in ex.doc if t.pos_ == "VERB")
    spans = ex._object_content(cue, PROPOSED_PREPOSITIONS, generous=True)
    assert (texts(ex, spans) if spans is not None else None) == content


def test_objects_a_passive_with_by(extractor):
    ex = extractor("The new timetable was called a disgrace by the union.")
    cue = word(ex, "called")
    spans = ex._object_content(cue, lexicon.object_cues()["call"])
    assert texts(ex, spans) == ["The new timetable", "a disgrace"]


@pytest.mark.parametrize("text, cue, content", [
    ("Reid told reporters a slightly different story.", "told", ["a slightly different story"]),  # not whom
    ("The harbour report tells a much different story.", "tells", ["a much different story"]),
    ("Reid told the residents on Monday.", "told", None),  # whom it was told is no part of it, nor when
    ("Sheriff Ann Reid told reporters at a news conference.", "told", None),  # nor where
    ("Reid spoke in favour of the new harbour.", "spoke", ["in favour of the new harbour"]),
    ("Hale spoke at length about the harbour plans, then left.", "spoke", ["at length about the harbour plans"]),
    ("The harbour plan was praised by the mayor.", "praised", None),  # the agent speaks; nothing follows
    ("Hale praised the plan.", "praised", None),  # a plain object of praise: an event
    ("Hale thanked Ann Reid.", "thanked", None),  # a person alone
    ("Hale described the plan, which Reid had said would fail.", "described", None),  # another cue reports it
    ("Reid described on Tuesday night how the ferry sank.", "described", ["how the ferry sank"]),  # not when
    ("Reid spoke on Monday at the town hall.", "spoke", None),  # when and where: nothing was said
])
def test_objects_what_follows_a_cue_as_a_last_resort(extractor, text, cue, content):
    ex = extractor(text)
    spans = ex._what_follows(word(ex, cue))
    assert (texts(ex, spans) if spans is not None else None) == content


def test_claims_a_reporting_noun_and_its_owner(extractor):
    ex = extractor("The union's claim that the ferry was unsafe angered the mayor.")
    found = ex._claim_noun(word(ex, "claim"))
    assert found.speaker_head.text == "union"
    assert texts(ex, found.content_spans) == ["the ferry was unsafe"]


@pytest.mark.parametrize("text, noun, content", [
    ("Reid's promises to cut fares and build a bridge have put transport at the centre of the race.", "promises",
     "to cut fares and build a bridge"),
    ("The plan runs counter to Mayor Tom Reid's original pledge to close the depot by June.", "pledge",
     "to close the depot by June"),
])
def test_claims_what_the_owner_of_a_promise_said_they_would_do(extractor, text, noun, content):
    ex = extractor(text)
    found = ex._claim_noun(word(ex, noun))
    assert texts(ex, found.content_spans) == [content]


@pytest.mark.parametrize("text, noun, content", [
    ("The vote came after Hale's attacks on the council's handling of the flood.", "attacks",
     "the council's handling of the flood"),
    ("The vote came after Hale's attacks on Reid.", "attacks", None),  # a plain object of blame: an event
    ("The vote came after the attacks on the council's handling of the flood.", "attacks", None),  # nobody's
])
def test_claims_what_follows_a_noun_the_model_is_sure_of(extractor, text, noun, content):
    ex = extractor(text)
    found = ex._what_follows_noun(word(ex, noun))
    assert (texts(ex, found.content_spans)[0] if found else None) == content
    if found:
        assert found.speaker_head.text == "Hale"


def test_claims_no_infinitive_after_a_plain_reporting_noun(extractor):
    ex = extractor("Hale's statement to reporters was brief.")
    assert ex._claim_noun(word(ex, "statement")) is None


def test_according_to_the_rest_of_the_sentence(extractor):
    ex = extractor("The ferry will stop running in May, according to the harbour office.")
    found = ex._according_to(word(ex, "according"))
    assert found.speaker_head.text == "office"
    assert texts(ex, found.content_spans) == ["The ferry will stop running in May"]


@pytest.mark.parametrize("text, content", [
    # the parse hung the cue on the participle after its source: the participle is the source's, not said
    ("In Kent, Reid is up 15 points, according to the polling average kept by the Gazette.",
     ["In Kent, Reid is up 15 points"]),
    ("The plan, according to Hale, will cost two million pounds.", ["The plan", "will cost two million pounds"]),
])
def test_according_to_in_the_middle_or_at_the_end(extractor, text, content):
    ex = extractor(text)
    assert texts(ex, ex._according_to(word(ex, "according")).content_spans) == content


def test_headlines_a_label_in_capitals_before_the_speaker(extractor):
    ex = extractor("EXCLUSIVE – Tom Hale: Don’t Trust the Council's Figures\n\nFormer mayor Tom Hale said the budget "
                   "was wrong.")
    assert ex.dateline is None  # "EXCLUSIVE" is no place the story was filed from
    (found,) = ex.headlines([])
    assert ex.index.entities[found.speaker].name == "Tom Hale"
    assert texts(ex, found.content_spans) == ["Don’t Trust the Council's Figures"]
