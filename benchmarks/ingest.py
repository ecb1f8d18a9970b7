"""Ingest throughput and peak memory, for text and for HTML input.

Builds a few thousand inputs by repeating the test fixtures (each copy made distinct so
none is skipped as unchanged), ingests them into a fresh SQLite store with the default
pipeline, and prints documents per second and the process's peak memory. Single process
(one core).

Usage: python benchmarks/ingest.py [--docs N] [--kind text|html|both]
                                   [--pipeline backbone|full|both]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, peak_rss_mb

sys.path.insert(0, str(ROOT))

from tests.fixtures import article_html, article_text

from spacediplo.ingest import ingest
from spacediplo.settings import Settings
from spacediplo.storage import Store


def make_inputs(folder: Path, kind: str, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        if kind == "text":
            body = article_text().replace("Portugal", f"Portugal ({i})")
            (folder / f"t{i:05d}.txt").write_text(body, encoding="utf-8")
        else:
            body = article_html(title=f"Brazil and Portugal agree on satellite number {i}")
            (folder / f"h{i:05d}.html").write_text(body, encoding="utf-8")


BACKBONE = ("clean", "language", "pubdate")


def run(kind: str, n: int, stages: tuple[str, ...] | None) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / kind
        make_inputs(folder, kind, n)
        settings = Settings.from_env(db=str(Path(tmp) / "bench.db"), stages=stages)
        with Store.open(settings.db) as store:
            # Warm-up: models and caches load once per process, not per document.
            ingest([str(next(folder.iterdir()))], store, settings)
            start = time.perf_counter()
            report = ingest([str(folder)], store, settings)
            elapsed = time.perf_counter() - start
        return report.new / elapsed, report.new


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--kind", choices=["text", "html", "both"], default="both")
    parser.add_argument(
        "--pipeline",
        choices=["backbone", "full", "both"],
        default="both",
        help="backbone: clean, language, pubdate; full: the default pipeline",
    )
    args = parser.parse_args()
    kinds = ["text", "html"] if args.kind == "both" else [args.kind]
    pipelines = ["backbone", "full"] if args.pipeline == "both" else [args.pipeline]
    for pipeline in pipelines:
        for kind in kinds:
            rate, stored = run(kind, args.docs, BACKBONE if pipeline == "backbone" else None)
            print(
                f"{pipeline:8s} {kind:5s} documents={stored} docs_per_s={rate:.1f} "
                f"peak_rss_mb={peak_rss_mb():.0f}"
            )


if __name__ == "__main__":
    main()
