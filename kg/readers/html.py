"""Web pages: the article in a page, without its menus, banners, comments and share buttons.

trafilatura finds the main text and the page's metadata (title, author, date, site
name, canonical address). A page too small or too odd for it to find an article in (a
fragment, a bare ``<p>``, a page of stray ``<``) is read by kg's own tag stripper
(:func:`kg.documents.html_to_text`), so no page that has text is lost. Both run in time
linear in the page: lxml parses the page once, and the stripper never rescans.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from kg.readers.markup import html_to_text
from kg.readers.fields import meta

# trafilatura and its helpers log to the root logger's last-resort handler (stderr) about pages they
# find odd; kg reports what matters about an input itself, one line per input.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False


@dataclass(slots=True)
class Page:
    """What a web page holds for the graph: the article's text and the page's metadata."""

    text: str
    title: str = ""
    author: str = ""
    date: str = ""
    publisher: str = ""
    url: str = ""


def read_page(html: str, url: str = "") -> Page:
    """The article in an HTML page: its text (a paragraph a line) and metadata.

    ``url`` is where the page was fetched from (a web archive's record), used when the
    page does not name its own canonical address.

    Examples:
        >>> page = read_page("<title>Hi</title><p>“No,” said Ann Lee.</p>")  # too small for an article: stripped
        >>> page.text, page.title
        ('“No,” said Ann Lee.', 'Hi')
    """
    import trafilatura

    found = None
    try:
        found = trafilatura.bare_extraction(
            html, url=url or None, with_metadata=True, include_comments=False, include_images=False,
            include_links=False, include_formatting=False, deduplicate=False)
    except (ValueError, TypeError, RecursionError, AttributeError):  # a page lxml or trafilatura chokes on
        found = None
    if found is None or not (found.text or "").strip():
        text, title = html_to_text(html)
        return Page(text, meta(title), url=meta(url))
    return Page(found.text, title=meta(found.title), author=meta(found.author), date=meta(found.date),
                publisher=meta(found.sitename), url=meta(found.url or url))
