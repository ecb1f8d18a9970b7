"""The typed document model shared by every stage, the store and the exporters.

Plain dataclasses that round-trip through JSON (``to_dict`` / ``from_dict``); pydantic is
only used at the edges (API schemas).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

__all__ = [
    "ENTITY_TYPES",
    "EVENT_TYPES",
    "STAGES",
    "TOPICS",
    "Document",
    "Entity",
    "Event",
    "Mention",
    "RawDocument",
    "content_hash",
]

RawFormat = Literal["text", "html"]

#: Entity types that the export lists (countries are actor codes, never entities).
ENTITY_TYPES = ("person", "agency", "organization", "igo", "mission", "site")
EVENT_TYPES = (
    "agreement",
    "meeting",
    "conference",
    "joint_project",
    "launch",
    "crew_flight",
    "trade",
    "multilateral",
    "dispute",
)
STAGES = ("done", "ongoing", "planned")
TOPICS = (
    "moon",
    "mars",
    "venus",
    "iss",
    "human_spaceflight",
    "earth_observation",
    "climate",
    "launch",
    "navigation",
    "satellite",
    "space_medicine",
    "space_science",
    "space_debris",
    "space_law",
    "education",
    "commercial",
)


def content_hash(content: str) -> str:
    """A stable fingerprint of a document's raw content (what decides 'unchanged')."""
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class RawDocument:
    """One item as a source delivered it, before any cleaning.

    ``content`` is decoded text; ``raw_format`` says whether it is HTML or plain text.
    Metadata given by the source itself (a JSON field, a feed entry, an HTTP header) is
    kept so cleaning can prefer it over guesses.
    """

    doc_id: str
    source: str
    source_kind: str
    content: str
    raw_format: RawFormat
    locator: str = ""
    url: str | None = None
    title: str | None = None
    published: str | None = None
    lang: str | None = None

    @property
    def content_hash(self) -> str:
        return content_hash(self.content)


@dataclass
class Mention:
    """A span of the document's text that names a knowledge-base (or discovered) entity."""

    start: int
    end: int
    surface: str
    entity_id: str
    type: str
    code: str | None = None


@dataclass
class Entity:
    """A distinct entity of one document, as the export lists it."""

    id: str
    name: str
    type: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    discovered: bool = False


@dataclass
class Event:
    """An international space-cooperation event stated by a document."""

    type: str
    participants: list[str]
    date: str | None = None
    stage: str = "done"
    topics: list[str] = field(default_factory=list)
    evidence: str = ""
    evidence_start: int | None = None
    evidence_end: int | None = None
    confidence: float = 1.0

    def to_spec(self) -> dict[str, Any]:
        """The event as ``spec/events.md`` writes it (no spans, no internal fields)."""
        return {
            "type": self.type,
            "participants": sorted(set(self.participants)),
            "date": self.date,
            "stage": self.stage,
            "topics": sorted(set(self.topics)),
            "evidence": self.evidence,
        }


@dataclass
class Document:
    """A cleaned document and everything later stages add to it."""

    doc_id: str
    source: str
    source_kind: str
    raw: str
    raw_format: RawFormat
    content_hash: str
    locator: str = ""
    url: str | None = None
    title: str | None = None
    text: str = ""
    lang: str | None = None
    published: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    story: str | None = None
    #: Free-form notes of the stages (e.g. which rule removed which line), for debugging.
    notes: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_raw(cls, raw: RawDocument) -> Document:
        return cls(
            doc_id=raw.doc_id,
            source=raw.source,
            source_kind=raw.source_kind,
            raw=raw.content,
            raw_format=raw.raw_format,
            content_hash=raw.content_hash,
            locator=raw.locator,
            url=raw.url,
            title=raw.title,
            lang=raw.lang,
            published=raw.published,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["mentions"] = [Mention(**m) for m in data.get("mentions") or []]
        values["entities"] = [Entity(**e) for e in data.get("entities") or []]
        values["events"] = [Event(**e) for e in data.get("events") or []]
        return cls(**values)

    def to_spec(self) -> dict[str, Any]:
        """The document exactly in the schema of ``spec/events.md``."""
        return {
            "doc_id": self.doc_id,
            "lang": self.lang,
            "published": self.published,
            "story": self.story or self.doc_id,
            "entities": [
                {
                    "name": e.name,
                    "type": e.type,
                    "country": e.country,
                    **({"aliases": e.aliases} if e.aliases else {}),
                }
                for e in self.entities
            ],
            "events": [e.to_spec() for e in self.events],
        }
