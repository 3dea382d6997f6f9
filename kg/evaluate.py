"""``make eval``: the team's scorer on the seed, the dev set and the held-out parts of the train set, in one table.

It runs ``../shared/eval/run_eval.sh`` (the scorer the team is judged by) for each gold
file found beside the project and prints the headline numbers side by side. From
``train_gold.jsonl`` it scores the ``check`` tenth (never written from: how the rules do on
articles they were not made for) and the role-annotated documents, cut with ``subset.py``.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from kg.query import table

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
GOLD_FILES = [("seed", "seed_gold.jsonl"), ("dev", "dev_gold.jsonl")]
SUBSETS = [("check", ["--split", "check"]), ("train roles", ["--roles"])]  # cut from train_gold.jsonl


RULES_ONLY_ROWS = {"dev", "check"}  # also scored without the trained cue model, to show what it adds


def score(gold: Path, rules_only: bool = False) -> dict:
    out = Path(tempfile.mkdtemp(prefix=f"kg-eval-{gold.stem}-"))
    env = dict(os.environ, QUIET="1", KG=str(Path(sys.executable).with_name("kg")))
    if rules_only:
        env["KG_RULES_ONLY"] = "1"
    subprocess.run(["bash", str(EVAL / "run_eval.sh"), str(gold), str(out)], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return json.loads((out / "score.json").read_text())


def row(name: str, result: dict) -> list[str]:
    quotes, roles = result.get("quotes", {}), result.get("roles", {})
    about, relations = result.get("about", {}), result.get("relations", {})
    entities = result.get("entities", {})

    def f(x) -> str:
        return "" if x is None else f"{x:.3f}"

    def scored(part: dict) -> str:
        return f(part.get("f1")) if part.get("gold") else ""  # the dev set has no gold for some parts
    def prf(part: dict) -> str:
        return f"{f(part.get('f1'))} ({f(part.get('p'))} / {f(part.get('r'))})" if part else ""
    return [name, str(result.get("documents", "")), prf(quotes.get("detection", {})),
            prf(quotes.get("attribution", {})), f(quotes.get("cue_accuracy")), prf(roles) if roles.get("gold") else "",
            f(roles.get("org_accuracy")), scored(about), scored(relations),
            str(entities.get("duplicate_nodes", "")), str(entities.get("non_persons_typed_person", ""))]


def main() -> int:
    if not (EVAL / "run_eval.sh").is_file():
        print(f"kg eval: no scorer at {EVAL}; the gold sets live beside the project in ../shared/eval", file=sys.stderr)
        return 0
    rows = []
    golds = [(name, EVAL / file) for name, file in GOLD_FILES]
    if (EVAL / "train_gold.jsonl").is_file():
        cut = Path(tempfile.mkdtemp(prefix="kg-eval-subsets-"))
        for name, options in SUBSETS:
            subset = cut / (name.replace(" ", "_") + ".jsonl")
            subprocess.run([sys.executable, str(EVAL / "subset.py"), str(EVAL / "train_gold.jsonl"), str(subset), *options],
                           check=True, stdout=subprocess.DEVNULL)
            golds.append((name, subset))
    for name, gold in golds:
        if gold.is_file():
            print(f"scoring {name} ({gold}) ...", file=sys.stderr)
            rows.append(row(name, score(gold)))
            if name in RULES_ONLY_ROWS:
                rows.append(row(f"{name}, rules only", score(gold, rules_only=True)))
    header = ["set", "docs", "detect F1 (P / R)", "attrib F1 (P / R)", "cue acc", "role F1 (P / R)", "org acc",
              "about F1", "events F1",
              "dup persons", "non-persons"]
    print(table(header, rows), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
