"""The event_classifier stage (optional): events the cue lexicons miss, typed by a
classifier over multilingual sentence embeddings (:mod:`spacediplo.events.classifier`).

It reads only candidate sentences, those naming two or more distinct actor codes: in a
language with cue words, the candidates that yield no lexicon event; in a language with
none, every candidate. Each sentence given a type becomes
an event of the sentence's actors, dated by the sentence's first time expression.

Off by default (about 40 sentences, 11 documents a second on one core, measured by
``benchmarks/event_classifier.py``): list it after ``events`` in ``SPACEDIPLO_STAGES``
and install the extra ``embeddings``.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from ..events.classifier import (
    CandidateSentence,
    EventClassifier,
    candidate_sentences,
    get_classifier,
    load_encoder,
)
from ..events.cues import CueIndex, get_cue_index
from ..kb.text import tokenize
from ..model import Document, Event
from ..registry import register_stage
from ..settings import Settings
from ..temporal import find_time_expressions

__all__ = ["EventClassifierStage"]

#: An added event is the lexicon's when they share a type and this much of their sides.
_SAME_SIDES = 0.5


class EventClassifierStage:
    name: ClassVar[str] = "event_classifier"
    requires: ClassVar[frozenset[str]] = frozenset(
        {"text", "lang", "published", "mentions", "events"}
    )
    assigns: ClassVar[frozenset[str]] = frozenset({"events"})

    def __init__(self, classifier: EventClassifier, cues: CueIndex) -> None:
        self.classifier = classifier
        self.cues = cues

    def __call__(self, doc: Document) -> Document:
        lexicon_language = doc.lang in self.cues.languages
        candidates = [
            c
            for c in candidate_sentences(doc)
            if not (lexicon_language and _has_lexicon_event(c, doc.events))
        ]
        if not candidates:
            return doc
        reference = _published(doc)
        predictions = self.classifier.classify([c.text for c in candidates])
        for candidate, (event_type, score) in zip(candidates, predictions, strict=True):
            if event_type is None or _known(event_type, candidate.codes, doc.events):
                continue
            event_date = _date(candidate.text, reference)
            tokens = tokenize(candidate.text)
            doc.events.append(
                Event(
                    type=event_type,
                    participants=list(candidate.codes),
                    date=event_date,
                    stage=self._stage(candidate, doc.lang, lexicon_language, event_date, doc),
                    topics=sorted(self.cues.topic_hits(tokens)),
                    evidence=candidate.text,
                    evidence_start=candidate.start,
                    evidence_end=candidate.end,
                    confidence=round(score, 4),
                )
            )
        return doc

    def _stage(
        self,
        candidate: CandidateSentence,
        lang: str | None,
        lexicon_language: bool,
        event_date: str | None,
        doc: Document,
    ) -> str:
        """``planned`` or ``ongoing`` from the lexicon's stage words (in its languages
        only: an unknown language would load every language's lemmas to find none); a
        date after publication is a plan; otherwise the act is done."""
        if lexicon_language:
            tokens = tokenize(candidate.text)
            groups = {h.group for h in self.cues.hits(tokens, 0, len(tokens), lang)}
            if "planned" in groups:
                return "planned"
            if "ongoing" in groups:
                return "ongoing"
        if event_date and doc.published and _after(event_date, doc.published):
            return "planned"
        return "done"


def _has_lexicon_event(candidate: CandidateSentence, events: list[Event]) -> bool:
    for event in events:
        if event.evidence_start is not None and event.evidence_end is not None:
            if event.evidence_start < candidate.end and candidate.start < event.evidence_end:
                return True
        elif candidate.text in event.evidence:
            return True
    return False


def _known(event_type: str, codes: tuple[str, ...], events: list[Event]) -> bool:
    """An event of this type between (mostly) these sides is already listed."""
    sides = set(codes)
    for event in events:
        other = set(event.participants)
        if event.type == event_type and len(sides & other) >= _SAME_SIDES * len(sides | other):
            return True
    return False


def _published(doc: Document) -> date | None:
    if not doc.published:
        return None
    try:
        return date.fromisoformat(doc.published)
    except ValueError:
        return None


def _date(sentence: str, reference: date | None) -> str | None:
    """The sentence's first time expression, resolved against the publication date; the
    publication year when it has none (a report tells of its own year's events)."""
    found = sorted(find_time_expressions(sentence, reference), key=lambda e: e.start)
    if found:
        return found[0].value
    return f"{reference.year:04d}" if reference is not None else None


def _after(event_date: str, published: str) -> bool:
    """Is ``event_date`` later than ``published`` at the coarser of their precisions?"""
    size = min(len(event_date), len(published))
    return event_date[:size] > published[:size]


@register_stage("event_classifier")
def make_event_classifier(settings: Settings) -> EventClassifierStage:
    load_encoder()  # fail now, with the extra to install, not at the first document
    return EventClassifierStage(get_classifier(), get_cue_index())
