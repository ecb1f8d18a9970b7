"""Full pipeline speed, text → stored events: documents per second and peak memory.

The demo corpus (our own articles, five languages) and the seeds are copied to a few
hundred distinct documents (a numbered line is appended so none is skipped as unchanged)
and ingested into a fresh SQLite store with the default pipeline
(clean → language → pubdate → actors → events). One process, one core.

Usage: python benchmarks/events.py [--copies N]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from _common import SHARED, peak_rss_mb

from spacediplo.demo import CORPUS_DIR
from spacediplo.ingest import ingest
from spacediplo.settings import Settings
from spacediplo.storage import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=6)
    args = parser.parse_args()
    sources = sorted(CORPUS_DIR.iterdir()) + sorted((SHARED / "seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for copy in range(args.copies):
            for path in sources:
                text = path.read_text(encoding="utf-8")
                marker = f"<!-- copy {copy} -->" if path.suffix == ".html" else f"\nRef. {copy}"
                (folder / f"{path.stem}-{copy}{path.suffix}").write_text(
                    text + marker, encoding="utf-8"
                )
        settings = Settings.from_env(db=str(Path(tmp) / "bench.db"))
        with Store.open(settings.db) as store:
            ingest([str(sources[0])], store, settings)  # loads models and the KB once
            start = time.perf_counter()
            report = ingest([str(folder)], store, settings)
            elapsed = time.perf_counter() - start
            events = sum(len(d.events) for d in store.documents())
    print(
        f"documents={report.new} events={events} seconds={elapsed:.1f} "
        f"docs_per_s={report.new / elapsed:.1f} peak_rss_mb={peak_rss_mb():.0f}"
    )


if __name__ == "__main__":
    main()
