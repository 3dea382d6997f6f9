"""The statement sieve: how candidates are labelled and learned from, what it reads of a candidate, that it
ships and loads once, and that damaged weights are one clear error. Sentences are our own."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.extract import sieve as sieve_module
from kg.extract.sieve import SIEVE_DIR, SIEVE_ENV, Candidate, Sieve, SieveFileError, features, sieve_for
from kg.models.sieve import fit, labels, token_f1

ROOT = Path(__file__).resolve().parent.parent


def test_candidates_are_labelled_as_the_scorer_matches_them():
    gold = [{"content": "the ferry would run again in May"},
            {"content": "the fares were too high", "optional": True}]
    contents = ["the ferry would run again in May", "the fares were too high", "the weather"]
    assert labels(contents, gold) == [1, -1, 0]
    # one to one, best first: a second candidate for the same statement is none
    assert labels(["the ferry would run again", "the ferry would run again in May"], gold[:1]) == [0, 1]
    assert token_f1("a b c d", "a b") == pytest.approx(2 / 3)


def test_fitting_learns_which_features_make_a_statement_and_is_deterministic():
    rows = [(["rule=clause", "len=8"], 1)] * 30 + [(["rule=object", "len=1"], 0)] * 30 + [(["rule=object", "len=8"], 1)] * 10
    rows += [(["rule=clause", "len=1"], -1)] * 5  # optional: left out of learning
    weights, bias = fit(rows)
    assert (weights, bias) == fit(rows)
    sieve = Sieve(weights, bias, 0.4)
    assert sieve.keep(["rule=clause", "len=8"])
    assert not sieve.keep(["rule=object", "len=1"])
    assert weights["rule=clause"] > weights["rule=object"]


def test_features_read_the_cue_the_content_and_the_construction(nlp):
    doc = nlp("Ada Brenn said the ferry would run again in May.")
    said = next(t for t in doc if t.text == "said")
    content = doc.text.index("the ferry"), doc.text.index(" in May") + len(" in May")
    candidate = Candidate(kind="indirect", rule="clause", cue=said.i, spans=[content], speaker_kind="PERSON",
                          speaker_pos="PROPN")
    feats = features(doc, candidate, 0.97, [])
    for expected in ("kind=indirect", "rule=clause", "lemma=say", "spk=PERSON", "score=9", "cuepos=before",
                     "len=8", "question=False"):
        assert expected in feats


def test_the_sieve_ships_and_drops_what_is_no_statement(run):
    assert (SIEVE_DIR / "weights.json").is_file()
    shipped = sieve_for({})
    assert isinstance(shipped, Sieve) and shipped is sieve_for({})  # loaded once
    assert sieve_for(None) is None  # without the cue model there is no sieve
    said = run("Ada Brenn said the ferry would run again in May. She thanked the crew.").said
    assert [(s.speaker, s.content) for s in said] == [("Ada Brenn", "the ferry would run again in May")]


def test_the_sieve_can_be_switched_off(monkeypatch):
    monkeypatch.setenv(SIEVE_ENV, "off")
    assert sieve_for({}) is None


@pytest.mark.parametrize("damage", ["missing", "not json", "no weights"])
def test_damaged_sieve_weights_are_one_clear_error(tmp_path, damage, monkeypatch):
    broken = tmp_path / "statements"
    broken.mkdir()
    if damage == "not json":
        (broken / "weights.json").write_text("{not json", encoding="utf-8")
    elif damage == "no weights":
        (broken / "weights.json").write_text(json.dumps({"bias": 0.0}), encoding="utf-8")
    with pytest.raises(SieveFileError, match=str(broken)):
        Sieve.from_disk(broken)

    article = tmp_path / "a.txt"
    article.write_text("Dana Whitfield said the strike would go on.", encoding="utf-8")
    env = {**os.environ, SIEVE_ENV: str(broken)}
    result = subprocess.run([sys.executable, "-m", "kg", "build", str(article), "--out", str(tmp_path / "g.ttl"),
                             "--quiet"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(broken) in lines[0]
    assert not (tmp_path / "g.ttl").exists()


def test_recording_keeps_every_candidate(run):
    recorder = sieve_module.Recorder()
    sieve_module.recorder = recorder
    try:
        said = run("Ada Brenn said the ferry would run again in May.").said
    finally:
        sieve_module.recorder = None
    assert len(recorder.seen) == len(said) == 1
    record, feats = recorder.seen[0]
    assert record.content == "the ferry would run again in May" and "rule=clause" in feats


def test_a_speaker_found_above_a_cue_without_its_own_is_proposed_for_the_sieve_to_judge(run):
    recorder = sieve_module.Recorder()
    sieve_module.recorder = recorder
    try:
        run("Senator Maria Lopez is the only member of the panel to have pledged to visit every county.")
    finally:
        sieve_module.recorder = None
    assert [(record.content, "rule=clause_above" in feats) for record, feats in recorder.seen] == [
        ("to visit every county", True)]
    assert recorder.seen[0][0].speaker == "PERSON:maria lopez"
