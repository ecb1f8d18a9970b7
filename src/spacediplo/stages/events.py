"""The events stage: the document's international space-cooperation events."""

from __future__ import annotations

from typing import ClassVar

from ..events import EventExtractor
from ..kb import load_kb
from ..model import Document
from ..registry import register_stage
from ..settings import Settings

__all__ = ["EventsStage"]


class EventsStage:
    name: ClassVar[str] = "events"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "lang", "published", "mentions"})
    assigns: ClassVar[frozenset[str]] = frozenset({"events"})

    def __init__(self, extractor: EventExtractor) -> None:
        self.extractor = extractor

    def __call__(self, doc: Document) -> Document:
        doc.events = self.extractor.extract(doc)
        return doc


@register_stage("events")
def make_events(settings: Settings) -> EventsStage:
    return EventsStage(EventExtractor(load_kb()))
