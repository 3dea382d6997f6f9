"""kg viz: the networkx model of the RDF, the self-contained page, static pictures, and the page in a real browser."""
from __future__ import annotations

import json
import random
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Literal, URIRef

from kg import export
from kg.build import BuildReport, build
from kg.cli import main
from kg.rdf.mapper import new_dataset
from kg.rdf.namespaces import KG, NIF, ORG, PROV, RDF, RDFS, SDO, SKOS
from kg.viz import draw
from kg.viz.html import render
from kg.viz.layout import layout
from kg.viz.model import find, neighbourhood, to_networkx
from kg.viz.screenshot import CHROMIUM

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out"


@pytest.fixture(scope="session")
def seed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed articles built once, written as TriG (named graphs kept) and read back as users do."""
    report = BuildReport()
    dataset = build([ROOT / "seeds"], report=report)
    assert report.documents > 0
    path = tmp_path_factory.mktemp("viz") / "graph.trig"
    export.write(dataset, path)
    return path


@pytest.fixture(scope="session")
def seed(seed_file: Path):
    return export.read(seed_file)


@pytest.fixture(scope="session")
def people(seed) -> nx.MultiDiGraph:
    return to_networkx(seed)


def rows(dataset, query: str) -> list[tuple]:
    return [tuple(row) for row in dataset.query(query, initNs={"schema": SDO, "org": ORG, "nif": NIF, "prov": PROV,
                                                               "rdfs": RDFS, "kg": KG, "skos": SKOS})]


# -- the model ------------------------------------------------------------------------------------
def test_people_view_has_the_seeds_speakers_statements_and_posts(seed, people):
    said = {(str(who), str(s)) for s, who in rows(seed, "SELECT ?s ?who { ?s schema:author ?who }")}
    holds = {(str(p), str(post)) for p, post in rows(seed, "SELECT ?p ?post { ?p org:holds ?post }")}
    posts_in = {(str(post), str(o)) for post, o in rows(seed, "SELECT ?post ?o { ?post org:postIn ?o }")}
    assert said and holds, "the seed graph should have statements and posts"
    edges = {(a, b, k) for a, b, k in people.edges(keys=True)}
    assert {(a, b) for a, b, k in edges if k == "said"} == said
    assert {(a, b) for a, b, k in edges if k == "holds"} == holds
    assert {(a, b) for a, b, k in edges if k == "post in"} == posts_in
    for speaker, statement in said:
        assert people.nodes[speaker]["kind"] in ("person", "organisation", "place", "source")
        assert people.nodes[statement]["kind"] == "statement"
    for person, post in holds:
        assert people.nodes[person]["kind"] == "person" and people.nodes[post]["kind"] == "post"
    labels = dict(rows(seed, "SELECT ?e ?label { ?e a schema:Person ; rdfs:label ?label }"))
    for iri, label in labels.items():
        assert people.nodes[str(iri)]["label"] == str(label)


def test_statements_carry_cue_and_source_sentence(seed, people):
    facts = rows(seed, """SELECT ?s ?text ?sentence { ?s schema:text ?text ;
                                                       prov:wasDerivedFrom/nif:anchorOf ?sentence }""")
    assert facts
    for statement, text, sentence in facts:
        details = people.nodes[str(statement)]["details"]
        assert details["text"] == [str(text)]
        assert details["sentence"] == [str(sentence).strip()]
        assert details["document"]
    for statement, cue in rows(seed, "SELECT ?s ?cue { ?s kg:cue ?cue }"):
        assert people.nodes[str(statement)]["details"]["cue"] == [str(cue)]


def test_aliases_and_documents_on_entities(seed, people):
    aliases = rows(seed, "SELECT ?e ?alias { ?e skos:altLabel ?alias }")
    assert aliases
    for entity, alias in aliases:
        assert str(alias) in people.nodes[str(entity)]["aliases"]
    documents = {str(d) for (d,) in rows(seed, "SELECT ?id { ?d a schema:NewsArticle ; schema:identifier ?id }")}
    speakers = [a for a, _, k in people.edges(keys=True) if k == "said"]
    for speaker in speakers:
        assert set(people.nodes[speaker]["documents"]) <= documents and people.nodes[speaker]["documents"]


def test_rdf_view_keeps_literals_as_details(seed):
    graph = to_networkx(seed, view="rdf")
    resources = {str(t) for s, p, o in seed.triples((None, None, None)) if p != RDF.type
                 for t in (s, o) if isinstance(t, URIRef)}
    assert resources <= set(graph.nodes)
    literals = {str(o) for o in seed.objects() if isinstance(o, Literal)}
    assert not literals & set(graph.nodes) - resources
    sentence = next(n for n, k in graph.nodes(data="kind") if k == "sentence")
    assert graph.nodes[sentence]["details"]["nif:anchorOf"]
    assert {k for *_, k in graph.edges(keys=True)} >= {"schema:author", "prov:wasDerivedFrom", "org:member"}


def test_about_edges_when_statements_name_entities():
    ds = new_dataset()
    ds.default_union = True
    g = ds.graph(URIRef("https://example.org/kg/doc/d"))
    ann, kyiv, s = (URIRef("https://example.org/kg/person/ann"), URIRef("https://example.org/kg/place/kyiv"),
                    URIRef("https://example.org/kg/doc/d/statement/1"))
    for triple in [(ann, RDF.type, SDO.Person), (kyiv, RDF.type, SDO.Place), (s, RDF.type, SDO.Claim),
                   (s, SDO.author, ann), (s, SDO.about, kyiv), (s, SDO.text, Literal("Kyiv will stand"))]:
        g.add(triple)
    graph = to_networkx(ds)
    assert set(graph.edges(keys=True)) == {(str(ann), str(s), "said"), (str(s), str(kyiv), "about")}


def test_events_that_happened_are_edges_between_the_two_entities(people):
    """Starmer contacted Trump (CONSULT): a 'consulted' edge, typed by its PLOVER event."""
    names = {n: people.nodes[n]["label"] for n in people}
    events = [(names[a], names[b], k, d["event"]) for a, b, k, d in people.edges(keys=True, data=True) if "event" in d]
    assert ("Keir Starmer", "Donald Trump", "consulted", "CONSULT") in events


def test_focus_draws_the_neighbourhood(people):
    speaker = max((a for a, _, k in people.edges(keys=True) if k == "said"),
                  key=lambda n: people.out_degree(n))
    name = people.nodes[speaker]["label"]
    assert find(people, name.upper()) == speaker
    near = neighbourhood(people, speaker, depth=1)
    assert set(near) == {speaker} | set(people.successors(speaker)) | set(people.predecessors(speaker))
    wider = neighbourhood(people, speaker, depth=2)
    assert set(near) < set(wider) or set(wider) == set(near)
    with pytest.raises(KeyError, match="did you mean"):
        find(people, name[:-1] + "x")


def test_layout_is_deterministic_and_spreads_nodes(people):
    first, second = layout(people), layout(people)
    assert first == second and set(first) == set(people)
    assert len({(round(x), round(y)) for x, y in first.values()}) == len(first)


# -- the page -------------------------------------------------------------------------------------
class _Links(HTMLParser):
    """Every URL-bearing attribute and every script of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        for name in ("src", "href", "action", "data", "poster", "srcset", "xlink:href"):
            if attrs.get(name):
                self.urls.append(attrs[name])


