"""Migrations and models must agree: a model change without a revision fails here."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from spacediplo.storage import Store
from spacediplo.storage.migrations.names import include_name
from spacediplo.storage.schema import Base


def test_migrated_schema_matches_the_models(db_url: str) -> None:
    store = Store.open(db_url)
    try:
        with store.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_name": include_name})
            diff = compare_metadata(context, Base.metadata)
        assert diff == []
    finally:
        store.close()


def test_opening_twice_is_harmless(db_url: str) -> None:
    Store.open(db_url).close()
    Store.open(db_url).close()
