"""HTTP(S) fetching: timeouts, retries with backoff, a size cap, a per-run request limit,
and refusal of loopback/private addresses (unless allowed) at every redirect hop.

The fetcher is passed in, so tests use a local server and never the internet.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from ..errors import InputError
from ..model import RawDocument
from ..settings import Settings
from .base import Skipped, SourceItem
from .decode import decode_bytes
from .feeds import entry_document, looks_like_feed, parse_feed

__all__ = ["FetchResult", "Fetcher", "is_public_address", "url_items"]

_MAX_REDIRECTS = 5
_RETRY_STATUS = {429, 500, 502, 503, 504}

Resolver = Callable[[str], list[str]]


def _resolve(host: str) -> list[str]:
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return sorted({str(info[4][0]) for info in infos})


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes

    @property
    def charset(self) -> str | None:
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip('"')
        return None


class Fetcher:
    """Fetches URLs under the run's limits. One instance per run (it counts requests)."""

    def __init__(
        self,
        settings: Settings,
        client: httpx.Client | None = None,
        resolver: Resolver = _resolve,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.client = client or httpx.Client(
            timeout=settings.http_timeout,
            headers={"User-Agent": settings.user_agent},
            follow_redirects=False,
        )
        self.resolver = resolver
        self.sleep = sleep
        self.requests = 0

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def check_url(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"}:
            raise InputError(url, f"unsupported URL scheme {parts.scheme!r}")
        if not parts.hostname:
            raise InputError(url, "URL has no host")
        if self.settings.allow_private_hosts:
            return
        try:
            addresses = self.resolver(parts.hostname)
        except (OSError, UnicodeError) as exc:
            raise InputError(url, f"host {parts.hostname!r} not found ({exc})") from exc
        if not addresses:
            raise InputError(url, f"host {parts.hostname!r} not found")
        blocked = [a for a in addresses if not is_public_address(a)]
        if blocked:
            raise InputError(
                url,
                f"refused: {parts.hostname} resolves to a private or loopback address "
                f"({blocked[0]}); pass --allow-private-hosts to allow it",
            )

    def fetch(self, url: str) -> FetchResult:
        """GET ``url`` following redirects; raises :class:`InputError` with the reason."""
        current = url
        for _ in range(_MAX_REDIRECTS + 1):
            self.check_url(current)
            status, headers, body = self._get_with_retries(current)
            if status in {301, 302, 303, 307, 308} and headers.get("location"):
                current = urljoin(current, headers["location"])
                continue
            if status >= 400:
                raise InputError(url, f"HTTP status {status}")
            return FetchResult(url, current, status, headers.get("content-type", ""), body)
        raise InputError(url, f"more than {_MAX_REDIRECTS} redirects")

    def _get_with_retries(self, url: str) -> tuple[int, httpx.Headers, bytes]:
        delay = self.settings.http_backoff
        last_error = ""
        for attempt in range(self.settings.http_retries + 1):
            if self.requests >= self.settings.http_max_requests:
                raise InputError(
                    url, f"request limit of {self.settings.http_max_requests} per run reached"
                )
            self.requests += 1
            try:
                status, headers, body = self._get_once(url)
            except httpx.TransportError as exc:
                last_error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            else:
                if status not in _RETRY_STATUS:
                    return status, headers, body
                last_error = f"HTTP status {status}"
            if attempt < self.settings.http_retries:
                self.sleep(delay)
                delay *= 2
        raise InputError(
            url, f"unreachable after {self.settings.http_retries + 1} attempts ({last_error})"
        )

    def _get_once(self, url: str) -> tuple[int, httpx.Headers, bytes]:
        cap = self.settings.http_max_bytes
        with self.client.stream("GET", url) as response:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > cap:
                raise InputError(url, f"response larger than {cap} bytes")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > cap:
                    raise InputError(url, f"response larger than {cap} bytes")
                chunks.append(chunk)
            return response.status_code, response.headers, b"".join(chunks)


def url_items(url: str, fetcher: Fetcher) -> Iterator[SourceItem]:
    """An article URL gives one document; a feed URL gives one per item (each item's page
    is fetched, falling back to the item's own content when the page cannot be had)."""
    try:
        result = fetcher.fetch(url)
    except InputError as exc:
        yield Skipped(exc.locator, exc.reason)
        return
    content_type = result.content_type.lower()
    if looks_like_feed(result.body) or any(t in content_type for t in ("rss", "atom")):
        entries, problems = parse_feed(result.body, url)
        yield from problems
        for entry in entries:
            if entry.link:
                page = _page_document(entry.link, fetcher, source=url, title=entry.title)
                if isinstance(page, RawDocument):
                    if entry.published and not page.published:
                        page = RawDocument(**{**page.__dict__, "published": entry.published})
                    yield page
                    continue
                if entry.content is None:
                    yield page
                    continue
            yield entry_document(entry, url, url, "feed")
        return
    yield _to_document(result, source=url)


def _page_document(url: str, fetcher: Fetcher, source: str, title: str | None) -> SourceItem:
    try:
        result = fetcher.fetch(url)
    except InputError as exc:
        return Skipped(exc.locator, exc.reason)
    item = _to_document(result, source=source)
    if isinstance(item, RawDocument) and title and not item.title:
        item = RawDocument(**{**item.__dict__, "title": title})
    return item


def _to_document(result: FetchResult, source: str) -> SourceItem:
    content_type = result.content_type.lower()
    if content_type and not any(t in content_type for t in ("html", "text/plain", "xml")):
        return Skipped(result.url, f"not an article (content type {result.content_type})")
    try:
        text, _ = decode_bytes(result.body, result.url, result.charset)
    except InputError as exc:
        return Skipped(exc.locator, exc.reason)
    return RawDocument(
        doc_id=result.url,
        source=source,
        source_kind="url",
        content=text,
        raw_format="text" if "text/plain" in content_type else "html",
        locator=result.url,
        url=result.final_url,
    )
