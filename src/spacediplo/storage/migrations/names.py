"""Which database objects the models describe, for autogenerate comparisons.

The full-text tables (SQLite FTS5 and its shadow tables) and expression indexes
(PostgreSQL) belong to migration 0003, not to the models; comparing models with the
database must not report them as strays.
"""

from __future__ import annotations

from typing import Any

FTS_TABLES = ("documents_fts", "events_fts")
FTS_INDEXES = ("ix_documents_fts", "ix_events_fts")


def include_name(name: str | None, type_: str, _parent: Any) -> bool:
    if type_ == "table" and name is not None:
        return not name.startswith(FTS_TABLES)
    if type_ == "index":
        return name not in FTS_INDEXES
    return True
