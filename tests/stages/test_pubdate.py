from __future__ import annotations

from datetime import date

import pytest

from spacediplo.model import Document, RawDocument
from spacediplo.stages.pubdate import PubDateStage, normalise_published
from tests.fixtures import article_html


def _doc(raw: str, fmt: str = "html", published: str | None = None) -> Document:
    doc = Document.from_raw(RawDocument("d", "s", fmt, raw, fmt, published=published))  # type: ignore[arg-type]
    doc.text, doc.lang = "x", "en"
    return doc


def test_html_metadata_gives_the_date() -> None:
    assert PubDateStage()(_doc(article_html())).published == "2024-03-12"


def test_html_without_metadata_has_no_date_even_with_dates_in_the_text() -> None:
    html = article_html(published=None).replace(
        "<p>Under", "<p>On 14 February 2020 the plan was first discussed. Under"
    )
    assert PubDateStage()(_doc(html)).published is None


def test_header_date_line_of_a_text_page() -> None:
    doc = _doc("x", "text")
    doc.notes["header_dates"] = ["03.07.25"]
    assert PubDateStage()(doc).published == "2025-07-03"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-07-15T10:00:00Z", "2022-07-15"),
        ("Tue, 12 Mar 2024 09:30:00 GMT", "2024-03-12"),
        ("26 octobre 2023", "2023-10-26"),
        ("not a date", None),
    ],
)
def test_source_metadata_is_normalised(value: str, expected: str | None) -> None:
    assert normalise_published(value) == expected


def test_future_dates_are_implausible() -> None:
    doc = _doc("x", "json", published="2099-01-01")
    assert PubDateStage(today=date(2026, 1, 1))(doc).published is None
