"""The store on SQLite and PostgreSQL: versions, derived rows, transactions, stats."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from spacediplo.errors import StorageError
from spacediplo.model import Document, Entity, Event, Mention, RawDocument
from spacediplo.storage import SaveOutcome, Store


def _doc(doc_id: str = "d1", content: str = "Alpha text.", lang: str = "en") -> Document:
    doc = Document.from_raw(RawDocument(doc_id, "folder", "text", content, "text"))
    doc.text, doc.lang, doc.title, doc.published = content, lang, "Title", "2024-05-01"
    return doc


def test_new_unchanged_and_new_version(store: Store) -> None:
    assert store.save(_doc()) is SaveOutcome.NEW
    assert store.save(_doc()) is SaveOutcome.UNCHANGED
    assert store.is_unchanged("d1", _doc().content_hash)
    assert store.save(_doc(content="Alpha text, corrected.")) is SaveOutcome.UPDATED
    versions = store.versions("d1")
    assert [v.notes["version"] for v in versions] == [1, 2]
    assert versions[0].text == "Alpha text."  # the old version is kept
    assert store.count_documents() == 1 and store.count_documents(current_only=False) == 2
    current = store.get("d1")
    assert current is not None and current.text == "Alpha text, corrected."


def test_mentions_entities_and_events_round_trip(store: Store) -> None:
    doc = _doc(content="Roscosmos and CNES met.")
    doc.mentions = [
        Mention(0, 9, "Roscosmos", "roscosmos", "agency", "RUS"),
        Mention(14, 18, "CNES", "cnes", "agency", "FRA"),
    ]
    doc.entities = [
        Entity("roscosmos", "Roscosmos", "agency", "RUS"),
        Entity("cnes", "Centre national d'études spatiales", "agency", "FRA"),
    ]
    doc.events = [
        Event(
            "meeting",
            ["RUS", "FRA"],
            "2020-02-14",
            "done",
            ["iss"],
            "Roscosmos and CNES met.",
            0,
            23,
        )
    ]
    store.save(doc)
    loaded = store.get("d1")
    assert loaded is not None
    assert [(m.entity_id, m.start, m.end) for m in loaded.mentions] == [
        ("roscosmos", 0, 9),
        ("cnes", 14, 18),
    ]
    assert [e.name for e in loaded.entities] == ["Roscosmos", "Centre national d'études spatiales"]
    assert loaded.entities[1].aliases == ["CNES"]
    (event,) = loaded.events
    assert event.participants == ["FRA", "RUS"] and event.date == "2020-02-14"
    assert loaded.to_spec()["events"][0]["participants"] == ["FRA", "RUS"]


def test_a_failed_save_leaves_nothing_behind(store: Store) -> None:
    doc = _doc()
    doc.events = [Event("meeting", ["RUS", "FRA"], evidence="x")]
    doc.events[0].stage = None  # type: ignore[assignment]  # violates NOT NULL mid-transaction
    with pytest.raises(Exception):  # noqa: B017 - any database error
        store.save(doc)
    assert store.count_documents(current_only=False) == 0
    with store.engine.connect() as conn:
        assert conn.execute(text("select count(*) from sources")).scalar() == 0


def test_stats_count_languages_sources_and_days(store: Store) -> None:
    store.save(_doc("a", "One.", "en"))
    store.save(_doc("b", "Deux.", "fr"))
    store.record_failure("bad.bin", "binary data, not text")
    stats = store.stats()
    assert stats.documents == 2 and stats.failures == 1
    assert stats.by_language == {"en": 1, "fr": 1}
    assert stats.by_source == {"folder": 2}
    assert stats.by_day == {"2024-05-01": 2}
    assert store.failures() == [("bad.bin", "binary data, not text")]


def test_documents_stream_in_doc_id_order_across_batches(store: Store) -> None:
    for i in range(7):
        store.save(_doc(f"doc{i}", f"Text {i}."))
    assert [d.doc_id for d in store.documents(batch_size=3)] == [f"doc{i}" for i in range(7)]


def test_unreachable_database_is_a_clear_error() -> None:
    with pytest.raises(StorageError, match="cannot open the database"):
        Store.open("postgresql+psycopg://nobody@127.0.0.1:9/none")


def test_sqlite_uses_wal(tmp_path: object) -> None:
    from pathlib import Path

    store = Store.open(str(Path(str(tmp_path)) / "w.db"))
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    store.close()
