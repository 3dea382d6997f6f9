"""kg viz on an archive: the overview (weights, ties, communities), its page in a real browser, the same bytes
from every process, and a store drawn as a file is. The archive is generated here (invented names and text)."""
from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Literal, URIRef

from kg import export
from kg.build import build
from kg.cli import main
from kg.rdf.mapper import new_dataset
from kg.rdf.namespaces import KG, NIF, ORG, PROV, RDF, RDFS, SDO
from kg.viz import draw
from kg.viz.model import to_networkx
from kg.viz.overview import VISIBLE, default_threshold, overview, ranked
from kg.viz.screenshot import CHROMIUM

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://example.org/kg/"
PUBLISHERS = ("the-daily-lantern", "harbour-times", "valley-courier", "north-post", "the-evening-ledger")


def archive(articles: int = 818, seed: int = 7):
    """A generated archive in the mapper's vocabulary, at the scale ``kg build`` makes of 818 news articles.

    Per article: about 13 statements, each by a speaker drawn with a long tail (a few voices say most)
    and about up to two entities drawn likewise; posts held in organisations; a date in 2016 (one
    article in twenty has none) and one of five publishers.
    """
    rnd = random.Random(seed)
    scale = articles / 818
    count = {"person": int(3460 * scale), "organisation": int(2519 * scale), "place": int(1028 * scale),
             "source": int(1880 * scale), "post": int(1295 * scale)}
    classes = {"person": SDO.Person, "organisation": SDO.Organization, "place": SDO.Place,
               "source": KG.UnnamedSource, "post": ORG.Post}
    nodes = {kind: [URIRef(f"{BASE}{kind}/{kind[0]}{i}") for i in range(n)] for kind, n in count.items()}
    ds = new_dataset()
    ds.default_union = True
    entities = ds.graph(URIRef(f"{BASE}graph/entities"))
    for kind, items in nodes.items():
        for i, iri in enumerate(items):
            entities.add((iri, RDF.type, classes[kind]))
            entities.add((iri, RDFS.label, Literal(f"{kind.title()} {i}")))
    for i, post in enumerate(nodes["post"]):
        entities.add((post, ORG.postIn, nodes["organisation"][int(rnd.paretovariate(1.1)) % len(nodes["organisation"])]))
        entities.add((nodes["person"][(i * 7) % len(nodes["person"])], ORG.holds, post))
    speakers = nodes["person"] + nodes["source"]
    named = nodes["person"] + nodes["organisation"] + nodes["place"]

    def tail(items: list, a: float = 1.05) -> URIRef:
        return items[(int(rnd.paretovariate(a)) - 1) * 13 % len(items)]

    n = 0
    for d in range(articles):
        doc = URIRef(f"{BASE}doc/article-{d:04d}")
        g = ds.graph(doc)
        g.add((doc, RDF.type, SDO.NewsArticle))
        g.add((doc, SDO.identifier, Literal(f"article-{d:04d}")))
        g.add((doc, SDO.headline, Literal(f"Invented headline number {d}")))
        g.add((doc, SDO.publisher, Literal(PUBLISHERS[d % len(PUBLISHERS)])))
        if d % 20:
            g.add((doc, SDO.datePublished, Literal(f"2016-{1 + d % 12:02d}-{1 + d % 28:02d}")))
        for _ in range(rnd.randint(6, 20)):
            speaker = tail(speakers)
            statement, sentence = URIRef(f"{doc}/statement/{n}"), URIRef(f"{doc}#char={n},{n + 90}")
            text = f"invented remark number {n} about the weather"
            for triple in [(statement, RDF.type, SDO.Quotation), (statement, SDO.author, speaker),
                           (speaker, KG.stated, statement), (statement, SDO.text, Literal(text)),
                           (statement, KG.cue, Literal("said")), (statement, SDO.isPartOf, doc),
                           (statement, PROV.wasDerivedFrom, sentence), (sentence, RDF.type, NIF.Sentence),
                           (sentence, NIF.referenceContext, doc), (doc, SDO.mentions, speaker),
                           (sentence, NIF.anchorOf, Literal(f"Someone said {text}, the paper wrote."))]:
                g.add(triple)
            for _ in range(rnd.choice((0, 1, 1, 2))):
                target = tail(named)
                g.add((statement, SDO.about, target))
                g.add((doc, SDO.mentions, target))
            n += 1
    return ds


