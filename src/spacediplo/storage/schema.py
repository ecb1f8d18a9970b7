"""Tables (SQLAlchemy 2 declarative models). Designed from ``spec/events.md``.

Documents are versioned: each row of ``documents`` is one version of a ``doc_id``; exactly
one version per ``doc_id`` has ``is_current``. Everything a stage derives (mentions,
events) hangs on the version it was derived from, so history is never rewritten.

Changing a model means adding an Alembic revision in ``migrations/versions``;
``tests/storage/test_migrations.py`` fails when models and migrations disagree.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

__all__ = [
    "ActorCountRow",
    "Base",
    "CanonicalEventParticipantRow",
    "CanonicalEventRow",
    "CanonicalEventSourceRow",
    "DocumentRow",
    "EntityRow",
    "EventCountRow",
    "EventParticipantRow",
    "EventRow",
    "IngestFailureRow",
    "MentionRow",
    "PairCountRow",
    "SourceRow",
    "StoryRow",
]


class Base(DeclarativeBase):
    pass


class SourceRow(Base):
    """What the user pointed spacediplo at: a folder, a file, a feed or site URL."""

    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    locator: Mapped[str] = mapped_column(Text, unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    first_seen: Mapped[datetime] = mapped_column(DateTime)
    last_seen: Mapped[datetime] = mapped_column(DateTime)


class StoryRow(Base):
    """A cluster of documents reporting the same news event."""

    __tablename__ = "stories"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    first_date: Mapped[str | None] = mapped_column(String(10))
    last_date: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class DocumentRow(Base):
    """One version of one document."""

    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("doc_id", "version", name="uq_documents_doc_id_version"),
        Index("ix_documents_current", "is_current", "doc_id"),
        Index("ix_documents_published", "published"),
        Index("ix_documents_lang", "lang"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(Text, index=True)
    version: Mapped[int] = mapped_column(Integer)
    is_current: Mapped[bool] = mapped_column(Boolean)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    source_kind: Mapped[str] = mapped_column(String(16))
    locator: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    lang: Mapped[str | None] = mapped_column(String(8))
    published: Mapped[str | None] = mapped_column(String(10))
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    raw_format: Mapped[str] = mapped_column(String(8))
    raw: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    notes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    story_id: Mapped[int | None] = mapped_column(
        ForeignKey("stories.id", ondelete="SET NULL"), index=True
    )

    source: Mapped[SourceRow] = relationship()
    story: Mapped[StoryRow | None] = relationship()
    mentions: Mapped[list[MentionRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="MentionRow.start"
    )
    events: Mapped[list[EventRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="EventRow.id"
    )


class EntityRow(Base):
    """A knowledge-base entity seen in the store, or one discovered in text."""

    __tablename__ = "entities"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16), index=True)
    country: Mapped[str | None] = mapped_column(String(16))
    discovered: Mapped[bool] = mapped_column(Boolean, default=False)
    qid: Mapped[str | None] = mapped_column(String(16))


class MentionRow(Base):
    """A span of a document version's text naming an entity."""

    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    surface: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16))
    code: Mapped[str | None] = mapped_column(String(16))

    document: Mapped[DocumentRow] = relationship(back_populates="mentions")
    entity: Mapped[EntityRow] = relationship()


class EventRow(Base):
    """An event stated by a document version (one row per report)."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_type_date", "type", "date"),
        # Pages of events newest first (keyset on date, id); see storage/queries.py.
        Index("ix_events_date_id", "date", "id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    type: Mapped[str] = mapped_column(String(24))
    date: Mapped[str | None] = mapped_column(String(10))
    stage: Mapped[str] = mapped_column(String(8))
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    evidence: Mapped[str] = mapped_column(Text)
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)

    document: Mapped[DocumentRow] = relationship(back_populates="events")
    participants: Mapped[list[EventParticipantRow]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventParticipantRow.code"
    )


class EventParticipantRow(Base):
    """An actor code taking part in an event."""

    __tablename__ = "event_participants"
    # Covering index: "events of actor X" reads event ids without touching the table.
    __table_args__ = (Index("ix_event_participants_code_event", "code", "event_id"),)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(16), primary_key=True, index=True)

    event: Mapped[EventRow] = relationship(back_populates="participants")


class IngestFailureRow(Base):
    """An input that was skipped, and why (the dead-letter list of batch runs)."""

    __tablename__ = "ingest_failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    locator: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)


class CanonicalEventRow(Base):
    """One real-world event, however many reports state it (see ``stories/canonical.py``).

    Derived data: ``spacediplo stories rebuild`` recomputes every row from the documents.
    """

    __tablename__ = "canonical_events"
    __table_args__ = (Index("ix_canonical_events_type_date", "type", "date"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    story_id: Mapped[int | None] = mapped_column(
        ForeignKey("stories.id", ondelete="SET NULL"), index=True
    )
    type: Mapped[str] = mapped_column(String(24))
    date: Mapped[str | None] = mapped_column(String(10))
    stage: Mapped[str] = mapped_column(String(8))
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Publication dates of the earliest and latest reports stating the event.
    first_seen: Mapped[str | None] = mapped_column(String(10))
    last_seen: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    story: Mapped[StoryRow | None] = relationship()
    participants: Mapped[list[CanonicalEventParticipantRow]] = relationship(
        cascade="all, delete-orphan", order_by="CanonicalEventParticipantRow.code"
    )
    sources: Mapped[list[CanonicalEventSourceRow]] = relationship(
        back_populates="canonical", cascade="all, delete-orphan"
    )


class CanonicalEventParticipantRow(Base):
    """An actor code taking part in a canonical event (what the API filters on)."""

    __tablename__ = "canonical_event_participants"
    canonical_id: Mapped[int] = mapped_column(
        ForeignKey("canonical_events.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(16), primary_key=True, index=True)


class CanonicalEventSourceRow(Base):
    """Which reported event (one document's row in ``events``) states a canonical event.

    A link table rather than a column on ``events``: adding a foreign key to an existing
    SQLite table means rebuilding it, and a report belongs to at most one canonical event.
    """

    __tablename__ = "canonical_event_sources"
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    canonical_id: Mapped[int] = mapped_column(
        ForeignKey("canonical_events.id", ondelete="CASCADE"), index=True
    )

    canonical: Mapped[CanonicalEventRow] = relationship(back_populates="sources")
    event: Mapped[EventRow] = relationship()


class EventCountRow(Base):
    """Events of current documents per year ('' when undated) and type (see aggregates.py)."""

    __tablename__ = "event_counts"
    year: Mapped[str] = mapped_column(String(4), primary_key=True)
    type: Mapped[str] = mapped_column(String(24), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)


class ActorCountRow(Base):
    """Events of current documents per actor code, year and type."""

    __tablename__ = "actor_counts"
    __table_args__ = (Index("ix_actor_counts_year", "year", "type", "code", "n"),)
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    year: Mapped[str] = mapped_column(String(4), primary_key=True)
    type: Mapped[str] = mapped_column(String(24), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)


class PairCountRow(Base):
    """Events of current documents per pair of actor codes (``a < b``), year and type:
    the weighted edges of the cooperation network."""

    __tablename__ = "pair_counts"
    __table_args__ = (
        Index("ix_pair_counts_year", "year", "type", "a", "b", "n"),
        Index("ix_pair_counts_b", "b", "a"),
    )
    a: Mapped[str] = mapped_column(String(16), primary_key=True)
    b: Mapped[str] = mapped_column(String(16), primary_key=True)
    year: Mapped[str] = mapped_column(String(4), primary_key=True)
    type: Mapped[str] = mapped_column(String(24), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)
