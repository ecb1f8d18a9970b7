"""Full pipeline speed, text → stored events: documents per second and peak memory.

The demo corpus (our own articles, five languages) and the seeds are copied to a few
hundred distinct documents (a numbered line is appended so none is skipped as unchanged)
and ingested into a fresh SQLite store with the default pipeline
(clean → language → pubdate → actors → events), storage and story placement included.
One process, one core.

Models, knowledge base and per-language lemma dictionaries load lazily on first use. A
warm-up ingests one document of each corpus language first, and its time is printed
apart (``warmup_s``), so ``docs_per_s`` is the steady rate of a long run. To show where
the time goes, the seconds spent in each pipeline stage are printed, then in storing
documents (``save_s``: ``Store.save``, one transaction each) and in placing them in their
stories (``stories_s``: ``StoryService.add``, signature, clustering and canonical events),
with each of those two per document in milliseconds; ``other_s`` is the rest (reading
the sources, the unchanged-content check).

Usage: python benchmarks/events.py [--copies N]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from _common import SHARED, peak_rss_mb, write_copies

from spacediplo.demo import CORPUS_DIR
from spacediplo.ingest import ingest
from spacediplo.model import Document
from spacediplo.pipeline import Pipeline, Stage, build_pipeline
from spacediplo.settings import Settings
from spacediplo.storage import Store
from spacediplo.stories.service import StoryService


def _timed(stage: Stage, seconds: dict[str, float]) -> Stage:
    """``stage``, adding its own running time to ``seconds[stage.name]``."""

    class Timed:
        name: ClassVar[str] = stage.name
        requires: ClassVar[frozenset[str]] = stage.requires
        assigns: ClassVar[frozenset[str]] = stage.assigns

        def __call__(self, doc: Document) -> Document:
            start = time.perf_counter()
            try:
                return stage(doc)
            finally:
                seconds[self.name] += time.perf_counter() - start

    return Timed()


def _timed_call(
    function: Callable[..., Any], seconds: dict[str, float], label: str
) -> Callable[..., Any]:
    """``function``, adding its running time to ``seconds[label]``."""

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[label] += time.perf_counter() - start

    return timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=6)
    args = parser.parse_args()
    sources = sorted(CORPUS_DIR.iterdir()) + sorted((SHARED / "seeds").glob("*.txt"))
    # corpus files are named <story>-<lang>.<ext>: one of each language warms up
    warmup: dict[str, Path] = {}
    for path in sources:
        warmup.setdefault(path.stem.rsplit("-", 1)[-1], path)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        write_copies(sources, folder, args.copies)
        settings = Settings.from_env(db=str(Path(tmp) / "bench.db"))
        seconds: dict[str, float] = defaultdict(float)
        pipeline = Pipeline([_timed(s, seconds) for s in build_pipeline(settings).stages])
        with Store.open(settings.db) as store:
            # ingest() builds its own StoryService: its method is timed on the class.
            store.save = _timed_call(store.save, seconds, "save")  # type: ignore[method-assign]
            place = StoryService.add
            StoryService.add = _timed_call(place, seconds, "stories")  # type: ignore[method-assign]
            start = time.perf_counter()
            ingest([str(p) for p in warmup.values()], store, settings, pipeline=pipeline)
            warmup_s = time.perf_counter() - start
            warmup_events = sum(len(d.events) for d in store.documents())
            seconds.clear()
            start = time.perf_counter()
            report = ingest([str(folder)], store, settings, pipeline=pipeline)
            elapsed = time.perf_counter() - start
            events = sum(len(d.events) for d in store.documents()) - warmup_events
            StoryService.add = place  # type: ignore[method-assign]
    n = max(report.new, 1)
    stages = " ".join(f"{name}_s={value:.2f}" for name, value in seconds.items())
    print(
        f"documents={report.new} events={events} warmup_s={warmup_s:.1f} "
        f"seconds={elapsed:.1f} docs_per_s={report.new / elapsed:.1f} "
        f"peak_rss_mb={peak_rss_mb():.0f}\n{stages} "
        f"other_s={elapsed - sum(seconds.values()):.2f}\n"
        f"save_ms_per_doc={seconds['save'] / n * 1000:.1f} "
        f"stories_ms_per_doc={seconds['stories'] / n * 1000:.1f}"
    )


if __name__ == "__main__":
    main()
