"""Read articles from disk: ``.txt`` files, folders of them, and ``.jsonl`` files.

A file that cannot be read as text is reported (one clear reason) and skipped, so
that one bad file never costs the rest of an archive.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.records import Document

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
META_FIELDS = ("title", "url", "date", "publisher")


class InputError(Exception):
    """A file or record that cannot become a document; the message names it and says why."""


@dataclass(slots=True)
class Problem:
    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


def decode(data: bytes, where: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is refused."""
    if not data.strip():
        raise InputError(f"{where}: empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise InputError(f"{where}: binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{where}: not UTF-8 (byte {err.start}); convert it to UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def doc_id_for(path: Path) -> str:
    """The document id is the file's stem, made safe for an IRI."""
    return re.sub(r"[^\w.-]+", "_", path.stem).strip("_") or "doc"


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every input file under the given paths, in a stable (sorted) order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                    yield child
        else:
            yield path


def read_jsonl(path: Path, text: str) -> Iterator[Document | Problem]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield Problem(where, f"malformed JSON ({err.msg})")
            continue
        if not isinstance(record, dict):
            yield Problem(where, "expected a JSON object")
            continue
        doc_id = str(record.get("id") or record.get("doc_id") or "").strip()
        body = record.get("text")
        if not doc_id or not isinstance(body, str):
            yield Problem(where, 'needs "id" and "text"')
            continue
        if not body.strip():
            yield Problem(where, "empty text")
            continue
        meta = {k: str(record[k]) for k in META_FIELDS if record.get(k)}
        yield Document(id=re.sub(r"[^\w.-]+", "_", doc_id), text=body.replace("\r\n", "\n"), source=where, **meta)


def read_documents(paths: Iterable[str | Path]) -> Iterator[Document | Problem]:
    """Documents from files and folders, and a Problem for each one that cannot be read.

    Examples:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "a.txt").write_text("Ms. Smith said it rained.", encoding="utf-8")
        >>> _ = (folder / "b.txt").write_bytes(b"")
        >>> [str(d) if isinstance(d, Problem) else d.id for d in read_documents([folder])][0]
        'a'
    """
    seen: set[str] = set()
    for path in iter_files(paths):
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            yield Problem(str(path), "no such file")
            continue
        except OSError as err:
            yield Problem(str(path), f"unreadable ({err.strerror})")
            continue
        try:
            text = decode(data, str(path))
        except InputError as err:
            yield Problem(str(path), str(err).split(": ", 1)[1])
            continue
        items = read_jsonl(path, text) if path.suffix.lower() in JSONL_SUFFIXES else [
            Document(id=doc_id_for(path), text=text, source=str(path))]
        for item in items:
            if isinstance(item, Document):
                if item.id in seen:
                    yield Problem(item.source, f"duplicate document id {item.id!r}; skipped")
                    continue
                seen.add(item.id)
            yield item
