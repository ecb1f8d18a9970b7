"""Schemathesis generates requests from the OpenAPI document, valid and invalid, and checks
that the server never fails with a 5xx and that its answers match the documented schemas.

Driven through Hypothesis directly (one property per operation) rather than through
schemathesis's pytest plugin, which does not load under the pytest version we use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)

from spacediplo.api import create_app
from spacediplo.settings import Settings

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture(scope="module")
def api_schema(demo_db: Path) -> Any:
    app = create_app(Settings.from_env(environ={}, db=str(demo_db)))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_every_operation_is_fuzzed_without_server_errors(api_schema: Any) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    labels = {op.label for op in operations}
    assert {"GET /api/events", "GET /api/network", "GET /api/search", "POST /api/ingest"} <= labels
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=40, deadline=None, database=None,
            suppress_health_check=list(HealthCheck),
        )  # fmt: skip
        def fuzz(case: Any) -> None:
            case.call_and_validate(checks=CHECKS)

        fuzz()
