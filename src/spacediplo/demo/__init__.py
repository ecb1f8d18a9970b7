"""The bundled demo corpus: short articles we wrote about real space-cooperation events,
in several languages, with their hand annotation (``gold/*.jsonl``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["CORPUS_DIR", "GOLD_DIR", "load_gold"]

CORPUS_DIR = Path(__file__).parent / "corpus"
GOLD_DIR = Path(__file__).parent / "gold"


def load_gold() -> list[dict[str, Any]]:
    """Every annotated document of the demo corpus, in file order."""
    records: list[dict[str, Any]] = []
    for path in sorted(GOLD_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    return records
