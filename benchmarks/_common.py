"""Helpers shared by the benchmark scripts (paths, timing, peak memory)."""

from __future__ import annotations

import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return usage / 1024 if sys.platform != "darwin" else usage / 1024 / 1024


def write_copies(sources: list[Path], folder: Path, copies: int) -> None:
    """``copies`` distinct copies of each source in ``folder`` (a marker makes each copy's
    content differ, so none is skipped as unchanged)."""
    for copy in range(copies):
        for path in sources:
            text = path.read_text(encoding="utf-8")
            marker = f"<!-- copy {copy} -->" if path.suffix == ".html" else f"\nRef. {copy}"
            (folder / f"{path.stem}-{copy}{path.suffix}").write_text(
                text + marker, encoding="utf-8"
            )
