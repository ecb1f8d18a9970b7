"""RSS/Atom feeds (feedparser): each entry becomes a raw document."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import feedparser

from ..model import RawDocument
from .base import Skipped, SourceItem

__all__ = ["FeedEntry", "feed_items", "looks_like_feed", "parse_feed"]

_FEED_ROOT = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)


def looks_like_feed(data: bytes) -> bool:
    """True when the document's root element is an RSS, Atom or RDF feed."""
    return bool(_FEED_ROOT.match(data[:4096]))


@dataclass(frozen=True)
class FeedEntry:
    index: int
    link: str | None
    title: str | None
    published: str | None
    content: str | None
    is_html: bool


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return None


def parse_feed(data: bytes, locator: str) -> tuple[list[FeedEntry], list[Skipped]]:
    """Entries of a feed, plus one :class:`Skipped` for a feed that cannot be read at all."""
    parsed = feedparser.parse(data)
    entries: list[FeedEntry] = []
    if not parsed.entries:
        if parsed.bozo:
            reason = f"not a readable feed ({parsed.bozo_exception})"
        else:
            reason = "feed has no items"
        return [], [Skipped(locator, reason)]
    for i, entry in enumerate(parsed.entries, 1):
        content: str | None = None
        is_html = True
        if entry.get("content"):
            block = entry["content"][0]
            content = block.get("value")
            is_html = "html" in (block.get("type") or "text/html")
        elif entry.get("summary"):
            content = entry.get("summary")
            is_html = "html" in (entry.get("summary_detail", {}).get("type") or "text/html")
        entries.append(
            FeedEntry(
                index=i,
                link=(entry.get("link") or "").strip() or None,
                title=(entry.get("title") or "").strip() or None,
                published=_date(entry),
                content=content.strip() if content and content.strip() else None,
                is_html=is_html,
            )
        )
    return entries, []


def entry_document(entry: FeedEntry, feed_locator: str, source: str, kind: str) -> SourceItem:
    """The entry's own content as a raw document (used for local feeds and as a fallback)."""
    where = f"{feed_locator} item {entry.index}"
    if entry.content is None:
        return Skipped(where, "feed item has no content")
    doc_id = entry.link or f"{feed_locator}#{entry.index}"
    return RawDocument(
        doc_id=doc_id,
        source=source,
        source_kind=kind,
        content=entry.content,
        raw_format="html" if entry.is_html else "text",
        locator=where,
        url=entry.link,
        title=entry.title,
        published=entry.published,
    )


def feed_items(data: bytes, feed_locator: str, source: str) -> Iterator[SourceItem]:
    """Raw documents of a local feed file: each entry's own content."""
    entries, problems = parse_feed(data, feed_locator)
    yield from problems
    for entry in entries:
        yield entry_document(entry, feed_locator, source, "feed")
