"""Actor recognition speed and memory: the seeds repeated to about 10 MB of text.

Prints the time to load the knowledge base and build the matcher, megabytes of text and
mentions per second (one core), and the process's peak memory with the whole knowledge
base loaded.

Usage: python benchmarks/actors.py [--megabytes N]
"""

from __future__ import annotations

import argparse
import time

from _common import SHARED, peak_rss_mb

from spacediplo.kb import load_kb
from spacediplo.stages.actors import ActorRecogniser


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    args = parser.parse_args()
    start = time.perf_counter()
    recogniser = ActorRecogniser(load_kb())
    load_seconds = time.perf_counter() - start
    seeds = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    target = int(args.megabytes * 1_000_000)
    texts: list[str] = []
    size = 0
    i = 0
    while size < target:
        text = seeds[i % len(seeds)]
        texts.append(text)
        size += len(text.encode("utf-8"))
        i += 1
    recogniser.mentions(seeds[0])  # warm-up outside the timing
    start = time.perf_counter()
    mentions = sum(len(recogniser.mentions(text)) for text in texts)
    elapsed = time.perf_counter() - start
    print(
        f"knowledge base + matcher load: {load_seconds:.1f} s ({len(recogniser.kb)} entries, "
        f"{len(recogniser.matcher.patterns)} name patterns)"
    )
    print(f"text: {size / 1e6:.1f} MB in {len(texts)} documents, {elapsed:.1f} s")
    print(
        f"speed: {size / 1e6 / elapsed:.2f} MB/s, {mentions / elapsed:.0f} mentions/s, "
        f"{len(texts) / elapsed:.0f} documents/s"
    )
    print(f"peak_rss_mb={peak_rss_mb():.0f}")


if __name__ == "__main__":
    main()
