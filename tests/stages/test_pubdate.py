from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spacediplo.model import Document, RawDocument
from spacediplo.stages.pubdate import PubDateStage, dateline_date, normalise_published
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


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Titolo\n\nROMA, 5 luglio 2023 - L'Agenzia Spaziale Italiana ha firmato.", "it",
         "2023-07-05"),
        ("Titre\n\nParis, le 3 mai 2024 – Le CNES a signé un accord.", "fr", "2024-05-03"),
        ("عنوان\n\nالرياض، 12 مارس 2024 - وقعت وكالة الفضاء السعودية.", "ar", "2024-03-12"),
        ("Title\n\nWASHINGTON, June 21, 2023 (AFP) – NASA said.", "en", "2023-06-21"),
        # no year in the dateline, no dateline, a dash inside a sentence: nothing
        ("Title\n\nMOSCOW, July 3 (Reuters) - Russia said.", "en", None),
        ("Title\n\nBengaluru - The French space agency CNES signed.", "en", None),
        ("Title\n\nThe agency - founded on 2 May 2020 - said so.", "en", None),
    ],
)
def test_the_dateline_of_an_opening_paragraph(text: str, lang: str, expected: str | None) -> None:
    doc = _doc("x", "text")
    doc.text, doc.lang = text, lang
    assert PubDateStage(today=date(2026, 1, 1))(doc).published == expected


@given(
    city=st.sampled_from(["ROMA", "Paris", "NEW DELHI", "Moscou", "Tokyo"]),
    day=st.dates(min_value=date(1995, 1, 1), max_value=date(2025, 12, 31)),
    agency=st.sampled_from(["", " (AFP)", " (Reuters)"]),
    dash=st.sampled_from(["-", "–", "—"]),
)
def test_any_dateline_gives_its_date(city: str, day: date, agency: str, dash: str) -> None:
    written = f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"
    text = f"Title\n\n{city}{agency}, {written} {dash} The agency said it would sign."
    assert dateline_date(text, "en") == day.isoformat()


_EN_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
