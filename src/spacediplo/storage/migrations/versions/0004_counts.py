"""Running counts of current events per year/type, per actor and per pair (aggregates.py).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from spacediplo.storage.aggregates import RECOUNT_SQL

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_counts",
        sa.Column("year", sa.String(4), primary_key=True),
        sa.Column("type", sa.String(24), primary_key=True),
        sa.Column("n", sa.Integer(), nullable=False),
    )
    op.create_table(
        "actor_counts",
        sa.Column("code", sa.String(16), primary_key=True),
        sa.Column("year", sa.String(4), primary_key=True),
        sa.Column("type", sa.String(24), primary_key=True),
        sa.Column("n", sa.Integer(), nullable=False),
    )
    op.create_index("ix_actor_counts_year", "actor_counts", ["year", "type", "code", "n"])
    op.create_table(
        "pair_counts",
        sa.Column("a", sa.String(16), primary_key=True),
        sa.Column("b", sa.String(16), primary_key=True),
        sa.Column("year", sa.String(4), primary_key=True),
        sa.Column("type", sa.String(24), primary_key=True),
        sa.Column("n", sa.Integer(), nullable=False),
    )
    op.create_index("ix_pair_counts_year", "pair_counts", ["year", "type", "a", "b", "n"])
    op.create_index("ix_pair_counts_b", "pair_counts", ["b", "a"])
    for statement in RECOUNT_SQL:
        op.execute(statement)


def downgrade() -> None:
    for table in ("pair_counts", "actor_counts", "event_counts"):
        op.drop_table(table)
