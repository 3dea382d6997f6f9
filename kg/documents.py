"""Read articles from disk: text, Markdown and HTML files, folders of them, ``.jsonl`` files, and
(through :mod:`kg.readers`) web archives and RSS/Atom feeds.

A file that cannot be read as text is reported (one clear reason) and skipped, so
that one bad file never costs the rest of an archive.

What a document's text is, and so what its character offsets count: the file's
characters as decoded (UTF-8, UTF-16 with a byte-order mark, or Windows-1252 with
a notice), without the byte-order mark, with every line end as ``\\n`` (as Python's
``open()`` reads text), U+2029 as ``\\n``, U+2028 and control characters as spaces and
lone surrogates as U+FFFD (one character for one); for ``.md`` and ``.html`` files,
the text left once the markup is taken out (for a web page, the article trafilatura finds in it). :func:`read_text` gives that text for
any file, to check an offset against. Offsets count code points: an emoji outside
the Basic Multilingual Plane is one character, as in Python, not two as in JavaScript.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from kg.readers.markup import html_to_text, markdown_to_text  # noqa: F401 - part of this module's API
from kg.records import Document

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom"}
WARC_SUFFIXES = (".warc", ".warc.gz")
READABLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | {".warc"}
META_FIELDS = ("title", "url", "date", "publisher", "author")
# spaCy's own default limit. Parsing costs about 2 minutes and 3 GB of memory per million
# characters, and one article that long is a whole archive pasted together: refuse it by name.
MAX_CHARS = 1_000_000
MAX_ID_CHARS = 200
MAX_META_CHARS = 2_000  # a title, URL, date or publisher longer than this is no such thing: cut (issue 18 D11)
# File signatures, so a picture named .txt is refused as what it is.
MAGIC = {b"\x89PNG\r\n\x1a\n": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image",
         b"%PDF-": "PDF document", b"PK\x03\x04": "ZIP archive (or .docx/.xlsx/.odt)", b"\x1f\x8b": "gzip archive",
         b"\xd0\xcf\x11\xe0": "legacy Office document (.doc/.xls)", b"{\\rtf": "RTF document",
         b"\x7fELF": "program (ELF)", b"SQLite format 3\x00": "SQLite database"}
# A valid UTF-8 multi-byte sequence: its presence means text is UTF-8 (perhaps damaged), not Windows-1252.
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SURROGATE = re.compile(r"[\ud800-\udfff]")


class InputError(Exception):
    """A file or record that cannot become a document; the message names it and says why."""


@dataclass(slots=True)
class Problem:
    """Something to tell the user about one input.

    ``skipped`` is True when the input was left out of the build; False for a notice
    about a document that was still read (text decoded as Windows-1252, say). ``info``
    marks a count the user may like to see (the records a web archive holds besides
    pages), never a reason for ``--strict`` to fail.
    """

    where: str
    reason: str
    skipped: bool = True
    info: bool = False

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


# -- bytes to text --------------------------------------------------------------------------------
def sniff_binary(data: bytes) -> str:
    """What kind of binary file ``data`` is ("PNG image", ...), or "" when it may be text."""
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            return kind
    head = data[:8192]
    if b"\x00" in head:
        return "binary data"
    controls = sum(1 for b in head if b < 32 and b not in b"\t\n\r\x0c") + head.count(b"\x7f")
    return "binary data" if head and controls / len(head) > 0.05 else ""


def _utf16_without_bom(data: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' when the bytes look like mostly-ASCII UTF-16 without a mark."""
    head = data[:4096]
    if len(head) < 4 or len(data) % 2:
        return ""
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return ""


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Bytes to text and a notice ("" when none). Raises :class:`InputError` with the reason alone.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read as they are; bytes
    that are not UTF-8 but are valid Windows-1252 (and hold no UTF-8 sequence at all)
    are read as Windows-1252 with a notice; anything else is refused.

    Examples:
        >>> decode_bytes("“Yes,” she said.".encode("cp1252"))
        ('“Yes,” she said.', 'not UTF-8: read as Windows-1252')
        >>> decode_bytes(b"caf\\xc3\\xa9 \\xff")
        Traceback (most recent call last):
        kg.documents.InputError: not valid UTF-8 (byte 6, line 1) and not Windows-1252 either; convert it to UTF-8
    """
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), ""
            except UnicodeDecodeError as err:
                raise InputError(f"starts with a {codec.upper().replace('-SIG', '')} byte-order mark "
                                 f"but is not valid {codec.upper().replace('-SIG', '')} (byte {err.start})") from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), ""
        except UnicodeDecodeError:
            pass
    kind = sniff_binary(data)
    if kind:
        raise InputError(f"{kind}, not text")
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as err:
        where = f"byte {err.start}, line {_line_of(data, err.start)}"
        if UTF8_MULTIBYTE.search(data):
            raise InputError(f"not valid UTF-8 ({where}) and not Windows-1252 either; convert it to UTF-8") from None
        try:
            return data.decode("cp1252"), "not UTF-8: read as Windows-1252"
        except UnicodeDecodeError:
            raise InputError(f"not UTF-8 ({where}) nor Windows-1252; convert it to UTF-8") from None


def clean(text: str) -> str:
    """Line ends as ``\\n``; control characters, which no serialisation of a string keeps safely, as spaces.

    Only line ends change the length: every other replacement is one character for one,
    so offsets into the result are offsets into the decoded text with ``\\n`` line ends.

    Examples:
        >>> clean("a\\r\\nb\\rc\\x00d\\u2028e\\u2029f")
        'a\\nb\\nc d e\\nf'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", " ").replace("\u2029", "\n")  # line separator: soft; paragraph: hard
    text = CONTROL.sub(" ", text)
    return SURROGATE.sub("\ufffd", text)


