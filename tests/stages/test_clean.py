from __future__ import annotations

import pytest

from spacediplo.errors import InputError
from spacediplo.model import Document, RawDocument
from spacediplo.stages.clean import CleanStage, extract_html
from tests.fixtures import ARTICLE_PARAGRAPHS, BOILERPLATE_MARKERS, article_html, article_text


def _doc(content: str, raw_format: str = "html", title: str | None = None) -> Document:
    return Document.from_raw(
        RawDocument(
            doc_id="d",
            source="s",
            source_kind=raw_format,
            content=content,
            raw_format=raw_format,
            title=title,
        )  # type: ignore[arg-type]
    )


def test_html_main_text_keeps_the_article_and_drops_the_furniture() -> None:
    doc = CleanStage()(_doc(article_html()))
    assert doc.title == "Brazil and Portugal agree on a joint satellite"
    assert doc.text.startswith(doc.title)
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in doc.text
    for marker in BOILERPLATE_MARKERS:
        assert marker not in doc.text


def test_text_page_gets_title_and_loses_its_furniture() -> None:
    doc = CleanStage()(_doc(article_text(), "text"))
    assert doc.title == "Brazil and Portugal agree on a joint satellite"
    assert doc.notes["header_dates"] == ["12.03.24"]
    for line in ("Photo:", "Shutterstock", "Share", "Read also", "Moon base plans delayed again"):
        assert line not in doc.text.split("\n\n")


def test_malformed_html_still_gives_its_text() -> None:
    broken = "<html><body><div><p>" + ARTICLE_PARAGRAPHS[0] + "<p>" + ARTICLE_PARAGRAPHS[1]
    _, text = extract_html(broken)
    assert ARTICLE_PARAGRAPHS[0] in text


def test_page_without_text_is_refused_with_a_reason() -> None:
    with pytest.raises(InputError, match="no article text"):
        CleanStage()(_doc("<html><body><nav><a href='/'>Home</a></nav></body></html>"))


def test_source_title_wins_and_is_prepended() -> None:
    doc = CleanStage()(_doc("\n\n".join(ARTICLE_PARAGRAPHS), "text", title="Given title"))
    assert doc.title == "Given title"
    assert doc.text.startswith("Given title\n\n")
