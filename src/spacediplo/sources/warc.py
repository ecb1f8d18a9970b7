"""WARC web archives (warcio): HTML response records become raw documents."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError
from ..model import RawDocument
from .base import Skipped, SourceItem
from .decode import decode_bytes

__all__ = ["warc_items", "warc_stem"]

_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def warc_stem(path: Path) -> str:
    name = path.name
    for suffix in (".warc.gz", ".warc", ".arc.gz", ".arc"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return None


def _complete(archive: ArchiveIterator, record: object | None) -> bool:
    """False when the archive (or the record just read) was cut short.

    warcio returns what it can of a truncated gzip member without raising, so we look at
    the decompressor (did it reach the member's end?) and the record's remaining length.
    """
    decompressor = getattr(archive.reader, "decompressor", None)
    if decompressor is not None and getattr(decompressor, "eof", True) is False:
        return False
    remaining = getattr(getattr(record, "raw_stream", None), "limit", 0)
    return not remaining


def warc_items(path: Path, source: str, max_bytes: int) -> Iterator[SourceItem]:
    """Every HTML (or plain-text) response record; a truncated archive keeps what was read."""
    stem = warc_stem(path)
    read = 0
    try:
        with path.open("rb") as stream:
            archive = ArchiveIterator(stream)
            for record in archive:
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if not content_type.lower().startswith(_TEXT_TYPES):
                    continue
                record_id = record.rec_headers.get_header("WARC-Record-ID") or f"record-{read}"
                url = record.rec_headers.get_header("WARC-Target-URI")
                locator = f"{path}#{record_id}"
                status = record.http_headers.get_statuscode()
                body = record.content_stream().read(max_bytes + 1)
                read += 1
                if len(body) <= max_bytes and not _complete(archive, record):
                    raise EOFError("record cut short")
                if status and not status.startswith("2"):
                    yield Skipped(locator, f"HTTP status {status} in archive")
                    continue
                if len(body) > max_bytes:
                    yield Skipped(locator, f"record larger than {max_bytes} bytes")
                    continue
                try:
                    text, _ = decode_bytes(body, locator, _charset(content_type))
                except InputError as exc:
                    yield Skipped(locator, exc.reason)
                    continue
                yield RawDocument(
                    doc_id=f"{stem}#{record_id}",
                    source=source,
                    source_kind="warc",
                    content=text,
                    raw_format="text" if "text/plain" in content_type.lower() else "html",
                    locator=locator,
                    url=url,
                )
            if not _complete(archive, None):
                raise EOFError("compressed stream ends before its end marker")
    except (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError) as exc:
        what = f"after {read} record(s)" if read else "before any record"
        yield Skipped(str(path), f"truncated or corrupt WARC {what} ({type(exc).__name__}: {exc})")