# -- documents ------------------------------------------------------------------------------------
def safe_id(raw: str) -> str:
    """A document id that is safe in an IRI path segment and never ``.`` or ``..``.

    Examples:
        >>> safe_id("Le Monde: 2024/05 édition")
        'Le_Monde_2024_05_édition'
        >>> safe_id("..")
        'doc'
        >>> safe_id("won-t-be-")  # the file's stem as it is: scorers and users match on it
        'won-t-be-'
    """
    text = unicodedata.normalize("NFC", raw)
    text = re.sub(r"[^\w.-]+", "_", text).strip("_").lstrip(".")
    if len(text) > MAX_ID_CHARS:
        text = text[:MAX_ID_CHARS - 17] + "-" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return text or "doc"


def _digest(raw: str, chars: int = 8) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:chars]


def record_id(raw: str) -> str:
    """A JSONL record's id, made safe and still one to one: an id that had to be changed keeps a digest
    of what it was, so ``a/b``, ``a_b`` and ``a b`` stay three documents, the same three in every run.

    Examples:
        >>> record_id("a_b"), record_id("a/b") != record_id("a b"), record_id("a/b").startswith("a_b-")
        ('a_b', True, True)
    """
    safe = safe_id(raw)
    return safe if safe == raw else f"{safe}-{_digest(raw)}"


def doc_id_for(path: Path) -> str:
    """The document id is the file's stem, made safe for an IRI."""
    return safe_id(path.stem)


def other_ids_for(path: Path) -> list[str]:
    """Ids for a file whose stem another file holds, in the order to try them: its folder's name before the
    stem, then before the name, then a digest of the whole path when folders do not tell them apart
    (``{a,b,c}/2024/report.txt``). The reader uses them within a run, a store across runs."""
    return [safe_id(f"{path.parent.name}_{path.stem}"), safe_id(f"{path.parent.name}_{path.name}"),
            f"{safe_id(path.stem)}-{_digest(path.as_posix())}"]


def readable(name: str) -> bool:
    """A file name a folder walk reads: a known suffix (``.warc.gz`` whole, not any ``.gz``)."""
    lower = name.lower()
    return Path(lower).suffix in READABLE_SUFFIXES or lower.endswith(WARC_SUFFIXES)


