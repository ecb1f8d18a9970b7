"""Pipeline stages. Importing this package registers the built-in stages."""

from . import clean, language, pubdate

__all__ = ["clean", "language", "pubdate"]
