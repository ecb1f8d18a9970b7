"""The dashboard in a real browser: every page opens, a filter, a network edge and a story
are used, and nothing is fetched from outside the server. Screenshots go to
``build/screenshots`` (or ``$SPACEDIPLO_SCREENSHOTS``)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .conftest import WRITE_TOKEN, screenshot

PAGES = ["/", "/events", "/stories", "/network", "/map", "/search?q=satellite"]


def assert_clean(page: Any) -> None:
    assert page.outside_requests == []
    assert page.console_errors == []


@pytest.mark.parametrize("path", PAGES)
def test_every_page_opens(page: Any, live_server: str, path: str) -> None:
    response = page.goto(live_server + path)
    assert response.status == 200
    assert page.locator("header.top nav a").count() >= 5
    assert page.locator("form.search input[name=q]").count() == 1
    name = path.strip("/").split("?")[0] or "overview"
    assert screenshot(page, f"page-{name}").stat().st_size > 0
    assert_clean(page)


def test_events_filter_narrows_the_table(page: Any, live_server: str) -> None:
    page.goto(live_server + "/events")
    page.select_option("form.filters select[name=type]", "agreement")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/events?*type=agreement*")
    types = page.locator("table.events tbody td .type").all_inner_texts()
    assert types and set(types) == {"agreement"}
    csv_link = page.get_attribute("#csv", "href")
    assert csv_link is not None and "type=agreement" in csv_link
    screenshot(page, "events-filtered")
    assert_clean(page)


def test_clicking_a_network_edge_lists_that_pairs_events(page: Any, live_server: str) -> None:
    page.goto(live_server + "/network")
    edge = page.locator("#graph line.edge").first
    source, target = edge.get_attribute("data-source"), edge.get_attribute("data-target")
    edge.dispatch_event("click")
    page.wait_for_selector("#pair-events li")
    heading = page.inner_text("#edge-events h2")
    assert source in heading and target in heading
    assert page.locator("#pair-events li").count() >= 1
    screenshot(page, "network-edge")
    assert_clean(page)


def test_clicking_a_story_opens_its_articles(page: Any, live_server: str) -> None:
    page.goto(live_server + "/")
    page.locator("#latest-stories tbody a").first.click()
    page.wait_for_url("**/stories/*")
    assert page.locator("article.article").count() >= 1
    assert page.locator("article.article .text").first.inner_text().strip()
    screenshot(page, "story")
    assert_clean(page)


def test_map_colours_countries_and_links_to_actors(page: Any, live_server: str) -> None:
    page.goto(live_server + "/map")
    active = page.locator("#world path:not([data-events='0'])")
    assert active.count() >= 2
    page.locator("#map-ranking tbody a").first.click()
    page.wait_for_url("**/actors/*")
    assert page.locator("ol.partners li").count() >= 1
    screenshot(page, "actor")
    assert_clean(page)


def test_article_text_is_escaped(page: Any, live_server: str) -> None:
    hostile = (
        "Officials met in Paris.\n\n<script>window.__pwned = 1</script>"
        '<img src=x onerror="window.__pwned = 2"> The talks covered lunar cooperation.'
    )
    response = httpx.post(
        live_server + "/api/ingest",
        json={"text": hostile, "doc_id": "hostile-article", "title": "<b>Bold</b> title"},
        headers={"Authorization": f"Bearer {WRITE_TOKEN}"},
    )
    assert response.status_code == 201, response.text
    document_id = response.json()[0]["document_id"]
    page.goto(f"{live_server}/documents/{document_id}")
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned = 1</script>" in page.inner_text(".text")
    assert page.locator("main h1").inner_text() == "<b>Bold</b> title"
    page.goto(f"{live_server}/search?q=pwned")
    assert page.evaluate("window.__pwned") is None
    screenshot(page, "escaped-article")
    assert page.outside_requests == []  # the <img src=x> stayed text, so nothing was fetched
