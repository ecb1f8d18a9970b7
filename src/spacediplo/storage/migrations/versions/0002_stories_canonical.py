"""Canonical events: one row per real-world event, its participants, and the reported
events (one per source document) that state it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "canonical_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(64), nullable=False, unique=True),
        sa.Column(
            "story_id",
            sa.Integer(),
            sa.ForeignKey("stories.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("type", sa.String(24), nullable=False),
        sa.Column("date", sa.String(10), nullable=True),
        sa.Column("stage", sa.String(8), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("first_seen", sa.String(10), nullable=True),
        sa.Column("last_seen", sa.String(10), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_canonical_events_story_id", "canonical_events", ["story_id"])
    op.create_index("ix_canonical_events_type_date", "canonical_events", ["type", "date"])
    op.create_table(
        "canonical_event_participants",
        sa.Column(
            "canonical_id",
            sa.Integer(),
            sa.ForeignKey("canonical_events.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("code", sa.String(16), primary_key=True),
    )
    op.create_index(
        "ix_canonical_event_participants_code", "canonical_event_participants", ["code"]
    )
    op.create_table(
        "canonical_event_sources",
        sa.Column(
            "event_id",
            sa.Integer(),
            sa.ForeignKey("events.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "canonical_id",
            sa.Integer(),
            sa.ForeignKey("canonical_events.id", ondelete="CASCADE"),
            nullable=False,
        ),
    )
    op.create_index(
        "ix_canonical_event_sources_canonical_id", "canonical_event_sources", ["canonical_id"]
    )


def downgrade() -> None:
    for table in ("canonical_event_sources", "canonical_event_participants", "canonical_events"):
        op.drop_table(table)
