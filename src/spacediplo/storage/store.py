"""The store: the only place that talks SQL. SQLite by default (WAL), PostgreSQL by URL."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import selectinload, sessionmaker

from ..errors import StorageError
from ..model import Document, Entity, Event, Mention
from ..settings import normalise_db_url
from ..stories.canonical import CanonicalEvent, EventReport
from ..stories.cluster import StoryState
from . import aggregates
from .schema import (
    CanonicalEventRow,
    CanonicalEventSourceRow,
    DocumentRow,
    EntityRow,
    EventParticipantRow,
    EventRow,
    IngestFailureRow,
    MentionRow,
    SourceRow,
    StoryRow,
)
from .statements import (
    CANONICAL,
    CANONICAL_SOURCES,
    DOCUMENTS,
    EVENTS,
    STORIES,
    Statements,
    canonical_of_probes,
    statements,
)

__all__ = ["SaveOutcome", "Stats", "Store"]

MIGRATIONS = Path(__file__).parent / "migrations"


class SaveOutcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass
class Stats:
    documents: int = 0
    versions: int = 0
    failures: int = 0
    by_language: Counter[str] = field(default_factory=Counter)
    by_source: Counter[str] = field(default_factory=Counter)
    by_day: Counter[str] = field(default_factory=Counter)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class Store:
    """Documents, their versions and everything derived from them."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.session_factory = sessionmaker(engine, expire_on_commit=False)
        # Entity rows are never deleted, so their ids can be remembered between saves;
        # ids learnt inside a transaction join the cache only once it commits.
        self._entity_ids: dict[str, int] = {}

    # -- lifecycle ---------------------------------------------------------------------
    @classmethod
    def open(cls, db: str, migrate: bool = True) -> Store:
        """Open (and create or upgrade) the store at ``db``: a URL or a SQLite file path."""
        url = normalise_db_url(db)
        try:
            if url.startswith("sqlite"):
                path = url.removeprefix("sqlite:///")
                if path and path != ":memory:":
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
                engine = create_engine(url, connect_args={"timeout": 30})
                event.listen(engine, "connect", _sqlite_pragmas)
            else:
                engine = create_engine(url, pool_pre_ping=True)
            store = cls(engine)
            if migrate:
                store.migrate()
        except OperationalError as exc:
            raise StorageError(f"{db}: cannot open the database ({exc.orig})") from exc
        return store

    def migrate(self, revision: str = "head") -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # -- writing -----------------------------------------------------------------------
    def is_unchanged(self, doc_id: str, content_hash: str) -> bool:
        with self.engine.connect() as connection:
            current = connection.scalar(self._sql.current_hash, {"doc_id": doc_id})
        return bool(current == content_hash)

    @property
    def _sql(self) -> Statements:
        return statements(self.dialect)

    def save(self, doc: Document) -> SaveOutcome:
        """Store ``doc`` as the current version of its ``doc_id``, in one transaction."""
        learnt: dict[str, int] = {}
        outcome = self._save(doc, learnt)
        self._entity_ids.update(learnt)
        return outcome

    def _save(self, doc: Document, learnt: dict[str, int]) -> SaveOutcome:
        # Core statements built once (storage/statements.py) in a plain connection's
        # transaction: the ORM's session, unit of work and statement building cost more
        # than the SQL itself.
        sql = self._sql
        with self.engine.begin() as connection:
            current = connection.execute(sql.current_version, {"doc_id": doc.doc_id}).first()
            if current is not None and current.content_hash == doc.content_hash:
                return SaveOutcome.UNCHANGED
            version = 1
            if current is not None:
                version = current.version + 1
                connection.execute(sql.retire_version, {"version_id": current.id})
                # The replaced version's events no longer count (storage/aggregates.py).
                aggregates.add_events(
                    connection, aggregates.events_of_document(connection, current.id), sign=-1
                )
            now = _now()
            # One statement (SQLite >= 3.35 and PostgreSQL both return the row of an
            # upsert) instead of insert-if-missing, update and select.
            source_id = connection.scalar(
                sql.upsert_source,
                {
                    "locator": doc.source,
                    "kind": doc.source_kind,
                    "first_seen": now,
                    "last_seen": now,
                },
            )
            document_id = connection.scalar(
                sql.insert_document,
                {
                    "doc_id": doc.doc_id,
                    "version": version,
                    "is_current": True,
                    "source_id": source_id,
                    "source_kind": doc.source_kind,
                    "locator": doc.locator or doc.doc_id,
                    "url": doc.url,
                    "title": doc.title,
                    "lang": doc.lang,
                    "published": doc.published,
                    "content_hash": doc.content_hash,
                    "raw_format": doc.raw_format,
                    "raw": doc.raw,
                    "text": doc.text,
                    # Which mentioned entities the document lists (countries and umbrella
                    # bodies are mentions but not entities); kept so reading back is exact.
                    "notes": _json_safe({**doc.notes, "entities": [e.id for e in doc.entities]}),
                    "ingested_at": now,
                    "story_id": None,
                },
            )
            assert document_id is not None
            self._add_derived(connection, int(document_id), doc, learnt)
            aggregates.add_events(
                connection,
                [(ev.type, ev.date, tuple(sorted(set(ev.participants)))) for ev in doc.events],
                sign=1,
            )
        return SaveOutcome.NEW if version == 1 else SaveOutcome.UPDATED

    def _add_derived(
        self, connection: Connection, document_id: int, doc: Document, learnt: dict[str, int]
    ) -> None:
        sql = self._sql
        meta = {e.id: e for e in doc.entities}
        missing: dict[str, Entity] = {}
        for mention in doc.mentions:
            key = mention.entity_id
            if key not in self._entity_ids and key not in learnt and key not in missing:
                missing[key] = meta.get(key) or Entity(
                    id=key, name=mention.surface, type=mention.type, country=mention.code
                )
        if missing:
            learnt.update(self._entity_id_map(connection, list(missing.values())))
        mentions = [
            {
                "document_id": document_id,
                "entity_id": self._entity_ids.get(mention.entity_id) or learnt[mention.entity_id],
                "start": mention.start,
                "end": mention.end,
                "surface": mention.surface,
                "type": mention.type,
                "code": mention.code,
            }
            for mention in doc.mentions
        ]
        if mentions:
            connection.execute(sql.insert_mentions, mentions)
        if not doc.events:
            return
        connection.execute(
            sql.insert_events,
            [
                {
                    "document_id": document_id,
                    "type": ev.type,
                    "date": ev.date,
                    "stage": ev.stage,
                    "topics": sorted(set(ev.topics)),
                    "evidence": ev.evidence,
                    "evidence_start": ev.evidence_start,
                    "evidence_end": ev.evidence_end,
                    "confidence": ev.confidence,
                }
                for ev in doc.events
            ],
        )
        # Rows inserted one after the other get increasing ids on both backends, so the
        # ids in order are the events in order (which is also how Store.event_reports
        # reads an event's position). RETURNING with a guaranteed order would cost one
        # statement per event on SQLite.
        event_ids = connection.scalars(sql.event_ids, {"document_id": document_id}).all()
        participants = [
            {"event_id": event_id, "code": code}
            for event_id, ev in zip(event_ids, doc.events, strict=True)
            for code in sorted(set(ev.participants))
        ]
        if participants:
            connection.execute(sql.insert_event_participants, participants)

    def _entity_id_map(self, connection: Connection, entities: list[Entity]) -> dict[str, int]:
        """Row ids of ``entities`` by key, inserting those not stored yet."""
        connection.execute(
            self._sql.insert_entities,
            [
                {
                    "key": e.id,
                    "name": e.name,
                    "type": e.type,
                    "country": e.country,
                    "discovered": e.discovered,
                    "qid": None,
                }
                for e in entities
            ],
        )
        keys = sorted(e.id for e in entities)
        ids: dict[str, int] = {}
        for start in range(0, len(keys), 500):
            ids.update(
                connection.execute(self._sql.entity_ids, {"keys": keys[start : start + 500]}).all()
            )
        return ids

    def story_key(self, doc_id: str) -> str | None:
        """The story key of the current version of ``doc_id`` (``None``: not placed)."""
        with self.session_factory() as session:
            key = session.scalar(
                select(StoryRow.key)
                .join(DocumentRow, DocumentRow.story_id == StoryRow.id)
                .where(DocumentRow.doc_id == doc_id, DocumentRow.is_current.is_(True))
            )
        return str(key) if key is not None else None

    def record_failure(self, locator: str, reason: str) -> None:
        with self.session_factory() as session, session.begin():
            session.add(IngestFailureRow(locator=locator, reason=reason, at=_now()))

    # -- reading -----------------------------------------------------------------------
    def count_documents(self, current_only: bool = True) -> int:
        query = select(func.count()).select_from(DocumentRow)
        if current_only:
            query = query.where(DocumentRow.is_current.is_(True))
        with self.session_factory() as session:
            return int(session.scalar(query) or 0)

    def versions(self, doc_id: str) -> list[Document]:
        with self.session_factory() as session:
            rows = session.scalars(
                self._document_query()
                .where(DocumentRow.doc_id == doc_id)
                .order_by(DocumentRow.version)
            ).all()
            return [_to_document(r) for r in rows]

    def get(self, doc_id: str) -> Document | None:
        with self.session_factory() as session:
            row = session.scalar(
                self._document_query().where(
                    DocumentRow.doc_id == doc_id, DocumentRow.is_current.is_(True)
                )
            )
            return _to_document(row) if row is not None else None

    def documents(self, batch_size: int = 200) -> Iterator[Document]:
        """Every current document, in ``doc_id`` order, streamed in batches."""
        last: str | None = None
        while True:
            query = self._document_query().where(DocumentRow.is_current.is_(True))
            if last is not None:
                query = query.where(DocumentRow.doc_id > last)
            query = query.order_by(DocumentRow.doc_id).limit(batch_size)
            with self.session_factory() as session:
                rows = session.scalars(query).all()
                docs = [_to_document(r) for r in rows]
            if not docs:
                return
            yield from docs
            last = docs[-1].doc_id

    def _document_query(self) -> Any:
        return select(DocumentRow).options(
            selectinload(DocumentRow.source),
            selectinload(DocumentRow.story),
            selectinload(DocumentRow.mentions).selectinload(MentionRow.entity),
            selectinload(DocumentRow.events).selectinload(EventRow.participants),
        )

    def events(
        self,
        event_type: str | None = None,
        actor: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int | None = None,
    ) -> list[tuple[str, Event]]:
        """Events of current documents, ``(doc_id, event)``, by date then document.

        ``actor``: an actor code taking part. Dates compare as ISO prefixes, so a
        ``YYYY`` event is inside a range that covers its year.
        """
        query = (
            select(EventRow, DocumentRow.doc_id)
            .join(DocumentRow, DocumentRow.id == EventRow.document_id)
            .where(DocumentRow.is_current.is_(True))
            .options(selectinload(EventRow.participants))
            .order_by(EventRow.date, DocumentRow.doc_id, EventRow.id)
        )
        if event_type:
            query = query.where(EventRow.type == event_type)
        if actor:
            query = query.where(
                EventRow.id.in_(
                    select(EventParticipantRow.event_id).where(
                        EventParticipantRow.code == actor.upper()
                    )
                )
            )
        if date_from:
            query = query.where(EventRow.date >= date_from[:4], EventRow.date.is_not(None))
        if date_to:
            query = query.where(EventRow.date <= date_to, EventRow.date.is_not(None))
        if limit:
            query = query.limit(limit)
        with self.session_factory() as session:
            rows = session.execute(query).all()
            out = [(doc_id, _to_event(row)) for row, doc_id in rows]
        if date_from:
            # Prefix semantics: "2020" is inside a range that starts on 2020-03-01.
            out = [(d, e) for d, e in out if e.date and e.date >= date_from[: len(e.date)]]
        return out

    def discovered_entities(self) -> list[tuple[str, str, str, str | None, int]]:
        """Entities found in text but not in the knowledge base, most mentioned first:
        (key, name, type, country, mentions)."""
        with self.session_factory() as session:
            rows = session.execute(
                select(
                    EntityRow.key,
                    EntityRow.name,
                    EntityRow.type,
                    EntityRow.country,
                    func.count(MentionRow.id),
                )
                .join(MentionRow, MentionRow.entity_id == EntityRow.id)
                .join(DocumentRow, DocumentRow.id == MentionRow.document_id)
                .where(EntityRow.discovered.is_(True), DocumentRow.is_current.is_(True))
                .group_by(EntityRow.key, EntityRow.name, EntityRow.type, EntityRow.country)
                .order_by(func.count(MentionRow.id).desc(), EntityRow.key)
            ).all()
        return [(r[0], r[1], r[2], r[3], int(r[4])) for r in rows]

    def failures(self) -> list[tuple[str, str]]:
        with self.session_factory() as session:
            rows = session.execute(
                select(IngestFailureRow.locator, IngestFailureRow.reason).order_by(
                    IngestFailureRow.id
                )
            ).all()
        return [(r[0], r[1]) for r in rows]

    def stats(self) -> Stats:
        stats = Stats()
        current = DocumentRow.is_current.is_(True)
        with self.session_factory() as session:
            stats.documents = int(
                session.scalar(select(func.count()).select_from(DocumentRow).where(current)) or 0
            )
            stats.versions = int(session.scalar(select(func.count()).select_from(DocumentRow)) or 0)
            stats.failures = int(
                session.scalar(select(func.count()).select_from(IngestFailureRow)) or 0
            )
            for column, counter in (
                (DocumentRow.lang, stats.by_language),
                (DocumentRow.published, stats.by_day),
            ):
                for value, n in session.execute(
                    select(column, func.count()).where(current).group_by(column)
                ):
                    counter[value or "unknown"] = int(n)
            for value, n in session.execute(
                select(SourceRow.locator, func.count())
                .join(DocumentRow, DocumentRow.source_id == SourceRow.id)
                .where(current)
                .group_by(SourceRow.locator)
            ):
                stats.by_source[value] = int(n)
        return stats

    # -- stories and canonical events (see spacediplo.stories) --------------------------
    def documents_published(
        self,
        date_from: str | None,
        date_to: str | None,
        batch_size: int = 200,
        skip: Container[str] = frozenset(),
    ) -> Iterator[tuple[Document, str | None]]:
        """Current documents published in ``[date_from, date_to]`` (both None: those
        without a publication date), with their story keys; documents ``skip`` names
        (already held by the caller) are not read."""
        query = select(DocumentRow.id, DocumentRow.doc_id).where(DocumentRow.is_current.is_(True))
        if date_from is None and date_to is None:
            query = query.where(DocumentRow.published.is_(None))
        else:
            if date_from is not None:
                query = query.where(DocumentRow.published >= date_from)
            if date_to is not None:
                query = query.where(DocumentRow.published <= date_to)
        with self.session_factory() as session:
            ids = [
                i
                for i, doc_id in session.execute(query.order_by(DocumentRow.id))
                if doc_id not in skip
            ]
        for start in range(0, len(ids), batch_size):
            page = (
                self._document_query()
                .where(DocumentRow.id.in_(ids[start : start + batch_size]))
                .order_by(DocumentRow.id)
            )
            with self.session_factory() as session:
                rows = session.scalars(page).all()
                docs = [(_to_document(r), r.story.key if r.story else None) for r in rows]
            yield from docs

    def save_stories(self, stories: Iterable[StoryState], removed: Iterable[str] = ()) -> None:
        """Write stories (upsert by key, set their current documents' ``story_id``) and
        delete the stories that were merged away."""
        with self.engine.begin() as connection:
            self._save_stories(connection, list(stories), list(removed))

    def update_stories(
        self,
        stories: Sequence[StoryState],
        removed: Sequence[str],
        probes: Iterable[tuple[str, str]],
        merge: Callable[[list[EventReport]], list[CanonicalEvent]],
    ) -> None:
        """One story update of ingest, in one transaction: write ``stories`` (dropping
        ``removed``), then re-merge with ``merge`` the reports of their documents and of
        every canonical event they or ``probes`` touch (see :meth:`canonical_keys_touching`),
        replacing those canonical events.

        Only event types whose reports changed are re-merged: the types of the events of
        documents that changed story (the new one among them), of ``probes``, and of
        canonical events that still name a replaced document version. ``merge`` groups
        each type on its own, so the canonical events of any other type, already the merge
        of their sources, would be rewritten unchanged.
        """
        probes = set(probes)
        sql = self._sql
        with self.engine.begin() as connection:
            story_ids, moved = self._save_stories(connection, stories, removed)
            doc_ids = sorted({d for s in stories for d in s.doc_ids})
            touching = self._canonical_touching(connection, doc_ids, probes)
            types = {t for _, t, stale in touching if stale} | {t for t, _ in probes}
            moved_ids = sorted(moved)
            for start in range(0, len(moved_ids), 500):
                types.update(
                    connection.scalars(
                        sql.current_event_types, {"doc_ids": moved_ids[start : start + 500]}
                    ).all()
                )
            if not types:
                # No report changed (a document without events joined a story): no
                # canonical event can change.
                return
            keys = sorted({key for key, t, _ in touching if t in types})
            found = {
                row.id: row
                for row in connection.execute(
                    sql.reports_of_documents, {"doc_ids": doc_ids, "types": sorted(types)}
                )
            }
            sources: set[int] = set()
            for start in range(0, len(keys), 500):
                sources.update(
                    connection.scalars(
                        sql.canonical_source_ids, {"keys": keys[start : start + 500]}
                    ).all()
                )
            elsewhere = sorted(sources - set(found))
            for start in range(0, len(elsewhere), 500):
                found.update(
                    (row.id, row)
                    for row in connection.execute(
                        sql.reports_of_events, {"event_ids": elsewhere[start : start + 500]}
                    )
                )
            # In the order the merge has always been given (it does not depend on it).
            rows = sorted(found.values(), key=lambda row: (row.doc_id, row.id))
            reports = self._reports_of_rows(connection, rows)
            self._replace_canonical_events(connection, keys, merge(reports), story_ids)

    def _save_stories(
        self, connection: Connection, stories: Sequence[StoryState], removed: Sequence[str]
    ) -> tuple[dict[str, int], set[str]]:
        """Write the stories; returns their row ids by key and the doc ids whose story
        changed."""
        sql = self._sql
        now = _now()
        ids: dict[str, int] = {}
        moved: set[str] = set()
        if removed:
            connection.execute(sql.delete_stories, {"keys": list(removed)})
        for start in range(0, len(stories), 500):
            chunk = stories[start : start + 500]
            # One upsert for the chunk: new stories are inserted, the others updated (their
            # created_at kept), and both return their ids.
            ids.update(
                connection.execute(
                    sql.upsert_stories,
                    [{**_story_values(s, now), "key": s.key, "created_at": now} for s in chunk],
                ).all()
            )
            for story in chunk:
                # Only the documents not yet in the story are written: a growing
                # story would otherwise rewrite all its members on every addition.
                for part in range(0, len(story.doc_ids), 500):
                    moved.update(
                        connection.scalars(
                            sql.join_story,
                            {
                                "doc_ids": list(story.doc_ids[part : part + 500]),
                                "story_row": ids[story.key],
                            },
                        ).all()
                    )
        return ids, moved

    def stories(
        self, limit: int | None = None
    ) -> list[tuple[str, str | None, list[str], str | None, str | None, int]]:
        """Stories, newest first: (key, title, languages, first date, last date, documents)."""
        count = (
            select(func.count())
            .where(DocumentRow.story_id == StoryRow.id, DocumentRow.is_current.is_(True))
            .scalar_subquery()
        )
        query = select(StoryRow, count).order_by(StoryRow.last_date.desc(), StoryRow.key)
        if limit:
            query = query.limit(limit)
        with self.session_factory() as session:
            rows = session.execute(query).all()
        return [
            (r.key, r.title, list(r.languages or []), r.first_date, r.last_date, int(n))
            for r, n in rows
        ]

    def story_documents(self, key: str) -> list[Document]:
        with self.session_factory() as session:
            rows = session.scalars(
                self._document_query()
                .join(StoryRow, StoryRow.id == DocumentRow.story_id)
                .where(StoryRow.key == key, DocumentRow.is_current.is_(True))
                .order_by(DocumentRow.published, DocumentRow.doc_id)
            ).all()
            return [_to_document(r) for r in rows]

    def event_reports(
        self, doc_ids: Iterable[str] | None = None, canonical_keys: Iterable[str] | None = None
    ) -> list[EventReport]:
        """Events of current documents as reports for canonical merging: of ``doc_ids``,
        plus the sources of ``canonical_keys``; everything when both are None."""
        with self.engine.connect() as connection:
            return self._event_reports(connection, doc_ids, canonical_keys)

    def _event_reports(
        self,
        connection: Connection,
        doc_ids: Iterable[str] | None = None,
        canonical_keys: Iterable[str] | None = None,
        types: Iterable[str] | None = None,
    ) -> list[EventReport]:
        """As :meth:`event_reports`; with ``types``, the events of ``doc_ids`` only of
        those types."""
        events, documents = EVENTS, DOCUMENTS
        # Columns only: whole rows would drag each document's raw and clean text along.
        query = (
            select(
                events.c.id,
                events.c.document_id,
                events.c.type,
                events.c.date,
                events.c.stage,
                events.c.topics,
                events.c.evidence,
                documents.c.doc_id,
                documents.c.lang,
                documents.c.published,
                STORIES.c.key,
            )
            .join(documents, documents.c.id == events.c.document_id)
            .outerjoin(STORIES, STORIES.c.id == documents.c.story_id)
            .where(documents.c.is_current.is_(True))
            .order_by(documents.c.doc_id, events.c.id)
        )
        conditions = []
        if doc_ids is not None:
            of_documents: ColumnElement[bool] = documents.c.doc_id.in_(sorted(doc_ids))
            if types is not None:
                of_documents &= events.c.type.in_(sorted(types))
            conditions.append(of_documents)
        if canonical_keys is not None:
            conditions.append(
                events.c.id.in_(
                    select(CANONICAL_SOURCES.c.event_id)
                    .join(CANONICAL, CANONICAL.c.id == CANONICAL_SOURCES.c.canonical_id)
                    .where(CANONICAL.c.key.in_(sorted(canonical_keys)))
                )
            )
        if conditions:
            query = query.where(or_(*conditions))
        return self._reports_of_rows(connection, connection.execute(query).all())

    def _reports_of_rows(self, connection: Connection, rows: Sequence[Any]) -> list[EventReport]:
        """Reports from rows of (event id, document id, type, date, stage, topics,
        evidence, doc_id, lang, published, story key)."""
        sql = self._sql
        # The position of each event in its document, counted over all its events
        # (the rows may hold only some of them).
        position: dict[int, int] = {}
        participants: dict[int, list[str]] = {}
        document_ids = sorted({r.document_id for r in rows})
        for start in range(0, len(document_ids), 500):
            counts: dict[int, int] = {}
            # Every event of these versions by id, once per participant (or once, with
            # None, when it has none).
            for event_id, document_id, code in connection.execute(
                sql.event_positions, {"document_ids": document_ids[start : start + 500]}
            ).all():
                if event_id not in position:
                    position[event_id] = counts[document_id] = counts.get(document_id, -1) + 1
                if code is not None:
                    participants.setdefault(event_id, []).append(code)
        return [
            EventReport(
                doc_id=r.doc_id,
                index=position[r.id],
                type=r.type,
                participants=frozenset(participants.get(r.id, ())),
                date=r.date,
                stage=r.stage,
                topics=tuple(r.topics or ()),
                evidence=r.evidence,
                lang=r.lang,
                published=r.published,
                story=r.key,
                event_id=r.id,
            )
            for r in rows
        ]

    def canonical_keys_touching(
        self, doc_ids: Iterable[str], probes: Iterable[tuple[str, str]]
    ) -> set[str]:
        """Canonical events that any version of ``doc_ids`` is a source of, or whose
        (type, year) is one of ``probes`` (the candidates a new report may join)."""
        with self.engine.connect() as connection:
            return {key for key, _, _ in self._canonical_touching(connection, doc_ids, probes)}

    def _canonical_touching(
        self, connection: Connection, doc_ids: Iterable[str], probes: Iterable[tuple[str, str]]
    ) -> set[tuple[str, str, bool]]:
        """(key, type, stale) of the canonical events :meth:`canonical_keys_touching`
        finds; ``stale``: a source is an event of a replaced document version."""
        sql = self._sql
        doc_ids = sorted(doc_ids)
        found: dict[str, tuple[str, bool]] = {}
        for start in range(0, len(doc_ids), 500):
            for key, event_type, current in connection.execute(
                sql.canonical_of_documents, {"doc_ids": doc_ids[start : start + 500]}
            ).all():
                stale = found.get(key, (event_type, False))[1] or not current
                found[key] = (event_type, stale)
        probes = sorted(set(probes))
        for start in range(0, len(probes), 50):
            part = probes[start : start + 50]
            parameters = {f"type_{i}": event_type for i, (event_type, _) in enumerate(part)}
            parameters |= {f"prefix_{i}": f"{year}%" for i, (_, year) in enumerate(part)}
            for key, found_type in connection.execute(
                canonical_of_probes(len(part)), parameters
            ).all():
                found.setdefault(key, (found_type, False))
        return {(key, event_type, stale) for key, (event_type, stale) in found.items()}

    def replace_canonical_events(
        self, removed: Iterable[str], events: Iterable[CanonicalEvent], clear_all: bool = False
    ) -> None:
        """Delete canonical events ``removed`` (or all of them) and write ``events``."""
        with self.engine.begin() as connection:
            if clear_all:
                connection.execute(delete(CANONICAL))
            self._replace_canonical_events(connection, [] if clear_all else removed, events)

    def _replace_canonical_events(
        self,
        connection: Connection,
        removed: Iterable[str],
        events: Iterable[CanonicalEvent],
        story_ids: dict[str, int] | None = None,
    ) -> None:
        """Delete canonical events ``removed`` and write ``events``; ``story_ids``: row ids
        of stories already known by key (the others are looked up)."""
        sql = self._sql
        now = _now()
        gone = sorted(removed)
        for start in range(0, len(gone), 500):
            connection.execute(sql.delete_canonical, {"keys": gone[start : start + 500]})
        events = list(events)
        if not events:
            return
        story_ids = dict(story_ids or {})
        wanted = sorted({ce.story for ce in events if ce.story and ce.story not in story_ids})
        for start in range(0, len(wanted), 500):
            story_ids.update(
                connection.execute(sql.story_ids, {"keys": wanted[start : start + 500]}).all()
            )
        ids: dict[str, int] = dict(
            connection.execute(
                sql.insert_canonical,
                [
                    {
                        "key": ce.key,
                        "story_id": story_ids.get(ce.story) if ce.story else None,
                        "type": ce.type,
                        "date": ce.date,
                        "stage": ce.stage,
                        "topics": list(ce.topics),
                        "first_seen": ce.first_seen,
                        "last_seen": ce.last_seen,
                        "created_at": now,
                        "updated_at": now,
                    }
                    for ce in events
                ],
            ).all()
        )
        participants = [
            {"canonical_id": ids[ce.key], "code": c} for ce in events for c in ce.participants
        ]
        if participants:
            connection.execute(sql.insert_canonical_participants, participants)
        sources = [
            {"canonical_id": ids[ce.key], "event_id": r.event_id}
            for ce in events
            for r in ce.sources
            if r.event_id is not None
        ]
        if sources:
            connection.execute(sql.insert_canonical_sources, sources)

    def canonical_events(self, story: str | None = None) -> list[CanonicalEvent]:
        """Canonical events with their sources, by date (undated last) then key."""
        query = select(CanonicalEventRow.key).order_by(
            CanonicalEventRow.date.is_(None), CanonicalEventRow.date, CanonicalEventRow.key
        )
        if story is not None:
            query = query.join(StoryRow).where(StoryRow.key == story)
        with self.session_factory() as session:
            keys = list(session.scalars(query).all())
            rows = {
                r.key: r
                for r in session.scalars(
                    select(CanonicalEventRow)
                    .where(CanonicalEventRow.key.in_(keys))
                    .options(
                        selectinload(CanonicalEventRow.participants),
                        selectinload(CanonicalEventRow.story),
                    )
                ).all()
            }
        reports: dict[str, list[EventReport]] = {}
        by_event = {r.event_id: r for r in self.event_reports(canonical_keys=keys)}
        with self.session_factory() as session:
            for key, event_id in session.execute(
                select(CanonicalEventRow.key, CanonicalEventSourceRow.event_id)
                .join(CanonicalEventSourceRow)
                .where(CanonicalEventRow.key.in_(keys))
            ).all():
                if event_id in by_event:
                    reports.setdefault(key, []).append(by_event[event_id])
        out = []
        for key in keys:
            row = rows[key]
            out.append(
                CanonicalEvent(
                    key=row.key,
                    type=row.type,
                    participants=[p.code for p in row.participants],
                    date=row.date,
                    stage=row.stage,
                    topics=list(row.topics or []),
                    story=row.story.key if row.story else None,
                    first_seen=row.first_seen,
                    last_seen=row.last_seen,
                    sources=sorted(
                        reports.get(key, []), key=lambda r: (r.published or "", r.doc_id, r.index)
                    ),
                )
            )
        return out

    def clear_stories(self) -> None:
        """Forget every story and canonical event (before a rebuild)."""
        with self.session_factory() as session, session.begin():
            session.execute(delete(CanonicalEventRow))
            session.execute(update(DocumentRow).values(story_id=None))
            session.execute(delete(StoryRow))