# -- the model ------------------------------------------------------------------------------------
def tiny() -> nx.MultiDiGraph:
    """Ann speaks three times about Bob and once about Acme; Bob holds a post in Acme."""
    people = nx.MultiDiGraph(documents={"d1": {"title": "One", "date": "2016-01-02", "publisher": "p", "url": ""}})
    for node, kind in (("ann", "person"), ("bob", "person"), ("acme", "organisation"), ("post", "post"),
                       ("s1", "statement"), ("s2", "statement"), ("s3", "statement"), ("s4", "statement")):
        people.add_node(node, kind=kind, label=node.title(), documents=["d1"], aliases=[], details={})
    for a, b, key in (("ann", "s1", "said"), ("ann", "s2", "said"), ("ann", "s3", "said"), ("ann", "s4", "said"),
                      ("s1", "bob", "about"), ("s2", "bob", "about"), ("s3", "bob", "about"), ("s4", "acme", "about"),
                      ("bob", "post", "holds"), ("post", "acme", "post in")):
        people.add_edge(a, b, key=key, label=key)
    return people


def test_overview_weighs_entities_and_the_ties_between_them():
    view = overview(tiny())
    assert sorted(view.nodes) == ["acme", "ann", "bob"]
    assert (view.nodes["ann"]["quoted"], view.nodes["ann"]["named"], view.nodes["ann"]["weight"]) == (4, 1, 5)
    assert (view.nodes["bob"]["quoted"], view.nodes["bob"]["named"]) == (0, 4)  # 3 statements about him, 1 article
    ties = {(a, b, k): d for a, b, k, d in view.edges(keys=True, data=True)}
    assert ties[("ann", "bob", "about")]["weight"] == 3
    assert ties[("ann", "bob", "about")]["statements"] == ["s1", "s2", "s3"]
    assert ties[("bob", "acme", "post")]["posts"] == ["post"] and ties[("bob", "acme", "post")]["weight"] == 1
    assert set(ties) == {("ann", "bob", "about"), ("ann", "acme", "about"), ("bob", "acme", "post")}
    assert ranked(view) == ["ann", "bob", "acme"]
    assert all(isinstance(view.nodes[n]["community"], int) for n in view)


def test_default_threshold_keeps_the_first_view_to_a_few_hundred():
    view = overview(to_networkx(archive(articles=120)))
    threshold = default_threshold(view)
    shown = sum(1 for _, w in view.nodes(data="weight") if w >= threshold)
    assert 0 < shown <= VISIBLE < view.number_of_nodes()
    assert sum(1 for _, w in view.nodes(data="weight") if w >= threshold - 1) > VISIBLE or threshold == 1


# -- the same bytes ------------------------------------------------------------------------------
DRAW_ALL = """
import sys
from kg import export
from kg.viz import draw
dataset = export.read(sys.argv[1])
for mode in ("full", "overview"):
    for suffix in (".html", ".svg", ".png", ".graphml", ".gexf"):
        draw(dataset, f"{sys.argv[2]}/{mode}{suffix}", mode=mode, seed=7)
"""


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dataset = build([ROOT / "seeds"])
    path = tmp_path_factory.mktemp("overview") / "graph.trig"
    export.write(dataset, path)
    return path


def test_two_processes_write_the_same_bytes_in_every_format(seed_file, tmp_path):
    outputs = []
    for hash_seed in ("1", "2"):
        out = tmp_path / hash_seed
        out.mkdir()
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        subprocess.run([sys.executable, "-c", DRAW_ALL, str(seed_file), str(out)], check=True, env=env, cwd=ROOT)
        outputs.append(out)
    names = sorted(p.name for p in outputs[0].iterdir())
    assert len(names) == 10
    for name in names:
        assert (outputs[0] / name).read_bytes() == (outputs[1] / name).read_bytes(), f"{name} differs between processes"


