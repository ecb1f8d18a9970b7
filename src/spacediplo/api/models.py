"""Response and request bodies of the HTTP API (they make the OpenAPI document)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator

from ..storage.queries import EventItem

EventType = Literal[
    "agreement", "meeting", "conference", "joint_project", "launch", "crew_flight", "trade",
    "multilateral", "dispute",
]  # fmt: skip
Stage = Literal["done", "ongoing", "planned"]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]

#: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, as event dates are stored.
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
#: An actor code (``RUS``, ``ESA``) or an entity id (``roscosmos``, ``country-fra``).
ACTOR_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,199}$"


class ErrorOut(BaseModel):
    error: str = Field(description="What went wrong, naming the input at fault.")


class EventsPage(BaseModel):
    # The read model's dataclass is the schema: one definition of an event row.
    items: list[EventItem]
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null at the end."
    )


class ActorOut(BaseModel):
    id: str
    code: str | None
    name: str
    type: str
    aliases: list[str]
    event_count: int
    by_type: dict[str, int]
    partners: list[tuple[str, int]] = Field(description="(actor code, shared events), most first")
    timeline: list[tuple[str, int]] = Field(description="(year, events)")
    mentions: int


class NetworkNode(BaseModel):
    id: str
    name: str
    events: int


class NetworkEdgeOut(BaseModel):
    source: str
    target: str
    weight: int
    types: dict[str, int]


class NetworkOut(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdgeOut]


class StorySummary(BaseModel):
    id: int
    title: str | None
    languages: list[str]
    first_date: str | None
    last_date: str | None
    documents: int
    events: int


class StoriesPage(BaseModel):
    items: list[StorySummary]
    next_cursor: str | None


class MentionOut(BaseModel):
    start: int
    end: int
    surface: str
    type: str
    code: str | None
    entity: str
    name: str


class DocumentEventOut(BaseModel):
    id: int
    type: str
    participants: list[str]
    date: str | None
    stage: str
    topics: list[str]
    evidence: str
    start: int | None
    end: int | None


class DocumentOut(BaseModel):
    id: int
    doc_id: str
    version: int
    is_current: bool
    title: str | None
    url: str | None
    lang: str | None
    published: str | None
    story_id: int | None
    text: str
    mentions: list[MentionOut]
    events: list[DocumentEventOut]


class CanonicalSourceOut(BaseModel):
    doc_id: str
    document_id: int
    lang: str | None
    evidence: str


class CanonicalEventOut(BaseModel):
    id: int
    type: str
    participants: list[str]
    date: str | None
    stage: str
    sources: list[CanonicalSourceOut]


class StoryOut(StorySummary):
    articles: list[DocumentOut]
    canonical_events: list[CanonicalEventOut]


class HighlightPart(BaseModel):
    text: str
    match: bool


class SearchHitOut(BaseModel):
    kind: Literal["document", "event"]
    id: int
    document_id: int
    doc_id: str
    title: str | None
    lang: str | None
    published: str | None
    score: float
    highlight: list[HighlightPart]


class SearchOut(BaseModel):
    query: str
    documents: list[SearchHitOut]
    events: list[SearchHitOut]


class IngestIn(BaseModel):
    """One article: its text, its HTML page, or a URL to fetch (exactly one of them)."""

    text: str | None = Field(default=None, max_length=5_000_000)
    html: str | None = Field(default=None, max_length=5_000_000)
    url: str | None = Field(default=None, max_length=2_000, pattern=r"^https?://\S+$")
    doc_id: str | None = Field(default=None, min_length=1, max_length=500)
    title: str | None = Field(default=None, max_length=2_000)
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")

    @model_validator(mode="after")
    def exactly_one_content(self) -> IngestIn:
        given = [name for name in ("text", "html", "url") if getattr(self, name)]
        if len(given) != 1:
            raise ValueError("give exactly one of 'text', 'html' or 'url'")
        return self


class IngestOut(BaseModel):
    doc_id: str
    outcome: Literal["new", "updated", "unchanged"]
    document_id: int | None
    lang: str | None
    events: int
