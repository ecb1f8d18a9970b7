"""Files and folders, including every kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

from spacediplo.model import RawDocument
from spacediplo.sources import Skipped
from spacediplo.sources.files import file_items, folder_items
from tests.fixtures import article_html, article_text, rss_feed


def _items(path: Path, max_bytes: int = 1_000_000) -> list[RawDocument | Skipped]:
    return list(file_items(path, max_bytes))


def test_text_and_html_files_use_the_file_stem_as_doc_id(tmp_path: Path) -> None:
    (tmp_path / "a-story.txt").write_text(article_text(), encoding="utf-8")
    (tmp_path / "b.html").write_text(article_html(), encoding="utf-8")
    items = list(folder_items(tmp_path, 1_000_000))
    assert [(i.doc_id, i.raw_format) for i in items if isinstance(i, RawDocument)] == [
        ("a-story", "text"),
        ("b", "html"),
    ]


def test_folders_are_walked_recursively_and_hidden_files_ignored(tmp_path: Path) -> None:
    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "deep" / "er" / "c.txt").write_text(article_text(), encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(article_text(), encoding="utf-8")
    assert [i.doc_id for i in folder_items(tmp_path, 10**6)] == ["c"]  # type: ignore[union-attr]


def test_jsonl_items_with_fields_and_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {
                "id": "x1",
                "text": "Some text here.",
                "title": "T",
                "lang": "en",
                "published": "2024-01-02",
                "url": "https://example.org/x1",
            }
        ),
        "{not json",
        json.dumps({"html": article_html(), "url": "https://example.org/x2"}),
        json.dumps({"title": "no body"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Third item without id."}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = _items(path)
    docs = [i for i in items if isinstance(i, RawDocument)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [d.doc_id for d in docs] == ["x1", "https://example.org/x2", "batch#5"]
    assert docs[0].title == "T" and docs[0].lang == "en" and docs[0].published == "2024-01-02"
    assert docs[1].raw_format == "html"
    reasons = {s.locator.rsplit(":", 1)[-1]: s.reason for s in skipped}
    assert "invalid JSON line" in reasons["2"]
    assert "no non-empty 'text' or 'html'" in reasons["4"]
    assert "not an object" in reasons["5"]


def test_json_file_with_one_object_or_a_list(tmp_path: Path) -> None:
    one = tmp_path / "single.json"
    one.write_text(json.dumps({"text": "Hello world text."}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": "A."}, {"text": "B.", "id": "b"}]), encoding="utf-8")
    assert [i.doc_id for i in _items(one)] == ["single"]  # type: ignore[union-attr]
    assert [i.doc_id for i in _items(many)] == ["many#1", "b"]  # type: ignore[union-attr]


def test_invalid_json_file_is_skipped_with_reason(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"text": "unterminated', encoding="utf-8")
    (item,) = _items(path)
    assert isinstance(item, Skipped) and "invalid JSON" in item.reason


def test_empty_binary_oversized_and_unknown_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "big.txt").write_text("word " * 1000, encoding="utf-8")
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    reasons = {
        Path(i.locator).name: i.reason
        for i in folder_items(tmp_path, 2000)
        if isinstance(i, Skipped)
    }
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["image.html"]
    assert "larger than the limit" in reasons["big.txt"]
    assert "unsupported file type" in reasons["sheet.xlsx"]


def test_non_utf8_text_file_is_decoded(tmp_path: Path) -> None:
    text = "Госкорпорация подписала соглашение о сотрудничестве в области космоса. " * 3
    (tmp_path / "cp.txt").write_bytes(text.encode("cp1251"))
    (item,) = _items(tmp_path / "cp.txt")
    assert isinstance(item, RawDocument) and item.content == text


def test_feed_file_gives_one_document_per_item_and_skips_broken_items(tmp_path: Path) -> None:
    path = tmp_path / "news.xml"
    path.write_text(
        rss_feed(
            [
                ("https://example.org/1", "One", "<p>First item text.</p>"),
                ("https://example.org/2", "Two", "<p>Second item.</p>"),
            ],
            broken_item=True,
        ),
        encoding="utf-8",
    )
    items = _items(path)
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [d.doc_id for d in docs] == ["https://example.org/1", "https://example.org/2"]
    assert docs[0].published == "2024-03-12" and docs[0].title == "One"
    (skip,) = [i for i in items if isinstance(i, Skipped)]
    assert skip.locator.endswith("item 3") and "no content" in skip.reason


def test_xml_that_is_not_a_feed_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "config.xml"
    path.write_text("<?xml version='1.0'?><config><a>1</a></config>", encoding="utf-8")
    (item,) = _items(path)
    assert isinstance(item, Skipped) and "not an RSS/Atom feed" in item.reason


def test_broken_feed_is_skipped_with_reason(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<?xml version='1.0'?><rss><channel><title>x</title>", encoding="utf-8")
    (item,) = _items(path)
    assert isinstance(item, Skipped)
