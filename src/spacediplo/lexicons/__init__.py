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


@lru_cache(maxsize=16)
def load_lexicon(name: str) -> Any:
    """The YAML lexicon ``name`` (without extension) of this package."""
    path = LEXICON_DIR / f"{name}.yaml"
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_WordLoader)
