"""Full-text search over documents and event evidence, and the index that pages events.

SQLite: FTS5 tables over ``documents`` (title, text) and ``events`` (evidence), kept in step
by triggers (external-content tables, so the text is not stored twice). PostgreSQL: GIN
indexes on ``to_tsvector('simple', ...)``; the 'simple' configuration does no stemming, which
is what a corpus in many languages needs from one index.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SQLITE_UP = [
    "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
    "CREATE VIRTUAL TABLE events_fts USING fts5(evidence, content='events', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN "
    "INSERT INTO events_fts(rowid, evidence) VALUES (new.id, new.evidence); END",
    "CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN "
    "INSERT INTO events_fts(events_fts, rowid, evidence) VALUES ('delete', old.id, old.evidence); "
    "END",
    "CREATE TRIGGER events_fts_update AFTER UPDATE OF evidence ON events BEGIN "
    "INSERT INTO events_fts(events_fts, rowid, evidence) VALUES ('delete', old.id, old.evidence); "
    "INSERT INTO events_fts(rowid, evidence) VALUES (new.id, new.evidence); END",
    "INSERT INTO events_fts(events_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS documents_fts_insert",
    "DROP TRIGGER IF EXISTS documents_fts_delete",
    "DROP TRIGGER IF EXISTS documents_fts_update",
    "DROP TABLE IF EXISTS documents_fts",
    "DROP TRIGGER IF EXISTS events_fts_insert",
    "DROP TRIGGER IF EXISTS events_fts_delete",
    "DROP TRIGGER IF EXISTS events_fts_update",
    "DROP TABLE IF EXISTS events_fts",
]
POSTGRES_UP = [
    "CREATE INDEX ix_documents_fts ON documents USING gin "
    "(to_tsvector('simple', coalesce(title, '') || ' ' || text))",
    "CREATE INDEX ix_events_fts ON events USING gin (to_tsvector('simple', evidence))",
]
POSTGRES_DOWN = ["DROP INDEX IF EXISTS ix_documents_fts", "DROP INDEX IF EXISTS ix_events_fts"]


def upgrade() -> None:
    op.create_index("ix_events_date_id", "events", ["date", "id"])
    op.create_index("ix_event_participants_code_event", "event_participants", ["code", "event_id"])
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}.get(dialect, []):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}.get(dialect, []):
        op.execute(statement)
    op.drop_index("ix_event_participants_code_event", "event_participants")
    op.drop_index("ix_events_date_id", "events")
