"""The statements of every save and story update, built once per dialect.

Building a SQLAlchemy statement and computing its cache key costs several times more than
running it on SQLite (about 95 µs against 20 µs for a one-row select), and ingest runs
some twenty-five of them per document. Built once, with bound parameters, a statement's
cache key is memoised and its compiled form is found in the engine's cache at once.
Values come in as parameters: ``:name`` for one value, expanding ``IN`` lists for many.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Delete,
    Insert,
    Select,
    Table,
    Update,
    bindparam,
    delete,
    or_,
    select,
)
from sqlalchemy import insert as core_insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from .schema import Base

__all__ = ["Statements", "canonical_of_probes", "statements", "table"]


def table(name: str) -> Table:
    """The Core table behind a model (statements on it skip the ORM's bookkeeping)."""
    return Base.metadata.tables[name]


DOCUMENTS = table("documents")
SOURCES = table("sources")
ENTITIES = table("entities")
MENTIONS = table("mentions")
EVENTS = table("events")
EVENT_PARTICIPANTS = table("event_participants")
STORIES = table("stories")
CANONICAL = table("canonical_events")
CANONICAL_PARTICIPANTS = table("canonical_event_participants")
CANONICAL_SOURCES = table("canonical_event_sources")


@dataclass(frozen=True)
class Statements:
    # -- save ---------------------------------------------------------------------------
    #: (:doc_id) the current version's content hash
    current_hash: Select[Any]
    #: (:doc_id) id, version and content hash of the current version, locked
    current_version: Select[Any]
    #: (:version_id) the version is no longer current
    retire_version: Update
    #: (locator, kind, first_seen, last_seen) upsert of a source, returning its id
    upsert_source: Insert
    #: documents row, returning its id
    insert_document: Insert
    #: entity rows, those already stored left alone (executemany)
    insert_entities: Insert
    #: (:keys) (key, id) of entities
    entity_ids: Select[Any]
    insert_mentions: Insert
    insert_events: Insert
    #: (:document_id) ids of a document version's events, in order
    event_ids: Select[Any]
    insert_event_participants: Insert
    # -- stories -------------------------------------------------------------------------
    #: (:keys) stories merged away
    delete_stories: Delete
    #: (:keys) (key, id) of stories
    story_ids: Select[Any]
    #: story rows inserted, or updated when their key exists; returning (key, id)
    upsert_stories: Insert
    #: (:doc_ids, :story_row) current versions of doc_ids join the story; returns the
    #: doc_ids that were not in it
    join_story: Update
    #: (:doc_ids) types of the events of the current versions of doc_ids
    current_event_types: Select[Any]
    #: (:doc_ids) (key, type, is_current) of canonical events with a source among any
    #: version of doc_ids
    canonical_of_documents: Select[Any]
    #: (:doc_ids, :types) reports of the events of the current doc_ids of types
    reports_of_documents: Select[Any]
    #: (:keys) event ids of the sources of canonical events
    canonical_source_ids: Select[Any]
    #: (:event_ids) reports of these events (of current versions)
    reports_of_events: Select[Any]
    #: (:document_ids) (id, document_id, participant code or None) of every event of
    #: these versions, by id
    event_positions: Select[Any]
    #: (:keys) canonical events to be rewritten
    delete_canonical: Delete
    #: canonical event rows, returning (key, id)
    insert_canonical: Insert
    insert_canonical_participants: Insert
    insert_canonical_sources: Insert


def _dialect_insert(dialect: str, target: Table) -> Any:
    return pg_insert(target) if dialect == "postgresql" else sqlite_insert(target)


def _update_where_id(target: Table, parameter: str) -> Update:
    """UPDATE of the row whose id is ``:parameter`` (a name apart from the columns, which
    SQLAlchemy reserves for the values set)."""
    return target.update().where(target.c.id == bindparam(parameter))


def _event_reports(columns: tuple[ColumnElement[Any], ...]) -> tuple[Select[Any], Select[Any]]:
    """Reports of the events of the current doc_ids of some types, and of some events by
    id: two statements, each led by its own index. Under one OR, or ordered together (a
    UNION ordered by doc_id), SQLite reads every current document's events instead."""

    def reports() -> Select[Any]:
        return (
            select(*columns)
            .join(DOCUMENTS, DOCUMENTS.c.id == EVENTS.c.document_id)
            .outerjoin(STORIES, STORIES.c.id == DOCUMENTS.c.story_id)
            .where(DOCUMENTS.c.is_current.is_(True))
        )

    # The type compared as an expression (type || ''), which no index serves: given the
    # column, SQLite reads every event of the type instead of the documents' events.
    of_documents = reports().where(
        DOCUMENTS.c.doc_id.in_(bindparam("doc_ids", expanding=True)),
        EVENTS.c.type.concat("").in_(bindparam("types", expanding=True)),
    )
    # By event id, given as values: with the canonical events' sources as a subquery,
    # SQLite again starts from every current document.
    of_events = reports().where(EVENTS.c.id.in_(bindparam("event_ids", expanding=True)))
    return of_documents, of_events


@functools.cache
def statements(dialect: str) -> Statements:
    """The statements for ``dialect`` (``sqlite`` or ``postgresql``)."""
    current = DOCUMENTS.c.is_current.is_(True)
    source = _dialect_insert(dialect, SOURCES)
    entity = _dialect_insert(dialect, ENTITIES)
    story = _dialect_insert(dialect, STORIES)
    report_columns = (
        EVENTS.c.id,
        EVENTS.c.document_id,
        EVENTS.c.type,
        EVENTS.c.date,
        EVENTS.c.stage,
        EVENTS.c.topics,
        EVENTS.c.evidence,
        DOCUMENTS.c.doc_id,
        DOCUMENTS.c.lang,
        DOCUMENTS.c.published,
        STORIES.c.key,
    )
    reports_of_documents, reports_of_events = _event_reports(report_columns)
    return Statements(
        reports_of_documents=reports_of_documents,
        reports_of_events=reports_of_events,
        canonical_source_ids=select(CANONICAL_SOURCES.c.event_id)
        .join(CANONICAL, CANONICAL.c.id == CANONICAL_SOURCES.c.canonical_id)
        .where(CANONICAL.c.key.in_(bindparam("keys", expanding=True))),
        current_hash=select(DOCUMENTS.c.content_hash).where(
            DOCUMENTS.c.doc_id == bindparam("doc_id"), current
        ),
        current_version=select(DOCUMENTS.c.id, DOCUMENTS.c.version, DOCUMENTS.c.content_hash)
        .where(DOCUMENTS.c.doc_id == bindparam("doc_id"), current)
        .with_for_update(),
        retire_version=_update_where_id(DOCUMENTS, "version_id").values(is_current=False),
        upsert_source=source.on_conflict_do_update(
            index_elements=[SOURCES.c.locator], set_={"last_seen": source.excluded.last_seen}
        ).returning(SOURCES.c.id),
        insert_document=core_insert(DOCUMENTS).returning(DOCUMENTS.c.id),
        insert_entities=entity.on_conflict_do_nothing(index_elements=[ENTITIES.c.key]),
        entity_ids=select(ENTITIES.c.key, ENTITIES.c.id).where(
            ENTITIES.c.key.in_(bindparam("keys", expanding=True))
        ),
        insert_mentions=core_insert(MENTIONS),
        insert_events=core_insert(EVENTS),
        event_ids=select(EVENTS.c.id)
        .where(EVENTS.c.document_id == bindparam("document_id"))
        .order_by(EVENTS.c.id),
        insert_event_participants=core_insert(EVENT_PARTICIPANTS),
        delete_stories=delete(STORIES).where(STORIES.c.key.in_(bindparam("keys", expanding=True))),
        story_ids=select(STORIES.c.key, STORIES.c.id).where(
            STORIES.c.key.in_(bindparam("keys", expanding=True))
        ),
        upsert_stories=story.on_conflict_do_update(
            index_elements=[STORIES.c.key],
            set_={
                column: story.excluded[column]
                for column in ("title", "languages", "first_date", "last_date", "updated_at")
            },
        ).returning(STORIES.c.key, STORIES.c.id),
        join_story=DOCUMENTS.update()
        .where(
            DOCUMENTS.c.doc_id.in_(bindparam("doc_ids", expanding=True)),
            current,
            or_(
                DOCUMENTS.c.story_id.is_(None),
                DOCUMENTS.c.story_id != bindparam("story_row"),
            ),
        )
        .values(story_id=bindparam("story_row"))
        .returning(DOCUMENTS.c.doc_id),
        current_event_types=select(EVENTS.c.type)
        .distinct()
        .join(DOCUMENTS, DOCUMENTS.c.id == EVENTS.c.document_id)
        .where(DOCUMENTS.c.doc_id.in_(bindparam("doc_ids", expanding=True)), current),
        canonical_of_documents=select(CANONICAL.c.key, CANONICAL.c.type, DOCUMENTS.c.is_current)
        .join(CANONICAL_SOURCES, CANONICAL_SOURCES.c.canonical_id == CANONICAL.c.id)
        .join(EVENTS, EVENTS.c.id == CANONICAL_SOURCES.c.event_id)
        .join(DOCUMENTS, DOCUMENTS.c.id == EVENTS.c.document_id)
        .where(DOCUMENTS.c.doc_id.in_(bindparam("doc_ids", expanding=True))),
        event_positions=select(EVENTS.c.id, EVENTS.c.document_id, EVENT_PARTICIPANTS.c.code)
        .outerjoin(EVENT_PARTICIPANTS, EVENT_PARTICIPANTS.c.event_id == EVENTS.c.id)
        .where(EVENTS.c.document_id.in_(bindparam("document_ids", expanding=True)))
        .order_by(EVENTS.c.id),
        delete_canonical=delete(CANONICAL).where(
            CANONICAL.c.key.in_(bindparam("keys", expanding=True))
        ),
        insert_canonical=core_insert(CANONICAL).returning(CANONICAL.c.key, CANONICAL.c.id),
        insert_canonical_participants=core_insert(CANONICAL_PARTICIPANTS),
        insert_canonical_sources=core_insert(CANONICAL_SOURCES),
    )


@functools.cache
def canonical_of_probes(count: int) -> Select[Any]:
    """(:type_i, :prefix_i for i < count) (key, type) of canonical events of one of the
    types dated under its prefix: one statement for a document's (type, year) probes,
    built once for each number of them (a document has a handful)."""
    return select(CANONICAL.c.key, CANONICAL.c.type).where(
        or_(
            *[
                (CANONICAL.c.type == bindparam(f"type_{i}"))
                & CANONICAL.c.date.like(bindparam(f"prefix_{i}"))
                for i in range(count)
            ]
        )
    )
