"""``python -m kg.viz.bench`` (part of ``make bench``): the overview of a real archive, timed.

Draws ``../shared/eval/train_gold.jsonl`` (818 articles) with ``kg viz`` and opens the page in headless
Chromium: the size of the page, the time ``kg viz`` takes, the time until the overview is drawn,
how many entities it shows and names. The graph is built once and kept in ``out/viz-bench/``
(rebuilt when the gold file is newer), so a second run costs under a minute. Skipped, and says so,
when ``../shared`` or Chromium is not there. Writes ``out/viz-bench.md``.

``python -m kg.viz.bench --screenshot docs/overview.png`` (``make screenshot``) draws the 35 articles of
``dev_gold.jsonl`` the same way and takes the README's picture of the overview.
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "eval" / "train_gold.jsonl"
DEV = ROOT.parent / "shared" / "eval" / "dev_gold.jsonl"  # 35 articles: the README's picture of an overview
WORK = ROOT / "out" / "viz-bench"
TARGETS = {"size_mb": 8.0, "ready_s": 5.0}  # issue 17


def articles(gold: Path, out: Path) -> None:
    """The gold file as kg build reads it: the gold's publication_date is kg's date."""
    with gold.open(encoding="utf-8") as source, out.open("w", encoding="utf-8") as sink:
        for line in source:
            record = json.loads(line)
            sink.write(json.dumps({"id": record["doc_id"], "text": record["text"], "title": record.get("title") or "",
                                   "publisher": record.get("publisher") or "",
                                   "date": record.get("publication_date") or ""}) + "\n")


def graph_of(gold: Path, name: str = "train") -> Path:
    """The archive's graph, built once (``kg build --jobs 2``) and reused while the gold file is unchanged."""
    graph = WORK / f"{name}.trig"
    if graph.exists() and graph.stat().st_mtime >= gold.stat().st_mtime:
        return graph
    WORK.mkdir(parents=True, exist_ok=True)
    articles(gold, WORK / f"{name}.jsonl")
    subprocess.run([sys.executable, "-m", "kg", "build", str(WORK / f"{name}.jsonl"), "--out", str(graph), "--jobs", "2",
                    "--quiet"], check=True, cwd=ROOT)
    return graph


def overview_picture(out: Path) -> int:
    """``make screenshot``: the overview of the 35 dev articles, as the README shows it."""
    from kg.viz.screenshot import main as screenshot

    if not DEV.exists():
        print(f"kg viz bench: no overview picture ({DEV} is not there)")
        return 0
    page = WORK / "dev.html"
    subprocess.run([sys.executable, "-m", "kg", "viz", "--graph", str(graph_of(DEV, "dev")), "--out", str(page),
                    "--title", "35 news articles: who speaks, about whom"], check=True, cwd=ROOT)
    return screenshot([str(page), str(out)])


def main(argv: list[str] | None = None) -> int:
    from kg.viz.screenshot import CHROMIUM, browser

    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--screenshot"] and len(argv) == 2:
        return overview_picture(Path(argv[1]))
    if argv:
        print("usage: python -m kg.viz.bench [--screenshot OUT.png]", file=sys.stderr)
        return 2
    if not GOLD.exists():
        print(f"kg viz bench: skipped ({GOLD} is not there)")
        return 0
    graph = graph_of(GOLD)
    page_path = WORK / "train.html"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "viz", "--graph", str(graph), "--out", str(page_path)], check=True,
                   cwd=ROOT)
    drawn = time.perf_counter() - started
    size_mb = page_path.stat().st_size / 1e6
    lines = ["# kg viz bench: the overview of train_gold.jsonl (818 articles)", "",
             "| measure | result | target (issue 17) |", "| --- | --- | --- |",
             f"| `kg viz --out train.html`, whole command (read the graph, model, overview, layout, page) | {drawn:.1f} s | — |",
             f"| size of the page | {size_mb:.1f} MB | < {TARGETS['size_mb']:.0f} MB — {'met' if size_mb < TARGETS['size_mb'] else 'not met'} |"]
    if Path(CHROMIUM).exists():
        times, facts = [], {}
        with browser() as chromium:
            for _ in range(3):
                page = chromium.new_page(viewport={"width": 1400, "height": 860})
                started = time.perf_counter()
                page.goto(page_path.resolve().as_uri())
                page.wait_for_function("window.kg && window.kg.ready === true", timeout=120_000)
                times.append(time.perf_counter() - started)
                facts = page.evaluate("({visible: kg.cy.nodes(':visible').length, labelled: kg.labelled().length, "
                                      "nodes: kg.data.nodes.length, edges: kg.data.edges.length, "
                                      "statements: kg.data.statements.length})")
                page.screenshot(path=str(WORK / "train.png"))
                page.close()
        ready = statistics.median(times)
        lines += [f"| headless Chromium: open the page until the overview is drawn and named, median of 3 | "
                  f"{ready:.1f} s ({', '.join(f'{t:.1f}' for t in times)}) | < {TARGETS['ready_s']:.0f} s — "
                  f"{'met' if ready < TARGETS['ready_s'] else 'not met'} |",
                  f"| entities shown at first / in the page | {facts['visible']:,} / {facts['nodes']:,} "
                  f"({facts['edges']:,} ties, {facts['statements']:,} statements on demand) | a few hundred |",
                  f"| entities named at first sight | {facts['labelled']:,} | the main ones |"]
    else:
        lines.append(f"| headless Chromium | skipped: {CHROMIUM} is missing | — |")
    text = "\n".join(lines) + "\n"
    print(text)
    (ROOT / "out").mkdir(exist_ok=True)
    (ROOT / "out" / "viz-bench.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
