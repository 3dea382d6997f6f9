"""``make bench``: build speed, parallel speed-up, store throughput, query latency, peak memory.

One run, about 10 minutes on 2 cores for the default 1,000 articles (``KG_BENCH_DOCS``
changes the size; ``python -m kg.bench cluster`` runs the cluster builds alone). The corpus is made from the texts the project ships (``seeds/`` and
``tests/articles/``): each article is a headline and whole paragraphs drawn from them,
with the people renamed from a fixed cast (first names from ``kg/data/first_names.tsv``
of the same gender, surnames from a list), so sentences keep their real structure and
people recur across articles as they do in news. The table goes to ``out/bench.md``.
"""
from __future__ import annotations

import math
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

SURNAMES = (
    "Adams Ahmed Alvarez Anderson Baker Banerjee Bauer Bennett Brooks Campbell Carter Chen Clarke Cohen Collins "
    "Cooper Costa Davies Diaz Dubois Edwards Evans Fischer Fitzgerald Foster Garcia Gonzalez Green Hall Harris "
    "Hughes Ibrahim Jackson Jensen Johnson Kaur Kelly Khan Kim Kowalski Lambert Lee Lopez Martin Meyer Miller "
    "Moreau Murphy Nakamura Nguyen Novak O'Brien Okafor Owens Patel Perez Peterson Price Reed Reyes Richter Rossi "
    "Russo Sanchez Schmidt Scott Shah Silva Singh Sokolov Stewart Suzuki Taylor Thomas Turner Walker Wang Watson "
    "White Williams Wilson Wright Young Zhang"
).split()
CAST = 400  # people in the generated news world
ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Run:
    seconds: float
    peak_mb: float


def sources() -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "articles").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    if not texts:
        raise SystemExit("kg bench: no texts in seeds/ or tests/articles/ to make a corpus from")
    return texts


def first_names() -> dict[str, list[str]]:
    by_gender: dict[str, list[str]] = {"m": [], "f": []}
    for line in (ROOT / "kg" / "data" / "first_names.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")[:2]
            if gender in by_gender:
                by_gender[gender].append(name.title())
    return by_gender


def make_corpus(texts: list[str], count: int, nlp, seed: int = 7) -> list[str]:
    """``count`` articles: a headline and 8-14 whole paragraphs from the sources, people renamed."""
    rng = random.Random(seed)
    names = first_names()
    gender_of = {n.lower(): g for g, ns in names.items() for n in ns}
    cast = [(g, f"{rng.choice(names[g])} {rng.choice(SURNAMES)}") for g in rng.choices("mf", k=CAST)]
    people = sorted({ent.text for doc in nlp.pipe(texts) for ent in doc.ents
                     if ent.label_ == "PERSON" and len(ent.text.split()) >= 2 and "\n" not in ent.text})
    headlines, paragraphs = [], []
    for text in texts:
        lines = [line for line in text.splitlines() if line.strip()]
        headlines.append(lines[0])
        paragraphs.extend(lines[1:])
    articles = []
    for _ in range(count):
        chosen = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(8, 14)))
        body = "\n".join([rng.choice(headlines), *chosen]) + "\n"
        for person in people:
            gender = gender_of.get(person.split()[0].lower())
            new = rng.choice([name for g, name in cast if gender in (None, g)])
            body = body.replace(person, new)
            body = re.sub(rf"\b{re.escape(person.split()[-1])}\b", new.split()[-1], body)
        articles.append(body)
    return articles


