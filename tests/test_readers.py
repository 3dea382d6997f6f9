"""Issue 14: news as the web holds it — pages with boilerplate, web archives (whole, cut, large), feeds.

Every page, archive and feed is written here, from the invented articles in tests/webdata.py.
"""
from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.build import BuildReport, build_graphs
from kg.documents import Problem, read_documents, read_file, read_text
from kg.rdf.namespaces import SDO
from kg.readers.fields import url_id
from kg.records import Document

sys.path.insert(0, str(Path(__file__).parent))
import webdata  # noqa: E402

METADATA = {SDO.headline, SDO.url, SDO.datePublished, SDO.publisher}


def quads(paths) -> set[tuple]:
    report = BuildReport()
    graphs = build_graphs([str(p) for p in paths], report=report)
    assert report.documents
    return {(graph.identifier, *triple) for graph in graphs for triple in graph}


def without_metadata(found: set[tuple]) -> set[tuple]:
    """The graph less what a page says of itself (headline, byline, date, publisher, address)."""
    return {q for q in found if q[2] not in METADATA and not (q[2] == SDO.author and isinstance(q[3], Literal))}


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=600)


def documents(*paths) -> tuple[list[Document], list[Problem]]:
    items = list(read_documents([str(p) for p in paths]))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Problem)]


# -- web pages ------------------------------------------------------------------------------------
def test_a_page_with_boilerplate_gives_the_articles_graph_and_its_metadata(tmp_path):
    (tmp_path / "web").mkdir()
    (tmp_path / "text").mkdir()
    (tmp_path / "web" / "story.html").write_text(webdata.page(3), encoding="utf-8")
    (tmp_path / "text" / "story.txt").write_text(webdata.plain_text(3), encoding="utf-8")
    from_page, from_text = quads([tmp_path / "web"]), quads([tmp_path / "text"])

    assert without_metadata(from_page) == from_text  # the same statements, posts, mentions, offsets
    statements = [q for q in from_text if q[2] == SDO.author]
    assert len(statements) >= 2, "the article's quotations are statements"
    literals = " ".join(str(q[3]) for q in from_page if isinstance(q[3], Literal))
    for name, text in webdata.BOILERPLATE.items():
        for fragment in (text[:25], text[-25:]):
            assert fragment not in literals, f"{name} boilerplate reached the graph"
    assert "Brennick" not in literals and "Bexley" not in literals and "Nobody" not in literals
    doc = next(q[1] for q in from_page if q[2] == SDO.identifier and str(q[3]) == "story")
    said = {(q[2], q[3]) for q in from_page if q[1] == doc}
    assert (SDO.headline, Literal(webdata.headline(3))) in said
    assert (SDO.author, Literal("Rosa Lindqvist")) in said
    assert (SDO.datePublished, Literal("2024-03-04")) in said
    assert (SDO.publisher, Literal("The Valley Courier")) in said
    assert {str(o) for p, o in said if p == SDO.url} == {webdata.url(3)}


def test_a_page_too_small_for_an_article_is_still_read_by_the_stripper(tmp_path):
    (tmp_path / "note.html").write_text("<title>Short</title><p>“Yes,” said Ana Ruiz.</p>", encoding="utf-8")
    assert read_file(tmp_path / "note.html")[:2] == ("“Yes,” said Ana Ruiz.", "Short")


@pytest.mark.parametrize("markup", [
    "<p " + " ".join(f'a{i}="x"' for i in range(40000)) + ">Ana Ruiz said yes.</p>",  # libxml2: quadratic
    "<p>" * 60000 + "Ana Ruiz said yes.",  # trafilatura: many walks of a huge tree
    "<a " * 60000,  # html.parser: rescans
])
def test_hostile_markup_is_read_by_the_linear_stripper(tmp_path, markup):
    """Pages no newsroom publishes, which the libraries read in quadratic (or very long) time, are read by
    kg's own stripper instead; the text comes back."""
    (tmp_path / "odd.html").write_text(markup, encoding="utf-8")
    text = read_text(tmp_path / "odd.html")
    assert text.strip().endswith(("Ana Ruiz said yes.", "<a"))


