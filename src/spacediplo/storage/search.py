"""Full-text search: SQLite FTS5 or PostgreSQL ``tsvector``, behind one small interface.

The indexes are made by migration 0003. A query is the user's words, all required, matched
as words (never as FTS syntax, so quotes or ``OR`` in a query cannot break it). Scripts
written without spaces (Chinese, Japanese, Thai) have no word boundaries for either index;
for them the query is matched as a substring instead, which is slower but finds the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Engine,
    Integer,
    MetaData,
    Select,
    Table,
    Text,
    func,
    literal_column,
    or_,
    select,
)

from .schema import DocumentRow, EventRow

__all__ = ["HIT_END", "HIT_START", "SearchBackend", "SearchHit", "search_backend", "split_hits"]

#: Markers around matched words in snippets; callers split on them and escape the rest.
HIT_START, HIT_END = "\u27e6", "\u27e7"
_WORD = re.compile(r"\w+", re.UNICODE)
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")

#: How many of the latest matching documents are ranked by relevance (SQLite).
RANKED_MATCHES = 2_000

_fts = MetaData()  # the FTS tables are not models: migrations own them
documents_fts = Table(
    "documents_fts", _fts, Column("rowid", Integer), Column("title", Text), Column("text", Text)
)
events_fts = Table("events_fts", _fts, Column("rowid", Integer), Column("evidence", Text))


@dataclass
class SearchHit:
    kind: str  # "document" or "event"
    id: int
    document_id: int
    doc_id: str
    title: str | None
    lang: str | None
    published: str | None
    snippet: str  # with HIT_START / HIT_END around matches
    score: float


def query_words(query: str) -> list[str]:
    return _WORD.findall(query)


def split_hits(snippet: str) -> list[tuple[str, bool]]:
    """``[(text, matched), ...]`` from a snippet with hit markers."""
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(re.split(f"[{HIT_START}{HIT_END}]", snippet)):
        if part:
            out.append((part, i % 2 == 1))
    return out


def _like_snippet(text: str, needle: str, width: int = 80) -> str:
    at = text.lower().find(needle.lower())
    if at < 0:
        return text[: 2 * width]
    start = max(0, at - width)
    end = min(len(text), at + len(needle) + width)
    return (
        ("…" if start else "")
        + text[start:at]
        + HIT_START
        + text[at : at + len(needle)]
        + HIT_END
        + text[at + len(needle) : end]
        + ("…" if end < len(text) else "")
    )


class SearchBackend:
    """Search over current documents and the evidence of their events."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect

    # The condition "this event's evidence matches" as a subquery of event ids.
    def event_ids(self, query: str) -> Select[Any]:
        words = query_words(query)
        if not words:
            return select(EventRow.id).where(literal_column("1") == 0)
        if _UNSPACED.search(query):
            return select(EventRow.id).where(*[EventRow.evidence.contains(w) for w in words])
        if self.dialect == "sqlite":
            return select(events_fts.c.rowid).where(events_fts.c.evidence.match(_fts5_query(words)))
        if self.dialect == "postgresql":
            return select(EventRow.id).where(_pg_match(EventRow.evidence, words))
        return select(EventRow.id).where(*[EventRow.evidence.contains(w) for w in words])

    def _latest_event_ids(self, query: str) -> Select[Any]:
        """The search page's event hits: among the RANKED_MATCHES latest matching events
        on SQLite (as for documents), all of them elsewhere."""
        words = query_words(query)
        if self.dialect != "sqlite" or _UNSPACED.search(query):
            return self.event_ids(query)
        latest = (
            select(events_fts.c.rowid)
            .where(events_fts.c.evidence.match(_fts5_query(words)))
            .order_by(events_fts.c.rowid.desc())
            .limit(RANKED_MATCHES)
            .subquery()
        )
        return select(latest.c.rowid)

    def documents(self, session: Any, query: str, limit: int) -> list[SearchHit]:
        words = query_words(query)
        if not words:
            return []
        current = DocumentRow.is_current.is_(True)
        columns = (
            DocumentRow.id,
            DocumentRow.doc_id,
            DocumentRow.title,
            DocumentRow.lang,
            DocumentRow.published,
        )
        if _UNSPACED.search(query) or self.dialect not in ("sqlite", "postgresql"):
            rows = session.execute(
                select(*columns, DocumentRow.text)
                .where(current, *[_contains_either(w) for w in words])
                .order_by(DocumentRow.published.desc(), DocumentRow.id.desc())
                .limit(limit)
            ).all()
            return [
                SearchHit(
                    "document",
                    r[0],
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    _like_snippet(r[5], words[0]),
                    1.0,
                )
                for r in rows
            ]
        if self.dialect == "sqlite":
            rank: Any = literal_column("bm25(documents_fts, 4.0, 1.0)")
            snippet = func.snippet(literal_column("documents_fts"), -1, HIT_START, HIT_END, "…", 24)
            fts_query = _fts5_query(words)
            # Ranking reads every match; for a word found in tens of thousands of articles
            # that took ~200 ms at a million events. Rank the RANKED_MATCHES latest matches
            # (rowids grow with ingestion) instead: news readers want recent articles, and
            # FTS5 reads matches newest-first cheaply (benchmarks/api.py).
            newest = (
                select(documents_fts.c.rowid)
                .where(literal_column("documents_fts").match(fts_query))
                .order_by(documents_fts.c.rowid.desc())
                .limit(RANKED_MATCHES)
                .subquery()
            )
            oldest_ranked = select(func.min(newest.c.rowid)).scalar_subquery()
            rows = session.execute(
                select(*columns, snippet, rank)
                .select_from(documents_fts)
                .join(DocumentRow, DocumentRow.id == documents_fts.c.rowid)
                .where(
                    literal_column("documents_fts").match(fts_query),
                    documents_fts.c.rowid >= oldest_ranked,
                    current,
                )
                .order_by(rank)
                .limit(limit)
            ).all()
            # bm25 is lower-is-better; report higher-is-better.
            return [
                SearchHit("document", r[0], r[0], r[1], r[2], r[3], r[4], r[5], -r[6]) for r in rows
            ]
        document = func.coalesce(DocumentRow.title, "") + " " + DocumentRow.text
        tsquery = func.to_tsquery("simple", _pg_query(words))
        pg_rank: Any = func.ts_rank(func.to_tsvector("simple", document), tsquery)
        headline = func.ts_headline(
            "simple",
            DocumentRow.text,
            tsquery,
            f"StartSel={HIT_START}, StopSel={HIT_END}, MaxFragments=2, MaxWords=24, MinWords=8",
        )
        rows = session.execute(
            select(*columns, headline, pg_rank)
            .where(_pg_match(document, words), current)
            .order_by(pg_rank.desc(), DocumentRow.id.desc())
            .limit(limit)
        ).all()
        return [
            SearchHit("document", r[0], r[0], r[1], r[2], r[3], r[4], r[5], float(r[6]))
            for r in rows
        ]

    def events(self, session: Any, query: str, limit: int) -> list[SearchHit]:
        if not query_words(query):
            return []
        rows = session.execute(
            select(
                EventRow.id,
                DocumentRow.id,
                DocumentRow.doc_id,
                DocumentRow.title,
                DocumentRow.lang,
                DocumentRow.published,
                EventRow.evidence,
            )
            .join(DocumentRow, DocumentRow.id == EventRow.document_id)
            .where(EventRow.id.in_(self._latest_event_ids(query)), DocumentRow.is_current.is_(True))
            .order_by(EventRow.date.desc(), EventRow.id.desc())
            .limit(limit)
        ).all()
        words = query_words(query)
        return [
            SearchHit("event", r[0], r[1], r[2], r[3], r[4], r[5], _mark_words(r[6], words), 1.0)
            for r in rows
        ]


def _contains_either(word: str) -> ColumnElement[bool]:
    return or_(DocumentRow.title.contains(word), DocumentRow.text.contains(word))


def _mark_words(text: str, words: list[str]) -> str:
    if _UNSPACED.search("".join(words)):
        pattern = "|".join(re.escape(w) for w in words)
    else:
        pattern = r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*"
    return re.sub(pattern, lambda m: HIT_START + m.group(0) + HIT_END, text, flags=re.IGNORECASE)


def _fts5_query(words: list[str]) -> str:
    # Each word a quoted string, the last one also as a prefix: "moon" "stat"*.
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _pg_query(words: list[str]) -> str:
    terms = [re.sub(r"[^\w]", "", w) for w in words]
    terms = [t for t in terms if t]
    return " & ".join([*terms[:-1], terms[-1] + ":*"]) if terms else ""


def _pg_match(document: Any, words: list[str]) -> ColumnElement[bool]:
    tsquery = func.to_tsquery("simple", _pg_query(words))
    return func.to_tsvector("simple", document).op("@@")(tsquery)  # type: ignore[no-any-return]


def search_backend(engine: Engine) -> SearchBackend:
    return SearchBackend(engine.dialect.name)
