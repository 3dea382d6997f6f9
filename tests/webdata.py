"""Invented news, written as the web holds it: pages with boilerplate, web archives, feeds.

Every sentence here is made up for the tests. The boilerplate is the kind a real page
wraps an article in (menus, a cookie banner, share buttons, related links, reader
comments), written so that it would give statements of its own if it reached the graph.
"""
from __future__ import annotations

import io
from pathlib import Path

TOWNS = ["Millbrook", "Ashford Vale", "Port Elwin", "Greyhaven", "Lindenfield", "Cobalt Bay", "Harrowgate", "Stonemere"]
PEOPLE = [("Helena", "Ostrova"), ("Dmitri", "Vance"), ("Amara", "Okonkwo-Reyes"), ("Tobias", "Fenwick"),
          ("Ingrid", "Solberg"), ("Rafael", "Quintero"), ("Mei", "Tanaka-Ward"), ("Oskar", "Lindgren")]
TOPICS = ["the new budget", "the bridge repairs", "the school plan", "the harbour tax", "the flood barrier"]
BOILERPLATE = {
    "menu": "Home Politics Business Sport Weather",
    "cookies": "We use cookies to improve your experience. Accept all cookies",
    "share": "Share on Facebook Share on X Email this story",
    "related": "Minister Walter Brennick resigned after the scandal, officials said on Monday.",
    "comment": "“This paper never tells the truth,” said Gordon Bexley, a reader from Tollcross.",
    "newsletter": "Sign up for our morning newsletter and never miss a story.",
}


def headline(i: int) -> str:
    return f"{TOWNS[i % len(TOWNS)]} council approves {TOPICS[i % len(TOPICS)]}"


def paragraphs(i: int) -> list[str]:
    """An invented article of four paragraphs with a quotation and a post, different for each ``i``."""
    town, topic = TOWNS[i % len(TOWNS)], TOPICS[i % len(TOPICS)]
    mayor = " ".join(PEOPLE[i % len(PEOPLE)])
    councillor = " ".join(PEOPLE[(i + 3) % len(PEOPLE)])
    return [f"The council of {town} approved {topic} on Tuesday after a long debate.",
            f"“We have kept our promise to every family in {town},” said Mayor {mayor}, who led the talks.",
            f"Councillor {councillor} said the plan would cost more than the town could afford.",
            f"The vote was {i % 7 + 5} to {i % 4 + 1}, officials said."]


def plain_text(i: int) -> str:
    """The article's body as a plain-text file holds it: a paragraph a line."""
    return "\n".join(paragraphs(i))


def url(i: int) -> str:
    return f"https://www.valleycourier.example/news/2024/story-{i}"


def page(i: int, canonical: bool = True) -> str:
    """The article as a news site serves it, boilerplate and all."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs(i))
    link = f'<link rel="canonical" href="{url(i)}">' if canonical else ""
    b = BOILERPLATE
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{headline(i)} | The Valley Courier</title>{link}
<meta property="og:site_name" content="The Valley Courier"><meta name="author" content="Rosa Lindqvist">
<meta property="article:published_time" content="2024-03-{i % 28 + 1:02d}T09:30:00Z">
<script>window.dataLayer = [{{"quote": "“Buy now,” said Nobody Atall."}}];</script><style>.banner {{ color: red }}</style>
</head><body>
<header><nav class="menu"><ul>{"".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in b["menu"].split())}</ul></nav>
<div class="cookie-banner" id="cookie-consent"><p>{b["cookies"]}</p><button>Accept</button></div></header>
<main><article><h1>{headline(i)}</h1><p class="byline">By Rosa Lindqvist</p>
<div class="share-buttons"><a class="share" href="#">{b["share"]}</a></div>
<div class="article-body">{body}</div></article>
<aside class="related-articles"><h2>Related stories</h2><ul><li><a href="/news/brennick">{b["related"]}</a></li></ul></aside>
<section id="comments" class="comments"><h2>Comments</h2><div class="comment"><p>{b["comment"]}</p></div></section>
</main><footer><div class="newsletter"><p>{b["newsletter"]}</p></div><p>© 2024 The Valley Courier</p></footer>
</body></html>"""


def write_warc(path: Path, pages: list[int], gzip: bool = True, others: bool = True) -> Path:
    """A web archive as a crawler writes it: for each page a request and its response; with ``others``
    also a redirect, an image and a metadata record, which are no articles."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=gzip)

        def response(target: str, body: bytes, status: str = "200 OK", kind: str = "text/html; charset=utf-8"):
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(target, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))

        if others:
            response("https://www.valleycourier.example/", b"", "301 Moved Permanently")
            response("https://www.valleycourier.example/logo.png", b"\x89PNG\r\n\x1a\n0000", kind="image/png")
            writer.write_record(writer.create_warc_record(
                "https://www.valleycourier.example/", "metadata", payload=io.BytesIO(b"outlinks: 12"),
                warc_content_type="application/warc-fields"))
        for i in pages:
            request = StatusAndHeaders("GET /news HTTP/1.1", [("Host", "www.valleycourier.example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url(i), "request", payload=io.BytesIO(b""), http_headers=request))
            response(url(i), page(i).encode("utf-8"))
    return path


def rss(entries: list[int], full: bool = True) -> str:
    """An RSS 2.0 feed; with ``full`` each item carries its article (content:encoded), else a summary only."""
    items = []
    for i in entries:
        body = "".join(f"<p>{p}</p>" for p in paragraphs(i))
        content = f"<content:encoded><![CDATA[{body}]]></content:encoded>" if full else ""
        items.append(f"""<item><title>{headline(i)}</title><link>{url(i)}</link><guid>{url(i)}</guid>
<dc:creator>Rosa Lindqvist</dc:creator><pubDate>Tue, {i % 28 + 1:02d} Mar 2024 09:30:00 GMT</pubDate>
<description><![CDATA[{paragraphs(i)[1]}]]></description>{content}</item>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Valley Courier</title><link>https://www.valleycourier.example/</link>
<description>News from the valley</description>{"".join(items)}</channel></rss>"""


def atom(entries: list[int]) -> str:
    """An Atom feed whose entries carry a summary only."""
    items = "".join(f"""<entry><title>{headline(i)}</title><link href="{url(i)}"/><id>{url(i)}</id>
<updated>2024-03-{i % 28 + 1:02d}T09:30:00Z</updated><author><name>Rosa Lindqvist</name></author>
<summary type="text">{paragraphs(i)[1]}</summary></entry>""" for i in entries)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Courier Briefs</title><id>urn:valley:briefs</id>
<updated>2024-03-30T00:00:00Z</updated>{items}</feed>"""
