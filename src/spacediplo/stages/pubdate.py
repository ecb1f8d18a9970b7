"""Publication date: the source's own metadata, the page's metadata (htmldate, without its
body-text search), or a date line at the top of a text page. A date inside the article's
sentences is an event date, not a publication date, and is never used here."""

from __future__ import annotations

import re
from datetime import date, timedelta
from email.utils import parsedate_to_datetime
from typing import ClassVar

import htmldate

from ..dates import iso, parse_date_line
from ..model import Document
from ..registry import register_stage
from ..settings import Settings

__all__ = ["PubDateStage", "normalise_published"]

_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)")


def normalise_published(value: str, lang: str | None = None) -> str | None:
    """An ISO date from a metadata value (ISO timestamp, RFC 2822, or a written date)."""
    value = value.strip()
    if m := _ISO_PREFIX.match(value):
        return iso(int(m[1]), int(m[2]), int(m[3]))
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return parse_date_line(value, lang)


class PubDateStage:
    name: ClassVar[str] = "pubdate"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "lang"})
    assigns: ClassVar[frozenset[str]] = frozenset({"published"})

    def __init__(self, today: date | None = None) -> None:
        self.today = today

    def __call__(self, doc: Document) -> Document:
        found: str | None = None
        if doc.published:
            found = normalise_published(doc.published, doc.lang)
        if found is None and doc.raw_format == "html":
            found = self._from_html(doc)
        if found is None:
            for line in doc.notes.get("header_dates", []):
                found = parse_date_line(line, doc.lang)
                if found:
                    break
        if found is not None and not self._plausible(found):
            found = None
        doc.published = found
        return doc

    def _from_html(self, doc: Document) -> str | None:
        try:
            return htmldate.find_date(
                doc.raw, extensive_search=False, original_date=True, url=doc.url
            )
        except (ValueError, TypeError):
            return None

    def _plausible(self, value: str) -> bool:
        latest = (self.today or date.today()) + timedelta(days=2)
        return "1990-01-01" <= value <= latest.isoformat()


@register_stage("pubdate")
def make_pubdate(settings: Settings) -> PubDateStage:
    return PubDateStage()
