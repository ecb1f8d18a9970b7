"""Initial schema: sources, documents (versions), entities, mentions, events,
event participants, stories, ingest failures.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("locator", sa.Text(), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(64), nullable=False, unique=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("first_date", sa.String(10), nullable=True),
        sa.Column("last_date", sa.String(10), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("doc_id", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("source_kind", sa.String(16), nullable=False),
        sa.Column("locator", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("lang", sa.String(8), nullable=True),
        sa.Column("published", sa.String(10), nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("raw_format", sa.String(8), nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.Column(
            "story_id",
            sa.Integer(),
            sa.ForeignKey("stories.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.UniqueConstraint("doc_id", "version", name="uq_documents_doc_id_version"),
    )
    op.create_index("ix_documents_doc_id", "documents", ["doc_id"])
    op.create_index("ix_documents_content_hash", "documents", ["content_hash"])
    op.create_index("ix_documents_story_id", "documents", ["story_id"])
    op.create_index("ix_documents_current", "documents", ["is_current", "doc_id"])
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_index("ix_documents_lang", "documents", ["lang"])
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(200), nullable=False, unique=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("country", sa.String(16), nullable=True),
        sa.Column("discovered", sa.Boolean(), nullable=False),
        sa.Column("qid", sa.String(16), nullable=True),
    )
    op.create_index("ix_entities_type", "entities", ["type"])
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("entity_id", sa.Integer(), sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("surface", sa.Text(), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("code", sa.String(16), nullable=True),
    )
    op.create_index("ix_mentions_document_id", "mentions", ["document_id"])
    op.create_index("ix_mentions_entity_id", "mentions", ["entity_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("type", sa.String(24), nullable=False),
        sa.Column("date", sa.String(10), nullable=True),
        sa.Column("stage", sa.String(8), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=True),
        sa.Column("evidence_end", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
    )
    op.create_index("ix_events_document_id", "events", ["document_id"])
    op.create_index("ix_events_type_date", "events", ["type", "date"])
    op.create_table(
        "event_participants",
        sa.Column(
            "event_id",
            sa.Integer(),
            sa.ForeignKey("events.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("code", sa.String(16), primary_key=True),
    )
    op.create_index("ix_event_participants_code", "event_participants", ["code"])
    op.create_table(
        "ingest_failures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("locator", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "ingest_failures",
        "event_participants",
        "events",
        "mentions",
        "entities",
        "documents",
        "stories",
        "sources",
    ):
        op.drop_table(table)