def test_network_files_carry_weights_and_communities(seed_file, tmp_path):
    dataset = export.read(seed_file)
    for mode in ("overview", "full"):
        draw(dataset, tmp_path / f"{mode}.graphml", mode=mode)
        draw(dataset, tmp_path / f"{mode}.gexf", mode=mode)
        for back in (nx.read_graphml(tmp_path / f"{mode}.graphml"), nx.read_gexf(tmp_path / f"{mode}.gexf")):
            people = [n for n, k in back.nodes(data="kind") if k == "person"]
            assert people
            for node in people:
                assert int(back.nodes[node]["weight"]) >= 1 and int(back.nodes[node]["community"]) >= 0
    back = nx.read_graphml(tmp_path / "overview.graphml")
    assert {d["label"] for *_, d in back.edges(data=True)} >= {"about", "post"}
    assert all(int(d["weight"]) >= 1 for *_, d in back.edges(data=True))


def test_a_store_is_drawn_as_its_file_is(seed_file, tmp_path, capsys):
    store = tmp_path / "store"
    assert main(["build", str(ROOT / "seeds"), "--store", str(store), "--quiet"]) == 0
    assert main(["export", "--store", str(store), "--out", str(tmp_path / "store.trig")]) == 0
    for suffix in (".html", ".graphml"):
        assert main(["viz", "--store", str(store), "--out", str(tmp_path / f"from-store{suffix}"), "--seed", "3"]) == 0
        assert main(["viz", "--graph", str(tmp_path / "store.trig"), "--out", str(tmp_path / f"from-file{suffix}"),
                     "--seed", "3"]) == 0
        assert (tmp_path / f"from-store{suffix}").read_bytes() == (tmp_path / f"from-file{suffix}").read_bytes()
    assert main(["viz", "--store", str(tmp_path / "nothing"), "--out", str(tmp_path / "x.html")]) == 1
    assert "no such store" in capsys.readouterr().err


def test_overview_pictures_name_the_main_entities(tmp_path):
    dataset = archive(articles=60)
    graph = draw(dataset, tmp_path / "overview.svg", mode="overview")
    svg = (tmp_path / "overview.svg").read_text(encoding="utf-8")
    for node in ranked(graph)[:5]:  # matplotlib keeps each text as a comment beside its glyphs
        assert f"<!-- {graph.nodes[node]['label']} -->" in svg
    assert "entities quoted or named at least" in svg
    draw(dataset, tmp_path / "overview.png", mode="overview")
    assert (tmp_path / "overview.png").read_bytes().startswith(b"\x89PNG")


# -- in a real browser ----------------------------------------------------------------------------
def _browser_or_skip():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (make browser, or .ci/run does it as root)")
    pytest.importorskip("playwright", reason="playwright is in the test extra: make install")
    from kg.viz import screenshot

    return screenshot


def test_the_seed_names_every_person_at_first_sight(seed_file, tmp_path):
    screenshot = _browser_or_skip()
    dataset = export.read(seed_file)
    people = to_networkx(dataset)
    persons = sorted(people.nodes[n]["label"] for n, k in people.nodes(data="kind") if k == "person")
    assert len(persons) == 7
    draw(dataset, tmp_path / "seed.html")
    with screenshot.browser() as chromium:
        page, seen = screenshot.open_page(chromium, tmp_path / "seed.html")
        labelled = set(page.evaluate("kg.labelled()"))
        assert set(persons) <= labelled, f"not named at first sight: {sorted(set(persons) - labelled)}"
        organisations = {people.nodes[n]["label"] for n, k in people.nodes(data="kind") if k == "organisation"}
        assert organisations <= labelled
        page.evaluate("kg.cy.zoom(kg.cy.zoom() / 3)")  # zoomed further out, the names stay
        assert set(persons) <= set(page.evaluate("kg.labelled()"))
        assert seen["errors"] == []


