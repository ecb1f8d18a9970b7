"""Text folding shared by every matcher: one definition of "the same word"."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "squash"]

_NON_WORD = re.compile(r"\W+")


def fold(text: str) -> str:
    """Case- and accent-insensitive form (ё counts as е)."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("ё", "е")


def squash(text: str) -> str:
    """Letters and digits only, case-folded: headlines that differ only in punctuation or
    apostrophes compare equal."""
    return _NON_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())
