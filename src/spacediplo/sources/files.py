"""Local inputs: files and folders of text, HTML, JSON/JSON Lines, feeds and WARC archives."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import RawDocument
from .base import Skipped, SourceItem
from .decode import decode_bytes
from .feeds import feed_items, looks_like_feed
from .warc import warc_items

__all__ = ["SUFFIXES", "file_items", "folder_items", "kind_of"]

SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return SUFFIXES.get(path.suffix.lower())


def doc_stem(path: Path) -> str:
    """The file name without its extension(s): the document id of a file input."""
    name = path.name
    if name.lower().endswith(".warc.gz"):
        return name[: -len(".warc.gz")]
    return path.stem


def folder_items(folder: Path, max_bytes: int) -> Iterator[SourceItem]:
    """Every supported file below ``folder`` (recursive, sorted, hidden files ignored)."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        yield from file_items(path, max_bytes, source=str(folder))


def file_items(path: Path, max_bytes: int, source: str | None = None) -> Iterator[SourceItem]:
    """Raw documents of one file, or one :class:`Skipped` naming the file and the reason."""
    source = source or str(path)
    locator = str(path)
    kind = kind_of(path)
    if kind is None:
        yield Skipped(locator, f"unsupported file type {path.suffix or '(no extension)'!r}")
        return
    if kind == "warc":
        # Archives are containers: the size cap applies to each record, not the file.
        yield from warc_items(path, source, max_bytes)
        return
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield Skipped(locator, f"cannot read file ({exc.strerror or exc})")
        return
    if size == 0:
        yield Skipped(locator, "empty file")
        return
    if size > max_bytes:
        yield Skipped(locator, f"file larger than the limit ({size} > {max_bytes} bytes)")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Skipped(locator, f"cannot read file ({exc.strerror or exc})")
        return
    if kind == "feed" or (kind == "html" and looks_like_feed(data)):
        if not looks_like_feed(data):
            yield Skipped(locator, "XML file is not an RSS/Atom feed")
            return
        yield from feed_items(data, locator, source)
        return
    try:
        text, _ = decode_bytes(data, locator)
    except InputError as exc:
        yield Skipped(exc.locator, exc.reason)
        return
    if kind in {"json", "jsonl"}:
        yield from _json_items(path, text, kind, source)
        return
    yield RawDocument(
        doc_id=doc_stem(path),
        source=source,
        source_kind=kind,
        content=text,
        raw_format="html" if kind == "html" else "text",
        locator=locator,
    )


def _json_items(path: Path, text: str, kind: str, source: str) -> Iterator[SourceItem]:
    locator = str(path)
    records: list[tuple[str, Any]] = []
    if kind == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            # A .json file that is really JSON Lines is common; try that before refusing.
            if "\n" in text.strip():
                kind = "jsonl"
            else:
                yield Skipped(locator, f"invalid JSON ({exc.msg} at line {exc.lineno})")
                return
        else:
            if isinstance(data, list):
                records = [(f"{locator}[{i}]", item) for i, item in enumerate(data)]
            else:
                records = [(locator, data)]
    if kind == "jsonl":
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append((f"{locator}:{n}", json.loads(line)))
            except json.JSONDecodeError as exc:
                yield Skipped(f"{locator}:{n}", f"invalid JSON line ({exc.msg})")
    single = len(records) == 1 and kind == "json"
    for n, (where, record) in enumerate(records, 1):
        yield _json_document(record, where, path, n, single, source)


def _json_document(
    record: Any, where: str, path: Path, n: int, single: bool, source: str
) -> SourceItem:
    if not isinstance(record, dict):
        return Skipped(where, f"JSON item is a {type(record).__name__}, not an object")
    html, text = record.get("html"), record.get("text")
    if isinstance(html, str) and html.strip():
        content, raw_format = html, "html"
    elif isinstance(text, str) and text.strip():
        content, raw_format = text, "text"
    else:
        return Skipped(where, "JSON item has no non-empty 'text' or 'html' field")

    def opt(key: str) -> str | None:
        value = record.get(key)
        return str(value).strip() or None if value is not None else None

    url = opt("url")
    doc_id = (
        opt("doc_id") or opt("id") or url or (doc_stem(path) if single else f"{doc_stem(path)}#{n}")
    )
    return RawDocument(
        doc_id=doc_id,
        source=source,
        source_kind="json",
        content=content,
        raw_format=raw_format,  # type: ignore[arg-type]
        locator=where,
        url=url,
        title=opt("title"),
        published=opt("published"),
        lang=opt("lang"),
    )
