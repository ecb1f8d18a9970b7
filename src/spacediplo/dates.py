"""Calendar dates written as a whole line or a short header: month names in many languages
(from CLDR through babel), numeric day-month-year orders, ISO and CJK forms.

Everything returns ISO strings (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) or ``None``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from babel import Locale
from babel.core import UnknownLocaleError

from .normalize import fold as _fold

__all__ = [
    "MONTH_LANGUAGES",
    "days_apart",
    "iso",
    "month_names",
    "month_number",
    "parse_date_line",
    "two_digit_year",
]

#: Languages whose month names are recognised (CLDR wide and abbreviated forms, in both
#: the stand-alone and the format (genitive) context: "июль" and "июля").
MONTH_LANGUAGES = ("en", "fr", "ru", "es", "de", "it", "pt", "nl", "pl", "uk", "tr", "sv", "cs")


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Folded month name → month number, for every language of :data:`MONTH_LANGUAGES`."""
    names: dict[str, int] = {}
    for lang in MONTH_LANGUAGES:
        try:
            locale = Locale.parse(lang)
        except (UnknownLocaleError, ValueError):
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    key = _fold(name).rstrip(".")
                    # One-letter and two-letter abbreviations clash with words; skip them.
                    if len(key) >= 3:
                        names.setdefault(key, number)
    # Common spellings CLDR does not list, and the Russian prepositional case ("в мае").
    extras = {"sept": 9, "febr": 2, "juil": 7, "janv": 1, "fevr": 2, "avr": 4}
    for number, word in enumerate(
        "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре".split(),  # noqa: SIM905
        1,
    ):
        extras[word] = number
    for extra, number in extras.items():
        names.setdefault(extra, number)
    return names


def month_number(word: str) -> int | None:
    return month_names().get(_fold(word).rstrip("."))


def days_apart(a: str, b: str) -> int | None:
    """How many days lie between two days given in full (``YYYY-MM-DD``); None when either
    is coarser or no date."""
    if len(a) != 10 or len(b) != 10:
        return None
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return None


def two_digit_year(value: int) -> int:
    """Two-digit years: 00–69 → 2000s, 70–99 → 1900s (news is recent; archives are not)."""
    return 2000 + value if value < 70 else 1900 + value


def iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO string of a valid (partial) date, else ``None``."""
    if not 1900 <= year <= 2100:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


_PREFIX = re.compile(
    r"^(?:(?:published|posted|updated|date|publié(?:e)?|mis à jour|le|опубликовано|обновлено|"
    r"publicado|veröffentlicht|aktualisiert|am|on)\s*:?\s*)+",
    re.I,
)
_TIME = re.compile(
    r"(?:^|[,\s]+)(?:(?:at|à|в|um|a las|alle|às)\s+)?\d{1,2}[:h]\d{2}(?::\d{2})?"
    r"(?:\s*[ap]\.?m\.?)?(?:\s*(?:utc|gmt|msk|мск|cet|cest|et|est|edt|pt|pst|bst|[+-]\d{2}:?\d{2}))?\s*$",
    re.I,
)
_NUMERIC = re.compile(r"^(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})$")
_CJK = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_WORD_DATE = re.compile(
    r"^(?:(?P<d1>\d{1,2})(?:st|nd|rd|th|er|ᵉʳ|\.|º)?\s+(?:de\s+)?(?P<m1>[^\W\d_]{3,}\.?)\s*(?:de\s+)?,?\s*(?P<y1>\d{4})"
    r"|(?P<m2>[^\W\d_]{3,}\.?)\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4}))"
    r"(?:\s*(?:г\.|года|год))?$",
    re.I,
)


def _weekday_free(text: str) -> str:
    """Drop a leading weekday name ("Monday,", "lundi", "понедельник,") of any language."""
    parts = text.split(maxsplit=1)
    if len(parts) == 2 and _is_weekday(parts[0].rstrip(",.")):
        return parts[1].lstrip(", ")
    return text


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    words: set[str] = set()
    for lang in MONTH_LANGUAGES:
        try:
            locale = Locale.parse(lang)
        except (UnknownLocaleError, ValueError):
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                words.update(_fold(n).rstrip(".") for n in locale.days[context][width].values())
    return frozenset(w for w in words if len(w) >= 2)


def _is_weekday(word: str) -> bool:
    return _fold(word) in _weekdays()


def parse_date_line(line: str, lang: str | None = None) -> str | None:
    """The date of a line that is *only* a date (with optional weekday, label and time).

    ``03.07.25`` → ``2025-07-03`` (dotted dates are day-first everywhere they are used);
    ``07/03/2025`` is month-first in English text and day-first elsewhere, unless a
    number above 12 decides. Lines with anything else in them return ``None``: a date
    inside a sentence is not a page's date.
    """
    text = " ".join(line.replace("\u00a0", " ").split()).strip(" |·•–—-")
    if not text or len(text) > 60:
        return None
    text = _PREFIX.sub("", text)
    text = _weekday_free(text)
    text = _TIME.sub("", text).strip(" ,|·•–—-")
    if not text:
        return None
    if m := _CJK.match(text):
        return iso(int(m[1]), int(m[2]), int(m[3]))
    if m := _NUMERIC.match(text):
        a, sep, b, c = int(m[1]), m[2], int(m[3]), m[4]
        if len(m[1]) == 4:  # ISO order: 2025-07-03
            return iso(a, b, int(c))
        year = int(c) if len(c) == 4 else two_digit_year(int(c))
        if len(c) == 3:
            return None
        day, month = a, b
        if sep == "/":
            if a > 12 >= b:
                day, month = a, b
            elif b > 12 >= a or lang in (None, "en"):
                day, month = b, a
        return iso(year, month, day)
    if m := _WORD_DATE.match(text):
        if m["m1"]:
            word, day, year = m["m1"], int(m["d1"]), int(m["y1"])
        else:
            word, day, year = m["m2"], int(m["d2"]), int(m["y2"])
        named_month = month_number(word)
        return iso(year, named_month, day) if named_month is not None else None
    return None
