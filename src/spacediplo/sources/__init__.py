"""Sources turn what the user names (files, folders, URLs, feeds, archives) into raw documents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..settings import Settings
from .base import Skipped, SourceItem
from .files import file_items, folder_items
from .web import Fetcher, url_items

__all__ = ["Fetcher", "Skipped", "SourceItem", "iter_sources"]


def iter_sources(
    inputs: Iterable[str], settings: Settings, fetcher: Fetcher | None = None
) -> Iterator[SourceItem]:
    """Every raw document (or skipped input) of ``inputs``, in the order given."""
    own_fetcher: Fetcher | None = None
    try:
        for spec in inputs:
            if spec.startswith(("http://", "https://")):
                if fetcher is None:
                    own_fetcher = fetcher = Fetcher(settings)
                yield from url_items(spec, fetcher)
                continue
            path = Path(spec).expanduser()
            if path.is_dir():
                yield from folder_items(path, settings.max_file_bytes)
            elif path.is_file():
                yield from file_items(path, settings.max_file_bytes)
            elif "://" in spec:
                yield Skipped(spec, f"unsupported URL scheme {spec.split('://', 1)[0]!r}")
            else:
                yield Skipped(spec, "no such file or folder")
    finally:
        if own_fetcher is not None:
            own_fetcher.close()
