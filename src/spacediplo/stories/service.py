"""Stories and canonical events kept up to date in the store, one document at a time.

Everything here is derived from the stored documents: :meth:`StoryService.rebuild`
recomputes it from scratch, and the incremental path reloads what it needs (the reports
in the time window of a new document) from the database, so nothing else has to persist.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from ..model import Document
from ..settings import Settings
from ..storage import Store
from .canonical import canonicalize, probe_years
from .cluster import ClusterParams, StoryClusterer
from .signatures import DocumentSignature, signature

__all__ = ["Embedder", "RebuildReport", "StoryService", "params_from_settings"]

#: A multilingual sentence embedder (title and lead in, vector out), when one is
#: installed; stories are built without it otherwise.
Embedder = Callable[[str], Sequence[float]]


def params_from_settings(settings: Settings) -> ClusterParams:
    return ClusterParams(
        window_days=settings.story_window_days,
        min_overlap=settings.story_min_overlap,
        min_shared=settings.story_min_shared,
        duplicate_jaccard=settings.story_duplicate_jaccard,
    )


@dataclass(frozen=True)
class _Holding:
    """Doc ids the clusterer holds, plus the one being added (a live view, no copy)."""

    held: Container[str]
    adding: str | None

    def __contains__(self, doc_id: object) -> bool:
        return doc_id == self.adding or doc_id in self.held


@dataclass(frozen=True)
class RebuildReport:
    documents: int
    stories: int
    canonical_events: int
    reported_events: int


class StoryService:
    def __init__(
        self, store: Store, params: ClusterParams | None = None, embedder: Embedder | None = None
    ) -> None:
        self.store = store
        self.params = params or ClusterParams()
        self.embedder = embedder
        self.clusterer = StoryClusterer(self.params, loader=self._load)
        #: The report being added: saved just before, so a window load finds it too,
        #: but its signature is already in hand.
        self._adding: str | None = None

    def signature(self, doc: Document) -> DocumentSignature:
        vector = None
        if self.embedder is not None:
            lead = f"{doc.title or ''}\n{doc.text[:500]}"
            vector = tuple(float(x) for x in self.embedder(lead))
        return signature(doc, vector)

    def _load(
        self, first: date | None, last: date | None
    ) -> Iterator[tuple[DocumentSignature, str | None]]:
        a = first.isoformat() if first else None
        b = last.isoformat() if last else None
        # The clusterer ignores reports it holds already, and the one being added is
        # signed already: neither is read and signed again (the date search over the
        # text is the costliest part of a signature).
        skip = _Holding(self.clusterer.signatures, self._adding)
        for doc, key in self.store.documents_published(a, b, skip=skip):
            yield self.signature(doc), key

    def add(self, doc: Document) -> str:
        """Place a just-saved document in its story and refresh the canonical events it
        touches; returns the story key."""
        sig = self.signature(doc)
        self._adding = doc.doc_id
        try:
            update = self.clusterer.add(sig)
        finally:
            self._adding = None
        probes = probe_years((e.type, e.date) for e in doc.events)
        self.store.update_stories(update.stories, update.removed, probes, canonicalize)
        return self.clusterer.story_of(doc.doc_id)

    def rebuild(self) -> RebuildReport:
        """Recompute every story and canonical event from the stored documents."""
        self.store.clear_stories()
        clusterer = StoryClusterer(self.params)
        signatures = [self.signature(doc) for doc in self.store.documents()]
        # Time order, as ingest sees news; the grouping does not depend on it.
        signatures.sort(key=lambda s: (s.anchor or date.max, s.doc_id))
        for sig in signatures:
            clusterer.add(sig)
        stories = clusterer.stories()
        self.store.save_stories(stories)
        reports = self.store.event_reports()
        events = canonicalize(reports)
        self.store.replace_canonical_events([], events, clear_all=True)
        self.clusterer = StoryClusterer(self.params, loader=self._load)
        return RebuildReport(len(signatures), len(stories), len(events), len(reports))
