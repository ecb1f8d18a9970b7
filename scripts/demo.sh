#!/usr/bin/env bash
# The main job on a fresh machine: set up, then run spacediplo's demo on the bundled corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/spacediplo demo "$@"
