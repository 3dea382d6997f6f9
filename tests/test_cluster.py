"""Issue 14: ``kg build --scheduler`` on a Dask distributed cluster builds the graph a local build makes.

The test starts its own ``distributed.LocalCluster`` of two worker processes on this machine.
"""
from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kg import export
from kg.build import BuildReport, build_graphs

sys.path.insert(0, str(Path(__file__).parent))
import webdata  # noqa: E402

distributed = pytest.importorskip("distributed")
ARTICLES = 40


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(ARTICLES):
        (folder / f"story{i:03d}.txt").write_text(webdata.headline(i) + "\n" + webdata.plain_text(i), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def local_nquads(corpus, tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("local") / "graph.nq"
    report = BuildReport()
    graphs = build_graphs([str(corpus)], report=report)
    assert report.documents == ARTICLES
    export.write_graphs(graphs, out)
    return sorted_lines(out)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as local:
        yield local


def sorted_lines(path: Path) -> bytes:
    return b"".join(sorted(path.read_bytes().splitlines(keepends=True)))


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=600)


def test_a_cluster_build_is_byte_for_byte_the_local_build(cluster, corpus, local_nquads, tmp_path):
    out = tmp_path / "graph.nq"
    done = kg("build", str(corpus), "--scheduler", cluster.scheduler_address, "--out", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    assert sorted_lines(out) == local_nquads


def test_a_worker_killed_mid_build_costs_nothing_but_a_retry(cluster, corpus, local_nquads, tmp_path):
    with distributed.Client(cluster) as client:
        client.wait_for_workers(2)
        killed: list[int] = []

        def kill_a_worker_after_the_first_batch(stream):
            for n, extraction in enumerate(stream):
                if n == 4:  # the first batch is back; the others are on the workers
                    pids = sorted(client.run(os.getpid).values())
                    os.kill(pids[-1], signal.SIGKILL)
                    killed.append(pids[-1])
                yield extraction

        report = BuildReport()
        graphs = build_graphs([str(corpus)], scheduler=client, batch_size=4, report=report,
                              progress=kill_a_worker_after_the_first_batch)
        assert killed and report.documents == ARTICLES
        out = tmp_path / "graph.nq"
        export.write_graphs(graphs, out)
        assert sorted_lines(out) == local_nquads
        client.wait_for_workers(2, timeout=120)  # the nanny has started a new one
        assert killed[0] not in client.run(os.getpid).values()


def test_a_cluster_build_into_a_store_then_again_adds_nothing(cluster, corpus, tmp_path):
    store = tmp_path / "store"
    first = kg("build", str(corpus), "--scheduler", cluster.scheduler_address, "--store", str(store))
    assert first.returncode == 0, first.stderr
    assert f"{ARTICLES} documents" in first.stderr.splitlines()[-1]
    again = kg("build", str(corpus), "--scheduler", cluster.scheduler_address, "--store", str(store))
    assert again.returncode == 0, again.stderr
    assert again.stderr.splitlines()[-1].startswith("kg: ") and "0 documents" in again.stderr.splitlines()[-1]
    assert f"{ARTICLES} unchanged" in again.stderr.splitlines()[-1]


def test_scheduler_and_jobs_together_or_a_bad_address_are_one_line(corpus, tmp_path):
    done = kg("build", str(corpus), "--scheduler", "tcp://127.0.0.1:1", "--jobs", "2", "--out", str(tmp_path / "g.nq"))
    assert done.returncode == 1 and done.stderr.startswith("kg: error: --scheduler and --jobs")
    done = kg("build", str(corpus), "--scheduler", "nonsense", "--out", str(tmp_path / "g.nq"))
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert done.stderr.startswith("kg: error: --scheduler nonsense: not a scheduler address")