def run(command: list[str]) -> Run:
    """Run a command; its wall time and the peak resident memory of it and its children."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"kg bench: {' '.join(command)} failed:\n{process.stderr.read().decode()[-2000:]}")
    return Run(seconds, usage.ru_maxrss / 1024)


def median_ms(action, repeats: int = 7, budget: float = 20.0) -> tuple[float, int]:
    """Median latency over repeats (fewer when one run is slow), and the row count of the answer."""
    times, rows = [], 0
    spent = 0.0
    for _ in range(repeats):
        start = time.perf_counter()
        rows = action()
        elapsed = time.perf_counter() - start
        times.append(elapsed)
        spent += elapsed
        if spent > budget:
            break
    return statistics.median(times) * 1000, rows


def replicate(nquads: bytes, copies: int) -> bytes:
    """The graph ``copies`` times, documents renamed per copy; shared entities once."""
    shared, per_copy = [], []
    for line in nquads.splitlines(keepends=True):
        (per_copy if b"/kg/doc/" in line else shared).append(line)
    body = b"".join(per_copy)
    return b"".join(shared) + b"".join(body.replace(b"/kg/doc/", b"/kg/doc/r%d-" % k) for k in range(copies))


def cluster_speedup(kg: list[str], inputs: list[Path], work: Path, words: int, say) -> tuple[float, bool]:
    """``kg build --scheduler`` on a local Dask cluster of 1, then 2 worker processes (one thread each):
    the speed-up of the second worker, and whether both built the same graph. Each worker loads the
    model once, inside the timing, as on a real cluster."""
    import logging

    from distributed import LocalCluster

    seconds, outputs, load = {}, {}, {}
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.ERROR) as cluster:
            out = work / f"graph-cluster{workers}.nq"
            seconds[workers] = run([*kg, "build", *map(str, inputs), "--out", str(out), "--quiet",
                                    "--scheduler", cluster.scheduler_address]).seconds
            outputs[workers] = set(out.read_bytes().splitlines())
            load[workers] = os.getloadavg()[0]  # other work on the machine takes cores from the workers
    speedup = seconds[1] / seconds[2]
    say("## Build on a Dask cluster (kg build --scheduler, LocalCluster on this machine)")
    say()
    say("| workers | seconds | words/s | load average after |")
    say("|---:|---:|---:|---:|")
    for workers in (1, 2):
        say(f"| {workers} | {seconds[workers]:.1f} | {words / seconds[workers]:,.0f} | {load[workers]:.1f} |")
    say()
    say(f"Speed-up of 2 workers over 1: {speedup:.2f}x (issue 14 asks 1.6x); same graph: {outputs[1] == outputs[2]}.")
    say()
    return speedup, outputs[1] == outputs[2]


def main() -> int:
    import pyoxigraph as ox
    from rdflib import Dataset

    from kg.extract.cues import CUE_SPANS
    from kg.nlp import load
    from kg.query import load_query, render_oxigraph, run as run_query
    from kg.rdf.graphs import NamedGraph
    from kg.rdf.namespaces import PREFIXES
    from rdflib import Literal

    from kg.store.local import LocalStore, answer, merge_named_graphs, open_read_only, prebind

    count = int(os.environ.get("KG_BENCH_DOCS", "1000"))
    extra = max(1, count // 10)
    work = ROOT / "out" / "bench"
    shutil.rmtree(work, ignore_errors=True)
    base_dir, extra_dir = work / "corpus" / "base", work / "corpus" / "extra"
    base_dir.mkdir(parents=True)
    extra_dir.mkdir(parents=True)
    kg = [sys.executable, "-m", "kg"]
    lines: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    started = time.perf_counter()
    nlp = load(cue_model=False)
    articles = make_corpus(sources(), count + extra, nlp)
    for i, text in enumerate(articles):
        folder = base_dir if i < count else extra_dir
        (folder / f"art{i:05d}.txt").write_text(text, encoding="utf-8")
    words = sum(len(t.split()) for t in articles)
    say(f"# kg bench: {count} + {extra} articles, {words:,} words, {os.cpu_count()} cores")
    say()
    if sys.argv[1:] == ["cluster"]:  # python -m kg.bench cluster: the cluster builds alone
        cluster_speedup(kg, [base_dir, extra_dir], work, words, say)
        return 0

    # 1. spaCy alone, then the build, over the same texts. The cue model (kg.models) is timed apart:
    # spaCy's own pipeline is the yardstick, the model is part of what kg adds.
    with_model = load()
    cue_model = with_model.get_pipe(CUE_SPANS) if with_model.has_pipe(CUE_SPANS) else None
    cue_s = 0.0
    start = time.perf_counter()
    for doc in nlp.pipe(articles, batch_size=16):
        if cue_model is not None:
            tick = time.perf_counter()
            cue_model(doc)
            cue_s += time.perf_counter() - tick
    pipe_s = time.perf_counter() - start - cue_s
    del nlp, with_model, cue_model
    one = run([*kg, "build", str(base_dir), str(extra_dir), "--out", str(work / "graph.nq"), "--quiet"])
    two = run([*kg, "build", str(base_dir), str(extra_dir), "--out", str(work / "graph2.nq"), "--quiet", "--jobs", "2"])
    nquads = (work / "graph.nq").read_bytes()
    same_jobs = set(nquads.splitlines()) == set((work / "graph2.nq").read_bytes().splitlines())
    say("## Build")
    say()
    say("| run | seconds | words/s | vs spaCy nlp.pipe | peak RSS MB |")
    say("|---|---:|---:|---:|---:|")
    say(f"| spaCy nlp.pipe alone (same model, same components, 1 process) | {pipe_s:.1f} | {words / pipe_s:,.0f} | 1.00 | |")
    say(f"| kg build --out, 1 job (whole command) | {one.seconds:.1f} | {words / one.seconds:,.0f} | "
        f"{one.seconds / pipe_s:.2f} | {one.peak_mb:,.0f} |")
    say(f"| kg build --out, --jobs 2 | {two.seconds:.1f} | {words / two.seconds:,.0f} | "
        f"{two.seconds / pipe_s:.2f} | {two.peak_mb:,.0f} |")
    say()
    say(f"Speed-up of --jobs 2: {one.seconds / two.seconds:.2f}x; same graph as 1 job: {same_jobs}.")
    say(f"The trained cue model's own share of the 1-job build: {cue_s:.1f} s, {cue_s / one.seconds:.1%} "
        f"({cue_s / pipe_s:.2f}x of spaCy's time added by it).")
    say()

    same_cluster = cluster_speedup(kg, [base_dir, extra_dir], work, words, say)[1]
    same_cluster = same_cluster and set(nquads.splitlines()) == set((work / "graph-cluster2.nq").read_bytes().splitlines())
    say(f"Cluster build, same graph as the local build: {same_cluster}.")
    say()

    # 2. Incremental store: the first `count`, then `extra` more, then again unchanged.
    store = work / "store"
    first = run([*kg, "build", str(base_dir), "--store", str(store), "--quiet", "--jobs", "2"])
    more = run([*kg, "build", str(base_dir), str(extra_dir), "--store", str(store), "--quiet", "--jobs", "2"])
    quads_before = len(ox.Store.read_only(str(store / "oxigraph")))
    again = run([*kg, "build", str(base_dir), str(extra_dir), "--store", str(store), "--quiet"])
    quads_after = len(ox.Store.read_only(str(store / "oxigraph")))
    run([*kg, "export", "--store", str(store), "--out", str(work / "store.nq")])
    from_store = set(ox.parse((work / "store.nq").read_bytes(), format=ox.RdfFormat.N_QUADS))
    from_file = set(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
    say("## Incremental store (Oxigraph on disk, --jobs 2)")
    say()
    say("| run | seconds | peak RSS MB |")
    say("|---|---:|---:|")
    say(f"| kg build --store: {count} articles | {first.seconds:.1f} | {first.peak_mb:,.0f} |")
    say(f"| kg build --store: + {extra} articles | {more.seconds:.1f} | {more.peak_mb:,.0f} |")
    say(f"| kg build --store: all again, unchanged | {again.seconds:.1f} | {again.peak_mb:,.0f} |")
    say()
    say(f"{count} then {extra} equals {count + extra} at once (same quads, every named graph): {from_store == from_file} "
        f"({len(from_store):,} vs {len(from_file):,} quads); unchanged re-run added {quads_after - quads_before} quads.")
    say()

    # 3. Writing into each store, from the N-Quads of the build.
    triples = len(from_file)
    say("## Loading the graph into each store")
    say()
    say("| store | seconds | triples/s |")
    say("|---|---:|---:|")
    start = time.perf_counter()
    memory = Dataset()
    memory.parse(data=nquads, format="nquads")
    memory_s = time.perf_counter() - start
    say(f"| rdflib in memory (parse N-Quads) | {memory_s:.2f} | {triples / memory_s:,.0f} |")
    start = time.perf_counter()
    ox.Store(str(work / "load-ox")).bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
    ox_s = time.perf_counter() - start
    say(f"| Oxigraph on disk (pyoxigraph bulk_load) | {ox_s:.2f} | {triples / ox_s:,.0f} |")
    from oxrdflib import OxigraphStore

    start = time.perf_counter()
    via_plugin = Dataset(store=OxigraphStore(store=ox.Store(str(work / "load-oxrdflib"))))
    via_plugin.parse(data=nquads, format="nquads")
    plugin_s = time.perf_counter() - start
    say(f"| Oxigraph on disk through rdflib (oxrdflib plugin, parse N-Quads) | {plugin_s:.2f} | {triples / plugin_s:,.0f} |")
    del via_plugin
    writer = LocalStore(work / "load-kg")
    # What the build hands the writer: the mapper's named graphs (made here outside the timing).
    graphs = [NamedGraph(g.identifier, g) for g in memory.graphs() if len(g)]
    start = time.perf_counter()
    for i in range(0, len(graphs), 64):
        writer.replace_graphs(graphs[i: i + 64])
    writer.close()
    kg_s = time.perf_counter() - start
    say(f"| Oxigraph on disk, kg's writer (the mapper's named graphs, batches of 64 documents) | {kg_s:.2f} | {triples / kg_s:,.0f} |")
    say()

    # 4. Query latency: the built store against rdflib's in-memory store; then a ~1M-triple store.
    queries = sorted((ROOT / "queries").glob("*.rq"))
    memory.default_union = True
    on_disk = open_read_only(store)
    native = ox.Store.read_only(str(store / "oxigraph"))
    prefixes = {p: str(n) for p, n in PREFIXES.items()}
    say(f"## Shipped queries on the built graph ({triples:,} triples), median ms")
    say()
    say("Oxigraph answers in Rust (pyoxigraph); rdflib's API on top (`kg serve`, library use) has oxrdflib turn "
        "every answer into rdflib terms, which costs with thousands of rows.")
    say()
    say("| query | rows | rdflib memory | Oxigraph | Oxigraph via rdflib API | rdflib / Oxigraph | rdflib / via API |")
    say("|---|---:|---:|---:|---:|---:|---:|")
    for path in queries:
        text = load_query(str(path))
        raw, rows = median_ms(lambda: len(list(native.query(text, prefixes=prefixes))))
        api, rows_api = median_ms(lambda: len(list(run_query(on_disk, str(path)))))
        slow, rows_memory = median_ms(lambda: len(list(run_query(memory, str(path)))), repeats=3, budget=10)
        check = "" if rows == rows_memory == rows_api else f" (rdflib: {rows_memory}, API: {rows_api})"
        say(f"| {path.name} | {rows:,}{check} | {slow:,.1f} | {raw:,.1f} | {api:,.1f} | {slow / raw:,.0f}x | {slow / api:,.1f}x |")
    say()
    memory = on_disk = native = None  # freed before the 1M-triple store is built
    copies = max(1, math.ceil(1_000_000 / triples))
    big = work / "store-1m"
    data = replicate(nquads, copies)
    start = time.perf_counter()
    (big / "oxigraph").mkdir(parents=True)
    big_store = ox.Store(str(big / "oxigraph"))
    big_store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    load_s = time.perf_counter() - start
    size = len(big_store)
    start = time.perf_counter()
    merge_named_graphs(big_store)
    big_store.flush()
    merge_s = time.perf_counter() - start
    del big_store, data
    native = ox.Store.read_only(str(big / "oxigraph"))
    big_dataset = open_read_only(big)
    say(f"## Shipped queries on a {size:,}-triple store ({copies} renamed copies of the graph; bulk load "
        f"{load_s:.1f} s, {size / load_s:,.0f} triples/s; merged default graph {merge_s:.1f} s), median ms")
    say()
    say("`kg query --store` has Oxigraph answer and write the CSV; rdflib's API (`kg serve`, library use) "
        "turns every row into rdflib terms first.")
    say()
    say("| query | rows | Oxigraph (pyoxigraph) | kg query --store, CSV written | via rdflib API | under 100 ms |")
    say("|---|---:|---:|---:|---:|---|")
    for path in queries:
        text = load_query(str(path))
        raw, rows = median_ms(lambda: len(list(native.query(text, prefixes=prefixes))))
        cli, _ = median_ms(lambda: len(render_oxigraph(answer(big, text, {}), "csv")))
        api, _ = median_ms(lambda: len(list(run_query(big_dataset, str(path)))))
        say(f"| {path.name} | {rows:,} | {raw:,.1f} | {cli:,.1f} | {api:,.1f} | {'yes' if raw < 100 else 'no'} |")
    say()
    # The parameterised queries as they are used: one person's statements, mentions, meetings...
    top = next(iter(native.query(load_query(str(ROOT / "queries" / "statements_per_speaker.rq")), prefixes=prefixes)))
    name = Literal(top["speaker"].value)
    say(f"Same store, the queries that take a name, bound to the most quoted speaker ({name}), median ms:")
    say()
    say("| query | bound | rows | Oxigraph (pyoxigraph) | kg query --store, CSV written | via rdflib API | under 100 ms |")
    say("|---|---|---:|---:|---:|---:|---|")
    for path in queries:
        text = load_query(str(path))
        # The parameter a query's header shows ("--param name=…"), or a FILTER(!BOUND(?x) …) one.
        bound = re.findall(r"--param (\w+)=", text) or re.findall(r"BOUND\(\?(\w+)\)", text)
        if not bound:
            continue
        bindings = {bound[0]: name}
        query = prebind(text, bindings)
        raw, rows = median_ms(lambda: len(list(native.query(query, prefixes=prefixes))))
        cli, _ = median_ms(lambda: len(render_oxigraph(answer(big, text, bindings), "csv")))
        api, _ = median_ms(lambda: len(list(run_query(big_dataset, str(path), {bound[0]: str(name)}))))
        say(f"| {path.name} | ?{bound[0]} | {rows:,} | {raw:,.1f} | {cli:,.1f} | {api:,.1f} | {'yes' if raw < 100 else 'no'} |")
    say()
    say(f"Peak memory of the {count + extra}-article build: {one.peak_mb:,.0f} MB (1 job), "
        f"{two.peak_mb:,.0f} MB (2 jobs), {first.peak_mb:,.0f} MB (into the store, 2 jobs). "
        f"Whole bench: {(time.perf_counter() - started) / 60:.1f} min.")
    out = ROOT / "out" / "bench.md"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"\nkg bench: wrote {out.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
