"""Pipeline stages. Importing this package registers the built-in stages."""

from . import actors, clean, events, language, pubdate

__all__ = ["actors", "clean", "events", "language", "pubdate"]
