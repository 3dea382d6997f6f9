"""Web archives (WARC, as crawlers, Common Crawl's CC-NEWS and library archives write them).

The archive is streamed a record at a time by warcio, so memory stays flat however large
it is. Every HTTP response with status 2xx and an HTML content type becomes one article:
its target URI is the article's ``schema:url`` (unless the page names a canonical one) and
its WARC date the fallback for its date. Other records (requests, metadata, redirects,
images, ...) are passed over and counted in one line per archive.

warcio stops quietly at a cut in the archive, so the damage is found here: a record whose
content ends before its declared length, bytes left over after the last whole record, or
an error from the decompressor or the record parser. Every article before the damage is
kept and the damage is one problem naming the byte offset (``--strict`` then fails).
"""
from __future__ import annotations

import codecs
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from kg.documents import MAX_CHARS, InputError, Problem, clean, decode_bytes
from kg.readers.fields import meta, url_id
from kg.readers.html import read_page
from kg.records import Document

HTML_TYPES = ("text/html", "application/xhtml+xml")


def looks_like_warc(head: bytes) -> bool:
    """The first bytes of a web archive: ``WARC/1.x``, plain or as the start of a gzip member."""
    if head.startswith(b"WARC/"):
        return True
    if head.startswith(b"\x1f\x8b"):
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16).startswith(b"WARC/")
        except zlib.error:
            return False
    return False


def _charset(content_type: str) -> str:
    """The charset a Content-Type header names, when Python knows it ("" otherwise)."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            name = value.strip().strip("\"'")
            try:
                return codecs.lookup(name).name
            except LookupError:
                return ""
    return ""


def _decode(body: bytes, content_type: str) -> str:
    """A response body as text: the charset its header names, else kg's own detection (UTF-8, Windows-1252)."""
    charset = _charset(content_type)
    if charset:
        return body.decode(charset, errors="replace")
    try:
        return decode_bytes(body)[0]
    except InputError:
        return body.decode("utf-8", errors="replace")


def read_warc(path: Path, max_chars: int = MAX_CHARS) -> Iterator[Document | Problem]:
    """The HTML pages of a web archive as documents; a Problem per page that cannot be one, one line
    counting the records passed over, and one naming the damage when the archive is cut or corrupt."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    where = str(path)
    passed: Counter[str] = Counter()
    articles = 0
    end = 0  # where the last whole record ends: everything before it was read
    damage = ""
    try:
        with path.open("rb") as f:
            size = path.stat().st_size
            records = ArchiveIterator(f)
            try:
                for record in records:
                    item, why = _article(record, where, max_chars)
                    while record.raw_stream.read(65536):  # the rest of the record, a block at a time
                        pass
                    offset, length = records.get_record_offset(), records.get_record_length()
                    if getattr(record.raw_stream, "limit", 0) > 0:  # the archive ended before the record did
                        damage = f"cut inside the record at byte {offset} (its content is shorter than declared)"
                        break
                    end = offset + length
                    if item is None:
                        passed[why] += 1
                        continue
                    if isinstance(item, Document):
                        articles += 1
                        item.source = f"{where}@{offset}"
                    yield item
                else:  # a cut gzip member is not yielded at all: its bytes are left over
                    if size - end > 4:  # (an uncompressed archive's last record is followed by 4 bytes, CRLF CRLF)
                        damage = f"{size - end:,} bytes after the last whole record at byte {end} cannot be read"
            except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError, IndexError, UnicodeDecodeError) as err:
                # what warcio, zlib and the header parsers raise on bytes that are no (longer a) record
                damage = f"damaged after byte {end} ({type(err).__name__}: {' '.join(str(err).split())[:160]})"
    except OSError as err:
        yield Problem(where, f"unreadable ({err.strerror})")
        return
    if passed:
        counts = ", ".join(f"{n:,} {why}" for why, n in sorted(passed.items(), key=lambda kv: (-kv[1], kv[0])))
        yield Problem(where, f"{articles:,} article(s) read; passed over {counts}", skipped=False, info=True)
    if damage:
        yield Problem(where, f"{damage}; the {articles:,} article(s) before it are kept")
    elif articles == 0 and not passed:
        yield Problem(where, "no records (an empty or unreadable web archive)")


def _article(record, where: str, max_chars: int) -> tuple[Document | Problem | None, str]:
    """One WARC record: a document, a problem, or None with the reason it is passed over."""
    if record.rec_type != "response":
        return None, f"{record.rec_type} records"
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    if not uri.lower().startswith(("http:", "https:")) or record.http_headers is None:
        return None, "non-HTTP responses"
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not status.startswith("2"):
        return None, f"HTTP {status or '?'} responses"
    if not content_type.split(";")[0].strip() in HTML_TYPES:
        return None, "non-HTML responses"
    limit = 4 * max_chars
    try:
        body = record.content_stream().read(limit + 1)
    except (zlib.error, OSError, ValueError) as err:  # a bad Content-Encoding: that page only
        return Problem(f"{where}@{uri}", f"cannot decode the response ({type(err).__name__})"), ""
    if len(body) > limit:
        return Problem(f"{where}@{uri}", f"too large ({len(body) / 1e6:.1f}+ MB; kg reads articles up to "
                                         f"{max_chars:,} characters)"), ""
    if getattr(record.raw_stream, "limit", 0) > 0 and not record.raw_stream.read(1):
        return None, "cut records"  # the archive ends inside this page: read_warc names the damage
    page = read_page(_decode(body, content_type), uri)
    text = clean(page.text)
    if not text.strip():
        return Problem(f"{where}@{uri}", "no text once the markup is taken out"), ""
    if len(text) > max_chars:
        return Problem(f"{where}@{uri}", f"too long ({len(text):,} characters; kg reads articles up to "
                                         f"{max_chars:,})"), ""
    date = page.date or meta((record.rec_headers.get_header("WARC-Date") or "")[:10])
    return Document(id=url_id(uri), text=text, title=page.title, url=page.url or meta(uri), date=date,
                    publisher=page.publisher, author=page.author), ""
