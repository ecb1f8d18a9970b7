"""The read side of the store: the queries behind the HTTP API and the dashboard.

Everything here reads current document versions only. Lists are paged by keyset cursors
(an opaque token naming the last row seen), so a page costs the same at row 50 and at
row 500,000, and rows inserted meanwhile never shift a page.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, String, and_, cast, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from ..errors import SpacediploError
from .aggregates import ALL_YEARS
from .schema import (
    ActorCountRow,
    CanonicalEventRow,
    CanonicalEventSourceRow,
    DocumentRow,
    EntityRow,
    EventCountRow,
    EventParticipantRow,
    EventRow,
    MentionRow,
    PairCountRow,
    StoryRow,
)
from .search import SearchBackend, search_backend
from .store import Store

__all__ = [
    "ActorProfile",
    "BadQuery",
    "EventFilter",
    "EventItem",
    "NetworkEdge",
    "Page",
    "ReadModel",
]

MAX_PAGE = 500
#: Cost of walking one event (correlated tests) against collecting one, and the page size
#: the planner assumes; see ReadModel._collect_is_cheaper.
WALK_COST = 4
PAGE_ESTIMATE = 51
_CODE = re.compile(r"^[A-Z]{2,8}$")


class BadQuery(SpacediploError):
    """A query parameter that cannot be used (bad cursor, unknown sort...)."""


@dataclass(frozen=True)
class EventFilter:
    """Which events: every field left ``None`` means 'any'."""

    type: str | None = None
    actor: str | None = None
    partner: str | None = None
    stage: str | None = None
    topic: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    lang: str | None = None
    q: str | None = None
    story: int | None = None


@dataclass
class EventItem:
    id: int
    type: str
    participants: list[str]
    date: str | None
    stage: str
    topics: list[str]
    evidence: str
    evidence_start: int | None
    evidence_end: int | None
    document_id: int
    doc_id: str
    title: str | None
    lang: str | None
    published: str | None
    story_id: int | None


@dataclass
class Page:
    items: list[Any]
    next_cursor: str | None


@dataclass
class NetworkEdge:
    source: str
    target: str
    weight: int
    types: dict[str, int]


@dataclass
class ActorProfile:
    id: str
    code: str | None
    name: str
    type: str
    aliases: list[str]
    event_count: int
    by_type: dict[str, int]
    partners: list[tuple[str, int]]
    timeline: list[tuple[str, int]]
    mentions: int
    documents: list[tuple[int, str, str | None, str | None]] = field(default_factory=list)


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps(list(values), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str, arity: int) -> list[Any]:
    try:
        padded = token + "=" * (-len(token) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise BadQuery(f"cursor {token!r} is not one this server issued") from exc
    if not isinstance(values, list) or len(values) != arity:
        raise BadQuery(f"cursor {token!r} is not one this server issued")
    if not isinstance(values[-1], int) or not all(
        v is None or isinstance(v, str) for v in values[:-1]
    ):
        raise BadQuery(f"cursor {token!r} is not one this server issued")
    return values


def _prefix_from(date_from: str) -> ColumnElement[bool]:
    """Events on or after ``date_from``, compared at the event's own precision: a "2020"
    event lies inside a range starting 2020-03-01. The first term is a plain range, so the
    date index serves it; the second keeps coarser dates of the starting year or month."""
    year, month = date_from[:4], date_from[:7]
    return and_(
        EventRow.date >= year,
        or_(EventRow.date >= date_from, EventRow.date == year, EventRow.date == month),
    )


class ReadModel:
    """Queries for the API and the dashboard over one :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.search: SearchBackend = search_backend(store.engine)

    def _session(self) -> Session:
        return self.store.session_factory()

    # -- actors ------------------------------------------------------------------------
    def resolve_actor(self, session: Session, actor: str) -> tuple[str | None, EntityRow | None]:
        """``(code, entity)``: an entity key names that entity (a country's names its code);
        anything else is an actor code."""
        entity = session.scalar(select(EntityRow).where(EntityRow.key == actor))
        if entity is not None:
            return (entity.country if entity.type == "country" else None), entity
        code = actor.strip().upper()
        if not _CODE.match(code):
            raise BadQuery(f"actor {actor!r} is neither an entity id nor an actor code")
        return code, None

    def _actor_condition(self, session: Session, actor: str) -> ColumnElement[bool]:
        code, entity = self.resolve_actor(session, actor)
        if code is not None:
            taking_part = aliased(EventParticipantRow)
            if self._collect_is_cheaper(session, self._events_of(session, code)):
                # Few events: collect them through the (code, event_id) index and sort
                # them; walking all events by date to find a rare actor would be slower.
                return EventRow.id.in_(select(taking_part.event_id).where(taking_part.code == code))
            # Many events: walk events by date and test each, a page fills quickly.
            # Correlated on the event only: the outer query may itself read participants.
            return (
                exists()
                .where(taking_part.event_id == EventRow.id, taking_part.code == code)
                .correlate(EventRow)
            )
        assert entity is not None
        # An organisation or person takes part where the evidence names it.
        return (
            exists()
            .where(
                MentionRow.document_id == EventRow.document_id,
                MentionRow.entity_id == entity.id,
                MentionRow.start >= EventRow.evidence_start,
                MentionRow.end <= EventRow.evidence_end,
            )
            .correlate(EventRow)
        )

    def _pair_condition(
        self, session: Session, actor: str | None, partner: str | None
    ) -> ColumnElement[bool] | None:
        """Events of two actor codes together, collected through the rarer actor's list when
        that is cheaper than walking all events by date (a rare pair would make the walk
        read most of them). ``None``: test each actor on its own."""
        if not actor or not partner:
            return None
        (code_a, _), (code_b, _) = (
            self.resolve_actor(session, actor),
            self.resolve_actor(session, partner),
        )
        if code_a is None or code_b is None or code_a == code_b:
            return None
        low, high = sorted((code_a, code_b))
        together = session.scalar(
            select(func.sum(PairCountRow.n)).where(
                PairCountRow.a == low, PairCountRow.b == high, PairCountRow.year == ALL_YEARS
            )
        )
        totals = {code: self._events_of(session, code) for code in (low, high)}
        rarer, other = sorted((low, high), key=lambda c: totals[c])
        if not self._collect_is_cheaper(session, totals[rarer], int(together or 0)):
            return None
        mine, theirs = aliased(EventParticipantRow), aliased(EventParticipantRow)
        return EventRow.id.in_(
            select(mine.event_id)
            .join(theirs, and_(theirs.event_id == mine.event_id, theirs.code == other))
            .where(mine.code == rarer)
        )

    def _events_of(self, session: Session, code: str) -> int:
        total = session.scalar(
            select(func.sum(ActorCountRow.n)).where(
                ActorCountRow.code == code, ActorCountRow.year == ALL_YEARS
            )
        )
        return int(total or 0)

    def _collect_is_cheaper(
        self, session: Session, collect: int, matching: int | None = None
    ) -> bool:
        """Whether to collect the ``collect`` candidate events of an actor (or pair) and sort
        them, rather than walk all events newest first testing each until a page is full.

        Walking reads about ``page × events / matching`` rows, each with correlated tests,
        measured ~4 times the cost of a collected row (``benchmarks/api.py``, SQLite).
        """
        matching = collect if matching is None else matching
        events = int(
            session.scalar(select(func.sum(EventCountRow.n)).where(EventCountRow.year == ALL_YEARS))
            or 0
        )
        if matching == 0:
            return True
        return collect * matching < WALK_COST * PAGE_ESTIMATE * events

    # -- events ------------------------------------------------------------------------
    def _event_conditions(self, session: Session, flt: EventFilter) -> list[ColumnElement[bool]]:
        """Conditions on ``events`` alone. What concerns the document (current version,
        language, story) is a correlated test on its primary key, not a join: with a join
        SQLite plans from the documents side and reads every current document before the
        first page of events (measured in ``benchmarks/api.py``)."""
        document = [DocumentRow.id == EventRow.document_id, DocumentRow.is_current.is_(True)]
        if flt.lang:
            document.append(DocumentRow.lang == flt.lang)
        if flt.story is not None:
            document.append(DocumentRow.story_id == flt.story)
        conditions: list[ColumnElement[bool]] = [exists().where(*document).correlate(EventRow)]
        if flt.type:
            conditions.append(EventRow.type == flt.type)
        if flt.stage:
            conditions.append(EventRow.stage == flt.stage)
        if flt.topic:
            conditions.append(_json_contains(EventRow.topics, flt.topic))
        pair = self._pair_condition(session, flt.actor, flt.partner)
        if pair is not None:
            conditions.append(pair)
        else:
            for actor in (flt.actor, flt.partner):
                if actor:
                    conditions.append(self._actor_condition(session, actor))
        if flt.date_from:
            conditions.append(_prefix_from(flt.date_from))
        if flt.date_to:
            # "to 2021" takes in all of 2021: "2021-12-31" sorts after every 2021 date.
            last = flt.date_to + {4: "-12-31", 7: "-31"}.get(len(flt.date_to), "")
            conditions.append(EventRow.date <= last)
        if flt.q:
            conditions.append(EventRow.id.in_(self.search.event_ids(flt.q)))
        return conditions

    def events(
        self, flt: EventFilter, sort: str = "-date", cursor: str | None = None, limit: int = 50
    ) -> Page:
        if sort not in ("date", "-date"):
            raise BadQuery(f"sort {sort!r}: use 'date' or '-date'")
        limit = max(1, min(limit, MAX_PAGE))
        descending = sort == "-date"
        with self._session() as session:
            # Two steps: the page's event ids from ``events`` alone, then their rows.
            query = select(EventRow.id).where(*self._event_conditions(session, flt))
            if cursor:
                last_date, last_id = decode_cursor(cursor, 2)
                query = query.where(_after(last_date, last_id, descending))
            query = query.order_by(*_event_order(descending, self.store.dialect)).limit(limit + 1)
            ids = [int(i) for i in session.scalars(query)]
            rows = (
                {
                    ev.id: (ev, doc)
                    for ev, doc in session.execute(
                        select(EventRow, DocumentRow)
                        .join(DocumentRow, DocumentRow.id == EventRow.document_id)
                        .where(EventRow.id.in_(ids))
                    )
                }
                if ids
                else {}
            )
            codes = self._participants(session, ids)
            items = [_event_item(*rows[i], codes.get(i, [])) for i in ids]
        next_cursor = None
        if len(items) > limit:
            items = items[:limit]
            next_cursor = encode_cursor([items[-1].date, items[-1].id])
        return Page(items, next_cursor)

    def _participants(self, session: Session, event_ids: list[int]) -> dict[int, list[str]]:
        """Participants of a page of events, in one query instead of one per event."""
        codes: dict[int, list[str]] = defaultdict(list)
        if event_ids:
            for event_id, code in session.execute(
                select(EventParticipantRow.event_id, EventParticipantRow.code)
                .where(EventParticipantRow.event_id.in_(event_ids))
                .order_by(EventParticipantRow.event_id, EventParticipantRow.code)
            ):
                codes[int(event_id)].append(str(code))
        return codes

    def event_counts(self, flt: EventFilter, use_counts: bool = True) -> dict[str, int]:
        """Counts of the filtered events by type."""
        with self._session() as session:
            years = _whole_years(flt) if use_counts else None
            if years is not None:
                query = select(EventCountRow.type, func.sum(EventCountRow.n)).where(
                    *_count_conditions(EventCountRow, flt, years)
                )
            else:
                query = select(EventRow.type, func.count()).where(
                    *self._event_conditions(session, flt)
                )
            query = query.group_by(query.selected_columns[0])
            return {str(k): int(n) for k, n in session.execute(query) if n}

    def counts_by_year_and_type(
        self, flt: EventFilter, use_counts: bool = True
    ) -> dict[str, dict[str, int]]:
        """Dated events per year and type, for the overview's chart."""
        with self._session() as session:
            years = _whole_years(flt) if use_counts else None
            if years is not None:
                query = (
                    select(EventCountRow.year, EventCountRow.type, func.sum(EventCountRow.n))
                    .where(*_count_conditions(EventCountRow, flt, (years[0] or "0000", years[1])))
                    .group_by(EventCountRow.year, EventCountRow.type)
                )
            else:
                year = func.substr(EventRow.date, 1, 4)
                query = (
                    select(year, EventRow.type, func.count())
                    .where(*self._event_conditions(session, flt), EventRow.date.is_not(None))
                    .group_by(year, EventRow.type)
                )
            out: dict[str, dict[str, int]] = defaultdict(dict)
            for y, t, n in session.execute(query):
                out[str(y)][str(t)] = int(n)
        return dict(sorted(out.items()))

    # -- network -----------------------------------------------------------------------
    def network(
        self, flt: EventFilter, use_counts: bool = True, top: int | None = None
    ) -> tuple[dict[str, int], list[NetworkEdge]]:
        """Actor codes (with their event counts) and the weighted edges between them;
        with ``top``, the running-count path reads only edges between the ``top`` busiest
        actors (the others may be left out either way)."""
        years = _whole_years(flt) if use_counts else None
        if years is not None:
            return self._network_from_counts(flt, years, top)
        a = aliased(EventParticipantRow)
        b = aliased(EventParticipantRow)
        with self._session() as session:
            query = (
                select(a.code, b.code, EventRow.type, func.count())
                .select_from(EventRow)
                .join(a, a.event_id == EventRow.id)
                .join(b, and_(b.event_id == EventRow.id, b.code > a.code))
                .where(*self._event_conditions(session, flt))
                .group_by(a.code, b.code, EventRow.type)
            )
            edges: dict[tuple[str, str], NetworkEdge] = {}
            for src, dst, etype, n in session.execute(query):
                edge = edges.setdefault((src, dst), NetworkEdge(src, dst, 0, {}))
                edge.weight += int(n)
                edge.types[etype] = int(n)
            node_query = (
                select(EventParticipantRow.code, func.count())
                .join(EventRow, EventRow.id == EventParticipantRow.event_id)
                .where(*self._event_conditions(session, flt))
                .group_by(EventParticipantRow.code)
            )
            nodes = {str(code): int(n) for code, n in session.execute(node_query)}
        ranked = sorted(edges.values(), key=lambda e: (-e.weight, e.source, e.target))
        return nodes, ranked

    def _network_from_counts(
        self, flt: EventFilter, years: tuple[str | None, str | None], top: int | None
    ) -> tuple[dict[str, int], list[NetworkEdge]]:
        with self._session() as session:
            nodes = {
                str(code): int(n)
                for code, n in session.execute(
                    select(ActorCountRow.code, func.sum(ActorCountRow.n))
                    .where(*_count_conditions(ActorCountRow, flt, years))
                    .group_by(ActorCountRow.code)
                )
            }
            conditions = _count_conditions(PairCountRow, flt, years)
            if top is not None and len(nodes) > top:
                # Only edges between the busiest actors are drawn: read only those.
                kept = sorted(nodes, key=lambda c: (-nodes[c], c))[:top]
                conditions += [PairCountRow.a.in_(kept), PairCountRow.b.in_(kept)]
            weight: Any = PairCountRow.n
            if years != (None, None):  # several years per (pair, type) to add up
                weight = func.sum(PairCountRow.n)
            pairs = select(PairCountRow.a, PairCountRow.b, PairCountRow.type, weight).where(
                *conditions
            )
            if years != (None, None):
                pairs = pairs.group_by(PairCountRow.a, PairCountRow.b, PairCountRow.type)
            edges: dict[tuple[str, str], NetworkEdge] = {}
            for src, dst, etype, n in session.execute(pairs):
                edge = edges.setdefault((src, dst), NetworkEdge(src, dst, 0, {}))
                edge.weight += int(n)
                edge.types[etype] = int(n)
        ranked = sorted(edges.values(), key=lambda e: (-e.weight, e.source, e.target))
        return nodes, ranked

    # -- actors ------------------------------------------------------------------------
    def actor(self, actor: str, name_of: Callable[[str], str] = str) -> ActorProfile | None:
        """Profile of an actor code or an entity; ``None`` when nothing is known of it."""
        with self._session() as session:
            code, entity = self.resolve_actor(session, actor)
            if code is not None:
                by_type, partners, timeline = self._actor_counts(session, code)
            else:
                by_type, partners, timeline = self._entity_counts(session, actor)
            entity_ids = self._entity_ids_for(session, code, entity)
            mentions = int(
                session.scalar(
                    select(func.count())
                    .select_from(MentionRow)
                    .join(DocumentRow, DocumentRow.id == MentionRow.document_id)
                    .where(DocumentRow.is_current.is_(True), MentionRow.entity_id.in_(entity_ids))
                )
                or 0
            )
            aliases = sorted(
                {
                    s
                    for (s,) in session.execute(
                        select(MentionRow.surface)
                        .where(MentionRow.entity_id.in_(entity_ids))
                        .distinct()
                        .limit(50)
                    )
                }
            )
            documents = [
                (int(i), str(d), t, p)
                for i, d, t, p in session.execute(
                    select(
                        DocumentRow.id, DocumentRow.doc_id, DocumentRow.title, DocumentRow.published
                    )
                    .where(
                        DocumentRow.is_current.is_(True),
                        DocumentRow.id.in_(
                            select(MentionRow.document_id).where(
                                MentionRow.entity_id.in_(entity_ids)
                            )
                        ),
                    )
                    .order_by(DocumentRow.published.desc(), DocumentRow.id.desc())
                    .limit(50)
                )
            ]
        total = sum(by_type.values())
        if entity is None and total == 0 and mentions == 0:
            return None
        if entity is not None and entity.type != "country":
            name, kind, ident = entity.name, entity.type, entity.key
        else:
            ident = code or actor
            name = name_of(ident)
            kind = "country" if entity is not None or len(ident) == 3 else "igo"
        return ActorProfile(
            id=ident,
            code=code if entity is None or entity.type == "country" else entity.country,
            name=name,
            type=kind,
            aliases=aliases,
            event_count=total,
            by_type=dict(sorted(by_type.items(), key=lambda kv: -kv[1])),
            partners=partners.most_common(30),
            timeline=timeline,
            mentions=mentions,
            documents=documents,
        )

    def _actor_counts(
        self, session: Session, code: str
    ) -> tuple[dict[str, int], Counter[str], list[tuple[str, int]]]:
        """Events by type, partners and events per year of an actor code, from the running
        counts (storage/aggregates.py): sums over small tables, whatever the store's size."""
        by_type: dict[str, int] = {}
        timeline: Counter[str] = Counter()
        for year, etype, n in session.execute(
            select(ActorCountRow.year, ActorCountRow.type, ActorCountRow.n).where(
                ActorCountRow.code == code
            )
        ):
            if year == ALL_YEARS:
                by_type[etype] = int(n)
            elif year:
                timeline[year] += int(n)
        partners: Counter[str] = Counter()
        for mine, other in ((PairCountRow.a, PairCountRow.b), (PairCountRow.b, PairCountRow.a)):
            for partner, n in session.execute(
                select(other, func.sum(PairCountRow.n))
                .where(mine == code, PairCountRow.year == ALL_YEARS)
                .group_by(other)
            ):
                partners[str(partner)] += int(n)
        return by_type, partners, sorted(timeline.items())

    def _entity_counts(
        self, session: Session, actor: str
    ) -> tuple[dict[str, int], Counter[str], list[tuple[str, int]]]:
        """The same for an organisation or person: events whose evidence names it."""
        event_ids = select(EventRow.id).where(
            *self._event_conditions(session, EventFilter()), self._actor_condition(session, actor)
        )
        by_type = {
            str(t): int(n)
            for t, n in session.execute(
                select(EventRow.type, func.count())
                .where(EventRow.id.in_(event_ids))
                .group_by(EventRow.type)
            )
        }
        partners: Counter[str] = Counter()
        for partner, n in session.execute(
            select(EventParticipantRow.code, func.count())
            .where(EventParticipantRow.event_id.in_(event_ids))
            .group_by(EventParticipantRow.code)
        ):
            partners[str(partner)] = int(n)
        year = func.substr(EventRow.date, 1, 4)
        timeline = [
            (str(y), int(n))
            for y, n in session.execute(
                select(year, func.count())
                .where(EventRow.id.in_(event_ids), EventRow.date.is_not(None))
                .group_by(year)
                .order_by(year)
            )
        ]
        return by_type, partners, timeline

    def _entity_ids_for(
        self, session: Session, code: str | None, entity: EntityRow | None
    ) -> list[int]:
        if entity is not None:
            return [entity.id]
        return list(
            session.scalars(
                select(EntityRow.id).where(EntityRow.type == "country", EntityRow.country == code)
            )
        )

    # -- stories -----------------------------------------------------------------------
    def stories(self, cursor: str | None = None, limit: int = 20, lang: str | None = None) -> Page:
        limit = max(1, min(limit, MAX_PAGE))
        with self._session() as session:
            query = select(StoryRow)
            if lang:
                query = query.where(
                    StoryRow.id.in_(
                        select(DocumentRow.story_id).where(
                            DocumentRow.is_current.is_(True), DocumentRow.lang == lang
                        )
                    )
                )
            if cursor:
                last_date, last_id = decode_cursor(cursor, 2)
                query = query.where(_story_after(last_date, last_id))
            last_date_order = StoryRow.last_date.desc()
            if self.store.dialect == "postgresql":
                last_date_order = last_date_order.nulls_last()
            query = query.order_by(last_date_order, StoryRow.id.desc()).limit(limit + 1)
            stories = list(session.scalars(query))
            items = [self._story_summary(session, s) for s in stories[:limit]]
        next_cursor = None
        if len(stories) > limit:
            last = stories[limit - 1]
            next_cursor = encode_cursor([last.last_date, last.id])
        return Page(items, next_cursor)

    def _story_summary(self, session: Session, story: StoryRow) -> dict[str, Any]:
        docs = session.execute(
            select(DocumentRow.id, DocumentRow.lang).where(
                DocumentRow.story_id == story.id, DocumentRow.is_current.is_(True)
            )
        ).all()
        doc_ids = [d for d, _ in docs]
        events = int(
            session.scalar(
                select(func.count()).select_from(EventRow).where(EventRow.document_id.in_(doc_ids))
            )
            or 0
        )
        return {
            "id": story.id,
            "title": story.title,
            "languages": sorted({lang for _, lang in docs if lang}) or list(story.languages or []),
            "first_date": story.first_date,
            "last_date": story.last_date,
            "documents": len(doc_ids),
            "events": events,
        }

    def story(self, story_id: int) -> dict[str, Any] | None:
        with self._session() as session:
            story = session.get(StoryRow, story_id)
            if story is None:
                return None
            summary = self._story_summary(session, story)
            docs = session.scalars(
                select(DocumentRow)
                .where(DocumentRow.story_id == story_id, DocumentRow.is_current.is_(True))
                .order_by(DocumentRow.published, DocumentRow.id)
            ).all()
            summary["articles"] = [self._document_payload(session, d) for d in docs]
            summary["canonical_events"] = self._canonical_events(session, story_id)
        return summary

    def _canonical_events(self, session: Session, story_id: int) -> list[dict[str, Any]]:
        rows = session.scalars(
            select(CanonicalEventRow)
            .where(CanonicalEventRow.story_id == story_id)
            .order_by(CanonicalEventRow.date, CanonicalEventRow.id)
        ).all()
        out = []
        for row in rows:
            sources = session.execute(
                select(DocumentRow.doc_id, DocumentRow.id, DocumentRow.lang, EventRow.evidence)
                .select_from(CanonicalEventSourceRow)
                .join(EventRow, EventRow.id == CanonicalEventSourceRow.event_id)
                .join(DocumentRow, DocumentRow.id == EventRow.document_id)
                .where(
                    CanonicalEventSourceRow.canonical_id == row.id,
                    DocumentRow.is_current.is_(True),
                )
                .order_by(DocumentRow.published, DocumentRow.id)
            ).all()
            out.append(
                {
                    "id": row.id,
                    "type": row.type,
                    "participants": [p.code for p in row.participants],
                    "date": row.date,
                    "stage": row.stage,
                    "sources": [
                        {"doc_id": d, "document_id": i, "lang": lang, "evidence": ev}
                        for d, i, lang, ev in sources
                    ],
                }
            )
        return out

    # -- documents ---------------------------------------------------------------------
    def document(self, document_id: int) -> dict[str, Any] | None:
        """A stored document version by its row id, with mention and evidence spans."""
        with self._session() as session:
            row = session.get(DocumentRow, document_id)
            return None if row is None else self._document_payload(session, row)

    def document_by_doc_id(self, doc_id: str) -> dict[str, Any] | None:
        with self._session() as session:
            row = session.scalar(
                select(DocumentRow).where(
                    DocumentRow.doc_id == doc_id, DocumentRow.is_current.is_(True)
                )
            )
            return None if row is None else self._document_payload(session, row)

    def _document_payload(self, session: Session, row: DocumentRow) -> dict[str, Any]:
        mentions = session.execute(
            select(MentionRow, EntityRow.key, EntityRow.name)
            .join(EntityRow, EntityRow.id == MentionRow.entity_id)
            .where(MentionRow.document_id == row.id)
            .order_by(MentionRow.start)
        ).all()
        return {
            "id": row.id,
            "doc_id": row.doc_id,
            "version": row.version,
            "is_current": row.is_current,
            "title": row.title,
            "url": row.url,
            "lang": row.lang,
            "published": row.published,
            "story_id": row.story_id,
            "text": row.text,
            "mentions": [
                {
                    "start": m.start,
                    "end": m.end,
                    "surface": m.surface,
                    "type": m.type,
                    "code": m.code,
                    "entity": key,
                    "name": name,
                }
                for m, key, name in mentions
            ],
            "events": [
                {
                    "id": ev.id,
                    "type": ev.type,
                    "participants": [p.code for p in ev.participants],
                    "date": ev.date,
                    "stage": ev.stage,
                    "topics": list(ev.topics or []),
                    "evidence": ev.evidence,
                    "start": ev.evidence_start,
                    "end": ev.evidence_end,
                }
                for ev in row.events
            ],
        }

    # -- overview ----------------------------------------------------------------------
    def totals(self) -> dict[str, int]:
        with self._session() as session:
            current = DocumentRow.is_current.is_(True)
            documents = session.scalar(select(func.count()).select_from(DocumentRow).where(current))
            events = session.scalar(
                select(func.count())
                .select_from(EventRow)
                .join(DocumentRow, DocumentRow.id == EventRow.document_id)
                .where(current)
            )
            stories = session.scalar(select(func.count()).select_from(StoryRow))
        return {
            "documents": int(documents or 0),
            "events": int(events or 0),
            "stories": int(stories or 0),
        }

    def country_intensity(self, flt: EventFilter, use_counts: bool = True) -> dict[str, int]:
        """Events per participating actor code (the map colours states by it)."""
        years = _whole_years(flt) if use_counts else None
        with self._session() as session:
            if years is not None:
                query = (
                    select(ActorCountRow.code, func.sum(ActorCountRow.n))
                    .where(*_count_conditions(ActorCountRow, flt, years))
                    .group_by(ActorCountRow.code)
                )
            else:
                query = (
                    select(EventParticipantRow.code, func.count())
                    .join(EventRow, EventRow.id == EventParticipantRow.event_id)
                    .where(*self._event_conditions(session, flt))
                    .group_by(EventParticipantRow.code)
                )
            return {str(c): int(n) for c, n in session.execute(query) if n}


