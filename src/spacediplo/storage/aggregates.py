"""Running counts of current events per year and type, per actor, and per pair of actors.

The dashboard's busiest questions — an actor's profile, the cooperation network of a
period, the map, the overview chart — are sums over these small tables instead of scans
of every event (at a million events the scans took seconds; see ``benchmarks/api.py``).
They count the events of *current* document versions: :meth:`Store.save` adds the new
version's events and subtracts those of the version it replaces, in the same transaction.
:func:`recount` rebuilds them from the events themselves (migration 0004 uses the same
SQL), and the tests check that the running counts always equal a recount.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import combinations

from sqlalchemy import Connection, delete, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from .schema import (
    ActorCountRow,
    Base,
    EventCountRow,
    EventParticipantRow,
    EventRow,
    PairCountRow,
)

__all__ = ["ALL_YEARS", "RECOUNT_SQL", "EventKey", "add_events", "recount", "year_of"]

#: (type, date, participant codes) of one event.
EventKey = tuple[str, str | None, tuple[str, ...]]

#: The year under which every event counts once more, dated or not: questions without a
#: period (the whole network, an actor's totals) read these rows instead of summing years.
ALL_YEARS = "*"

#: Rebuild the three tables from the events of current documents. Undated events count
#: under the year '', and every event again under ALL_YEARS.
RECOUNT_SQL = (
    "DELETE FROM event_counts",
    "DELETE FROM actor_counts",
    "DELETE FROM pair_counts",
    "INSERT INTO event_counts (year, type, n) "
    "SELECT coalesce(substr(e.date, 1, 4), ''), e.type, count(*) FROM events e "
    "JOIN documents d ON d.id = e.document_id WHERE d.is_current "
    "GROUP BY coalesce(substr(e.date, 1, 4), ''), e.type",
    "INSERT INTO actor_counts (code, year, type, n) "
    "SELECT p.code, coalesce(substr(e.date, 1, 4), ''), e.type, count(*) FROM events e "
    "JOIN documents d ON d.id = e.document_id "
    "JOIN event_participants p ON p.event_id = e.id WHERE d.is_current "
    "GROUP BY p.code, coalesce(substr(e.date, 1, 4), ''), e.type",
    "INSERT INTO pair_counts (a, b, year, type, n) "
    "SELECT p.code, q.code, coalesce(substr(e.date, 1, 4), ''), e.type, count(*) FROM events e "
    "JOIN documents d ON d.id = e.document_id "
    "JOIN event_participants p ON p.event_id = e.id "
    "JOIN event_participants q ON q.event_id = e.id AND q.code > p.code WHERE d.is_current "
    "GROUP BY p.code, q.code, coalesce(substr(e.date, 1, 4), ''), e.type",
    "INSERT INTO event_counts (year, type, n) "
    "SELECT '*', type, sum(n) FROM event_counts GROUP BY type",
    "INSERT INTO actor_counts (code, year, type, n) "
    "SELECT code, '*', type, sum(n) FROM actor_counts GROUP BY code, type",
    "INSERT INTO pair_counts (a, b, year, type, n) "
    "SELECT a, b, '*', type, sum(n) FROM pair_counts GROUP BY a, b, type",
)


def year_of(date: str | None) -> str:
    return date[:4] if date else ""


def events_of_document(connection: Connection, document_id: int) -> list[EventKey]:
    """The stored events of one document version, as counting keys."""
    codes: dict[int, list[str]] = {}
    kinds: dict[int, tuple[str, str | None]] = {}
    rows = connection.execute(
        select(EventRow.id, EventRow.type, EventRow.date, EventParticipantRow.code)
        .join(EventParticipantRow, EventParticipantRow.event_id == EventRow.id, isouter=True)
        .where(EventRow.document_id == document_id)
    )
    for event_id, etype, date, code in rows:
        kinds[event_id] = (etype, date)
        if code is not None:
            codes.setdefault(event_id, []).append(code)
    return [(t, d, tuple(sorted(codes.get(i, [])))) for i, (t, d) in kinds.items()]


def add_events(connection: Connection, events: Iterable[EventKey], sign: int) -> None:
    """Add (``sign=1``) or remove (``sign=-1``) events from the running counts."""
    by_year: Counter[tuple[str, str]] = Counter()
    by_actor: Counter[tuple[str, str, str]] = Counter()
    by_pair: Counter[tuple[str, str, str, str]] = Counter()
    for etype, date, codes in events:
        for year in (year_of(date), ALL_YEARS):
            by_year[(year, etype)] += sign
            for code in set(codes):
                by_actor[(code, year, etype)] += sign
            for a, b in combinations(sorted(set(codes)), 2):
                by_pair[(a, b, year, etype)] += sign
    dialect = connection.dialect.name
    _bump(connection, dialect, EventCountRow, ("year", "type"), by_year)
    _bump(connection, dialect, ActorCountRow, ("code", "year", "type"), by_actor)
    _bump(connection, dialect, PairCountRow, ("a", "b", "year", "type"), by_pair)


def _bump(
    connection: Connection,
    dialect: str,
    table: type[EventCountRow] | type[ActorCountRow] | type[PairCountRow],
    keys: tuple[str, ...],
    deltas: Counter[tuple[str, ...]]
    | Counter[tuple[str, str]]
    | Counter[tuple[str, str, str]]
    | Counter[tuple[str, str, str, str]],
) -> None:
    rows = [dict(zip(keys, key, strict=True), n=n) for key, n in deltas.items() if n]
    if not rows:
        return
    # The Core table, not the mapped class: an ORM bulk insert spends more time in its
    # bookkeeping than in SQL for these few rows.
    core = Base.metadata.tables[table.__tablename__]
    insert = pg_insert(core) if dialect == "postgresql" else sqlite_insert(core)
    # One statement of fixed shape run over the rows (executemany): compiled once and
    # cached, where a multi-row VALUES of varying length was compiled on every save.
    statement = insert.on_conflict_do_update(
        index_elements=list(keys), set_={"n": core.c.n + insert.excluded.n}
    )
    connection.execute(statement, rows)
    lowered = {key[0] for key, n in deltas.items() if n < 0}
    if lowered:
        # Counts that fell to zero are removed, so the tables only hold what exists; only
        # rows under the keys just lowered are looked at (the primary key's first column).
        first = core.c[keys[0]]
        connection.execute(delete(core).where(first.in_(sorted(lowered)), core.c.n <= 0))


def recount(connection: Connection) -> None:
    """Rebuild the counts from the events of current documents."""
    for statement in RECOUNT_SQL:
        connection.execute(text(statement))