@pytest.fixture(scope="module")
def big_page(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("archive") / "archive.html"
    graph = draw(archive(), path)
    return path, graph


def test_the_archive_page_is_small_enough(big_page):
    path, graph = big_page
    assert graph.graph["view"] == "overview"  # chosen by itself: the people view is past 1,000 nodes
    size = path.stat().st_size
    assert size < 8_000_000, f"{size / 1e6:.1f} MB"


def test_the_archive_opens_on_an_overview_with_its_main_voices_named(big_page):
    screenshot = _browser_or_skip()
    path, graph = big_page
    order = ranked(graph)
    with screenshot.browser() as chromium:
        page, seen = screenshot.open_page(chromium, path)
        try:
            assert seen["errors"] == [] and seen["requests"] == []
            visible = page.evaluate("kg.cy.nodes(':visible').length")
            assert 50 <= visible <= VISIBLE, visible
            labelled = page.evaluate("kg.labelled()")
            top = [graph.nodes[n]["label"] for n in order[:10]]
            assert set(top) <= set(labelled), f"unnamed at load: {sorted(set(top) - set(labelled))}"
            assert len(labelled) < visible  # the rest are named on zoom, not all at once
            assert "Hidden:" in page.locator("#status").inner_text()

            # an edge, clicked: the statements behind it, each linking to its article
            heaviest = page.evaluate("""() => { let best = -1;
                kg.data.edges.forEach((e, j) => { if (e.k === 'about' && kg.cy.getElementById('e' + j).visible()
                  && (best < 0 || e.w > kg.data.edges[best].w)) best = j; }); return best; }""")
            assert heaviest >= 0
            edge = page.evaluate("j => kg.data.edges[j]", heaviest)
            page.evaluate("j => { const e = kg.cy.getElementById('e' + j); kg.cy.fit(e, 200); }", heaviest)
            box = page.locator("#cy").bounding_box()
            at = page.evaluate("j => kg.cy.getElementById('e' + j).renderedMidpoint()", heaviest)
            page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
            panel = page.locator("#panel")
            panel.wait_for(state="visible")
            source, target = order[edge["s"]], order[edge["t"]]
            assert panel.locator("h2").inner_text() == (f"What {graph.nodes[source]['label']} said about "
                                                        f"{graph.nodes[target]['label']}")
            behind = graph.edges[source, target, "about"]["statements"]
            cards = panel.locator("#edge-statements .statement")
            assert cards.count() == min(len(behind), 50) and len(behind) == edge["w"]
            assert {cards.nth(i).get_attribute("data-statement") for i in range(cards.count())} <= set(behind)
            assert cards.first.locator("[data-document]").count() == 1  # its article

            # the threshold: raising it hides entities, and the page says so
            before = page.evaluate("kg.cy.nodes(':visible').length")
            page.fill("#threshold", str(page.evaluate("kg.scope.threshold") * 3))
            page.dispatch_event("#threshold", "change")
            after = page.evaluate("kg.cy.nodes(':visible').length")
            assert 0 < after < before
            threshold = page.evaluate("kg.scope.threshold")
            assert f"fewer than {threshold} times" in page.locator("#status").inner_text()
            weights = page.evaluate("kg.cy.nodes(':visible').map(n => kg.data.nodes[Number(n.id().slice(1))].w)")
            assert min(weights) >= threshold

            # a date range: only entities with statements or mentions in articles of those dates remain
            page.fill("#threshold", "1")
            page.dispatch_event("#threshold", "change")
            everything = page.evaluate("kg.cy.nodes(':visible').length")
            page.fill("#from", "2016-03-01")
            page.dispatch_event("#from", "change")
            page.fill("#to", "2016-03-31")
            page.dispatch_event("#to", "change")
            dated = page.evaluate("kg.cy.nodes(':visible').map(n => kg.data.nodes[Number(n.id().slice(1))].d)")
            assert 0 < len(dated) < everything
            dates = page.evaluate("kg.data.documents.map(d => d.date)")
            assert all(any(dates[d] and "2016-03-01" <= dates[d] <= "2016-03-31" for d in docs) for docs in dated)
            assert "not in the chosen dates" in page.locator("#status").inner_text()
            page.click("#reset")
            assert page.evaluate("kg.cy.nodes(':visible').length") == visible

            # a publisher: weights count only its articles, so fewer entities pass the threshold
            page.select_option("#publisher", PUBLISHERS[1])
            published = page.evaluate("kg.cy.nodes(':visible').map(n => kg.data.nodes[Number(n.id().slice(1))].d)")
            publishers = page.evaluate("kg.data.documents.map(d => d.publisher)")
            assert 0 < len(published) < visible
            assert all(any(publishers[d] == PUBLISHERS[1] for d in docs) for docs in published)
            page.click("#reset")

            # search finds an entity below the threshold and shows it
            quiet = next(n for n in reversed(order) if graph.nodes[n]["kind"] == "person")
            page.fill("#search", graph.nodes[quiet]["label"])
            page.press("#search", "Enter")
            assert panel.locator("h2").inner_text() == graph.nodes[quiet]["label"]
            assert page.evaluate("i => kg.cy.getElementById('n' + i).visible()", order.index(quiet))
            assert page.evaluate("kg.cy.nodes(':visible').length") == visible + 1
            page.click("#reset")

            # a node unfolded into its statements, in place
            hub = order[0]
            page.evaluate("kg.show(0)")
            panel.locator("button.expand").click()
            said = len(graph.nodes[hub]["said"])
            assert page.evaluate("kg.cy.nodes('[kind = \"statement\"]').length") == min(said, 200)
            assert panel.locator("#statements .statement").count() == min(said, 50)
            assert "Source: Someone said" in panel.locator("#statements .statement").first.inner_text()

            # an entity's posts, each with its organisation
            holder, organisation = next((a, b) for a, b, k in graph.edges(keys=True) if k == "post")
            page.evaluate("i => kg.show(i)", order.index(holder))
            assert graph.nodes[organisation]["label"] in panel.locator("#posts").inner_text()

            # a kind unticked: none of it drawn, and the page says so
            page.click("#reset")
            page.uncheck('input[data-kind="place"]')
            kinds = page.evaluate("kg.cy.nodes(':visible').map(n => n.data('kind'))")
            assert kinds and "place" not in kinds
            assert "of the kinds unticked" in page.locator("#status").inner_text()
            assert seen["errors"] == []
        except BaseException:
            (ROOT / "out").mkdir(exist_ok=True)
            page.screenshot(path=str(ROOT / "out" / "test_viz_overview.png"))
            raise


def test_command_line_modes_and_threshold(seed_file, tmp_path, capsys):
    out = tmp_path / "seed.html"
    assert main(["viz", "--graph", str(seed_file), "--out", str(out), "--mode", "overview", "--threshold", "2"]) == 0
    assert "(overview)" in capsys.readouterr().err
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>',
                                out.read_text(encoding="utf-8"), re.S).group(1))
    assert data["view"] == "overview" and data["threshold"] == 2
    assert {n["l"] for n in data["nodes"] if n["k"] == "person"} == {
        d["label"] for _, d in to_networkx(export.read(seed_file)).nodes(data=True) if d["kind"] == "person"}
    assert main(["viz", "--graph", str(seed_file), "--out", str(out)]) == 0
    assert "(people view)" in capsys.readouterr().err  # the seed is small: every statement drawn
    assert main(["viz", "--graph", str(seed_file), "--out", str(out), "--threshold", "0"]) == 1
    assert "--threshold must be 1 or more" in capsys.readouterr().err
    assert main(["viz", "--graph", str(seed_file), "--out", str(out), "--mode", "overview", "--focus", "Keir Starmer"]) == 0
    assert "(people view)" in capsys.readouterr().err  # a neighbourhood is always drawn in full
