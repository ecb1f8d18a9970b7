"""Storage: SQLAlchemy models, Alembic migrations and the :class:`Store` (the only SQL)."""

from .store import SaveOutcome, Stats, Store

__all__ = ["SaveOutcome", "Stats", "Store"]
