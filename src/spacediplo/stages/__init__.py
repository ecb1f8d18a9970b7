"""Pipeline stages. Importing this package registers the built-in stages."""

from . import actors, clean, event_classifier, events, language, pubdate

__all__ = ["actors", "clean", "event_classifier", "events", "language", "pubdate"]
