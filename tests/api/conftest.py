"""The API and dashboard tests read one database: the bundled demo corpus, ingested once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from spacediplo.api import create_app
from spacediplo.settings import Settings

TOKEN = "test-token-0123456789"


@pytest.fixture(scope="session")
def client(demo_db: Path) -> Iterator[TestClient]:
    """Read-only server over the demo database (no token set)."""
    settings = Settings.from_env(environ={}, db=str(demo_db))
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture
def writable_client(tmp_path: Path) -> Iterator[TestClient]:
    """A server over an empty database that accepts writes with :data:`TOKEN`."""
    settings = Settings.from_env(
        environ={}, db=str(tmp_path / "w.db"), token=TOKEN, max_request_bytes=200_000
    )
    with TestClient(create_app(settings)) as test_client:
        yield test_client
