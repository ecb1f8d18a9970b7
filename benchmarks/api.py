"""API latency on a large synthetic store: p50 / p95 per endpoint, SQLite by default.

Builds (once, then reuses) a database of ``--events`` events (default 1,000,000) over
``--events / 4`` documents and ``--events / 10`` stories, with a realistic skew: a few
actors (USA, RUS, CHN, ESA, FRA, JPN, IND…) take part in most events, the rest follow a
Zipf tail over ~150 codes; types follow the mix of our own annotated corpus; activity grows
over the decades since 1957; evidence sentences are built from templates in five languages,
so full-text search has real words to find. Rows are written with plain SQL in bulk through
the schema the migrations create (FTS triggers included), then the API is called in-process
(FastAPI TestClient: routing, validation and serialisation are counted, the network is not).

Usage: python benchmarks/api.py [--events N] [--db PATH] [--requests R]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import peak_rss_mb
from fastapi.testclient import TestClient

from spacediplo.api import create_app
from spacediplo.model import EVENT_TYPES, TOPICS
from spacediplo.settings import Settings
from spacediplo.storage import Store

TOP_ACTORS = ["USA", "RUS", "CHN", "ESA", "FRA", "JPN", "IND", "DEU", "ITA", "GBR", "CAN", "UN",
              "KAZ", "ARE", "BRA", "KOR", "ISR", "SAU", "EU", "AUS"]  # fmt: skip
#: Share of each type, as in our own annotated corpus (roughly).
TYPE_WEIGHTS = dict(zip(EVENT_TYPES, (20, 8, 6, 15, 18, 20, 3, 5, 5), strict=True))
LANGS = {"en": 50, "fr": 12, "ru": 15, "es": 8, "de": 6, "zh": 5, "ar": 4}
TEMPLATES = {
    "en": "{a} and {b} {verb} on {topic} cooperation in {city}, officials said.",
    "fr": "{a} et {b} ont {verb} un accord sur {topic} à {city}, selon les responsables.",
    "ru": "{a} и {b} {verb} соглашение о сотрудничестве: {topic}, {city}.",
    "es": "{a} y {b} {verb} un acuerdo sobre {topic} en {city}.",
    "de": "{a} und {b} {verb} ein Abkommen über {topic} in {city}.",
    "zh": "{a}和{b}在{city}就{topic}合作{verb}。",
    "ar": "{a} و {b} {verb} اتفاقية حول {topic} في {city}.",
}
VERBS = {"en": ["signed", "agreed", "met", "launched", "discussed"],
         "fr": ["signé", "conclu", "négocié"], "ru": ["подписали", "обсудили", "заключили"],
         "es": ["firmaron", "negociaron"], "de": ["unterzeichneten", "verhandelten"],
         "zh": ["签署协议", "举行会谈"], "ar": ["وقعت", "ناقشت"]}  # fmt: skip
CITIES = ["Paris", "Moscow", "Beijing", "Vienna", "Washington", "Tokyo", "Bengaluru", "Geneva",
          "Baikonur", "Kourou", "Rome", "Berlin", "Madrid", "Riyadh", "Brasília"]  # fmt: skip


def actor_pool(rng: random.Random) -> tuple[list[str], list[float]]:
    import pycountry

    tail = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in TOP_ACTORS]
    rng.shuffle(tail)
    codes = TOP_ACTORS + tail[:130]
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(len(codes))]
    return codes, weights


def random_date(rng: random.Random) -> str | None:
    if rng.random() < 0.08:
        return None
    # Activity grows over time: more events in recent years.
    year = int(1957 + (2026 - 1957) * rng.random() ** 0.45)
    precision = rng.random()
    if precision < 0.15:
        return f"{year}"
    month = rng.randint(1, 12)
    if precision < 0.4:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


def build(db: Path, n_events: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    Store.open(str(db)).close()  # schema, indexes and FTS triggers from the migrations
    codes, weights = actor_pool(rng)
    types, type_w = list(TYPE_WEIGHTS), list(TYPE_WEIGHTS.values())
    langs, lang_w = list(LANGS), list(LANGS.values())
    n_docs, n_stories = max(n_events // 4, 1), max(n_events // 10, 1)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    now = "2026-11-23 00:00:00"
    conn.execute(
        "INSERT INTO sources (id, locator, kind, first_seen, last_seen) VALUES (1, ?, ?, ?, ?)",
        ("synthetic", "folder", now, now),
    )
    started = time.perf_counter()
    conn.executemany(
        "INSERT INTO stories (id, key, title, languages, first_date, last_date, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (i, f"s{i}", f"Story {i}", json.dumps(["en"]), d, d, now, now)
            for i in range(1, n_stories + 1)
            for d in [random_date(rng) or "2020-01-01"]
        ),
    )
    event_id = 0
    docs, events, participants = [], [], []
    for doc in range(1, n_docs + 1):
        lang = rng.choices(langs, lang_w)[0]
        sentences = []
        offset = 0
        doc_events = []
        for _ in range(4):
            event_id += 1
            chosen: set[str] = set()
            size = rng.choice((2, 2, 2, 3))
            while len(chosen) < size:
                chosen.add(rng.choices(codes, weights)[0])
            parties = sorted(chosen)
            topic = rng.choice(TOPICS)
            sentence = TEMPLATES[lang].format(
                a=parties[0], b=parties[1], verb=rng.choice(VERBS[lang]), topic=topic,
                city=rng.choice(CITIES),
            )  # fmt: skip
            etype = rng.choices(types, type_w)[0]
            stage = rng.choices(("done", "planned", "ongoing"), (70, 22, 8))[0]
            doc_events.append((event_id, doc, etype, random_date(rng), stage,
                               json.dumps([topic]), sentence, offset,
                               offset + len(sentence), 1.0))  # fmt: skip
            participants += [(event_id, code) for code in parties]
            sentences.append(sentence)
            offset += len(sentence) + 1
        text = "\n".join(sentences)
        published = max((e[3] for e in doc_events if e[3] and len(e[3]) == 10), default=None)
        docs.append((doc, f"doc-{doc}", 1, 1, 1, "folder", f"doc-{doc}", None,
                     f"Report {doc}: {sentences[0][:60]}", lang, published, f"h{doc}", "text",
                     text, text, "{}", now, rng.randint(1, n_stories)))  # fmt: skip
        events += doc_events
        if len(docs) >= 20_000:
            _flush(conn, docs, events, participants)
            print(f"  {event_id:,} events written ({time.perf_counter() - started:.0f} s)")
    _flush(conn, docs, events, participants)
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()
    print(f"built {db} in {time.perf_counter() - started:.0f} s: {event_id:,} events, "
          f"{n_docs:,} documents, {n_stories:,} stories")  # fmt: skip


def _flush(conn: sqlite3.Connection, docs: list[Any], events: list[Any], parts: list[Any]) -> None:
    conn.executemany(
        "INSERT INTO documents (id, doc_id, version, is_current, source_id, source_kind, "
        "locator, url, title, lang, published, content_hash, raw_format, raw, text, notes, "
        "ingested_at, story_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        docs,
    )
    conn.executemany(
        "INSERT INTO events (id, document_id, type, date, stage, topics, evidence, "
        "evidence_start, evidence_end, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        events,
    )
    conn.executemany("INSERT INTO event_participants (event_id, code) VALUES (?, ?)", parts)
    conn.commit()
    docs.clear()
    events.clear()
    parts.clear()


def measure(client: TestClient, make_url: Callable[[int], str], n: int) -> tuple[float, float]:
    timings = []
    for i in range(n):
        url = make_url(i)
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code} {response.text[:200]}")
    timings.sort()
    return statistics.median(timings), timings[max(0, math.ceil(0.95 * n) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()
    db = args.db or Path(f"/tmp/spacediplo-api-bench-{args.events}.db")
    if not db.exists():
        build(db, args.events)
    rng = random.Random(11)
    codes, _ = actor_pool(random.Random(7))
    client = TestClient(create_app(Settings.from_env(environ={}, db=str(db))))
    first_page = client.get("/api/events", params={"limit": 50}).json()
    cursor = first_page["next_cursor"]
    n_docs, n_stories = max(args.events // 4, 1), max(args.events // 10, 1)
    words = ["satellite", "moon", "signed", "Vienna", "navigation", "accord", "Kourou"]

    def year(i: int) -> int:
        return 1990 + i % 36

    cases: dict[str, Callable[[int], str]] = {
        "events (first page)": lambda i: "/api/events?limit=50",
        "events (next page)": lambda i: f"/api/events?limit=50&cursor={cursor}",
        "events ?type": lambda i: f"/api/events?type={EVENT_TYPES[i % 9]}",
        "events ?actor (top 20)": lambda i: f"/api/events?actor={codes[i % 20]}",
        "events ?actor (tail)": lambda i: f"/api/events?actor={codes[20 + i % 100]}",
        "events ?pair": lambda i: f"/api/events?pair={codes[i % 5]},{codes[5 + i % 10]}",
        "events ?from&to (a year)": lambda i: f"/api/events?from={year(i)}&to={year(i)}",
        "events ?actor&type&year": lambda i: (
            f"/api/events?actor={codes[i % 10]}&type={EVENT_TYPES[i % 9]}"
            f"&from={year(i)}&to={year(i)}"
        ),
        "events ?q": lambda i: f"/api/events?q={words[i % len(words)]}",
        "actor profile (top 20)": lambda i: f"/api/actors/{codes[i % 20]}",
        "actor profile (tail)": lambda i: f"/api/actors/{codes[20 + i % 100]}",
        "network (a year)": lambda i: f"/api/network?from={year(i)}&to={year(i)}",
        "network (a year, a type)": lambda i: (
            f"/api/network?from={year(i)}&to={year(i)}&type={EVENT_TYPES[i % 9]}"
        ),
        "stories (first page)": lambda i: "/api/stories",
        "story": lambda i: f"/api/stories/{rng.randint(1, n_stories)}",
        "document": lambda i: f"/api/documents/{rng.randint(1, n_docs)}",
        "search": lambda i: f"/api/search?q={words[i % len(words)]}",
    }
    print(f"database: {db} ({db.stat().st_size / 1e9:.2f} GB), {args.requests} requests each")
    print(f"{'endpoint':28} {'p50 ms':>8} {'p95 ms':>8}")
    for name, make_url in cases.items():
        p50, p95 = measure(client, make_url, args.requests)
        print(f"{name:28} {p50:8.1f} {p95:8.1f}")
    print(f"peak_rss_mb {peak_rss_mb():.0f}")


if __name__ == "__main__":
    main()
