"""Storage and story placement per document: milliseconds and SQL statements.

The demo corpus and the seeds, copied as in ``benchmarks/events.py`` (a numbered line
appended, so every copy is a distinct document of the same story), are run through the
default pipeline ahead of time; then each document is saved (``Store.save``) and placed
in its story (``StoryService.add``) in a fresh SQLite store, and both steps are timed
and their SQL statements counted. The pipeline is not part of these figures.

A digest of the resulting stories and canonical events is printed, so two versions of
the code can be checked to give the same result on the same input (and the incremental
result is compared with ``spacediplo stories rebuild``).

Usage: python benchmarks/story_ingest.py [--copies N]
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import SHARED, write_copies
from sqlalchemy import event

from spacediplo.demo import CORPUS_DIR
from spacediplo.model import Document
from spacediplo.pipeline import build_pipeline
from spacediplo.settings import Settings
from spacediplo.sources import Skipped, iter_sources
from spacediplo.storage import Store
from spacediplo.stories.service import StoryService, params_from_settings


def _state(store: Store) -> tuple[set[frozenset[str]], set[tuple[Any, ...]]]:
    """Stories as sets of doc ids, canonical events with every stored field (the story
    named by its documents: a rebuild may key a story by another of its reports)."""
    stories: dict[str | None, set[str]] = {}
    for doc in store.documents():
        stories.setdefault(doc.story, set()).add(doc.doc_id)
    members = {k: sorted(v) for k, v in stories.items()}
    events = {
        (c.key, c.type, c.date, c.stage, tuple(c.participants), tuple(c.topics),
         repr(members.get(c.story)),
         c.first_seen, c.last_seen, frozenset((r.doc_id, r.index) for r in c.sources))
        for c in store.canonical_events()
    }  # fmt: skip
    return {frozenset(v) for v in stories.values()}, events


def _digest(state: tuple[set[frozenset[str]], set[tuple[Any, ...]]]) -> str:
    stories = sorted(sorted(s) for s in state[0])
    events = sorted(repr(e[:-1]) + repr(sorted(e[-1])) for e in state[1])
    return hashlib.sha1(repr((stories, events)).encode()).hexdigest()[:12]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4)
    args = parser.parse_args()
    sources = sorted(CORPUS_DIR.iterdir()) + sorted((SHARED / "seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        write_copies(sources, folder, args.copies)
        settings = Settings.from_env(db=str(Path(tmp) / "bench.db"))
        pipeline = build_pipeline(settings)
        items = [i for i in iter_sources([str(folder)], settings) if not isinstance(i, Skipped)]
        docs = [pipeline(Document.from_raw(i)) for i in items]
        with Store.open(settings.db) as store:
            statements = [0]

            def count(*_: Any) -> None:
                statements[0] += 1

            event.listen(store.engine, "before_cursor_execute", count)
            service = StoryService(store, params_from_settings(settings))
            save_ms: list[float] = []
            add_ms: list[float] = []
            save_sql: list[int] = []
            add_sql: list[int] = []
            for doc in docs:
                statements[0] = 0
                start = time.perf_counter()
                store.save(doc)
                save_ms.append((time.perf_counter() - start) * 1000)
                save_sql.append(statements[0])
                statements[0] = 0
                start = time.perf_counter()
                service.add(doc)
                add_ms.append((time.perf_counter() - start) * 1000)
                add_sql.append(statements[0])
            event.remove(store.engine, "before_cursor_execute", count)
            incremental = _state(store)
            StoryService(store, params_from_settings(settings)).rebuild()
            rebuilt = _state(store)
    print(
        f"documents={len(docs)} stories={len(incremental[0])} "
        f"canonical_events={len(incremental[1])} digest={_digest(incremental)} "
        f"rebuild_equal={incremental == rebuilt}\n"
        f"save_ms_per_doc={statistics.mean(save_ms):.1f} "
        f"(median {statistics.median(save_ms):.1f}) "
        f"save_sql_per_doc={statistics.mean(save_sql):.1f}\n"
        f"add_ms_per_doc={statistics.mean(add_ms):.1f} "
        f"(median {statistics.median(add_ms):.1f}, max {max(add_ms):.0f}) "
        f"add_sql_per_doc={statistics.mean(add_sql):.1f}"
    )


if __name__ == "__main__":
    main()
