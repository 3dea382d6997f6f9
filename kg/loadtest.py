"""``python -m kg.loadtest``: ``kg serve`` under load beside ``oxigraph serve-read-only``, every answer checked.

Part of ``make bench``. Builds the dev-sized graph (the 35 articles of
``../shared/eval/dev_gold.jsonl``; ``seeds/`` and ``tests/articles/`` when that folder is
absent), answers every shipped query (``queries/*.rq``) in process as ``kg query`` does,
then starts on free loopback ports ``kg serve`` and ``oxigraph serve-read-only`` (the
engine under it, from the PyPI ``oxigraph`` package, over the same graph loaded into its
own database). In alternating rounds (kg serve, oxigraph, kg serve, oxigraph, ...) 8
clients send the shipped queries in turn (each client starting at a different one) over
kept-alive HTTP connections. Every answer of either server is compared with the
in-process rows (as a multiset: a query without ORDER BY may list rows in any order); a
wrong answer, a non-200 status, a cut answer or a dropped connection is an error. It
prints and writes to ``out/loadtest.md`` each server's requests per second and latency
percentiles, the ratio of the two, and the latencies per query, and exits 1 when there
was any error. Loopback only, a fixed duration, and both servers are stopped at the end
whatever happens.

A bench, not a timed test: the numbers depend on the machine and on what else runs;
alternating rounds share out what else runs between the two servers.
"""
from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEV_ARTICLES = ROOT.parent / "shared" / "eval" / "dev_gold.jsonl"
TARGET_RATIO = 0.8  # issue 16: kg serve at least 0.8x oxigraph's requests/s ...
TARGET_P99 = 0.200  # ... and its p99 under 200 ms
JSON_RESULTS = "application/sparql-results+json"
Row = tuple[tuple[str, str, str, str], ...]


def rows_of(results: dict) -> Counter[Row]:
    """SPARQL JSON results as a multiset of rows; blank node labels (which differ between processes) as ``_``."""
    names = results.get("head", {}).get("vars", [])
    rows: Counter[Row] = Counter()
    for binding in results.get("results", {}).get("bindings", []):
        row = []
        for name in names:
            term = binding.get(name)
            if term is None:
                row.append((name, "", "", ""))
                continue
            value = "_" if term["type"] == "bnode" else term["value"]
            row.append((name, term["type"], value, term.get("datatype") or term.get("xml:lang") or ""))
        rows[tuple(row)] += 1
    return rows


def expected_rows(graph: Path, queries: list[Path]) -> tuple[dict[str, Counter[Row]], int]:
    """What ``kg query QUERY --graph GRAPH`` answers, in process, as rows to compare with; and the graph's size."""
    from kg import export
    from kg.query import run

    dataset = export.read(graph)
    expected = {}
    for path in queries:
        result = run(dataset, str(path))
        data = result.serialize(format="json")
        expected[path.name] = rows_of(json.loads(data.decode("utf-8") if isinstance(data, bytes) else data))
    return expected, len(dataset)


@dataclass
class Tally:
    """One client's requests: latencies per query, and what went wrong."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)  # the first few errors, in full

    def error(self, kind: str, detail: str) -> None:
        self.errors[kind] += 1
        if len(self.examples) < 5:
            self.examples.append(f"{kind}: {detail[:300]}")


def client(number: int, endpoint: str, queries: list[tuple[str, bytes]], expected: dict[str, Counter[Row]],
           deadline: float, tally: Tally) -> None:
    """Send the queries in turn, starting at the ``number``-th, until ``deadline``; check every answer."""
    address = urlsplit(endpoint)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    headers = {"Content-Type": "application/sparql-query", "Accept": JSON_RESULTS}
    turn = number
    while time.monotonic() < deadline:
        name, body = queries[turn % len(queries)]
        turn += 1
        started = time.perf_counter()
        try:
            connection.request("POST", address.path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as err:
            tally.error("connection", f"{name}: {type(err).__name__}: {err}")
            connection.close()
            connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
            continue
        elapsed = time.perf_counter() - started
        tally.latencies.setdefault(name, []).append(elapsed)
        if response.status != 200:
            tally.error(f"HTTP {response.status}", f"{name}: {data[:200].decode('utf-8', 'replace')}")
        elif response.getheader("X-KG-Truncated"):
            tally.error("cut at --max-rows", name)
        elif rows_of(json.loads(data)) != expected[name]:
            tally.error("wrong answer", f"{name}: {len(data)} bytes")
    connection.close()


def start_server(source: list[str], jobs: int, log: Path) -> tuple[subprocess.Popen, str]:
    """``kg serve`` (``--graph FILE`` or ``--store DIR``) on a port the system picks; its endpoint from the line it
    prints when it listens."""
    with open(log, "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "kg", "serve", *source, "--port", "0",
                                    "--host", "127.0.0.1", "--jobs", str(jobs), "--quiet"],
                                   stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8", errors="replace")
        if " at http://127.0.0.1:" in text:
            port = text.split(" at http://127.0.0.1:", 1)[1].split("/", 1)[0]
            return process, f"http://127.0.0.1:{int(port)}/sparql"
        if process.poll() is not None:
            raise SystemExit(f"kg loadtest: kg serve exited with {process.returncode}:\n{text[-2000:]}")
        time.sleep(0.1)
    stop(process)
    raise SystemExit("kg loadtest: kg serve did not start within 120 s")


def oxigraph_command() -> str:
    """The ``oxigraph`` server of the PyPI ``oxigraph`` package (the test extra), beside this Python."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if found is None:
        raise SystemExit("kg loadtest: no oxigraph command; install the test extra (make install)")
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load_database(graph: Path, work: Path) -> Path:
    """The graph loaded by ``oxigraph load`` into ``work/store/oxigraph``: Oxigraph's server reads that database,
    and ``kg serve --store work/store`` reads the same one (a file's default graph is the merge a kg store keeps)."""
    store = work / "store"
    shutil.rmtree(store, ignore_errors=True)
    store.mkdir(parents=True)
    loaded = subprocess.run([oxigraph_command(), "load", "--location", str(store / "oxigraph"), "--file", str(graph)],
                            capture_output=True, text=True)
    if loaded.returncode != 0:
        raise SystemExit(f"kg loadtest: oxigraph load failed: {(loaded.stderr.strip().splitlines() or ['?'])[0]}")
    return store


