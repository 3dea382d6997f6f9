"""The Python interface returns what it says: graphs, not tuples; reports only when asked for, problems never lost."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic

import kg
from kg.rdf.mapper import union_graph

ROOT = Path(__file__).resolve().parent.parent
# Invented articles: no text from any corpus.
BAKERY = "Ms. Olga Brandt, the head of the Riverside Bakers Guild, said the ovens would stay lit all winter.\n"
FERRY = "“The ferry will run again on Monday,” said Tomas Reyes, the harbour master of Port Ellis.\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("articles")
    (path / "bakery.txt").write_text(BAKERY, encoding="utf-8")
    (path / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (path / "blank.txt").write_text("   \n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built(folder: Path) -> tuple[Dataset, kg.BuildReport]:
    report = kg.BuildReport()
    return kg.build_graph(folder, report=report), report


def speakers(graph: Dataset) -> list[str]:
    return sorted(str(row.speaker) for row in kg.query_graph(graph, ROOT / "queries" / "quotes.rq"))


def test_build_graph_returns_a_dataset_and_fills_the_report(built) -> None:
    graph, report = built
    assert isinstance(graph, Dataset)
    assert speakers(graph) == ["Olga Brandt", "Tomas Reyes"]
    assert (report.documents, report.statements) == (2, 2) and report.roles >= 1 and report.entities >= 4
    assert len(report.problems) == 1 and str(report.problems[0]).endswith("blank.txt: only whitespace")


def test_without_a_report_each_skipped_input_is_a_warning(folder: Path) -> None:
    with pytest.warns(UserWarning, match="blank.txt: only whitespace"):
        kg.build_graph([folder / "blank.txt", folder / "bakery.txt"])


def test_a_path_that_does_not_exist_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nowhere: no such file or folder"):
        kg.build_graph(tmp_path / "nowhere")


def test_texts_build_the_same_graph_as_the_files_they_came_from(built) -> None:
    graph, _ = built
    from_texts = kg.build_graph_from_texts({"bakery": BAKERY, "ferry": FERRY})
    assert isomorphic(union_graph(from_texts), union_graph(graph))


def test_texts_as_a_string_or_a_list_get_ids_and_bad_texts_are_refused() -> None:
    assert {str(row.doc).rsplit("/", 1)[1] for row in kg.query_graph(
        kg.build_graph_from_texts([BAKERY, FERRY]), "queries/quotes.rq")} == {"text-1", "text-2"}
    from kg.documents import InputError

    with pytest.raises(InputError, match="'empty': no text"):
        kg.build_graph_from_texts({"empty": " \n"})
    with pytest.raises(TypeError, match="expected a string"):
        kg.build_graph_from_texts({"n": 5})


def test_query_binds_keywords_save_and_load_round_trip_and_draw_returns_the_network(built, tmp_path: Path) -> None:
    graph, _ = built
    rows = kg.query_graph(graph, "queries/said_by.rq", name="Tomas Reyes")
    assert [str(row.content) for row in rows] == ["The ferry will run again on Monday"]
    assert len(kg.query_graph(graph, "queries/said_by.rq", name='x" } ; DROP ALL ; { "')) == 0
    kg.save_graph(graph, tmp_path / "g.trig")
    assert isomorphic(union_graph(kg.load_graph(tmp_path / "g.trig")), union_graph(graph))
    drawn = kg.draw_graph(graph, tmp_path / "g.graphml", focus="Olga Brandt")
    assert "Olga Brandt" in {label for _, label in drawn.nodes(data="label")}
    assert (tmp_path / "g.graphml").read_bytes().startswith(b"<?xml")
    with pytest.raises(FileNotFoundError):
        kg.load_graph(tmp_path / "missing.ttl")


def test_the_lower_level_entry_points_return_what_they_say(folder: Path) -> None:
    from kg.build import BuildReport, build
    from kg.documents import read_file, read_text

    report = BuildReport()
    assert isinstance(build([folder / "bakery.txt"], report=report), Dataset) and report.documents == 1
    assert read_text(folder / "ferry.txt") == FERRY and kg.read_text(folder / "ferry.txt") == FERRY
    page = folder.parent / "ferry.html"
    page.write_text(f"<html><head><title>Ferry</title></head><body><p>{FERRY}</p></body></html>", encoding="utf-8")
    assert read_file(page).title == "Ferry" and read_text(page).strip() == FERRY.strip()


def test_import_kg_loads_neither_spacy_nor_rdflib() -> None:
    code = "import kg, sys; print('spacy' in sys.modules or 'rdflib' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


def test_load_graph_opens_a_store_folder_as_kg_build_store_wrote_it(folder: Path, tmp_path: Path) -> None:
    from kg.cli import main

    store = tmp_path / "store"
    assert main(["build", str(folder / "bakery.txt"), str(folder / "ferry.txt"), "--store", str(store), "--quiet"]) == 0
    assert speakers(kg.load_graph(store)) == ["Olga Brandt", "Tomas Reyes"]
