"""The optional event-type classifier (stage ``event_classifier``): scores and speed.

(a) The classifier alone, leave-one-story-out over the demo corpus (story = the file
    name before its last '-'): type accuracy and event precision/recall/F1 on the gold
    evidence (positives) and the other sentences naming two or more actors (negatives),
    at the shipped model's threshold.
(b) End to end with ../shared/tools/score.py, lexicon only vs lexicon + classifier: on
    the seeds' gold with the shipped model (never trained on them), and on the demo
    gold per language with leave-one-story-out models (a story is never scored by a model
    that saw its sentences).
(c) Sentences we translated from the demo corpus into languages beyond the main ones
    (tests/events/translated_sentences.jsonl): lexicon only, classifier alone (every
    candidate sentence, as in a language with no cue words) and both.
(d) Speed, one core: documents/s and classified sentences/s of the whole pipeline with
    and without the stage, and peak memory, each in a fresh process.

Usage: python benchmarks/event_classifier.py [--copies N] [--skip-speed]
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
from _common import ROOT, SHARED, peak_rss_mb

from spacediplo.demo import CORPUS_DIR, load_gold
from spacediplo.events.classifier import (
    MODEL_PATH,
    ClassifierModel,
    EventClassifier,
    Example,
    Matrix,
    candidate_sentences,
    cross_validated_probabilities,
    demo_documents,
    demo_examples,
    load_encoder,
    train_model,
    typing_scores,
)
from spacediplo.events.cues import CueIndex, get_cue_index
from spacediplo.model import Document, RawDocument
from spacediplo.pipeline import Pipeline, build_pipeline
from spacediplo.settings import Settings
from spacediplo.sources.files import file_items
from spacediplo.stages.event_classifier import EventClassifierStage

LEXICON_STAGES = ("clean", "language", "pubdate", "actors", "events")
HYBRID_STAGES = (*LEXICON_STAGES, "event_classifier")
TRANSLATED = ROOT / "tests" / "events" / "translated_sentences.jsonl"
SCORE_KEYS = ("event_f1", "event_date_f1", "dyad_f1", "stage_acc")


def _read(paths: Iterable[Path], pipeline: Pipeline) -> list[Document]:
    docs: list[Document] = []
    for path in paths:
        for item in file_items(path, 10_000_000):
            if isinstance(item, RawDocument):
                docs.append(pipeline(Document.from_raw(item)))
    return docs


def _score(gold: Path, docs: list[Document], folder: Path) -> dict[str, float]:
    pred = folder / "pred.jsonl"
    pred.write_text(
        "".join(json.dumps(d.to_spec(), ensure_ascii=False) + "\n" for d in docs),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score.py"), str(gold), str(pred), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _row(name: str, scores: dict[str, float]) -> str:
    return f"  {name:<22}" + "  ".join(f"{k} {scores[k]:.3f}" for k in SCORE_KEYS)


def _figures(scores: dict[str, float]) -> str:
    return ", ".join(
        f"{k} {int(v)}" if k == "examples" else f"{k} {v:.3f}" for k, v in scores.items()
    )


def _with_stage(docs: list[Document], stage: EventClassifierStage) -> list[Document]:
    return [stage(copy.deepcopy(d)) for d in docs]


def cross_validation(examples: list[Example], embeddings: Matrix, shipped: ClassifierModel) -> None:
    def train(x: Matrix, y: list[str]) -> ClassifierModel:
        return train_model(x, y, threshold=shipped.threshold, denoise=shipped.denoise)

    probabilities = cross_validated_probabilities(examples, embeddings, train)
    decider = train(embeddings[:1], [examples[0].label])
    predictions = decider.decide(probabilities)
    print(f"\n(a) classifier alone, leave-one-story-out (threshold {shipped.threshold}):")
    print("  examples:", dict(sorted(Counter(e.label for e in examples).items())))
    overall = typing_scores(examples, predictions)
    print("  all:", _figures(overall))
    for lang in sorted({e.lang for e in examples}):
        idx = [i for i, e in enumerate(examples) if e.lang == lang]
        scores = typing_scores([examples[i] for i in idx], [predictions[i] for i in idx])
        print(f"  {lang}:", _figures(scores))
    read = [i for i, e in enumerate(examples) if not e.lexicon]
    scores = typing_scores([examples[i] for i in read], [predictions[i] for i in read])
    print("  sentences the stage reads (no lexicon event):", _figures(scores))
    # event or not, whatever the type
    said = [(p or "none") != "none" for p, _ in predictions]
    truth = [e.label != "none" for e in examples]
    print(
        "  event vs no event accuracy:",
        f"{sum(a == b for a, b in zip(said, truth, strict=True)) / len(truth):.3f}",
    )


def end_to_end(
    examples: list[Example],
    embeddings: Matrix,
    shipped: ClassifierModel,
    demo_docs: list[Document],
    lexicon: Pipeline,
    cues: CueIndex,
    encoder: Any,
) -> None:
    print("\n(b) end to end, score.py (lexicon only → lexicon + classifier):")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seeds = _read(sorted((SHARED / "seeds").glob("*.txt")), lexicon)
        stage = EventClassifierStage(EventClassifier(shipped, encoder), cues)
        gold = SHARED / "gold" / "seeds.jsonl"
        before = _score(gold, seeds, folder)
        hybrid = _with_stage(seeds, stage)
        after = _score(gold, hybrid, folder)
        print(_row("seeds, lexicon", before))
        print(_row("seeds, + classifier", after))
        added = sum(len(h.events) - len(d.events) for h, d in zip(hybrid, seeds, strict=True))
        print(f"  seeds: {added} events added")

        hybrid_demo: list[Document] = []
        for story in sorted({e.story for e in examples}):
            kept = [i for i, e in enumerate(examples) if e.story != story]
            model = train_model(
                embeddings[kept],
                [examples[i].label for i in kept],
                threshold=shipped.threshold,
                denoise=shipped.denoise,
            )
            story_stage = EventClassifierStage(EventClassifier(model, encoder), cues)
            docs = [d for d in demo_docs if d.doc_id.rsplit("-", 1)[0] == story]
            hybrid_demo.extend(_with_stage(docs, story_stage))
        records = load_gold()
        for lang in sorted({r["lang"] for r in records}):
            path = folder / f"gold-{lang}.jsonl"
            path.write_text(
                "".join(json.dumps(r) + "\n" for r in records if r["lang"] == lang),
                encoding="utf-8",
            )
            print(_row(f"demo {lang}, lexicon", _score(path, demo_docs, folder)))
            print(_row(f"demo {lang}, + classifier", _score(path, hybrid_demo, folder)))
        added = sum(len(d.events) for d in hybrid_demo) - sum(len(d.events) for d in demo_docs)
        print(f"  demo corpus: {added} events added")


def translated(shipped: ClassifierModel, lexicon: Pipeline, cues: CueIndex, encoder: Any) -> None:
    rows = [json.loads(line) for line in TRANSLATED.read_text(encoding="utf-8").splitlines()]
    classifier = EventClassifier(shipped, encoder)
    both = EventClassifierStage(classifier, cues)
    # as in a language with no cue words: the stage reads every candidate sentence
    no_cues = CueIndex()
    no_cues.languages = set()
    alone = EventClassifierStage(classifier, no_cues)
    print(f"\n(c) {len(rows)} translated sentences (right: an event of the gold type, sides")
    print("    overlapping by half; extra: any other event):")
    print("  lang  cue words  two actors  lexicon right/extra  classifier alone  both")
    for lang in sorted({r["lang"] for r in rows}):
        mine = [r for r in rows if r["lang"] == lang]
        counts = Counter[str]()
        for row in mine:
            raw = RawDocument("t", "benchmark", "json", row["text"], "text", published="2024-05-10")
            doc = lexicon(Document.from_raw(raw))
            counts["actors"] += bool(candidate_sentences(doc))
            bare = copy.deepcopy(doc)
            bare.events = []
            for name, events in (
                ("lexicon", doc.events),
                ("alone", alone(bare).events),
                ("both", both(copy.deepcopy(doc)).events),
            ):
                good = [e for e in events if _matches(e.type, e.participants, row)]
                counts[f"{name} right"] += bool(good)
                counts[f"{name} extra"] += len(events) - min(1, len(good))
        print(
            f"  {lang:<5} {'yes' if lang in cues.languages else 'no':<10} "
            f"{counts['actors']}/{len(mine):<9} "
            + "  ".join(
                f"{counts[f'{n} right']}/{len(mine)} ({counts[f'{n} extra']})"
                for n in ("lexicon", "alone", "both")
            )
        )
    texts = [r["text"] for r in rows]
    typed = classifier.classify(texts)
    right = sum(t == r["type"] for (t, _), r in zip(typed, rows, strict=True))
    print(f"  classifier type on the bare sentences: {right}/{len(rows)} right")


def _matches(event_type: str, participants: list[str], row: dict[str, Any]) -> bool:
    sides, gold = set(participants), set(row["participants"])
    return event_type == row["type"] and len(sides & gold) >= 0.5 * len(sides | gold)


def speed(stages: tuple[str, ...], copies: int) -> None:
    """Run in a fresh process: the pipeline over copies of the demo corpus and seeds."""
    pipeline = build_pipeline(Settings.from_env(environ={}), stages)
    sources = sorted(CORPUS_DIR.iterdir()) + sorted((SHARED / "seeds").glob("*.txt"))
    raws = [
        item
        for path in sources
        for item in file_items(path, 10_000_000)
        if isinstance(item, RawDocument)
    ]
    for raw in raws:  # warm-up: models, lemma dictionaries, the knowledge base
        pipeline(Document.from_raw(raw))
    stage_seconds = 0.0
    classified = 0
    started = time.perf_counter()
    for _ in range(copies):
        for raw in raws:
            doc = Document.from_raw(raw)
            for stage in pipeline.stages:
                if stage.name == "event_classifier":
                    before = time.perf_counter()
                    lexicon_language = doc.lang in get_cue_index().languages
                    classified += sum(
                        1
                        for c in candidate_sentences(doc)
                        if not lexicon_language
                        or not any(
                            e.evidence_start is not None
                            and e.evidence_end is not None
                            and e.evidence_start < c.end
                            and c.start < e.evidence_end
                            for e in doc.events
                        )
                    )
                    doc = stage(doc)
                    stage_seconds += time.perf_counter() - before
                else:
                    doc = stage(doc)
    seconds = time.perf_counter() - started
    docs = copies * len(raws)
    out = {
        "docs": docs,
        "docs_per_s": docs / seconds,
        "classified_sentences": classified,
        "stage_s": stage_seconds,
        "peak_rss_mb": peak_rss_mb(),
    }
    print(json.dumps(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--threshold", type=float, help="instead of the shipped model's")
    parser.add_argument("--speed", choices=("lexicon", "hybrid"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.speed:
        speed(HYBRID_STAGES if args.speed == "hybrid" else LEXICON_STAGES, args.copies)
        return

    shipped = ClassifierModel.load(MODEL_PATH)
    if args.threshold is not None:
        shipped = dataclasses.replace(shipped, threshold=args.threshold)
    encoder = load_encoder(shipped.denoise)
    lexicon = build_pipeline(Settings.from_env(environ={}), LEXICON_STAGES)
    cues = get_cue_index()
    demo_docs = demo_documents(lexicon)
    gold = {r["doc_id"]: r for r in load_gold()}
    examples = demo_examples(demo_docs, gold)
    embeddings: Matrix = np.asarray(encoder.encode([e.text for e in examples]), np.float32)

    cross_validation(examples, embeddings, shipped)
    end_to_end(examples, embeddings, shipped, demo_docs, lexicon, cues, encoder)
    translated(shipped, lexicon, cues, encoder)

    if args.skip_speed:
        return
    print(f"\n(d) speed, one core, {args.copies} passes over the demo corpus and the seeds:")
    for name in ("lexicon", "hybrid"):
        result = subprocess.run(
            [sys.executable, __file__, "--speed", name, "--copies", str(args.copies)],
            check=True,
            capture_output=True,
            text=True,
        )
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        line = (
            f"  {name:<8} {figures['docs_per_s']:.1f} docs/s, peak {figures['peak_rss_mb']:.0f} MB"
        )
        if figures["classified_sentences"]:
            rate = figures["classified_sentences"] / figures["stage_s"]
            per_doc = figures["classified_sentences"] / figures["docs"]
            line += (
                f"; {figures['classified_sentences']} sentences classified "
                f"({per_doc:.1f}/doc) at {rate:.0f} sentences/s, "
                f"stage {1000 * figures['stage_s'] / figures['docs']:.1f} ms/doc"
            )
        print(line)


if __name__ == "__main__":
    main()
