from __future__ import annotations

from pathlib import Path

from spacediplo.model import RawDocument
from spacediplo.sources import Skipped
from spacediplo.sources.files import file_items
from tests.fixtures import article_html, truncate_gzip, write_warc

PAGES = [
    (f"https://news.example.org/{i}", article_html(title=f"Story number {i} of the day"))
    for i in range(6)
]


def test_html_records_become_documents_with_record_ids(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, PAGES)
    items = list(file_items(path, 10**6))
    assert all(isinstance(i, RawDocument) for i in items)  # the PNG record is not text
    assert len(items) == len(PAGES)
    first = items[0]
    assert isinstance(first, RawDocument)
    assert first.doc_id.startswith("crawl#<urn:uuid:") and first.url == PAGES[0][0]


def test_truncated_archive_keeps_the_records_read_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    write_warc(path, PAGES, extra_binary=False)
    truncate_gzip(path, 0.6)
    items = list(file_items(path, 10**6))
    docs = [i for i in items if isinstance(i, RawDocument)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert 0 < len(docs) < len(PAGES)
    assert len(skipped) == 1 and "truncated or corrupt WARC" in skipped[0].reason


def test_oversized_record_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    write_warc(path, PAGES[:1], extra_binary=False)
    (item,) = list(file_items(path, 100))
    assert isinstance(item, Skipped) and "larger than" in item.reason
