"""Ids and metadata of documents read from the web (archives, feeds, pages)."""
from __future__ import annotations

from urllib.parse import urlsplit

from kg.documents import MAX_META_CHARS, clean, safe_id


def url_id(url: str) -> str:
    """A document id from an article's address: host and path (and query), made safe for an IRI.

    Readable and stable across runs; two captures of one address share it, and the reader
    keeps the first.

    Examples:
        >>> url_id("https://www.example.com/news/2024/05/dam-holds.html?page=2")
        'example.com_news_2024_05_dam-holds.html_page_2'
    """
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().rsplit("@", 1)[-1]
    host = host[4:] if host.startswith("www.") else host
    return safe_id(f"{host}{parts.path}" + (f"?{parts.query}" if parts.query else ""))


def meta(value: object) -> str:
    """A metadata value as one clean, bounded line ("" for none)."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value if v)
    return " ".join(clean(str(value)).split())[:MAX_META_CHARS]
