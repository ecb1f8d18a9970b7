"""Exporters: the spec's JSON Lines, one JSON array, and CSV, over the stored documents."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import TextIO

from .model import Document
from .stories.canonical import CanonicalEvent

__all__ = ["EXPORTERS", "export_csv", "export_events", "export_json", "export_jsonl"]

CSV_COLUMNS = (
    "doc_id", "lang", "published", "story", "title", "url", "source",
    "entities", "events", "text_chars",
)  # fmt: skip


def export_jsonl(docs: Iterable[Document], out: TextIO) -> int:
    """One object per document, exactly the schema of ``spec/events.md``."""
    n = 0
    for doc in docs:
        out.write(json.dumps(doc.to_spec(), ensure_ascii=False) + "\n")
        n += 1
    return n


def export_json(docs: Iterable[Document], out: TextIO) -> int:
    """The same objects as ``jsonl``, as one JSON array."""
    n = 0
    out.write("[")
    for doc in docs:
        out.write(("," if n else "") + "\n" + json.dumps(doc.to_spec(), ensure_ascii=False))
        n += 1
    out.write("\n]\n")
    return n


def export_csv(docs: Iterable[Document], out: TextIO) -> int:
    """One row per document: metadata and counts, for spreadsheets."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    n = 0
    for doc in docs:
        writer.writerow(
            [
                doc.doc_id, doc.lang or "", doc.published or "", doc.story or doc.doc_id,
                doc.title or "", doc.url or "", doc.source,
                "; ".join(e.name for e in doc.entities), len(doc.events), len(doc.text),
            ]
        )  # fmt: skip
        n += 1
    return n


def export_events(events: Iterable[CanonicalEvent], out: TextIO) -> int:
    """One object per canonical event (a real-world event counted once), with every
    report of it in ``sources``: the document, its language and the evidence sentence."""
    n = 0
    for ce in events:
        record = {
            "id": ce.key,
            "type": ce.type,
            "participants": ce.participants,
            "date": ce.date,
            "stage": ce.stage,
            "topics": ce.topics,
            "story": ce.story,
            "first_seen": ce.first_seen,
            "last_seen": ce.last_seen,
            "sources": [
                {
                    "doc_id": r.doc_id,
                    "lang": r.lang,
                    "published": r.published,
                    "date": r.date,
                    "stage": r.stage,
                    "evidence": r.evidence,
                }
                for r in ce.sources
            ],
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


EXPORTERS: dict[str, Callable[[Iterable[Document], TextIO], int]] = {
    "jsonl": export_jsonl,
    "json": export_json,
    "csv": export_csv,
}
