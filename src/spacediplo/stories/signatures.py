"""Language-independent signatures of a document, for grouping reports into stories.

Two reports of one news event share little wording across languages (MinHash Jaccard of
an English and a French version is about 0), but they share what the multilingual news
monitors compare: linked entity ids, actor codes, the events they state (type,
participants, date), the calendar dates and the numbers they quote. A signature holds
those as weighted features, plus a MinHash of the wording for same-language rewrites.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date

from datasketch import LeanMinHash, MinHash

from ..model import Document
from ..normalize import fold
from ..temporal import find_time_expressions

__all__ = [
    "FEATURE_WEIGHTS",
    "DocumentSignature",
    "anchor_date",
    "parse_iso",
    "signature",
    "text_minhash",
]

#: How much a shared feature says about two reports being the same story. A specific
#: mission, site or person is strong evidence; an agency or a country is shared by many
#: unrelated stories of the same week; a dated event signature or an exact calendar
#: date is strong; a bare number is weak (many coincide by chance).
FEATURE_WEIGHTS: dict[str, float] = {
    "mission": 3.0,
    "site": 2.0,
    "person": 2.5,
    "discovered": 1.5,
    "organization": 1.5,
    "agency": 1.0,
    "igo": 1.0,
    "actor": 0.5,
    "event": 3.0,
    "event_type": 1.0,
    "day": 2.0,
    "month": 0.5,
    "number": 0.75,
}

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"(?<![\w.,])\d{2,}(?:[.,]\d+)?(?![\w])")
_NUM_PERM = 64


@dataclass
class DocumentSignature:
    """What the clusterer compares; built once per document (see :func:`signature`)."""

    doc_id: str
    lang: str | None
    #: The date the document speaks from: its publication date, else inferred.
    anchor: date | None
    title: str | None
    features: dict[str, float] = field(default_factory=dict)
    minhash: LeanMinHash | None = None
    #: Optional dense vector (a multilingual embedding), compared by cosine.
    vector: tuple[float, ...] | None = None

    @property
    def weight(self) -> float:
        return sum(self.features.values())


def parse_iso(value: str | None) -> date | None:
    """A full ``YYYY-MM-DD`` as a date; coarser or missing values give None."""
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def anchor_date(doc: Document) -> date | None:
    """The publication date, else the latest full date among the document's events.

    A report without a byline date is dated by the newest event it states, which is the
    news it is about far more often than not.
    """
    published = parse_iso(doc.published)
    if published is not None:
        return published
    dated = [d for d in (parse_iso(e.date) for e in doc.events) if d is not None]
    return max(dated) if dated else None


def _shingles(text: str, k: int = 3) -> list[bytes]:
    words = _WORD.findall(fold(text))
    if len(words) < k:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)]


@functools.cache
def _empty_minhash() -> MinHash:
    # Its permutations are drawn from a seeded generator on construction, which cost a
    # third of a document's MinHash: copies share them.
    return MinHash(num_perm=_NUM_PERM, seed=1)


def text_minhash(text: str) -> LeanMinHash | None:
    """MinHash of the word 3-shingles of ``text`` (None for an empty text)."""
    shingles = _shingles(text)
    if not shingles:
        return None
    mh = _empty_minhash().copy()
    mh.update_batch(shingles)
    return LeanMinHash(mh)


def signature(doc: Document, vector: tuple[float, ...] | None = None) -> DocumentSignature:
    """The signature of ``doc`` (after the actors and events stages)."""
    anchor = anchor_date(doc)
    features: dict[str, float] = {}

    def add(key: str, kind: str) -> None:
        features[key] = max(features.get(key, 0.0), FEATURE_WEIGHTS[kind])

    for entity in doc.entities:
        kind = "discovered" if entity.discovered else entity.type
        if kind in FEATURE_WEIGHTS:
            add(f"e:{entity.id}", kind)
    for mention in doc.mentions:
        if mention.code:
            add(f"a:{mention.code}", "actor")
    for event in doc.events:
        codes = ",".join(sorted(set(event.participants)))
        add(f"t:{event.type}|{codes}", "event_type")
        if event.date and len(event.date) >= 7:
            add(f"v:{event.type}|{codes}|{event.date}", "event")
        for code in event.participants:
            add(f"a:{code}", "actor")
    for expr in find_time_expressions(doc.text, anchor):
        if len(expr.value) == 10:
            add(f"d:{expr.value}", "day")
        elif len(expr.value) == 7:
            add(f"d:{expr.value}", "month")
    for match in _NUMBER.finditer(doc.text):
        value = match.group().replace(",", ".")
        if not (len(value) == 4 and value.isdigit()):  # years are dates, counted above
            add(f"n:{value}", "number")
    body = f"{doc.title or ''}\n{doc.text}"
    return DocumentSignature(
        doc_id=doc.doc_id,
        lang=doc.lang,
        anchor=anchor,
        title=doc.title,
        features=features,
        minhash=text_minhash(body),
        vector=vector,
    )