def test_page_is_self_contained(seed, people, tmp_path):
    path = tmp_path / "graph.html"
    draw(seed, path)
    text = path.read_text(encoding="utf-8")
    links = _Links()
    links.feed(text)
    assert not [u for u in links.urls if re.match(r"(?i)^\s*(https?:)?//", u)], links.urls
    assert not [t for t, a in links.tags if t == "script" and a.get("src")]
    assert not [t for t, a in links.tags if t == "link"]
    assert not re.search(r"(?i)@import|url\(\s*['\"]?(https?:)?//|cdn\.|unpkg|jsdelivr", text)
    assert "cytoscape" in text and "Cytoscape Consortium" in text  # the library, with its licence, inline
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S).group(1))
    assert len(data["nodes"]) == people.number_of_nodes() and len(data["edges"]) == people.number_of_edges()


def test_text_from_the_graph_cannot_end_a_script(tmp_path):
    graph = nx.MultiDiGraph(view="people")
    evil = "</script><script>alert(1)</script>{{library}}"
    graph.add_node("s", kind="statement", label=evil, aliases=[], details={"text": [evil]}, documents=[])
    page = render(graph, {"s": (0.0, 0.0)}, title="<b>t</b>")
    assert page.count("</script>") == 3 and "alert(1)" in page and "<b>t</b>" not in page
    assert page.count("The Cytoscape Consortium") == 1


