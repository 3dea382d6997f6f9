"""``make eval``: the team's scorer on the seed and, when it is there, the dev set, in one table.

It runs ``../shared/eval/run_eval.sh`` (the scorer the team is judged by) for each gold
file found beside the project and prints the headline numbers side by side.
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


def score(gold: Path) -> dict:
    out = Path(tempfile.mkdtemp(prefix=f"kg-eval-{gold.stem}-"))
    env = dict(os.environ, QUIET="1", KG=str(Path(sys.executable).with_name("kg")))
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
    return [name, str(result.get("documents", "")), f(quotes.get("detection", {}).get("f1")),
            f(quotes.get("attribution", {}).get("f1")), f(quotes.get("cue_accuracy")), f(roles.get("f1")),
            f(roles.get("org_accuracy")), scored(about), scored(relations),
            str(entities.get("duplicate_nodes", "")), str(entities.get("non_persons_typed_person", ""))]


def main() -> int:
    if not (EVAL / "run_eval.sh").is_file():
        print(f"kg eval: no scorer at {EVAL}; the gold sets live beside the project in ../shared/eval", file=sys.stderr)
        return 0
    rows = []
    for name, file in GOLD_FILES:
        gold = EVAL / file
        if gold.is_file():
            print(f"scoring {name} ({gold}) ...", file=sys.stderr)
            rows.append(row(name, score(gold)))
    header = ["set", "docs", "detect F1", "attrib F1", "cue acc", "role F1", "org acc", "about F1", "events F1",
              "dup persons", "non-persons"]
    print(table(header, rows), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
