"""Ingest: sources → pipeline → store, one transaction per document, failures recorded."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .errors import InputError
from .model import Document, RawDocument
from .pipeline import Pipeline, build_pipeline
from .settings import Settings
from .sources import Fetcher, Skipped, iter_sources
from .storage import SaveOutcome, Store
from .stories.service import StoryService, params_from_settings

__all__ = ["IngestReport", "ingest", "process_item"]

ProgressCallback = Callable[[str, str, str | None], None]  # (locator, outcome, reason)


@dataclass
class IngestReport:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def stored(self) -> int:
        """Documents that are in the store after the run (new, updated or already there)."""
        return self.new + self.updated + self.unchanged

    @property
    def ok(self) -> bool:
        """A run fails only when nothing at all could be ingested."""
        return self.stored > 0


def process_item(
    item: RawDocument, pipeline: Pipeline, store: Store, stories: StoryService | None = None
) -> SaveOutcome:
    """Run one raw document through the pipeline and store it (raises InputError);
    with ``stories``, place it in its story as soon as it is saved."""
    if store.is_unchanged(item.doc_id, item.content_hash):
        if stories is not None and store.story_key(item.doc_id) is None:
            # Saved by a run that stopped before placing it: place it now.
            stored = store.get(item.doc_id)
            if stored is not None:
                stories.add(stored)
        return SaveOutcome.UNCHANGED
    doc = pipeline(Document.from_raw(item))
    outcome = store.save(doc)
    if stories is not None:
        stories.add(doc)
    return outcome


def ingest(
    inputs: Iterable[str],
    store: Store,
    settings: Settings,
    pipeline: Pipeline | None = None,
    fetcher: Fetcher | None = None,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Ingest every input; bad inputs are recorded and skipped, the run goes on."""
    pipeline = pipeline or build_pipeline(settings)
    report = IngestReport()
    stories = StoryService(store, params_from_settings(settings))
    for item in iter_sources(inputs, settings, fetcher):
        if isinstance(item, Skipped):
            _skip(report, store, item, progress)
            continue
        try:
            outcome = process_item(item, pipeline, store, stories)
        except InputError as exc:
            _skip(report, store, Skipped(item.locator or item.doc_id, exc.reason), progress)
            continue
        except Exception as exc:  # noqa: BLE001 - a batch run records and goes on
            reason = f"internal error ({type(exc).__name__}: {exc})"
            _skip(report, store, Skipped(item.locator or item.doc_id, reason), progress)
            continue
        setattr(report, outcome.value, getattr(report, outcome.value) + 1)
        if progress:
            progress(item.locator or item.doc_id, outcome.value, None)
    return report


def _skip(
    report: IngestReport, store: Store, item: Skipped, progress: ProgressCallback | None
) -> None:
    report.skipped.append(item)
    store.record_failure(item.locator, item.reason)
    if progress:
        progress(item.locator, "skipped", item.reason)
