"""End to end on hand-written articles: build the graph, ask the shipped queries, score the answers.

``tests/articles/*.txt`` are short news-style articles written for these tests in varied
reporting styles; ``expected.json`` gives, for each, the statements and posts a careful
reader finds (the team's gold format). The floors below are the scores the pipeline
reached when they were set, less a small margin: a drop below them is a regression.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from scoring import PRONOUNS, doc_key, score_quotes, score_roles

ARTICLES = Path(__file__).parent / "articles"
QUERIES = Path(__file__).parent.parent / "queries"
ATTRIBUTION_F1_FLOOR = 0.88  # 0.902 on the 124 articles
# 0.862: the gold of the 102 articles in the second held-out set's styles counts occupations, sport positions,
# implied employers and posts as abbreviated (Det Insp), which the shipped scorer does not expand
ROLE_F1_FLOOR = 0.84


@pytest.fixture(scope="module")
def built():
    from kg.build import BuildReport, build

    report = BuildReport()
    dataset = build([ARTICLES], report=report)
    dataset.default_union = True  # each document is a named graph; the queries ask across all of them
    return dataset, report


@pytest.fixture(scope="module")
def expected() -> list[dict]:
    return json.loads((ARTICLES / "expected.json").read_text(encoding="utf-8"))


def answers(dataset, name: str) -> dict[str, list[dict]]:
    """Rows of a shipped query, by document stem, as plain strings."""
    from kg.query import run

    result = run(dataset, str(QUERIES / f"{name}.rq"))
    names = [str(v) for v in result.vars]
    out: dict[str, list[dict]] = defaultdict(list)
    for row in result:
        record = {n: "" if row[i] is None else str(row[i]) for i, n in enumerate(names)}
        out[doc_key(record["doc"])].append(record)
    return out


def test_expectations_cover_every_article(expected):
    stems = {p.stem for p in ARTICLES.glob("*.txt")}
    assert {d["doc_id"] for d in expected} == stems
    for doc in expected:
        words = len((ARTICLES / f"{doc['doc_id']}.txt").read_text(encoding="utf-8").split())
        assert 150 <= words <= 400, doc["doc_id"]
        assert doc["quotes"] and all({"speaker", "content", "kind"} <= set(q) for q in doc["quotes"])


def test_every_article_builds_without_warnings(built, expected):
    _dataset, report = built
    assert report.documents == len(expected)
    assert not report.problems and not report.warnings


def test_no_pronoun_is_a_speaker(built):
    quotes = answers(built[0], "quotes")
    speakers = {row["speaker"] for rows in quotes.values() for row in rows}
    assert speakers and not {s for s in speakers if s.lower() in PRONOUNS}


def test_attribution_and_roles_reach_their_floor(built, expected):
    dataset, _ = built
    misses: list[str] = []
    quotes = score_quotes(expected, answers(dataset, "quotes"), misses)
    roles = score_roles(expected, answers(dataset, "roles"), misses)
    summary = (f"test articles: detection F1 {quotes['detection']['f1']}, attribution F1 "
               f"{quotes['attribution']['f1']}, role F1 {roles['f1']}, org accuracy {roles['org_accuracy']}")
    print("\n" + summary + "\n" + "\n".join(misses))
    assert quotes["attribution"]["f1"] >= ATTRIBUTION_F1_FLOOR, summary
    assert roles["f1"] >= ROLE_F1_FLOOR, summary


def test_every_speaker_and_post_holder_is_an_entity_of_the_graph(nlp):
    """A person made while resolving a statement the sieve then dropped stays an entity: a post found for
    them must not point at a node the graph does not have (the mapper would refuse the build)."""
    from kg.extract import extract
    from kg.records import Document

    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    # whole articles, and the paragraphs of several run together, as a user's archive may
    texts += ["\n".join(t.split("\n")[:6] + u.split("\n")[2:8]) for t, u in zip(texts, texts[1:])]
    for i, doc in enumerate(nlp.pipe(texts)):
        extraction = extract(doc, Document(id=str(i), text=texts[i]))
        for quote in extraction.quotes:
            assert quote.speaker in extraction.entities
        for role in extraction.roles:
            assert role.person in extraction.entities and (not role.org or role.org in extraction.entities)


def test_a_person_whose_only_statement_the_sieve_drops_keeps_their_post(nlp, monkeypatch):
    """A name the tagger missed is made a person while the speaker is resolved; when the sieve then drops
    the statement, the person stays, because the post the text gives them points at them."""
    import kg.extract.quotes as quotes
    from kg.extract import extract
    from kg.records import Document

    class DropsEverything:
        def keep(self, features, record) -> bool:
            return False

    monkeypatch.setattr(quotes, "sieve_for", lambda cue_scores: DropsEverything())
    # "Richter" is first an organisation's word, so the tagger leaves the sheriff's name untagged
    text = ("The school is safe, the head wrote: \"Every family can trust Richter Aldhelm's.\"\n\n"
            "A deputy shot a man at a rural home on Sunday, Sheriff Josiah Richter said.")
    extraction = extract(nlp(text), Document(id="t", text=text))
    assert [(extraction.entities[r.person].name, r.title) for r in extraction.roles] == [("Josiah Richter", "Sheriff")]