def _story_values(story: StoryState, now: datetime) -> dict[str, Any]:
    return {
        "title": story.title,
        "languages": list(story.languages),
        "first_date": story.first_date,
        "last_date": story.last_date,
        "updated_at": now,
    }


def _json_safe(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def _to_document(row: DocumentRow) -> Document:
    doc = Document(
        doc_id=row.doc_id,
        source=row.source.locator,
        source_kind=row.source_kind,
        raw=row.raw,
        raw_format=row.raw_format,  # type: ignore[arg-type]
        content_hash=row.content_hash,
        locator=row.locator,
        url=row.url,
        title=row.title,
        text=row.text,
        lang=row.lang,
        published=row.published,
        notes=dict(row.notes or {}),
        story=row.story.key if row.story is not None else None,
    )
    doc.notes["version"] = row.version
    listed = doc.notes.pop("entities", None)
    entities: dict[str, Entity] = {}
    for m in row.mentions:
        doc.mentions.append(Mention(m.start, m.end, m.surface, m.entity.key, m.type, m.code))
        entity = entities.get(m.entity.key)
        if entity is None:
            entity = entities[m.entity.key] = Entity(
                id=m.entity.key,
                name=m.entity.name,
                type=m.entity.type,
                country=m.entity.country,
                discovered=m.entity.discovered,
            )
        if m.surface != entity.name and m.surface not in entity.aliases:
            entity.aliases.append(m.surface)
    if listed is None:
        doc.entities = [e for e in entities.values() if e.type != "country"]
    else:
        doc.entities = [entities[i] for i in listed if i in entities]
    doc.events = [_to_event(e) for e in row.events]
    return doc


def _to_event(row: EventRow) -> Event:
    return Event(
        type=row.type,
        participants=[p.code for p in row.participants],
        date=row.date,
        stage=row.stage,
        topics=list(row.topics or []),
        evidence=row.evidence,
        evidence_start=row.evidence_start,
        evidence_end=row.evidence_end,
        confidence=row.confidence,
    )
