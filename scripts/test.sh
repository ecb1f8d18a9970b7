#!/usr/bin/env bash
# The whole test run on a fresh machine: set-up, lint, types, knowledge-base check, tests
# (SQLite and a throwaway PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
eval "$(bash scripts/pg-test-server.sh)"
if [ -z "${SPACEDIPLO_TEST_PG_URL:-}" ] && [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL could not be started: the storage tests need it in CI" >&2
  exit 1
fi
trap 'eval "${PG_TEST_STOP:-true}" >/dev/null 2>&1 || true' EXIT
.venv/bin/ruff check src tests benchmarks
.venv/bin/mypy
.venv/bin/spacediplo kb validate
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