# -- web archives ---------------------------------------------------------------------------------
def test_a_warc_of_200_pages_builds_the_graph_of_the_200_pages_as_files(tmp_path):
    pages = list(range(200))
    archive = webdata.write_warc(tmp_path / "crawl.warc.gz", pages)
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in pages:  # each page saved under the id the archive gives it: its address
        (folder / f"{url_id(webdata.url(i))}.html").write_text(webdata.page(i), encoding="utf-8")
    from_archive = quads([archive])
    assert from_archive == quads([folder])
    docs = {q[1] for q in from_archive if q[2] == SDO.url}
    assert len(docs) == 200


def test_a_warc_article_has_its_address_and_falls_back_on_the_warc_date(tmp_path):
    """Without a canonical link or a date in the page, the record's target URI and WARC-Date are used;
    requests, a redirect, an image and a metadata record are passed over and counted in one line."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = re.sub(r'<meta property="article:published_time"[^>]*>', "", webdata.page(5, canonical=False))
    with (tmp_path / "one.warc").open("wb") as f:
        writer = WARCWriter(f, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://news.example/a/5", "response", payload=io.BytesIO(page.encode("utf-8")), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2023-11-02T08:00:00Z"}))
    [doc], problems = documents(tmp_path / "one.warc")
    assert (doc.id, doc.url, doc.date) == ("news.example_a_5", "https://news.example/a/5", "2023-11-02")
    assert problems == []
    webdata.write_warc(tmp_path / "crawl.warc.gz", [1, 2])
    found, problems = documents(tmp_path / "crawl.warc.gz")
    assert len(found) == 2
    [count] = problems
    assert count.info and not count.skipped
    assert "2 article(s) read; passed over 2 request records, 1 HTTP 301 responses, 1 metadata records, " \
           "1 non-HTML responses" in count.reason


def _record_ends(archive: Path) -> dict[tuple[str, str], tuple[int, int]]:
    """(record type, target URI) -> (offset, length) of each record, as warcio reports them."""
    from warcio.archiveiterator import ArchiveIterator

    ends = {}
    with archive.open("rb") as f:
        records = ArchiveIterator(f)
        for record in records:
            uri, kind = record.rec_headers.get_header("WARC-Target-URI"), record.rec_type
            record.content_stream().read()
            ends[kind, uri] = (records.get_record_offset(), records.get_record_length())
    return ends


@pytest.mark.parametrize("inside", ["response", "request"])
@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_a_truncated_warc_keeps_every_article_before_the_cut(tmp_path, gzip, inside):
    whole = webdata.write_warc(tmp_path / ("whole.warc" + (".gz" if gzip else "")), list(range(6)), gzip=gzip)
    offset, length = _record_ends(whole)[inside, webdata.url(4)]
    cut = tmp_path / ("cut.warc" + (".gz" if gzip else ""))
    cut.write_bytes(whole.read_bytes()[:offset + length // 2])  # in the middle of page 4's request or response

    found, problems = documents(cut)
    assert [d.id for d in found] == [url_id(webdata.url(i)) for i in range(4)]
    damage = [p for p in problems if p.skipped]
    assert len(damage) == 1 and "the 4 article(s) before it are kept" in damage[0].reason
    at = int(re.search(r"byte (\d+)", damage[0].reason).group(1))
    assert offset - 4 <= at <= offset  # where the cut record starts (or the last whole one ends, before CRLF CRLF)
    if inside == "request":
        return  # the command's exit is the same whatever the record; checked once per compression below
    done = kg("build", str(cut), "--out", str(tmp_path / "g.nq"), "--quiet")
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith(f"kg: warning: skipped {cut}: ")
    strict = kg("build", str(cut), "--out", str(tmp_path / "strict.nq"), "--quiet", "--strict")
    assert strict.returncode == 1 and "--strict" in strict.stderr
    assert not (tmp_path / "strict.nq").exists()


def test_reading_a_large_warc_takes_no_more_memory_than_a_small_one(tmp_path):
    """Peak memory reading 2,000 records is within 10% of reading 200: the archive is streamed."""
    script = ("import resource, sys\nfrom kg.documents import read_documents, Document\n"
              "n = sum(isinstance(d, Document) for d in read_documents([sys.argv[1]]))\n"
              "print(n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    peaks = {}
    for count in (200, 2000):
        archive = webdata.write_warc(tmp_path / f"c{count}.warc.gz", list(range(count)))
        done = subprocess.run([sys.executable, "-c", script, str(archive)], capture_output=True, text=True, check=True)
        read, peak = map(int, done.stdout.split())
        assert read == count
        peaks[count] = peak
    assert peaks[2000] <= 1.10 * peaks[200], peaks


def test_damaged_and_empty_archives_are_one_line_each(tmp_path):
    (tmp_path / "empty.warc").write_bytes(b"")
    (tmp_path / "garbage.warc.gz").write_bytes(b"\x1f\x8b" + bytes(range(256)) * 4)
    _found, problems = documents(tmp_path / "empty.warc", tmp_path / "garbage.warc.gz")
    assert [p.where for p in problems] == [str(tmp_path / "empty.warc"), str(tmp_path / "garbage.warc.gz")]
    assert all(p.skipped for p in problems)
    assert "no records" in problems[0].reason and "damaged" in problems[1].reason


def test_an_archive_named_otherwise_is_known_by_its_first_bytes(tmp_path):
    archive = webdata.write_warc(tmp_path / "crawl.warc.gz", [7])
    (tmp_path / "crawl.dat").write_bytes(archive.read_bytes())
    found, _problems = documents(tmp_path / "crawl.dat")
    assert [d.id for d in found] == [url_id(webdata.url(7))]


# -- feeds ----------------------------------------------------------------------------------------
def test_an_rss_feed_with_full_content_becomes_its_articles(tmp_path):
    (tmp_path / "courier.rss").write_text(webdata.rss([1, 2, 3]), encoding="utf-8")
    found, problems = documents(tmp_path / "courier.rss")
    assert problems == []
    assert [d.text for d in found] == [webdata.plain_text(i) for i in (1, 2, 3)]
    first = found[0]
    assert (first.id, first.url, first.date, first.author, first.publisher, first.title, first.summary_only) == (
        url_id(webdata.url(1)), webdata.url(1), "2024-03-02", "Rosa Lindqvist", "The Valley Courier",
        webdata.headline(1), False)


def test_feed_entries_with_only_a_summary_say_so_in_the_summary_line(tmp_path):
    (tmp_path / "briefs.xml").write_text(webdata.atom([4, 5]), encoding="utf-8")  # .xml named directly: sniffed
    found, problems = documents(tmp_path / "briefs.xml")
    assert [d.summary_only for d in found] == [True, True]
    assert found[0].text == webdata.paragraphs(4)[1] and found[0].date == "2024-03-05"
    assert [p.info for p in problems] == [True]
    done = kg("build", str(tmp_path / "briefs.xml"), "--out", str(tmp_path / "g.ttl"))
    assert done.returncode == 0, done.stderr
    summary = done.stderr.strip().splitlines()[-1]
    assert summary.startswith("kg: wrote") and "2 from a feed's summary only" in summary
    assert "2 of 2 entries carry only a summary" in done.stderr


def test_a_file_that_is_no_feed_and_a_broken_feed_are_named(tmp_path):
    (tmp_path / "not.rss").write_text("just some words, no feed at all", encoding="utf-8")
    broken = webdata.rss([1, 2]).replace("</channel></rss>", "<item><title>cut")  # cut mid-item
    (tmp_path / "broken.rss").write_text(broken, encoding="utf-8")
    found, problems = documents(tmp_path / "broken.rss", tmp_path / "not.rss")
    assert [d.id for d in found][:2] == [url_id(webdata.url(1)), url_id(webdata.url(2))]
    assert any(p.where.endswith("broken.rss") and "malformed feed" in p.reason and not p.skipped for p in problems)
    assert any(p.where.endswith("not.rss") and "not an RSS or Atom feed" in p.reason and p.skipped for p in problems)


def test_new_formats_are_found_in_folders(tmp_path):
    webdata.write_warc(tmp_path / "a.warc.gz", [1])
    (tmp_path / "b.rss").write_text(webdata.rss([2]), encoding="utf-8")
    (tmp_path / "c.atom").write_text(webdata.atom([3]), encoding="utf-8")
    (tmp_path / "d.gz").write_bytes(b"\x1f\x8b\x08\x00")  # any other .gz is not read
    found, _problems = documents(tmp_path)
    assert sorted(d.id for d in found) == sorted(url_id(webdata.url(i)) for i in (1, 2, 3))


def test_a_jsonl_byline_lands_on_the_article(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": "x1", "text": "Ana Ruiz said the dam was safe.", '
                                      '"author": "Rosa Lindqvist"}\n', encoding="utf-8")
    found = quads([tmp_path / "a.jsonl"])
    assert any(q[2] == SDO.author and q[3] == Literal("Rosa Lindqvist") and isinstance(q[1], URIRef) for q in found)
