"""Stories and canonical events in the store: incremental ingest equals a rebuild."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path
from typing import Any

import pytest

from spacediplo.export import export_events
from spacediplo.ingest import process_item
from spacediplo.pipeline import build_pipeline
from spacediplo.settings import Settings
from spacediplo.sources import Skipped, iter_sources
from spacediplo.storage import Store
from spacediplo.stories.service import StoryService

CORPUS = Path(__file__).resolve().parents[2] / "src" / "spacediplo" / "demo" / "corpus"


def _state(store: Store) -> tuple[set[frozenset[str]], set[tuple[Any, ...]]]:
    stories: dict[str | None, set[str]] = {}
    for doc in store.documents():
        stories.setdefault(doc.story, set()).add(doc.doc_id)
    assert None not in stories
    events = {
        (c.type, c.date, c.stage, tuple(c.participants),
         frozenset((r.doc_id, r.index) for r in c.sources))
        for c in store.canonical_events()
    }  # fmt: skip
    return {frozenset(v) for v in stories.values()}, events


@pytest.mark.parametrize("order_seed", [None, 7])
def test_incremental_ingest_equals_rebuild(db_url: str, order_seed: int | None) -> None:
    settings = Settings.from_env(environ={}, db=db_url)
    items = [i for i in iter_sources([str(CORPUS)], settings) if not isinstance(i, Skipped)]
    items = [i for i in items if i.doc_id.startswith(("a0", "b0"))][:24]
    if order_seed is not None:  # late arrivals: documents in no particular time order
        random.Random(order_seed).shuffle(items)
    store = Store.open(db_url)
    try:
        pipeline = build_pipeline(settings)
        # A new service per half: the second half continues from the database alone.
        half = len(items) // 2
        for chunk in (items[:half], items[half:]):
            service = StoryService(store)
            for item in chunk:
                process_item(item, pipeline, store, service)
        incremental = _state(store)
        assert len(incremental[0]) < len(items)  # some stories have several reports
        report = StoryService(store).rebuild()
        assert _state(store) == incremental
        assert report.documents == len(items)
        out = io.StringIO()
        assert export_events(store.canonical_events(), out) == report.canonical_events
        first = json.loads(out.getvalue().splitlines()[0])
        assert {"doc_id", "lang", "evidence"} <= set(first["sources"][0])
        assert report.canonical_events < report.reported_events
    finally:
        store.close()
