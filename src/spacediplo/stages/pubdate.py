"""Publication date: the source's own metadata, the page's metadata (htmldate, without its
body-text search), a date line at the top of a text page, or the dateline that opens the
first paragraphs ("ROMA, 5 luglio 2023 – …", "MOSCOW, July 3 (Reuters) - …"). A date
inside the article's sentences is an event date, not a publication date, and is never
used here."""

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
from ..temporal import find_time_expressions

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
        if found is None:
            found = dateline_date(doc.text, doc.lang)
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


# The head of a dateline: what stands before the first dash of a paragraph, at most this
# many characters ("WASHINGTON, 21 June 2023 (AFP)").
_DATELINE_HEAD = 70
_DATELINE_DASH = re.compile(r"\s[-–—]\s|\s*[-–—]{1,2}\s")
_AGENCY = re.compile(r"\([^)]{1,30}\)")
# Only the opening paragraphs carry a dateline (the title comes first).
_DATELINE_PARAGRAPHS = 4


def dateline_date(text: str, lang: str | None = None) -> str | None:
    """The date of a dateline opening one of the first paragraphs: "CITY, DATE – …" or
    "CITY (AGENCY), DATE – …". The head must be a place and a full date and nothing
    else; a paragraph that opens with a sentence gives nothing."""
    paragraphs = [p for p in text.split("\n") if p.strip()][:_DATELINE_PARAGRAPHS]
    for paragraph in paragraphs:
        dash = _DATELINE_DASH.search(paragraph, 0, _DATELINE_HEAD + 3)
        if dash is None:
            continue
        head = _AGENCY.sub(" ", paragraph[: dash.start()])
        parts = [part.strip() for part in re.split(r"[,،]", head)]
        # the city first, then the date: "ROMA, 5 luglio 2023", "Paris, le 3 mai 2024"
        for i in range(1, len(parts)):
            found = _whole_date(", ".join(parts[i:]), lang)
            if found:
                return found
    return None


def _whole_date(candidate: str, lang: str | None) -> str | None:
    """A full date that is all of ``candidate`` (a date line, or a written date in any
    script the temporal parser reads: "12 مارس 2024", "2024年3月12日")."""
    found = parse_date_line(candidate, lang)
    if found:
        return found
    expressions = find_time_expressions(candidate, None)
    if len(expressions) != 1:
        return None
    (expression,) = expressions
    rest = candidate[: expression.start] + candidate[expression.end :]
    if expression.relative or len(expression.value) != 10 or rest.strip(" ,.،-–—"):
        return None
    return expression.value


@register_stage("pubdate")
def make_pubdate(settings: Settings) -> PubDateStage:
    return PubDateStage()
