"""One typed settings object: defaults here, overridden by environment, then by flags.

Resolved once (``Settings.from_env(**overrides)``) and passed down; nothing reads the
environment anywhere else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

__all__ = ["ENV_PREFIX", "Settings", "normalise_db_url"]

ENV_PREFIX = "SPACEDIPLO_"

#: Languages the identifier chooses among. The main languages of space-cooperation news,
#: plus their neighbours that short texts get confused with. Measured in
#: ``benchmarks/langid.py``; keep it in line with the README.
DEFAULT_LANGUAGES = (
    "en", "fr", "ru", "es", "de", "zh", "ar", "it", "pt", "ja", "ko", "uk", "pl",
    "nl", "tr", "fa", "hi", "kk", "be", "cs", "sv",
)  # fmt: skip


def normalise_db_url(value: str) -> str:
    """Accept a SQLAlchemy URL or a plain file path (meaning SQLite)."""
    value = value.strip()
    if not value:
        raise ValueError("empty database URL")
    if "://" in value:
        if value.startswith("postgresql://") or value.startswith("postgres://"):
            # The psycopg 3 driver is the one we install.
            return "postgresql+psycopg://" + value.split("://", 1)[1]
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with its default. Environment: ``SPACEDIPLO_<FIELD>``."""

    db: str = field(default="spacediplo.db", metadata={"help": "SQLAlchemy URL or SQLite path"})
    max_file_bytes: int = field(default=20_000_000, metadata={"help": "larger inputs are skipped"})
    http_timeout: float = field(default=15.0, metadata={"help": "seconds per HTTP request"})
    http_retries: int = field(default=3, metadata={"help": "retries on network errors / 5xx"})
    http_backoff: float = field(default=0.5, metadata={"help": "first retry delay, doubles"})
    http_max_bytes: int = field(default=5_000_000, metadata={"help": "size cap per response"})
    http_max_requests: int = field(default=200, metadata={"help": "HTTP requests per run"})
    allow_private_hosts: bool = field(default=False, metadata={"help": "allow loopback/LAN"})
    user_agent: str = field(
        default="spacediplo/0.1 (space-diplomacy news monitor; +https://pypi.org/project/spacediplo)",
        metadata={"help": "HTTP User-Agent"},
    )
    languages: tuple[str, ...] = field(
        default=DEFAULT_LANGUAGES, metadata={"help": "comma-separated ISO 639-1 codes"}
    )
    langid: str = field(default="py3langid", metadata={"help": "py3langid or lingua"})
    stages: tuple[str, ...] = field(
        default=("clean", "language", "pubdate", "actors", "events"),
        metadata={"help": "pipeline stage names"},
    )
    story_window_days: int = field(
        default=10, metadata={"help": "days apart two reports of one story may be"}
    )
    story_min_overlap: float = field(
        default=0.3, metadata={"help": "weighted overlap of signatures joining two reports"}
    )
    story_min_shared: float = field(
        default=6.0, metadata={"help": "weight of shared entities/dates/events needed"}
    )
    story_duplicate_jaccard: float = field(
        default=0.5, metadata={"help": "MinHash Jaccard of same-language copies"}
    )
    token: str = field(
        default="",
        repr=False,
        metadata={"help": "API write token (POST /api/ingest); empty: the server is read-only"},
    )
    max_request_bytes: int = field(
        default=2_000_000, metadata={"help": "largest HTTP request body the API accepts"}
    )
    host: str = field(default="127.0.0.1", metadata={"help": "address `serve` listens on"})
    port: int = field(default=8000, metadata={"help": "port `serve` listens on"})

    @property
    def db_url(self) -> str:
        return normalise_db_url(self.db)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then ``SPACEDIPLO_*`` variables, then non-None keyword overrides."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is None:
                continue
            values[f.name] = _parse(f.name, f.type, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)


def _parse(name: str, type_name: Any, raw: str) -> Any:
    kind = str(type_name)
    try:
        if kind == "bool":
            if raw.strip().lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.strip().lower() in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(raw)
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind.startswith("tuple"):
            return tuple(p.strip() for p in raw.split(",") if p.strip())
        return raw
    except ValueError as exc:
        raise ValueError(f"{ENV_PREFIX}{name.upper()}={raw!r}: not a valid {kind}") from exc
