"""Test inputs written by the tests themselves, in our own words, with page furniture."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

ARTICLE_PARAGRAPHS = (
    "The space agencies of Brazil and Portugal signed a memorandum of understanding in "
    "Lisbon on Tuesday to develop a joint Earth observation satellite for the Atlantic.",
    "Under the agreement, engineers from both countries will share ground stations and "
    "exchange data about coastal erosion, fisheries and forest fires for ten years.",
    "Officials said the first design review is expected next spring, while the launch "
    "vehicle has not yet been chosen and several providers are being considered.",
)

NAV = """<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/science">Science</a></li><li><a href="/space">Space</a></li>
<li><a href="/contact">Contact</a></li></ul></nav>"""

BOILERPLATE_MARKERS = (
    "Accept all cookies",
    "Related articles",
    "Subscribe to our newsletter",
    "Moon base plans delayed again",
    "© 2024 Example Daily",
)


def article_html(
    title: str = "Brazil and Portugal agree on a joint satellite",
    paragraphs: tuple[str, ...] = ARTICLE_PARAGRAPHS,
    published: str | None = "2024-03-12T09:30:00Z",
    charset: str = "utf-8",
) -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}"><title>{title} | Example Daily</title>
{meta}</head>
<body>
<header><div class="logo">Example Daily</div>{NAV}</header>
<div class="cookie-banner">We use cookies to improve your experience.
<button>Accept all cookies</button></div>
<main><article><h1>{title}</h1>
<div class="byline">By a staff writer</div>
{body}
</article>
<aside class="related"><h2>Related articles</h2><ul>
<li><a href="/a">Moon base plans delayed again</a></li>
<li><a href="/b">New rocket engine passes a hot-fire test</a></li></ul></aside>
<section class="comments"><h3>Comments</h3><p>Great news, finally!</p></section>
</main>
<footer><p>Subscribe to our newsletter</p><p>© 2024 Example Daily. All rights reserved.</p></footer>
</body></html>"""


def article_text() -> str:
    """A plain-text page copied with its furniture around it."""
    return "\n".join(
        [
            "12.03.24",
            "09:30",
            "Brazil and Portugal agree on a joint satellite",
            "",
            *ARTICLE_PARAGRAPHS,
            "",
            "Photo:",
            "Shutterstock",
            "Share",
            "Read also",
            "Moon base plans delayed again",
            "New rocket engine passes a hot-fire test",
        ]
    )


def rss_feed(items: list[tuple[str, str, str]], broken_item: bool = False) -> str:
    """An RSS 2.0 feed; items are (link, title, html content)."""
    entries = []
    for link, title, content in items:
        entries.append(
            f"<item><title>{title}</title><link>{link}</link>"
            f"<pubDate>Tue, 12 Mar 2024 09:30:00 GMT</pubDate>"
            f"<description><![CDATA[{content}]]></description></item>"
        )
    if broken_item:
        entries.append("<item><title>Item with nothing in it</title></item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Example space feed</title><link>https://example.org/</link>"
        "<description>test</description>" + "".join(entries) + "</channel></rss>"
    )


def write_warc(path: Path, pages: list[tuple[str, str]], extra_binary: bool = True) -> None:
    """A gzipped WARC with one HTML response record per (url, html) page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers
            )
            writer.write_record(record)
        if extra_binary:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                "https://example.org/logo.png",
                "response",
                payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(200)),
                http_headers=headers,
            )
            writer.write_record(record)


def truncate_gzip(path: Path, keep_fraction: float = 0.6) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep_fraction)])


def gz(data: bytes) -> bytes:
    return gzip.compress(data)
