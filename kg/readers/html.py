"""Web pages: the article in a page, without its menus, banners, comments and share buttons.

trafilatura finds the main text and the page's metadata (title, author, date, site
name, canonical address). A page too small or too odd for it to find an article in (a
fragment, a bare ``<p>``, a page of stray ``<``) is read by kg's own tag stripper
(:func:`kg.documents.html_to_text`), so no page that has text is lost.

Time stays linear in the page. Two things in the libraries are not: libxml2 parses a
tag in time quadratic in its attributes (one tag with 25,000 took 1.2 s, with 50,000 5 s),
and trafilatura walks the tree many times (100,000 empty ``<p>`` took 7 s). A page with
a tag of more than :data:`MAX_ATTRIBUTES` attributes, or a tree of more than
:data:`MAX_ELEMENTS` elements, is no article page a newsroom publishes (a long one holds
a few thousand elements): it goes to the stripper, which never rescans.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from kg.readers.fields import meta
from kg.readers.markup import html_to_text

# trafilatura and its helpers log to the root logger's last-resort handler (stderr) about pages they
# find odd; kg reports what matters about an input itself, one line per input.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False


MAX_ELEMENTS = 30_000
MAX_ATTRIBUTES = 256  # counted as the words in a tag, so quoted values with spaces count too: a safe overcount
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{%d,}>" % (2 * MAX_ATTRIBUTES))  # only a tag this long can hold that many


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
    from trafilatura.settings import set_date_params

    found = None
    try:
        crowded = any(len(tag.group().split()) > MAX_ATTRIBUTES for tag in _LONG_TAG.finditer(html))
        tree = None if crowded else trafilatura.load_html(html)
        found = trafilatura.bare_extraction(
            tree, url=url or None, with_metadata=True, include_comments=False, include_images=False,
            include_links=False, include_formatting=False, deduplicate=False,
            # A date from the page's markup (meta tags, <time>, JSON-LD), not one guessed from its text: the
            # extensive search took "© 2024" in a footer for the day an article came out.
            date_extraction_params=set_date_params(extensive=False)) if _ordinary(tree) else None
    except (ValueError, TypeError, RecursionError, AttributeError):  # a page lxml or trafilatura chokes on
        found = None
    if found is None or not (found.text or "").strip():
        text, title = html_to_text(html)
        return Page(text, meta(title), url=meta(url))
    return Page(found.text, title=meta(found.title), author=meta(found.author), date=meta(found.date),
                publisher=meta(found.sitename), url=meta(found.url or url))


def _ordinary(tree) -> bool:
    """A parsed page of a size and shape trafilatura reads in reasonable time (see the module's note)."""
    if tree is None:
        return False
    return not any(count > MAX_ELEMENTS for count, _element in enumerate(tree.iter(), 1))
