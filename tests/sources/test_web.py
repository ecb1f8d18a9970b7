"""URLs and feeds over a local HTTP server; never the internet."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from spacediplo.model import RawDocument
from spacediplo.settings import Settings
from spacediplo.sources import Skipped
from spacediplo.sources.web import Fetcher, is_public_address, url_items
from tests.fixtures import article_html, rss_feed

FLAKY_HITS = {"n": 0}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def _send(
        self,
        status: int,
        body: bytes,
        ctype: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_port}"  # type: ignore[attr-defined]
        if self.path == "/article":
            self._send(200, article_html().encode())
        elif self.path == "/ua":
            self._send(200, article_html(title=self.headers.get("User-Agent", "")).encode())
        elif self.path == "/feed":
            feed = rss_feed(
                [
                    (f"{base}/article", "One", "<p>Summary one.</p>"),
                    (f"{base}/missing", "Two", "<p>Summary of the missing page.</p>"),
                ],
                broken_item=True,
            )
            self._send(200, feed.encode(), "application/rss+xml")
        elif self.path == "/redirect":
            self._send(302, b"", headers={"Location": "/article"})
        elif self.path == "/flaky":
            FLAKY_HITS["n"] += 1
            if FLAKY_HITS["n"] < 3:
                self._send(503, b"busy")
            else:
                self._send(200, article_html().encode())
        elif self.path == "/huge":
            self._send(200, b"<p>" + b"x" * 50_000 + b"</p>")
        elif self.path == "/image":
            self._send(200, b"\x89PNG" + bytes(100), "image/png")
        else:
            self._send(404, b"not found")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def _fetcher(**overrides: object) -> Fetcher:
    settings = Settings.from_env(
        environ={}, allow_private_hosts=True, http_backoff=0.01, **overrides
    )
    return Fetcher(settings)


def test_article_url_becomes_a_document(server: str) -> None:
    (item,) = list(url_items(f"{server}/article", _fetcher()))
    assert isinstance(item, RawDocument)
    assert item.doc_id == f"{server}/article" and item.raw_format == "html"


def test_clear_user_agent_is_sent(server: str) -> None:
    (item,) = list(url_items(f"{server}/ua", _fetcher()))
    assert isinstance(item, RawDocument) and "spacediplo/" in item.content


def test_redirects_are_followed(server: str) -> None:
    (item,) = list(url_items(f"{server}/redirect", _fetcher()))
    assert isinstance(item, RawDocument) and item.url == f"{server}/article"


def test_retries_with_backoff_on_server_errors(server: str) -> None:
    FLAKY_HITS["n"] = 0
    (item,) = list(url_items(f"{server}/flaky", _fetcher(http_retries=3)))
    assert isinstance(item, RawDocument) and FLAKY_HITS["n"] == 3


def test_feed_url_fetches_each_item_and_falls_back_to_its_summary(server: str) -> None:
    items = list(url_items(f"{server}/feed", _fetcher(http_retries=0)))
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [d.doc_id for d in docs] == [f"{server}/article", f"{server}/missing"]
    assert docs[0].published == "2024-03-12"
    assert docs[1].content == "<p>Summary of the missing page.</p>"
    assert [i for i in items if isinstance(i, Skipped)]  # the broken item


def test_unreachable_url_is_skipped_with_reason() -> None:
    (item,) = list(url_items("http://127.0.0.1:9/nothing", _fetcher(http_retries=1)))
    assert isinstance(item, Skipped) and "unreachable after 2 attempts" in item.reason


def test_http_errors_size_cap_and_non_text_are_skipped(server: str) -> None:
    fetcher = _fetcher(http_max_bytes=10_000, http_retries=0)
    reasons = [next(iter(url_items(f"{server}{p}", fetcher))) for p in ("/nope", "/huge", "/image")]
    assert all(isinstance(r, Skipped) for r in reasons)
    assert "HTTP status 404" in reasons[0].reason  # type: ignore[union-attr]
    assert "larger than" in reasons[1].reason  # type: ignore[union-attr]
    assert "not an article" in reasons[2].reason  # type: ignore[union-attr]


def test_loopback_is_refused_unless_allowed(server: str) -> None:
    fetcher = Fetcher(Settings.from_env(environ={}))
    (item,) = list(url_items(f"{server}/article", fetcher))
    assert isinstance(item, Skipped) and "--allow-private-hosts" in item.reason


def test_private_addresses_behind_public_names_are_refused() -> None:
    fetcher = Fetcher(Settings.from_env(environ={}), resolver=lambda host: ["10.1.2.3"])
    (item,) = list(url_items("https://news.example.org/a", fetcher))
    assert isinstance(item, Skipped) and "private" in item.reason


def test_per_run_request_limit(server: str) -> None:
    fetcher = _fetcher(http_max_requests=1)
    first = list(url_items(f"{server}/article", fetcher))
    second = list(url_items(f"{server}/article", fetcher))
    assert isinstance(first[0], RawDocument)
    assert isinstance(second[0], Skipped) and "request limit" in second[0].reason


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("127.0.0.1", False),
        ("192.168.1.4", False),
        ("::1", False),
        ("169.254.1.1", False),
    ],
)
def test_public_address_check(address: str, public: bool) -> None:
    assert is_public_address(address) is public
