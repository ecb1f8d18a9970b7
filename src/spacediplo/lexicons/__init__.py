"""Linguistic lexicons (role words, particles, event triggers) as data files."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

__all__ = ["LEXICON_DIR", "load_lexicon"]

LEXICON_DIR = Path(__file__).parent


class _WordLoader(yaml.SafeLoader):
    """Lexicons are lists of words: "on", "no", "yes" are words here, not booleans."""


_WordLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _read(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_WordLoader)
    except yaml.YAMLError as error:
        raise ValueError(f"{path.name}: not a valid lexicon: {error}") from error


def _deep_merge(base: Any, extra: Any, where: str) -> Any:
    """``extra`` laid over ``base``: mappings merge key by key, lists are extended."""
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for name, value in extra.items():
            merged[name] = (
                _deep_merge(merged[name], value, f"{where}.{name}") if name in merged else value
            )
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return [*base, *extra]
    if base is None:
        return extra
    if extra is None:
        return base
    raise ValueError(f"{where}: cannot merge {type(extra).__name__} into {type(base).__name__}")


@lru_cache(maxsize=16)
def load_lexicon(name: str) -> Any:
    """The YAML lexicon ``name`` (without extension) of this package, with the parts kept
    in files ``name.<part>.yaml`` beside it (one language's words, say) merged in: their
    mappings join the main file's key by key and their lists extend its lists."""
    data = _read(LEXICON_DIR / f"{name}.yaml")
    for part in sorted(LEXICON_DIR.glob(f"{name}.*.yaml")):
        data = _deep_merge(data, _read(part), part.name)
    return data