def start_oxigraph(graph: Path, database: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """``oxigraph serve-read-only`` over the loaded database; its endpoint once it answers."""
    command = oxigraph_command()
    port = free_port()
    union = ["--union-default-graph"] if graph.suffix.lower() in (".nq", ".trig", ".jsonld") else []
    with open(log, "wb") as out:
        process = subprocess.Popen([command, "serve-read-only", "--location", str(database), "--bind",
                                    f"127.0.0.1:{port}", *union], stdout=out, stderr=subprocess.STDOUT)
    endpoint = f"http://127.0.0.1:{port}/query"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"kg loadtest: oxigraph exited with {process.returncode}:\n{log.read_text()[-2000:]}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("POST", "/query", body=b"ASK {}", headers={"Content-Type": "application/sparql-query"})
            if connection.getresponse().status == 200:
                return process, endpoint
        except OSError:
            time.sleep(0.1)
        finally:
            connection.close()
    stop(process)
    raise SystemExit("kg loadtest: oxigraph did not start within 60 s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(15)


def percentile(sorted_values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of already sorted values."""
    return sorted_values[max(0, math.ceil(fraction * len(sorted_values)) - 1)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}"


@dataclass
class Run:
    """One server's requests over all its rounds."""

    name: str
    seconds: float = 0.0
    tallies: list[Tally] = field(default_factory=list)

    def by_query(self) -> dict[str, list[float]]:
        found: dict[str, list[float]] = {}
        for tally in self.tallies:
            for name, values in tally.latencies.items():
                found.setdefault(name, []).extend(values)
        return found

    def latencies(self) -> list[float]:
        return sorted(v for values in self.by_query().values() for v in values)

    def errors(self) -> Counter[str]:
        errors: Counter[str] = Counter()
        for tally in self.tallies:
            errors.update(tally.errors)
        return errors

    def rate(self) -> float:
        return len(self.latencies()) / self.seconds if self.seconds else 0.0


def load(run: Run, endpoint: str, clients: int, seconds: float, queries: list[tuple[str, bytes]],
         expected: dict[str, Counter[Row]]) -> None:
    """One round: ``clients`` threads against one endpoint for ``seconds``."""
    tallies = [Tally() for _ in range(clients)]
    started = time.monotonic()
    deadline = started + seconds
    threads = [threading.Thread(target=client, args=(n, endpoint, queries, expected, deadline, tallies[n]), daemon=True)
               for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 120)
    run.seconds += time.monotonic() - started
    run.tallies += tallies


def build_graph(work: Path) -> tuple[Path, str]:
    """The dev-sized graph (35 articles), or the repository's own articles without ../shared."""
    graph = work / "graph.ttl"
    if DEV_ARTICLES.is_file():
        sources, described = [str(DEV_ARTICLES)], "the 35 dev articles of ../shared/eval/dev_gold.jsonl"
    else:
        sources, described = [str(ROOT / "seeds"), str(ROOT / "tests" / "articles")], "seeds/ and tests/articles/"
    subprocess.run([sys.executable, "-m", "kg", "build", *sources, "--out", str(graph), "--quiet"], cwd=ROOT, check=True,
                   stderr=subprocess.DEVNULL)
    return graph, described


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.loadtest", description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=int(os.environ.get("KG_LOAD_CLIENTS", "8")))
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("KG_LOAD_SECONDS", "15")),
                        help="length of one round (default: 15)")
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("KG_LOAD_ROUNDS", "2")),
                        help="rounds per server, alternating (default: 2)")
    parser.add_argument("--jobs", type=int, default=None, help="kg serve --jobs (default: kg serve's own)")
    parser.add_argument("--graph", type=Path, default=None,
                        help="serve this graph file instead of building the dev-sized one")
    parser.add_argument("--no-oxigraph", action="store_true", help="load kg serve --graph alone")
    args = parser.parse_args(argv)

    work = ROOT / "out" / "loadtest"
    work.mkdir(parents=True, exist_ok=True)
    graph, described = (args.graph, "given") if args.graph else build_graph(work)
    paths = sorted((ROOT / "queries").glob("*.rq"))
    expected, triples = expected_rows(graph, paths)
    queries = [(path.name, path.read_bytes()) for path in paths]
    from kg.serve import DEFAULTS

    jobs = args.jobs or DEFAULTS["jobs"]
    runs = [Run("kg serve --graph")] + ([] if args.no_oxigraph else [Run("oxigraph serve-read-only"),
                                                                     Run("kg serve --store")])
    processes: list[subprocess.Popen] = []
    try:
        process, endpoint = start_server(["--graph", str(graph)], jobs, work / "serve.log")
        processes.append(process)
        endpoints = [endpoint]
        if not args.no_oxigraph:
            database = load_database(graph, work)
            for start in (lambda: start_oxigraph(graph, database / "oxigraph", work / "oxigraph.log"),
                          lambda: start_server(["--store", str(database)], jobs, work / "serve-store.log")):
                process, endpoint = start()
                processes.append(process)
                endpoints.append(endpoint)
        for _round in range(args.rounds):
            for run, endpoint in zip(runs, endpoints):
                load(run, endpoint, args.clients, args.seconds, queries, expected)
    finally:
        for process in processes:
            stop(process)

    lines: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    served = runs[0]
    every = served.latencies()
    if not every:
        raise SystemExit("kg loadtest: no request was answered")
    say(f"# kg loadtest: {args.clients} clients, {args.rounds} rounds of {args.seconds:g} s a server, "
        f"kg serve --jobs {jobs}, {os.cpu_count()} cores")
    say()
    say(f"Graph {graph.name} ({triples:,} triples, {described}); {len(paths)} shipped queries in turn; every answer "
        "of either server compared with kg query's rows in process. Rounds alternate between the servers.")
    say()
    say("| endpoint, same graph, same queries | requests | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors |")
    say("|---|---:|---:|---:|---:|---:|---:|---:|")
    for run in runs:
        values = run.latencies()
        if not values:
            say(f"| `{run.name}` | 0 | 0 | | | | | {sum(run.errors().values())} |")
            continue
        say(f"| `{run.name}` | {len(values):,} | {run.rate():,.1f} | {ms(percentile(values, .5))} | "
            f"{ms(percentile(values, .9))} | {ms(percentile(values, .99))} | {ms(values[-1])} | "
            f"{sum(run.errors().values())} |")
    say()
    if len(runs) > 1 and runs[1].rate():
        ratio = served.rate() / runs[1].rate()
        p99 = percentile(every, .99)
        met = ratio >= TARGET_RATIO and p99 < TARGET_P99 and not served.errors()
        say(f"**kg serve --graph / oxigraph: {ratio:.2f}x the requests/s**; kg serve's p99 {ms(p99)} ms. Target "
            f"(issue 16): at least {TARGET_RATIO}x, p99 under {TARGET_P99 * 1000:.0f} ms, no errors: "
            f"{'met' if met else 'NOT met'}.")
        if len(runs) > 2 and runs[2].rate():
            say(f"kg serve --store (the same on-disk database as oxigraph's) / oxigraph: "
                f"{runs[2].rate() / runs[1].rate():.2f}x the requests/s.")
        say()
    say("p50 / p99 ms per query:")
    say()
    say("| query | " + " | ".join(f"`{run.name}`" for run in runs) + " |")
    say("|---|" + "---:|" * len(runs))
    tables = [run.by_query() for run in runs]
    for name in sorted(tables[0]):
        cells = []
        for table in tables:
            values = sorted(table.get(name, []))
            cells.append(f"{ms(percentile(values, .5))} / {ms(percentile(values, .99))}" if values else "")
        say(f"| {name} | " + " | ".join(cells) + " |")
    errors = False
    for run in runs:
        if run.errors():
            errors = True
            say(f"- {run.name} errors: {dict(run.errors())}")
            for example in [e for tally in run.tallies for e in tally.examples][:5]:
                say(f"  - {example}")
    out = ROOT / "out" / "loadtest.md"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"\nkg loadtest: wrote {out.relative_to(ROOT)}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