def test_pictures_and_network_files(seed, people, tmp_path):
    for name in ("graph.png", "graph.svg", "graph.graphml", "graph.gexf"):
        draw(seed, tmp_path / name)
    png = (tmp_path / "graph.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 20_000
    from PIL import Image

    with Image.open(tmp_path / "graph.png") as image:
        assert min(image.size) > 600
    svg = (tmp_path / "graph.svg").read_text(encoding="utf-8")
    speaker = next(a for a, _, k in people.edges(keys=True) if k == "said")
    assert "<svg" in svg and "Statement" in svg and "said" in svg  # the legend
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        back = reader(tmp_path / f"graph.{fmt}")
        assert back.number_of_nodes() == people.number_of_nodes()
        assert back.number_of_edges() == people.number_of_edges()
        assert back.nodes[speaker]["label"] == people.nodes[speaker]["label"]


def test_command_line(seed_file, tmp_path, capsys):
    out = tmp_path / "rdf.html"
    assert main(["viz", "--graph", str(seed_file), "--out", str(out), "--view", "rdf"]) == 0
    assert out.stat().st_size > 400_000 and "rdf view" in capsys.readouterr().err
    assert main(["viz", "--graph", str(seed_file), "--out", str(tmp_path / "x.jpg")]) == 1
    assert main(["viz", "--graph", str(seed_file), "--out", str(out), "--focus", "Nobody At All"]) == 1
    assert "no node named" in capsys.readouterr().err


# -- a big graph ----------------------------------------------------------------------------------
def synthetic(nodes: int = 5000, seed: int = 7):
    """A news-like dataset in the mapper's vocabulary: a few hundred people, their posts and thousands of statements."""
    rnd = random.Random(seed)
    base = "https://example.org/kg/"
    ds = new_dataset()
    ds.default_union = True
    people_n, orgs_n, places_n, posts_n = nodes * 14 // 100, nodes * 3 // 100, nodes // 100, nodes * 6 // 100
    statements_n = nodes - people_n - orgs_n - places_n - posts_n
    people = [URIRef(f"{base}person/p{i}") for i in range(people_n)]
    orgs = [URIRef(f"{base}org/o{i}") for i in range(orgs_n)]
    places = [URIRef(f"{base}place/g{i}") for i in range(places_n)]
    posts = [URIRef(f"{base}post/t{i}") for i in range(posts_n)]
    entities = ds.graph(URIRef(f"{base}graph/entities"))
    for kind, items in ((SDO.Person, people), (SDO.Organization, orgs), (SDO.Place, places), (ORG.Post, posts)):
        for i, iri in enumerate(items):
            entities.add((iri, RDF.type, kind))
            entities.add((iri, RDFS.label, Literal(f"{str(kind).rsplit('/', 1)[-1].rsplit('#', 1)[-1]} {i}")))
    for post in posts:
        entities.add((post, ORG.postIn, rnd.choice(orgs + places)))
    for person in people[: len(people) * 3 // 4]:
        entities.add((person, ORG.holds, rnd.choice(posts)))
    documents = [URIRef(f"{base}doc/d{i}") for i in range(max(1, statements_n // 15))]
    speakers = people[: len(people) * 2 // 3] + orgs[:5]
    for n in range(statements_n):
        doc = rnd.choice(documents)
        g = ds.graph(doc)
        g.add((doc, RDF.type, SDO.NewsArticle))
        g.add((doc, SDO.identifier, Literal(str(doc).rsplit("/", 1)[-1])))
        statement, sentence = URIRef(f"{doc}/statement/{n}"), URIRef(f"{doc}#char={n},{n + 80}")
        speaker = speakers[min(int(rnd.paretovariate(1.2)) - 1, len(speakers) - 1) * 7 % len(speakers)]
        g.add((doc, SDO.mentions, speaker))
        for triple in [(statement, RDF.type, SDO.Quotation), (statement, SDO.author, speaker),
                       (speaker, KG.stated, statement), (statement, SDO.text, Literal(f"statement number {n}")),
                       (statement, KG.cue, Literal("said")), (statement, SDO.isPartOf, doc),
                       (statement, PROV.wasDerivedFrom, sentence), (sentence, RDF.type, NIF.Sentence),
                       (sentence, NIF.referenceContext, doc),
                       (sentence, NIF.anchorOf, Literal(f"Someone said statement number {n}, sources say."))]:
            g.add(triple)
        if rnd.random() < 0.3:
            g.add((statement, SDO.about, rnd.choice(people + places)))
    return ds


def test_big_graph_model_and_layout_are_fast_enough():
    started = time.perf_counter()
    graph = to_networkx(synthetic())
    positions = layout(graph)
    elapsed = time.perf_counter() - started
    assert graph.number_of_nodes() == 5000 and len(positions) == 5000
    assert elapsed < 120, f"5,000 nodes took {elapsed:.1f} s to model and lay out"


# -- in a real browser ----------------------------------------------------------------------------
def _browser_or_skip():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (make browser, or .ci/run does it as root)")
    pytest.importorskip("playwright", reason="playwright is in the test extra: make install")
    from kg.viz import screenshot

    return screenshot


def _screenshot_on_failure(page, name: str) -> None:
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / name))


def test_page_in_a_browser_shows_a_persons_statements_with_sources(seed, people, tmp_path):
    screenshot = _browser_or_skip()
    path = tmp_path / "graph.html"
    draw(seed, path)
    speaker = max((n for n, k in people.nodes(data="kind") if k == "person"),
                  key=lambda n: sum(1 for *_, k in people.out_edges(n, keys=True) if k == "said"))
    statements = [b for _, b, k in people.out_edges(speaker, keys=True) if k == "said"]
    assert statements, "the seed graph should have a person who says something"
    with screenshot.browser() as chromium:
        page, seen = screenshot.open_page(chromium, path)
        try:
            assert seen["errors"] == []
            assert seen["requests"] == [], "the page asked the network for something"
            assert page.evaluate("kg.cy.nodes().length") == people.number_of_nodes()
            assert page.evaluate("kg.cy.edges().length") == people.number_of_edges()
            screenshot.click_node(page, speaker)
            panel = page.locator("#panel")
            panel.wait_for(state="visible")
            assert panel.locator("h2").inner_text() == people.nodes[speaker]["label"]
            cards = panel.locator("#statements .statement")
            assert cards.count() == len(statements)
            text = panel.inner_text()
            for statement in statements:
                details = people.nodes[statement]["details"]
                assert " ".join(details["sentence"][0].split()) in " ".join(text.split())
                assert panel.locator(f'.statement[data-statement="{statement}"]').count() == 1
            # a statement's link leads to the statement node
            panel.locator(f'.statement[data-statement="{statements[0]}"] a[data-node]').click()
            assert page.evaluate("kg.cy.$(':selected').map(n => n.id())") == [statements[0]]
            assert panel.locator("h2").inner_text() == people.nodes[statements[0]]["label"]
            # search finds the speaker by an alias or name, and filters hide statements
            page.fill("#search", people.nodes[speaker]["label"].lower())
            assert page.locator("#results li").first.inner_text().startswith(people.nodes[speaker]["label"])
            page.press("#search", "Enter")
            assert page.locator("#results").is_hidden() and panel.locator("h2").inner_text() == people.nodes[speaker]["label"]
            page.uncheck('input[data-kind="statement"]')
            shown = page.evaluate("kg.cy.nodes().filter(n => n.style('display') !== 'none').length")
            assert shown == people.number_of_nodes() - len([n for n, k in people.nodes(data="kind") if k == "statement"])
            # edges filter by label, event types among them
            page.uncheck('input[data-edge="consulted"]')
            hidden = page.evaluate("kg.cy.edges().filter(e => e.style('display') === 'none').map(e => e.data('label'))")
            assert hidden and set(hidden) == {"consulted"}
            assert seen["errors"] == []
        except BaseException:
            _screenshot_on_failure(page, "test_viz_person.png")
            raise


def test_page_in_a_browser_is_usable_at_5000_nodes(tmp_path):
    screenshot = _browser_or_skip()
    path = tmp_path / "big.html"
    graph = draw(synthetic(), path, mode="full")  # every statement a node (the overview is tested in test_viz_overview)
    with screenshot.browser() as chromium:
        started = time.perf_counter()
        page, seen = screenshot.open_page(chromium, path)
        loaded = time.perf_counter() - started
        try:
            assert seen["errors"] == [] and seen["requests"] == []
            assert page.evaluate("kg.cy.nodes().length") == graph.number_of_nodes() == 5000
            assert page.evaluate("kg.data.physics") is False
            hub = max(graph.nodes, key=graph.out_degree)
            started = time.perf_counter()
            screenshot.click_node(page, hub)
            page.locator("#panel").wait_for(state="visible")
            clicked = time.perf_counter() - started
            assert page.locator("#panel h2").inner_text() == graph.nodes[hub]["label"]
            said = sum(1 for *_, k in graph.out_edges(hub, keys=True) if k == "said")
            cards = page.locator("#statements .statement")
            assert said > 100 and cards.count() == 100  # the rest on demand
            page.locator("#statements button").click()
            assert cards.count() == said
            assert loaded < 60 and clicked < 15, f"load {loaded:.1f} s, click to panel {clicked:.1f} s"
            print(f"\n5,000 nodes: page ready in {loaded:.1f} s, click to panel in {clicked:.2f} s")
        except BaseException:
            _screenshot_on_failure(page, "test_viz_5000.png")
            raise


def test_readme_screenshot_can_be_made(seed, tmp_path):
    """The README's picture comes from `make screenshot`; here the same command writes one to a temporary place."""
    screenshot = _browser_or_skip()
    path = tmp_path / "graph.html"
    draw(seed, path)
    speaker = next(a for a, _, k in to_networkx(seed).edges(keys=True) if k == "said")
    label = to_networkx(seed).nodes[speaker]["label"]
    assert screenshot.main([str(path), str(tmp_path / "viz.png"), "--click", label]) == 0
    assert (tmp_path / "viz.png").read_bytes().startswith(b"\x89PNG")
