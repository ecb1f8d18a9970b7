"""The multilingual knowledge base of space actors (data in ``kb/data``)."""

from .base import KBStats, KnowledgeBase, fold_name, load_kb
from .entry import ENTRY_TYPES, IGO_CODES, Entry

__all__ = ["ENTRY_TYPES", "IGO_CODES", "Entry", "KBStats", "KnowledgeBase", "fold_name", "load_kb"]