def kind_of(path: Path) -> str:
    """How to read a file: "jsonl", "warc", "feed", or "text" (text, Markdown, HTML by suffix).

    By its name; a file named directly whose name says none of these is sniffed, so that
    ``kg build crawl.dat`` or ``kg build feed.xml`` reads an archive or feed as one.
    """
    lower = path.name.lower()
    suffix = Path(lower).suffix
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if lower.endswith(WARC_SUFFIXES):
        return "warc"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES:
        return "text"
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return "text"  # read_text names what is wrong with it
    from kg.readers.feeds import looks_like_feed
    from kg.readers.warc import looks_like_warc

    return "warc" if looks_like_warc(head) else "feed" if looks_like_feed(head) else "text"


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every input file under the given paths, in a stable (sorted) order, each once.

    In folders: files with a readable suffix, hidden files and folders (``.git``,
    ``._article.txt``) left out, symbolic links to folders not followed (no loops).
    A file named directly is read whatever its suffix.
    """
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        found: list[Path] = []
        if path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found += [Path(folder, f) for f in files if not f.startswith(".") and readable(f)]
            found.sort(key=lambda p: p.parts)
        else:
            found = [path]
        for child in found:
            key = Path(os.path.realpath(child))
            if key not in seen:
                seen.add(key)
                yield child


def _check_length(text: str, where: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise InputError(f"{where}: too long ({len(text):,} characters; kg reads articles up to "
                         f"{max_chars:,}): split it into articles")


def _record(line: bytes, where: str, max_chars: int) -> Document | Problem:
    """One JSONL line to a document, or the reason it is not one."""
    try:
        record = json.loads(line.rstrip(b"\r\n"))
    except UnicodeDecodeError as err:
        return Problem(where, f"not valid UTF-8 (byte {err.start} of the line); JSON Lines must be UTF-8")
    except json.JSONDecodeError as err:
        return Problem(where, f"malformed JSON at column {err.colno}: {re.sub(r'( starting)?( at)?:?$', '', err.msg).lower()}")
    except RecursionError:
        return Problem(where, "malformed JSON (nested too deeply)")
    except ValueError as err:  # a number past Python's limit for int() (4,300 digits), and the like
        if "digits" in str(err):
            return Problem(where, "a number in the record is too long to read (more than 4,300 digits)")
        return Problem(where, f"malformed JSON: {' '.join(str(err).split())[:120]}")
    if not isinstance(record, dict):
        return Problem(where, "expected a JSON object")
    raw_id = record.get("id", record.get("doc_id"))
    body = record.get("text")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)) or not str(raw_id).strip():
        return Problem(where, 'needs an "id" (a string or a number)')
    if not isinstance(body, str):
        return Problem(where, 'needs a "text" (a string)')
    text = clean(body)
    if not text.strip():
        return Problem(where, "empty text")
    try:
        _check_length(text, where, max_chars)
    except InputError as err:
        return Problem(where, str(err).split(": ", 1)[1])
    meta = {k: clean(str(record[k]))[:MAX_META_CHARS] for k in META_FIELDS
            if isinstance(record.get(k), (str, int, float)) and not isinstance(record.get(k), bool) and str(record[k]).strip()}
    return Document(id=record_id(str(raw_id)), text=text, source=where, **meta)


def _cr_only(path: Path) -> bool:
    """Lines ended by CR alone (classic Mac OS, some exports): no LF anywhere in the first 64 KB."""
    with path.open("rb") as f:
        head = f.read(65536)
    return b"\r" in head and b"\n" not in head


def _bounded_lines(f, limit: int) -> Iterator[bytes | None]:
    """The file's lines, each read up to ``limit`` bytes; None for a longer line, which is skipped without
    being held (a 200 MB line had been read whole: memory grows with the line, issue 18 D11)."""
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                rest = f.readline(2**20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
        else:
            yield line


def read_jsonl(path: Path, max_chars: int = MAX_CHARS) -> Iterator[Document | Problem]:
    """Documents from a JSON Lines file, read a line at a time; a bad line is a Problem naming it."""
    with path.open("rb") as f:
        head = f.read(4)
        f.seek(0)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            lines: Iterable[bytes] = (line.encode("utf-8", "surrogatepass") + b"\n"
                                      for line in f.read().decode("utf-16").split("\n"))
        elif _cr_only(path):
            lines = (line + b"\n" for line in f.read().split(b"\r"))  # old Mac line ends: one record a line still
        else:
            lines = _bounded_lines(f, max_chars * 4 + 2**20)
        for number, line in enumerate(lines, 1):
            if line is None:
                yield Problem(f"{path}:{number}", f"record too long (over {(max_chars * 4 + 2**20) / 2**20:.0f} MB; "
                                                  f"kg reads articles up to {max_chars:,} characters)")
                continue
            if number == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8):]
            if not line.strip():
                continue
            yield _record(line, f"{path}:{number}", max_chars)


class TextFile(NamedTuple):
    """A text, Markdown or HTML file as kg reads it."""

    text: str  # what every offset in the graph counts characters of
    title: str  # the HTML <title>, "" when none
    notice: str  # what the user should know ("not UTF-8: read as Windows-1252"), "" when none


def read_text(path: str | Path, max_chars: int = MAX_CHARS) -> str:
    """A text, Markdown or HTML file's text as kg reads it: the text every offset in the graph counts.

    Raises :class:`InputError` with a one-line reason when the file cannot be read as an article.

    Examples:
        >>> import pathlib, tempfile
        >>> page = pathlib.Path(tempfile.mkdtemp()) / "note.html"
        >>> _ = page.write_text("<title>Rain</title><p>Ms. Smith said it <b>rained</b>.</p>", encoding="utf-8")
        >>> read_text(page)
        'Ms. Smith said it rained.'
    """
    return read_file(path, max_chars).text


def read_file(path: str | Path, max_chars: int = MAX_CHARS) -> TextFile:
    """A text, Markdown or HTML file's document text, its title and a notice (see :class:`TextFile`)."""
    text, found, notice = _read_file(Path(path), max_chars)
    return TextFile(text, found.get("title", ""), notice)


