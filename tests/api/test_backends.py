"""The same API calls on SQLite and PostgreSQL: search, filters and pages use different SQL
on each backend (FTS5 against tsvector), so both are exercised."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from spacediplo.api import create_app
from spacediplo.settings import Settings

TOKEN = "backend-token"
ARTICLES = {
    "a1": (
        "Brazil and Portugal sign a space agreement\n\nThe space agencies of Brazil and "
        "Portugal signed a memorandum of understanding in Lisbon on 3 March 2024 to build a "
        "joint Earth observation satellite.",
        "2024-03-04",
    ),
    "a2": (
        "Le Maroc et la France coopèrent\n\nLe Maroc et la France ont signé un accord de "
        "coopération spatiale à Rabat le 12 juin 2023 pour un satellite d'observation.",
        "2023-06-13",
    ),
    "a3": (
        "Kenya and Italy renew the Malindi agreement\n\nKenya and Italy signed an agreement "
        "on 9 May 2022 to extend their cooperation at the Broglio Space Centre.",
        "2022-05-10",
    ),
}


@pytest.fixture
def api(db_url: str) -> Iterator[TestClient]:
    settings = Settings.from_env(environ={}, db=db_url, token=TOKEN)
    with TestClient(create_app(settings)) as client:
        for doc_id, (text, published) in ARTICLES.items():
            response = client.post(
                "/api/ingest",
                json={"text": text, "doc_id": doc_id, "published": published},
                headers={"Authorization": f"Bearer {TOKEN}"},
            )
            assert response.status_code == 201, response.text
        yield client


def test_search_pages_and_filters_agree_on_both_backends(api: TestClient) -> None:
    hits = api.get("/api/search", params={"q": "satellite"}).json()["documents"]
    assert {h["doc_id"] for h in hits} == {"a1", "a2"}
    assert all(any(p["match"] for p in h["highlight"]) for h in hits)
    prefix = api.get("/api/search", params={"q": "Lisb"}).json()["documents"]
    assert [h["doc_id"] for h in prefix] == ["a1"]

    first = api.get("/api/events", params={"limit": 1}).json()
    second = api.get("/api/events", params={"limit": 5, "cursor": first["next_cursor"]}).json()
    dates = [e["date"] for e in first["items"] + second["items"]]
    assert dates == sorted(dates, reverse=True) and len(dates) == 3
    assert [
        e["doc_id"] for e in api.get("/api/events", params={"actor": "KEN"}).json()["items"]
    ] == ["a3"]
    worded = api.get("/api/events", params={"q": "Rabat"}).json()["items"]
    assert [e["doc_id"] for e in worded] == ["a2"]
    older = api.get("/api/events", params={"to": "2023"}).json()["items"]
    assert {e["doc_id"] for e in older} == {"a2", "a3"}
    network = api.get("/api/network").json()
    assert {(e["source"], e["target"]) for e in network["edges"]} == {
        ("BRA", "PRT"), ("FRA", "MAR"), ("ITA", "KEN"),
    }  # fmt: skip