def _whole_years(flt: EventFilter) -> tuple[str | None, str | None] | None:
    """``(first year, last year)`` when the running counts can answer ``flt``: only a type
    and whole years are asked for (``from=2019``, ``to=2021`` or ``to=2021-12-31``)."""
    if any((flt.actor, flt.partner, flt.stage, flt.topic, flt.lang, flt.q, flt.story)):
        return None
    if flt.date_from is not None and len(flt.date_from) != 4:
        return None
    last = flt.date_to
    if last is not None and not (len(last) == 4 or last[4:] == "-12-31"):
        return None
    return flt.date_from, (last[:4] if last else None)


def _count_conditions(
    table: Any, flt: EventFilter, years: tuple[str | None, str | None]
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if flt.type:
        conditions.append(table.type == flt.type)
    first, last = years
    if first is None and last is None:
        conditions.append(table.year == ALL_YEARS)  # every event, dated or not, once
        return conditions
    # Years are four digits: '' (undated) and ALL_YEARS sort below "0000".
    conditions.append(table.year >= (first or "0000"))
    if last is not None:
        conditions.append(table.year <= last)
    return conditions


def _json_contains(column: Any, value: str) -> ColumnElement[bool]:
    # Topics are a JSON list of plain words; a quoted match on the text is exact.
    return cast(column, String).like(f'%"{value}"%')


def _event_order(descending: bool, dialect: str) -> list[Any]:
    if descending:
        date = EventRow.date.desc()
        if dialect == "postgresql":
            date = date.nulls_last()  # SQLite already sorts NULL last when descending
        return [date, EventRow.id.desc()]
    date = EventRow.date.asc()
    if dialect == "postgresql":
        date = date.nulls_first()  # as SQLite does when ascending
    return [date, EventRow.id.asc()]


def _after(last_date: str | None, last_id: int, descending: bool) -> ColumnElement[bool]:
    """Rows after the cursor in (date, id) order; undated rows come last (newest first) or
    first (oldest first)."""
    if descending:
        if last_date is None:
            return and_(EventRow.date.is_(None), EventRow.id < last_id)
        return or_(
            EventRow.date < last_date,
            and_(EventRow.date == last_date, EventRow.id < last_id),
            EventRow.date.is_(None),
        )
    if last_date is None:
        return or_(and_(EventRow.date.is_(None), EventRow.id > last_id), EventRow.date.is_not(None))
    return or_(EventRow.date > last_date, and_(EventRow.date == last_date, EventRow.id > last_id))


def _story_after(last_date: str | None, last_id: int) -> ColumnElement[bool]:
    if last_date is None:
        return and_(StoryRow.last_date.is_(None), StoryRow.id < last_id)
    return or_(
        StoryRow.last_date < last_date,
        and_(StoryRow.last_date == last_date, StoryRow.id < last_id),
        StoryRow.last_date.is_(None),
    )


def _event_item(ev: EventRow, doc: DocumentRow, participants: list[str]) -> EventItem:
    return EventItem(
        id=ev.id,
        type=ev.type,
        participants=participants,
        date=ev.date,
        stage=ev.stage,
        topics=list(ev.topics or []),
        evidence=ev.evidence,
        evidence_start=ev.evidence_start,
        evidence_end=ev.evidence_end,
        document_id=doc.id,
        doc_id=doc.doc_id,
        title=doc.title,
        lang=doc.lang,
        published=doc.published,
        story_id=doc.story_id,
    )
