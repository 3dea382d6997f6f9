"""``python -m kg.loadtest``: ``kg serve`` under load, every answer checked (part of ``make bench``).

Builds a graph from ``seeds/`` and ``tests/articles/``, answers every shipped query
(``queries/*.rq``) in process as ``kg query`` does, then starts ``kg serve`` on a free
loopback port and runs 8 clients for 30 seconds, each sending the shipped queries in
turn (each client starting at a different one) over a kept-alive HTTP connection. Every
answer is compared with the in-process rows (as a multiset: a query without ORDER BY
may list rows in any order); a wrong answer, a non-200 status, a cut answer or a
dropped connection is an error. It prints and writes to ``out/loadtest.md`` the
requests per second and the latency percentiles, overall and per query, and exits 1
when there was any error. Loopback only, a fixed duration, and the server is stopped
at the end whatever happens.

A bench, not a timed test: the numbers depend on the machine and on what else runs.
"""
from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
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


def client(number: int, base: str, queries: list[tuple[str, bytes]], expected: dict[str, Counter[Row]],
           deadline: float, tally: Tally) -> None:
    """Send the queries in turn, starting at the ``number``-th, until ``deadline``; check every answer."""
    address = urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    headers = {"Content-Type": "application/sparql-query", "Accept": JSON_RESULTS}
    turn = number
    while time.monotonic() < deadline:
        name, body = queries[turn % len(queries)]
        turn += 1
        started = time.perf_counter()
        try:
            connection.request("POST", "/sparql", body=body, headers=headers)
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


def start_server(graph: Path, jobs: int, log: Path) -> tuple[subprocess.Popen, str]:
    """``kg serve`` on a port the system picks; its address from the line it prints when it listens."""
    with open(log, "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--graph", str(graph), "--port", "0",
                                    "--host", "127.0.0.1", "--jobs", str(jobs), "--quiet"],
                                   stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8", errors="replace")
        if " at http://127.0.0.1:" in text:
            port = text.split(" at http://127.0.0.1:", 1)[1].split("/", 1)[0]
            return process, f"http://127.0.0.1:{int(port)}"
        if process.poll() is not None:
            raise SystemExit(f"kg loadtest: kg serve exited with {process.returncode}:\n{text[-2000:]}")
        time.sleep(0.1)
    stop(process)
    raise SystemExit("kg loadtest: kg serve did not start within 120 s")


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.loadtest", description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=int(os.environ.get("KG_LOAD_CLIENTS", "8")))
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("KG_LOAD_SECONDS", "30")))
    parser.add_argument("--jobs", type=int, default=2, help="kg serve --jobs: queries answered at once")
    parser.add_argument("--graph", type=Path, default=None,
                        help="serve this graph file instead of building one from seeds/ and tests/articles/")
    args = parser.parse_args(argv)

    work = ROOT / "out" / "loadtest"
    work.mkdir(parents=True, exist_ok=True)
    graph = args.graph
    if graph is None:
        graph = work / "graph.ttl"
        sources = [str(ROOT / "seeds"), str(ROOT / "tests" / "articles")]
        subprocess.run([sys.executable, "-m", "kg", "build", *sources, "--out", str(graph), "--quiet"], cwd=ROOT,
                       check=True)
    paths = sorted((ROOT / "queries").glob("*.rq"))
    expected, triples = expected_rows(graph, paths)
    queries = [(path.name, path.read_bytes()) for path in paths]

    process, base = start_server(graph, args.jobs, work / "serve.log")
    tallies = [Tally() for _ in range(args.clients)]
    try:
        started = time.monotonic()
        deadline = started + args.seconds
        threads = [threading.Thread(target=client, args=(n, base, queries, expected, deadline, tallies[n]), daemon=True)
                   for n in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(args.seconds + 120)
        wall = time.monotonic() - started
    finally:
        stop(process)

    by_query: dict[str, list[float]] = {}
    errors: Counter[str] = Counter()
    examples: list[str] = []
    for tally in tallies:
        for name, values in tally.latencies.items():
            by_query.setdefault(name, []).extend(values)
        errors.update(tally.errors)
        examples.extend(tally.examples)
    every = sorted(v for values in by_query.values() for v in values)
    if not every:
        raise SystemExit("kg loadtest: no request was answered")
    lines: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    say(f"# kg loadtest: {args.clients} clients, {args.seconds:g} s, kg serve --jobs {args.jobs}, {os.cpu_count()} cores")
    say()
    say(f"Graph {graph.name} ({triples:,} triples{'' if args.graph else ', from seeds/ and tests/articles/'}); "
        f"{len(paths)} shipped queries "
        "in turn; every answer compared with kg query's rows in process.")
    say()
    say(f"{len(every):,} requests in {wall:.1f} s: **{len(every) / wall:,.1f} requests/s**; "
        f"errors: {sum(errors.values())}" + (f" ({dict(errors)})" if errors else "") + ".")
    say()
    say("| query | requests | p50 ms | p90 ms | p99 ms | max ms |")
    say("|---|---:|---:|---:|---:|---:|")
    for name in sorted(by_query):
        values = sorted(by_query[name])
        say(f"| {name} | {len(values):,} | {ms(percentile(values, .5))} | {ms(percentile(values, .9))} | "
            f"{ms(percentile(values, .99))} | {ms(values[-1])} |")
    say(f"| **all** | {len(every):,} | {ms(percentile(every, .5))} | {ms(percentile(every, .9))} | "
        f"{ms(percentile(every, .99))} | {ms(every[-1])} |")
    for example in examples[:5]:
        say(f"- {example}")
    out = ROOT / "out" / "loadtest.md"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"\nkg loadtest: wrote {out.relative_to(ROOT)}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
