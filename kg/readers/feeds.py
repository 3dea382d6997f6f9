"""Feeds (RSS 0.9x/1.0/2.0, Atom): each entry an article, with its link, date and author.

feedparser reads every dialect and forgives malformed XML as far as it can; kg keeps
the entries it recovers and names the damage. An entry's text is its full content when
the feed carries it (``content:encoded``, Atom ``content``), else its summary, and then
the document says so (``summary_only``), counted in the build's summary line.
The feed is parsed from its bytes: feedparser never fetches anything.
"""
from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path

from kg.documents import MAX_CHARS, Problem, clean, html_to_text, record_id
from kg.readers.fields import meta, url_id
from kg.records import Document

MAX_FEED_BYTES = 256 * 2**20  # a feed is read whole: past this it is no feed but an archive


def looks_like_feed(head: bytes) -> bool:
    """The first bytes of an RSS or Atom document (after an XML declaration, comments, a BOM)."""
    text = head[:4096].decode("utf-8", errors="ignore").lower()
    return any(mark in text for mark in ("<rss", "<feed", "<rdf:rdf")) and text.lstrip("\ufeff \t\r\n").startswith("<")


def _text(value: str, kind: str) -> str:
    """An entry's content as text: HTML reduced to its paragraphs, plain text as it is."""
    if "html" in (kind or "") or "<" in value:
        return html_to_text(value)[0]
    return value


def _date(entry) -> str:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return time.strftime("%Y-%m-%d", parsed)
    return meta(entry.get("published") or entry.get("updated") or "")


def read_feed(path: Path, max_chars: int = MAX_CHARS) -> Iterator[Document | Problem]:
    """The entries of an RSS or Atom file as documents, in the feed's order."""
    import feedparser

    where = str(path)
    try:
        if path.stat().st_size > MAX_FEED_BYTES:
            yield Problem(where, f"too large for a feed ({path.stat().st_size / 2**20:.0f} MB; kg reads feeds up to "
                                 f"{MAX_FEED_BYTES // 2**20} MB)")
            return
        data = path.read_bytes()
    except OSError as err:
        yield Problem(where, f"unreadable ({err.strerror})")
        return
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        why = f" ({' '.join(str(parsed.get('bozo_exception', '')).split())[:160]})" if parsed.get("bozo") else ""
        yield Problem(where, ("not an RSS or Atom feed" if parsed.get("bozo") or not parsed.get("version")
                              else "a feed without entries") + why)
        return
    publisher = meta(parsed.feed.get("title"))
    summaries = 0
    for number, entry in enumerate(entries, 1):
        here = f"{where}#{number}"
        contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
        summary = entry.get("summary") or ""
        if contents:
            body, kind, summary_only = contents[0]["value"], contents[0].get("type", ""), False
        elif summary.strip():
            body, kind, summary_only = summary, (entry.get("summary_detail") or {}).get("type", ""), True
        else:
            yield Problem(here, "an entry without text (no content and no summary)")
            continue
        text = clean(_text(body, kind)).strip()
        if not text:
            yield Problem(here, "an entry without text once the markup is taken out")
            continue
        if len(text) > max_chars:
            yield Problem(here, f"too long ({len(text):,} characters; kg reads articles up to {max_chars:,})")
            continue
        link = meta(entry.get("link"))
        raw_id = link or meta(entry.get("id")) or f"{path.stem}-{number}"
        summaries += summary_only
        yield Document(id=url_id(raw_id) if "://" in raw_id else record_id(raw_id), text=text, source=here,
                       title=meta(entry.get("title")), url=link, date=_date(entry), publisher=publisher,
                       author=meta(entry.get("author")), summary_only=summary_only)
    if parsed.get("bozo"):
        yield Problem(where, f"malformed feed, read as far as it goes ({len(entries)} entries): "
                             f"{' '.join(str(parsed.get('bozo_exception', '')).split())[:160]}", skipped=False)
    if summaries:
        yield Problem(where, f"{summaries} of {len(entries)} entries carry only a summary; their articles are "
                             "built from the summary", skipped=False, info=True)
