"""Every endpoint, its filters, its pagination and its errors, over the demo corpus.

Expected values are computed from the database with independent SQL, never written in.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient

from spacediplo.storage.queries import EventFilter, ReadModel

from .conftest import TOKEN


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def sql(db: Path, query: str, *args: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(query, args).fetchall()


CURRENT_EVENTS = (
    "SELECT e.id FROM events e JOIN documents d ON d.id = e.document_id WHERE d.is_current"
)


def all_items(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = client.get(path, params=query)
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


def test_events_pages_cover_every_event_once_newest_first(
    client: TestClient, demo_db: Path
) -> None:
    items = all_items(client, "/api/events", limit=7)
    ids = [i["id"] for i in items]
    assert len(ids) == len(set(ids))
    assert set(ids) == {r[0] for r in sql(demo_db, CURRENT_EVENTS)}
    dated = [i["date"] for i in items if i["date"]]
    assert dated == sorted(dated, reverse=True)
    # Undated events come after the dated ones when newest come first.
    first_undated = next((n for n, i in enumerate(items) if i["date"] is None), len(items))
    assert all(i["date"] is None for i in items[first_undated:])


def test_events_oldest_first(client: TestClient) -> None:
    items = all_items(client, "/api/events", sort="date", limit=50)
    dated = [i["date"] for i in items if i["date"]]
    assert dated == sorted(dated)
    assert len(items) == len(all_items(client, "/api/events", limit=500))


@pytest.mark.parametrize("event_type", ["agreement", "meeting", "launch"])
def test_events_filter_by_type(client: TestClient, demo_db: Path, event_type: str) -> None:
    items = all_items(client, "/api/events", type=event_type, limit=100)
    assert items and {i["type"] for i in items} == {event_type}
    expected = sql(demo_db, CURRENT_EVENTS + " AND e.type = ?", event_type)
    assert len(items) == len(expected)


def test_events_filter_by_actor_code_pair_stage_lang_and_dates(
    client: TestClient, demo_db: Path
) -> None:
    codes = Counter(
        code
        for (code,) in sql(
            demo_db,
            "SELECT p.code FROM event_participants p JOIN events e ON e.id = p.event_id "
            "JOIN documents d ON d.id = e.document_id WHERE d.is_current",
        )
    )
    (top, n_top), (second, _) = codes.most_common(2)
    by_actor = all_items(client, "/api/events", actor=top.lower(), limit=100)
    assert len(by_actor) == n_top and all(top in i["participants"] for i in by_actor)

    pair = all_items(client, "/api/events", pair=f"{top},{second}", limit=100)
    assert pair and all({top, second} <= set(i["participants"]) for i in pair)
    same = all_items(client, "/api/events", actor=top, partner=second, limit=100)
    assert [i["id"] for i in same] == [i["id"] for i in pair]

    planned = all_items(client, "/api/events", stage="planned", limit=100)
    assert planned and {i["stage"] for i in planned} == {"planned"}

    french = all_items(client, "/api/events", lang="fr", limit=100)
    assert french and {i["lang"] for i in french} == {"fr"}

    dates = sorted(i["date"] for i in all_items(client, "/api/events", limit=500) if i["date"])
    middle_year = dates[len(dates) // 2][:4]
    in_year = all_items(client, "/api/events", **{"from": middle_year, "to": middle_year})
    assert in_year and all(i["date"].startswith(middle_year) for i in in_year)
    after = all_items(client, "/api/events", **{"from": f"{middle_year}-07"})
    # Compared at the event's own precision: a bare year is inside a range that starts in it.
    assert all(i["date"][:7] >= f"{middle_year}-07"[: len(i["date"])] for i in after)


def test_events_filter_by_topic_story_and_words(client: TestClient, demo_db: Path) -> None:
    topic_rows = sql(demo_db, "SELECT topics FROM events WHERE topics != '[]' LIMIT 1")
    topic = topic_rows[0][0].strip('[]"').split('"')[0]
    by_topic = all_items(client, "/api/events", topic=topic, limit=100)
    assert by_topic and all(topic in i["topics"] for i in by_topic)

    story_id = sql(demo_db, "SELECT story_id FROM documents WHERE story_id IS NOT NULL")[0][0]
    in_story = all_items(client, "/api/events", story=story_id)
    assert all(i["story_id"] == story_id for i in in_story)

    word = "memorandum"
    by_word = all_items(client, "/api/events", q=word)
    # Accents are folded: "mémorandum" is found too.
    assert by_word and all(word in fold(i["evidence"]) for i in by_word)


def test_events_filter_by_entity_id_uses_the_evidence(client: TestClient, demo_db: Path) -> None:
    # An agency named inside some event's evidence.
    (key,) = sql(
        demo_db,
        "SELECT en.key FROM mentions m JOIN entities en ON en.id = m.entity_id "
        "JOIN events e ON e.document_id = m.document_id "
        "AND m.start >= e.evidence_start AND m.end <= e.evidence_end "
        "WHERE en.type = 'agency' GROUP BY en.key ORDER BY count(*) DESC LIMIT 1",
    )[0]
    items = all_items(client, "/api/events", actor=key)
    assert items
    for item in items:
        doc = client.get(f"/api/documents/{item['document_id']}").json()
        assert any(
            m["entity"] == key
            and item["evidence_start"] <= m["start"]
            and m["end"] <= item["evidence_end"]
            for m in doc["mentions"]
        )


def test_events_as_csv_hold_the_same_rows(client: TestClient) -> None:
    response = client.get("/api/events", params={"format": "csv", "type": "agreement"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    expected = all_items(client, "/api/events", type="agreement")
    assert [int(r["id"]) for r in rows] == [i["id"] for i in expected]
    assert rows[0]["evidence"] == expected[0]["evidence"]


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"cursor": "bm90LWEtY3Vyc29y"}, 400, "cursor"),
        ({"cursor": "!!"}, 422, "cursor"),
        ({"type": "picnic"}, 422, "type"),
        ({"from": "2020-13"}, 422, "from"),
        ({"limit": 0}, 422, "limit"),
        ({"limit": 10_000}, 422, "limit"),
        ({"sort": "title"}, 422, "sort"),
        ({"actor": "a b"}, 422, "actor"),
        ({"actor": "9999"}, 400, "actor"),
        ({"pair": "RUS,CHN", "actor": "USA"}, 400, "pair"),
        ({"q": "moon\x00"}, 422, "q"),
    ],
)
def test_event_query_errors_are_json_and_name_the_parameter(
    client: TestClient, params: dict[str, Any], status: int, words: str
) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == status
    assert words in response.json()["error"]


def test_actor_profile_counts_match_its_events(client: TestClient) -> None:
    events = all_items(client, "/api/events", actor="RUS", limit=200)
    profile = client.get("/api/actors/RUS").json()
    assert profile["code"] == "RUS" and profile["name"] == "Russian Federation"
    assert profile["event_count"] == len(events)
    assert profile["by_type"] == dict(Counter(e["type"] for e in events))
    partners = Counter(c for e in events for c in e["participants"] if c != "RUS")
    assert dict(profile["partners"]) == dict(partners)
    assert sum(n for _, n in profile["timeline"]) == sum(1 for e in events if e["date"])
    assert profile["aliases"] and profile["mentions"] > 0


def test_actor_profile_of_an_entity_and_unknown_actors(client: TestClient, demo_db: Path) -> None:
    (key, name) = sql(
        demo_db, "SELECT key, name FROM entities WHERE type = 'agency' AND NOT discovered"
    )[0]
    profile = client.get(f"/api/actors/{key}").json()
    assert profile["id"] == key and profile["name"] == name and profile["type"] == "agency"
    assert profile["mentions"] >= 1
    missing = client.get("/api/actors/XQZ")
    assert missing.status_code == 404 and "XQZ" in missing.json()["error"]


def test_network_edges_count_the_events_of_each_pair(client: TestClient) -> None:
    network = client.get("/api/network").json()
    assert network["nodes"] and network["edges"]
    top = network["edges"][0]
    pair = all_items(client, "/api/events", pair=f"{top['source']},{top['target']}")
    assert top["weight"] == len(pair)
    assert top["types"] == dict(Counter(e["type"] for e in pair))
    node_ids = {n["id"] for n in network["nodes"]}
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in network["edges"])

    meetings = client.get("/api/network", params={"type": "meeting"}).json()
    assert all(set(e["types"]) == {"meeting"} for e in meetings["edges"])
    heavy = client.get("/api/network", params={"min_weight": top["weight"]}).json()
    assert all(e["weight"] >= top["weight"] for e in heavy["edges"])


def test_network_as_graphml(client: TestClient) -> None:
    response = client.get("/api/network", params={"format": "graphml"})
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    edges = root.findall(".//g:edge", ns)
    assert len(edges) == len(client.get("/api/network").json()["edges"])


def test_stories_list_pages_and_detail(client: TestClient, demo_db: Path) -> None:
    stories = all_items(client, "/api/stories", limit=5)
    assert len(stories) == sql(demo_db, "SELECT count(*) FROM stories")[0][0]
    multi = max(stories, key=lambda s: len(s["languages"]))
    detail = client.get(f"/api/stories/{multi['id']}").json()
    assert len(detail["articles"]) == multi["documents"]
    assert {a["lang"] for a in detail["articles"]} == set(multi["languages"])
    for canonical in detail["canonical_events"]:
        assert canonical["sources"] and len(canonical["participants"]) >= 2
    assert client.get("/api/stories/999999").status_code == 404


def test_document_spans_point_into_its_text(client: TestClient, demo_db: Path) -> None:
    (doc_row,) = sql(
        demo_db, "SELECT document_id FROM events GROUP BY document_id ORDER BY count(*) DESC"
    )[0]
    doc = client.get(f"/api/documents/{doc_row}").json()
    text = doc["text"]
    assert doc["mentions"] and doc["events"]
    for m in doc["mentions"]:
        assert text[m["start"] : m["end"]] == m["surface"]
    for e in doc["events"]:
        if e["start"] is not None:
            assert e["evidence"].startswith(text[e["start"] : e["end"]][:40])
    missing = client.get("/api/documents/999999")
    assert missing.status_code == 404 and "999999" in missing.json()["error"]


def test_search_ranks_and_highlights(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "lunar station"}).json()
    assert body["documents"]
    for hit in body["documents"]:
        matched = " ".join(p["text"].lower() for p in hit["highlight"] if p["match"])
        assert "lunar" in matched or "station" in matched
    scores = [h["score"] for h in body["documents"]]
    assert scores == sorted(scores, reverse=True)
    # Accents are folded and the last word may be a prefix: "coopér" finds "coopération".
    french = client.get("/api/search", params={"q": "cooper"}).json()
    assert any(h["lang"] == "fr" for h in french["documents"])
    assert client.get("/api/search", params={"q": ""}).status_code == 422
    # Query syntax of the index is never exposed: quotes and operators are plain words.
    assert client.get("/api/search", params={"q": '"NEAR( OR *'}).status_code == 200


def test_ingest_needs_the_token(client: TestClient, writable_client: TestClient) -> None:
    article = {"text": "Any text.", "doc_id": "t1"}
    read_only = client.post("/api/ingest", json=article)
    assert read_only.status_code == 403 and "read-only" in read_only.json()["error"]
    unauthorised = writable_client.post(
        "/api/ingest", json=article, headers={"Authorization": "Bearer wrong"}
    )
    assert unauthorised.status_code == 401 and "token" in unauthorised.json()["error"]
    assert writable_client.post("/api/ingest", json=article).status_code == 401


def test_ingest_stores_and_indexes_an_article(writable_client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = (
        "Brazil and Portugal sign space agreement\n\n"
        "The space agencies of Brazil and Portugal signed a memorandum of understanding in "
        "Lisbon on 3 March 2024 to build a joint Earth observation satellite."
    )
    response = writable_client.post(
        "/api/ingest",
        json={"text": text, "doc_id": "br-pt", "published": "2024-03-04"},
        headers=auth,
    )
    assert response.status_code == 201, response.text
    (result,) = response.json()
    assert result["outcome"] == "new" and result["lang"] == "en" and result["events"] >= 1
    again = writable_client.post(
        "/api/ingest", json={"text": text, "doc_id": "br-pt"}, headers=auth
    )
    assert again.json()[0]["outcome"] == "unchanged"
    events = writable_client.get("/api/events", params={"pair": "BRA,PRT"}).json()["items"]
    assert events and events[0]["type"] == "agreement" and events[0]["date"] == "2024-03-03"
    hits = writable_client.get("/api/search", params={"q": "Lisbon"}).json()
    assert [h["doc_id"] for h in hits["documents"]] == ["br-pt"]


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({}, 422, "exactly one"),
        ({"text": "a", "html": "<p>a</p>"}, 422, "exactly one"),
        ({"url": "ftp://example.org/x"}, 422, "url"),
        ({"url": "http://127.0.0.1:9/article"}, 422, "127.0.0.1"),
        ({"text": "x" * 300_000}, 413, "limit"),
    ],
)
def test_ingest_bad_bodies_are_refused_with_a_reason(
    writable_client: TestClient, body: dict[str, Any], status: int, words: str
) -> None:
    response = writable_client.post(
        "/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == status
    assert words in response.json()["error"]


def test_search_finds_text_written_without_spaces(writable_client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = "中国和俄罗斯签署了关于国际月球科研站的合作备忘录。双方将共同建设月球基地。"
    assert (
        writable_client.post(
            "/api/ingest", json={"text": text, "doc_id": "zh-1"}, headers=auth
        ).status_code
        == 201
    )
    hits = writable_client.get("/api/search", params={"q": "月球"}).json()["documents"]
    assert [h["doc_id"] for h in hits] == ["zh-1"]
    assert any(p["match"] and p["text"] == "月球" for p in hits[0]["highlight"])


def test_network_of_one_actor_and_of_matching_words(client: TestClient) -> None:
    around = client.get("/api/network", params={"actor": "RUS"}).json()
    assert around["edges"] and any("RUS" in (e["source"], e["target"]) for e in around["edges"])
    worded = client.get("/api/network", params={"q": "station"}).json()
    assert worded["edges"]


@pytest.mark.parametrize(
    "flt",
    [
        EventFilter(),
        EventFilter(type="agreement"),
        EventFilter(date_from="2019", date_to="2023-12-31"),
        EventFilter(type="launch", date_to="2022"),
    ],
)
def test_running_counts_answer_like_the_events_themselves(
    client: TestClient, flt: EventFilter
) -> None:
    read: ReadModel = client.app.state.spacediplo.read  # type: ignore[attr-defined]
    nodes, edges = read.network(flt)
    live_nodes, live_edges = read.network(flt, use_counts=False)
    assert nodes == live_nodes and edges == live_edges
    assert read.event_counts(flt) == read.event_counts(flt, use_counts=False)
    assert read.counts_by_year_and_type(flt) == read.counts_by_year_and_type(flt, use_counts=False)
    assert read.country_intensity(flt) == read.country_intensity(flt, use_counts=False)
    with read.store.session_factory() as session:
        for code in list(live_nodes)[:5]:
            by_type, partners, timeline = read._actor_counts(session, code)
            live_type, live_partners, live_timeline = read._entity_counts(session, code)
            assert by_type == live_type and timeline == live_timeline
            assert partners == Counter({c: n for c, n in live_partners.items() if c != code})


def test_an_ingested_article_joins_a_story(writable_client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = (
        "Kenya and Italy sign space accord\n\n"
        "Kenya and Italy signed a space agreement on 9 May 2022."
    )
    response = writable_client.post(
        "/api/ingest", json={"text": text, "doc_id": "k1"}, headers=auth
    )
    document = writable_client.get(f"/api/documents/{response.json()[0]['document_id']}").json()
    assert document["story_id"] is not None
    story = writable_client.get(f"/api/stories/{document['story_id']}").json()
    assert [a["doc_id"] for a in story["articles"]] == ["k1"]
