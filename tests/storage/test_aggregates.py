"""Running counts (storage/aggregates.py) always equal a recount from the events, through
new documents, new versions that change or drop events, and on both backends."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from spacediplo.model import Document, Event, RawDocument
from spacediplo.storage import Store
from spacediplo.storage.aggregates import recount

TABLES = {
    "event_counts": "year, type, n",
    "actor_counts": "code, year, type, n",
    "pair_counts": "a, b, year, type, n",
}


def snapshot(store: Store) -> dict[str, list[Any]]:
    with store.engine.connect() as conn:
        return {
            table: sorted(tuple(r) for r in conn.execute(text(f"SELECT {cols} FROM {table}")))
            for table, cols in TABLES.items()
        }


def assert_counts_match_a_recount(store: Store) -> None:
    running = snapshot(store)
    with store.engine.begin() as conn:
        recount(conn)
    assert snapshot(store) == running


def doc_with(doc_id: str, content: str, events: list[Event]) -> Document:
    doc = Document.from_raw(RawDocument(doc_id, "folder", "text", content, "text"))
    doc.text, doc.lang = content, "en"
    doc.events = events
    return doc


def test_counts_follow_new_documents_and_versions(store: Store) -> None:
    signed = Event("agreement", ["FRA", "IND"], "2023-07-14", evidence="x")
    met = Event("meeting", ["FRA", "IND", "JPN"], None, evidence="y")
    store.save(doc_with("a", "one", [signed, met]))
    store.save(doc_with("b", "two", [Event("agreement", ["FRA", "IND"], "2023", evidence="z")]))
    counts = snapshot(store)
    assert ("2023", "agreement", 2) in counts["event_counts"]
    assert ("", "meeting", 1) in counts["event_counts"]
    assert ("FRA", "IND", "2023", "agreement", 2) in counts["pair_counts"]
    assert ("IND", "JPN", "", "meeting", 1) in counts["pair_counts"]
    assert_counts_match_a_recount(store)

    # A new version without the meeting: its counts go, nothing is left at zero.
    store.save(doc_with("a", "one, corrected", [signed]))
    counts = snapshot(store)
    assert all(row[-1] > 0 for rows in counts.values() for row in rows)
    assert not any(row[2] == "meeting" for row in counts["pair_counts"])
    assert_counts_match_a_recount(store)


CODES = st.sampled_from(["USA", "RUS", "CHN", "ESA", "FRA", "UN"])
EVENTS = st.lists(
    st.builds(
        Event,
        type=st.sampled_from(["agreement", "meeting", "launch"]),
        participants=st.lists(CODES, min_size=2, max_size=4),
        date=st.sampled_from([None, "1975", "2021-03", "2021-03-09"]),
    ),
    max_size=4,
)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(saves=st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), EVENTS), max_size=8))
def test_any_sequence_of_saves_keeps_counts_exact(tmp_path_factory: Any, saves: Any) -> None:
    path = tmp_path_factory.mktemp("counts") / "c.db"
    with Store.open(str(path)) as store:
        for n, (doc_id, events) in enumerate(saves):
            store.save(doc_with(doc_id, f"version {n}", events))
        assert_counts_match_a_recount(store)
