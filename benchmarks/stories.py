"""Story clustering at scale: time per added document at 1k, 10k and 100k documents.

Synthetic but realistic reports: the signatures of the demo corpus (entities, actor
codes, events, dates, numbers, wording), each copied into many new stories with shifted
dates, renamed specific entities (missions, persons, sites), varied numbers and reworded
text, in the corpus's languages, a few reports per story. Measures the in-memory
``StoryClusterer`` (candidate lookup, LSH, matching, union) on signatures built ahead of
time; the pipeline and the database are not part of the figure.

    .venv/bin/python benchmarks/stories.py [--docs 100000]
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from spacediplo.ingest import ingest
from spacediplo.settings import Settings
from spacediplo.storage import Store
from spacediplo.stories.cluster import StoryClusterer
from spacediplo.stories.signatures import DocumentSignature, signature, text_minhash

CORPUS = Path(__file__).resolve().parents[1] / "src" / "spacediplo" / "demo" / "corpus"
SPECIFIC = ("e:", "v:", "d:", "n:")


def _corpus_signatures(tmp: Path) -> list[tuple[DocumentSignature, str]]:
    settings = Settings.from_env(environ={}, db=str(tmp / "bench.db"))
    store = Store.open(settings.db)
    ingest([str(CORPUS)], store, settings)
    out = [(signature(d), d.text) for d in store.documents()]
    store.close()
    return out


def _variant(
    base: DocumentSignature, text: str, story: int, shift: int, rng: random.Random
) -> DocumentSignature:
    """The report of synthetic story ``story``: specific features renamed per story
    (so stories do not collide), dates shifted, some features dropped, words varied."""
    features: dict[str, float] = {}
    for key, weight in base.features.items():
        if rng.random() < 0.15:
            continue  # each report names a different subset
        if key.startswith(SPECIFIC):
            key = f"{key}#{story}"
        features[key] = weight
    words = text.split()
    rng.shuffle(words)
    body = " ".join(words[: max(20, len(words) // 2)]) + f" story{story}"
    anchor = base.anchor + timedelta(days=shift) if base.anchor else None
    return replace(
        base,
        doc_id=f"syn-{story}-{rng.randrange(10**9)}",
        anchor=anchor,
        features=features,
        minhash=text_minhash(body),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        corpus = [(s, t) for s, t in _corpus_signatures(Path(tmp)) if s.anchor is not None]
    by_story: dict[str, list[tuple[DocumentSignature, str]]] = {}
    for sig, text in corpus:
        by_story.setdefault(sig.doc_id.split("-")[0], []).append((sig, text))
    templates = list(by_story.values())
    rng = random.Random(args.seed)
    # About 15 new stories a day over the period, as a busy multilingual monitor sees.
    days = max(1, args.docs // 40)
    base_day = min(s.anchor for s, _ in corpus if s.anchor)  # type: ignore[type-var]

    def stream() -> list[DocumentSignature]:
        docs: list[DocumentSignature] = []
        story = 0
        while len(docs) < args.docs:
            template = rng.choice(templates)
            day = rng.randrange(days)
            for sig, text in template:
                assert sig.anchor is not None
                shift = (base_day - sig.anchor).days + day + rng.randrange(3)
                docs.append(_variant(sig, text, story, shift, rng))
            story += 1
        docs = docs[: args.docs]
        docs.sort(key=lambda s: (s.anchor, s.doc_id))
        return docs

    docs = stream()
    clusterer = StoryClusterer()
    checkpoints = {1_000, 10_000, 100_000, len(docs)}
    tracemalloc.start()
    window: list[float] = []
    print(f"{len(docs)} synthetic reports over {days} days (templates: {len(templates)} stories)")
    for n, sig in enumerate(docs, start=1):
        t0 = time.perf_counter()
        clusterer.add(sig)
        window.append(time.perf_counter() - t0)
        if n in checkpoints:
            recent = window[-500:]
            print(
                f"{n:>7} docs: {1000 * sum(recent) / len(recent):.2f} ms per added document "
                f"(mean of the last {len(recent)})"
            )
    _, peak = tracemalloc.get_traced_memory()
    stories = clusterer.partition()
    true: dict[str, set[str]] = {}
    for sig in docs:
        true.setdefault(sig.doc_id.split("-")[1], set()).add(sig.doc_id)
    pure = sum(1 for s in stories if len({d.split("-")[1] for d in s}) == 1)
    print(f"peak traced memory: {peak / 2**20:.0f} MiB")
    print(f"{len(stories)} stories found for {len(true)} synthetic stories; {pure} pure")


if __name__ == "__main__":
    main()
