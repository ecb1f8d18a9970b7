"""Pipeline stages. Importing this package registers the built-in stages."""

from . import actors, clean, language, pubdate

__all__ = ["actors", "clean", "language", "pubdate"]