def _read_file(path: Path, max_chars: int) -> tuple[str, dict[str, str], str]:
    """A file's document text, its metadata (title; for a web page also author, date, publisher, url)
    and a notice."""
    where = str(path)
    if not path.exists():
        raise InputError(f"{where}: no such file")
    if not path.is_file():
        raise InputError(f"{where}: not a regular file")
    size = path.stat().st_size
    if size > 4 * max_chars:
        raise InputError(f"{where}: too large ({size / 1e6:.1f} MB; kg reads articles up to "
                         f"{max_chars:,} characters): split it into articles")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{where}: unreadable ({err.strerror})") from None
    if not data:
        raise InputError(f"{where}: empty file")
    try:
        text, notice = decode_bytes(data)
    except InputError as err:
        raise InputError(f"{where}: {err}") from None
    found: dict[str, str] = {}
    original = text
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        from kg.readers.html import read_page

        page = read_page(text)
        text = page.text
        found = {k: getattr(page, k) for k in ("title", "author", "date", "publisher", "url") if getattr(page, k)}
    elif suffix in MARKDOWN_SUFFIXES:
        text = markdown_to_text(clean(text))
    text = clean(text)
    if not text.strip():
        markup = suffix in HTML_SUFFIXES | MARKDOWN_SUFFIXES and original.strip()
        raise InputError(f"{where}: " + ("no text once the markup is taken out" if markup
                                         else "empty file" if not text else "only whitespace"))
    _check_length(text, where, max_chars)
    return text, found, notice


def read_documents(paths: Iterable[str | Path], max_chars: int = MAX_CHARS) -> Iterator[Document | Problem]:
    """Documents from files and folders, and a Problem for each one that cannot be read.

    Examples:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "a.txt").write_text("Ms. Smith said it rained.", encoding="utf-8")
        >>> _ = (folder / "b.txt").write_bytes(b"")
        >>> [str(d) if isinstance(d, Problem) else d.id for d in read_documents([folder])][1].endswith("b.txt: empty file")
        True
    """
    first_seen: dict[str, str] = {}
    for path in iter_files(paths):
        kind = kind_of(path)
        if kind == "jsonl":
            items: Iterable[Document | Problem] = _guard_jsonl(path, max_chars)
        elif kind == "warc":
            from kg.readers.warc import read_warc

            items = read_warc(path, max_chars)
        elif kind == "feed":
            from kg.readers.feeds import read_feed

            items = read_feed(path, max_chars)
        else:
            try:
                text, found, notice = _read_file(path, max_chars)
            except InputError as err:
                yield Problem(str(path), str(err).split(": ", 1)[1] if str(err).startswith(f"{path}: ") else str(err))
                continue
            if notice:
                yield Problem(str(path), notice, skipped=False)
            doc_id = doc_id_for(path)
            if doc_id in first_seen:
                # Two files with one name (2023/report.txt, 2024/report.txt) are two articles: keep both.
                free = [i for i in other_ids_for(path) if i not in first_seen]
                if free:
                    yield Problem(str(path), f"document id {doc_id!r} is taken by {first_seen[doc_id]}; "
                                             f"read as {free[0]!r}", skipped=False)
                    doc_id = free[0]
            items = [Document(id=doc_id, text=text, source=str(path), **found)]
        for item in items:
            if isinstance(item, Document):
                if item.id in first_seen:
                    yield Problem(item.source, f"duplicate document id {item.id!r} (first read from "
                                               f"{first_seen[item.id]}); skipped")
                    continue
                first_seen[item.id] = item.source
            yield item


def _guard_jsonl(path: Path, max_chars: int, max_reported: int = 20) -> Iterator[Document | Problem]:
    """A JSONL file's records, lazily; a file that is not JSON Lines at all is one Problem, not one a line."""
    where = str(path)
    if not path.is_file():
        yield Problem(where, "no such file" if not path.exists() else "not a regular file")
        return
    try:
        with path.open("rb") as f:
            head = f.read(8192)
        kind = "" if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else sniff_binary(head)
        if kind and not (kind == "binary data" and head.lstrip(codecs.BOM_UTF8 + b" \t\r\n").startswith(b"{")):
            # Records that open like JSON are read line by line: a stray NUL costs its line, not the file.
            yield Problem(where, f"{kind}, not JSON Lines")
            return
        documents = bad = 0
        for item in read_jsonl(path, max_chars):
            if isinstance(item, Document):
                documents += 1
            else:
                bad += 1
                if bad > max_reported:
                    continue
            yield item
    except OSError as err:
        yield Problem(where, f"unreadable ({err.strerror})")
        return
    if bad > max_reported:
        yield Problem(where, f"{bad - max_reported} more bad lines not shown ({bad} in all)")
    if documents == 0 and bad == 0:
        yield Problem(where, "empty file" if not head else "no records (only blank lines)")
