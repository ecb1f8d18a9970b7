"""Event extraction: cue lexicons, rules, dates and stages."""

from .extract import EventExtractor, event_types

__all__ = ["EventExtractor", "event_types"]
