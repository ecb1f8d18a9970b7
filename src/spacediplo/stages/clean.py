"""Cleaning: main text and title of HTML pages (trafilatura) and plain-text pages
(:mod:`.boilerplate` rules)."""

from __future__ import annotations

import re
from typing import ClassVar

import lxml.html
import trafilatura
from lxml.etree import ParserError

from ..errors import InputError
from ..model import Document
from ..normalize import squash
from ..registry import register_stage
from ..settings import Settings
from .boilerplate import clean_text_lines, word_count

__all__ = ["CleanStage", "extract_html", "split_title"]

_MAX_TITLE_WORDS = 25


def split_title(lines: list[str]) -> str | None:
    """The first line is a headline when it is short and not a running sentence."""
    if not lines:
        return None
    first = lines[0]
    words = word_count(first)
    if words > _MAX_TITLE_WORDS:
        return None
    # A headline rarely ends with a full stop; a short line that does may still be one.
    if first.rstrip().endswith(".") and words > 12:
        return None
    return first


def _fallback_text(html: str) -> str:
    """Text of a page trafilatura could not handle (fragments, broken markup)."""
    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", html)
    for bad in tree.xpath("//script|//style|//noscript|//nav|//footer|//header|//aside|//form"):
        bad.drop_tree()
    blocks = [" ".join(el.text_content().split()) for el in tree.iter("p", "h1", "h2", "li", "div")]
    text = "\n".join(b for b in blocks if b)
    return text or " ".join(tree.text_content().split())


def extract_html(html: str, url: str | None = None) -> tuple[str | None, str]:
    """``(title, main text)`` of an HTML page; the text is ``""`` when there is none."""
    try:
        result = trafilatura.bare_extraction(
            html, url=url, include_comments=False, include_tables=True, with_metadata=True
        )
    except (ValueError, TypeError, AttributeError):  # trafilatura on hostile markup
        result = None
    title: str | None = None
    text = ""
    if result is not None:
        title = (getattr(result, "title", None) or "").strip() or None
        text = (getattr(result, "text", None) or "").strip()
    if not text:
        text = _fallback_text(html).strip()
    return title, text


class CleanStage:
    """Raw content → ``title`` and ``text``; the text starts with the title line."""

    name: ClassVar[str] = "clean"
    requires: ClassVar[frozenset[str]] = frozenset({"raw", "raw_format"})
    assigns: ClassVar[frozenset[str]] = frozenset({"text", "title"})

    def __call__(self, doc: Document) -> Document:
        if doc.raw_format == "html":
            title, body = extract_html(doc.raw, doc.url)
            cleaned = clean_text_lines(body, from_html=True)
            lines = cleaned.lines
            title = doc.title or title
            if title and (not lines or squash(lines[0]) != squash(title)):
                lines = [title, *lines]
        else:
            cleaned = clean_text_lines(doc.raw)
            lines = cleaned.lines
            title = doc.title or split_title(lines)
            if doc.title and (not lines or squash(lines[0]) != squash(doc.title)):
                lines = [doc.title, *lines]
        if not any(word_count(line) >= 3 for line in lines):
            raise InputError(doc.locator or doc.doc_id, "no article text found")
        doc.title = title
        doc.text = "\n\n".join(lines)
        doc.notes["header_dates"] = cleaned.header_dates
        doc.notes["removed_lines"] = len(cleaned.removed)
        return doc


@register_stage("clean")
def make_clean(settings: Settings) -> CleanStage:
    return CleanStage()
