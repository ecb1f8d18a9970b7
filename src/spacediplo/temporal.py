"""Temporal expressions in running text, normalised against a reference date.

Absolute dates ("14 February 2020", "le 16 octobre 2023", "16 октября 2023 года",
"March 2025", "in 1966"), dates without a year ("On October 26", "le 26 octobre"),
relative expressions ("in May this year", "earlier this year", "last week", "yesterday",
"в мае этого года", "l'an dernier", "el año pasado", "letztes Jahr") become
``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``. A date without a year takes the reference
date's year, or the year before when it would otherwise fall after the reference date in
a report of past events. Years stay as written: "signed in 1966" is 1966.

Chinese, Japanese and Korean dates ("2021年3月9日", "3月9日", "2021年", "今年5月", "去年",
"2023년 12월 11일", "지난해") and Arabic ones ("10 مايو 2023", "10 أيار 2023", "في عام 2020",
"الشهر الماضي", Arabic-Indic digits) are read as well; their month names are ours
(:data:`ARABIC_MONTHS`), CLDR's do not cover the Levantine and Maghrebi names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .dates import iso, month_names
from .kb.text import has_arabic, has_cjk

__all__ = ["ARABIC_MONTHS", "TimeExpression", "find_time_expressions", "resolve_month_day"]


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    value: str  # ISO, possibly partial
    relative: bool  # resolved against the reference date

    @property
    def precision(self) -> int:
        return len(self.value)


@lru_cache(maxsize=1)
def _month_alternation() -> str:
    # the folded names and the names as written: "février", "März", "março" are not
    # matched by their folded forms
    return _trie_pattern(set(month_names()) | _written_month_names())


def _trie_pattern(words: set[str]) -> str:
    """One regular expression matching any of ``words``, longest first, written as a
    trie ("ja(?:n(?:uary|vier)?|...)"): Python's engine tries a plain alternation of
    300 month names word by word at every position, a trie letter by letter."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@lru_cache(maxsize=1)
def _written_month_names() -> frozenset[str]:
    from .dates import MONTH_LANGUAGES

    names = {n for lang in MONTH_LANGUAGES for n in _locale_month_names(lang)}
    return frozenset(n for n in names if len(n) >= 3)


@lru_cache(maxsize=32)
def _locale_month_names(lang: str) -> frozenset[str]:
    """CLDR's month names of ``lang`` as written (case-folded), wide and abbreviated, in
    both contexts."""
    from babel import Locale

    months = Locale.parse(lang).months
    return frozenset(
        n.casefold().rstrip(".")
        for context in ("format", "stand-alone")
        for width in ("wide", "abbreviated")
        for n in months[context][width].values()
    )


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    months = _month_alternation()
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|ᵉʳ|-?го|\.)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    month = rf"(?P<month>{months})\.?"
    flags = re.I | re.U
    return {
        "day_month_year": re.compile(
            rf"(?<![\w]){day}\s+(?:de\s+)?{month}\s*(?:de\s+|,\s*)?{year}(?!\d)", flags
        ),
        "month_day_year": re.compile(
            rf"(?<![\w]){month}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{year}(?!\d)", flags
        ),
        "numeric": re.compile(
            r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?!\d)"
        ),
        "iso": re.compile(
            r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"
        ),
        "cjk": re.compile(
            r"(?P<year>(?:19|20)\d\d)\s*年\s*(?P<month>[01]?\d)\s*月(?:\s*(?P<day>[0-3]?\d)\s*日)?"
        ),
        "month_year": re.compile(rf"(?<![\w]){month}\s*(?:de\s+|of\s+)?{year}(?!\d)", flags),
        "day_month": re.compile(rf"(?<![\w\d]){day}\s+(?:de\s+)?{month}(?![\w])", flags),
        "month_day": re.compile(
            rf"(?<![\w]){month}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\w\d])", flags
        ),
        "month_relative": re.compile(
            rf"(?<![\w]){month}\s*(?:of\s+|de\s+)?(?P<rel>this|last|next|ce(?:tte)?|dernier|"
            r"prochain|этого|прошлого|следующего|текущего|del|de este|pasado|dieses|"
            r"letzten|nächsten|vergangenen)(?:\s+(?:year|année|an|года|año|jahres))?",
            flags,
        ),
        "relative_month": re.compile(
            r"(?<![\w])(?P<rel>last|next|this|letzten|nächsten|diesen|im vergangenen)\s+"
            rf"{month}(?![\w])",
            flags,
        ),
        "year_relative": re.compile(
            r"(?<![\w])(?P<rel>this year|last year|next year|earlier this year|later this year|"
            r"cette année|l'an dernier|l’an dernier|l'année dernière|l’année dernière|"
            r"l'an prochain|l’an prochain|l'année prochaine|l’année prochaine|"
            r"в этом году|в прошлом году|в следующем году|этого года|прошлого года|"
            r"este año|el año pasado|el próximo año|el año que viene|"
            r"dieses jahr|diesen jahres|letztes jahr|letzten jahres|vergangenes jahr|"
            r"vergangenen jahres|nächstes jahr|nächsten jahres|quest'anno|l'anno scorso|"
            r"este ano|no ano passado|今年|去年|明年)(?![\w])",
            flags,
        ),
        "day_relative": re.compile(
            r"(?<![\w])(?P<rel>yesterday|today|last week|next week|this week|last month|"
            r"next month|cette semaine|на этой неделе|esta semana|diese woche|"
            r"dieser woche|questa settimana|esta semana|"
            r"hier|aujourd'hui|aujourd’hui|la semaine dernière|la semaine prochaine|"
            r"le mois dernier|le mois prochain|вчера|сегодня|на прошлой неделе|"
            r"на следующей неделе|в прошлом месяце|ayer|hoy|la semana pasada|"
            r"la próxima semana|el mes pasado|gestern|heute|letzte woche|vergangene woche|"
            r"nächste woche|letzten monat|ieri|oggi|ontem|hoje|昨天|今天)(?![\w])",
            flags,
        ),
        "year": re.compile(
            r"(?<![\w\d.,/-])(?P<year>(?:19|20)\d\d)(?:\s*(?:г\.|года|году|год))?(?![\w\d%])(?!\s*(?:km|kg|m\b))",
            flags,
        ),
    }


_THIS = {"this", "ce", "cette", "этого", "текущего", "del", "de este", "dieses", "earlier", "later"}
_LAST = {"last", "dernier", "прошлого", "pasado", "letzten", "vergangenen", "passé"}
_NEXT = {"next", "prochain", "следующего", "nächsten"}

# English words of relative time go with English month names only ("next Mars" is no
# March), and after a month with "year" ("May this year"; "may this week" is none).
_ENGLISH_RELATIVE = frozenset({"this", "last", "next"})


def _english_month(word: str) -> bool:
    return word.casefold().rstrip(".") in _locale_month_names("en")



def resolve_month_day(month: int, day: int | None, reference: date, future: bool) -> str | None:
    """The date of a month (and day) written without a year, near ``reference``."""
    year = reference.year
    if day is None:
        # A month alone is compared as a month: "in December" read on 30 November of a
        # report of past events is last December.
        if not future and month > reference.month:
            year -= 1
        elif future and month < reference.month:
            year += 1
        return iso(year, month)
    candidate = date(year, month, min(day, 28))
    if not future and candidate > reference + timedelta(days=1):
        year -= 1
    elif future and candidate < reference - timedelta(days=1):
        year += 1
    return iso(year, month, day)


def _year_offset(text: str) -> int:
    text = text.casefold()
    if any(
        w in text
        for w in (
            "last",
            "dernier",
            "dernière",
            "прошл",
            "pasado",
            "letzt",
            "vergangen",
            "scorso",
            "passado",
            "去年",
        )
    ):
        return -1
    if any(
        w in text for w in ("next", "prochain", "следующ", "próximo", "que viene", "nächst", "明年")
    ):
        return 1
    return 0


_NAME_BEFORE = re.compile(r"(?:^|(?P<prev>[^\s])\s*)(?P<word>[A-Z][\w-]*)\s+$", re.U)


def _inside_name(text: str, start: int) -> bool:
    """Is the month at ``start`` part of a name ("Long March 5": a rocket)? It is when a
    capitalised word stands right before it in mid-sentence, and that word is no weekday
    ("Tuesday March 5")."""
    found = _NAME_BEFORE.search(text[max(0, start - 40) : start])
    if found is None or found.group("prev") is None or found.group("prev") in '.!?:;"«“':
        return False
    return _weekday_number(found.group("word")) is None


def find_time_expressions(
    text: str, reference: date | None, future: bool = False
) -> list[TimeExpression]:
    """Every temporal expression of ``text`` that can be normalised (longest first wins).

    ``reference`` is the publication date (or a date taken from context); without one,
    expressions that need it are skipped. ``future``: the sentence speaks of plans, so a
    date without a year falls after the reference date.
    """
    patterns = _patterns()
    # Arabic-Indic and full-width digits as ASCII ones, hamza-seated alifs as a bare alif:
    # one character for one, so every offset stays the text's own.
    text = text.translate(_SAME_LENGTH)
    found: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(start: int, end: int, value: str | None, relative: bool) -> None:
        if value is not None and free(start, end):
            found.append(TimeExpression(start, end, value, relative))
            taken.append((start, end))

    def month_of(match: re.Match[str]) -> int | None:
        raw = match.group("month")
        return int(raw) if raw.isdigit() else _month(raw)

    for name in ("iso", "cjk", "numeric", "day_month_year", "month_day_year"):
        for m in patterns[name].finditer(text):
            month = month_of(m)
            day = m.groupdict().get("day")
            if month is not None:
                add(
                    m.start(),
                    m.end(),
                    iso(int(m.group("year")), month, int(day) if day else None),
                    False,
                )
    # (only texts with CJK, Hangul or Arabic letters have such expressions)
    other_script = has_cjk(text) or has_arabic(text)
    for start, end, value in _cjk_arabic_absolute(text) if other_script else ():
        add(start, end, value, False)
    for m in patterns["month_year"].finditer(text):
        month = month_of(m)
        if month is not None:
            add(m.start(), m.end(), iso(int(m.group("year")), month), False)
    if reference is not None:
        for start, end, value in (
            _cjk_arabic_relative(text, reference, future) if other_script else ()
        ):
            add(start, end, value, True)
        for m in patterns["month_relative"].finditer(text):
            month = month_of(m)
            rel = m.group("rel").casefold()
            if month is None:
                continue
            if rel in _ENGLISH_RELATIVE and not (
                _english_month(m.group("month")) and m.group(0).casefold().endswith("year")
            ):
                continue  # "Mars next summer", "may this week": no month
            before = re.search(
                r"(?<![\d.])([0-3]?\d)(?:er)?\s+$", text[max(0, m.start() - 6) : m.start()]
            )
            day = int(before.group(1)) if before and 1 <= int(before.group(1)) <= 31 else None
            start = m.start() - len(before.group(0)) if before else m.start()
            if rel in _LAST or rel in _NEXT:
                # "last May", "mai dernier": the most recent May (the next one for "next").
                add(start, m.end(), resolve_month_day(month, day, reference, rel in _NEXT), True)
            else:
                add(start, m.end(), iso(reference.year, month, day), True)
        for m in patterns["relative_month"].finditer(text):
            month = month_of(m)
            rel = m.group("rel").casefold()
            if rel in _ENGLISH_RELATIVE and not _english_month(m.group("month")):
                continue  # "the next Mars mission": the planet
            if month is not None:
                future = rel in ("next", "nächsten")
                if rel in ("this", "diesen"):
                    add(m.start(), m.end(), iso(reference.year, month), True)
                else:
                    add(m.start(), m.end(), resolve_month_day(month, None, reference, future), True)
        for m in patterns["year_relative"].finditer(text):
            add(m.start(), m.end(), iso(reference.year + _year_offset(m.group("rel"))), True)
        for m in patterns["day_relative"].finditer(text):
            add(m.start(), m.end(), _relative_day(m.group("rel"), reference), True)
        for name in ("day_month", "month_day"):
            for m in patterns[name].finditer(text):
                month = month_of(m)
                day = int(m.group("day"))
                if month is None or not 1 <= day <= 31:
                    continue
                if name == "month_day" and _inside_name(text, m.start()):
                    continue
                add(m.start(), m.end(), resolve_month_day(month, day, reference, future), True)
    for m in patterns["year"].finditer(text):
        add(m.start(), m.end(), iso(int(m.group("year"))), False)
    if reference is not None:
        # A weekday ("on Tuesday", "samedi", "в субботу", "am Freitag"): the last such day
        # up to the reference date (the next one for plans).
        for m in _weekday_pattern().finditer(text):
            weekday = _weekday_number(m.group("day"))
            if weekday is not None:
                shift = (reference.weekday() - weekday) % 7
                day = reference - timedelta(days=shift)
                if future:
                    day = reference + timedelta(days=(weekday - reference.weekday()) % 7)
                add(m.start(), m.end(), day.isoformat(), True)
        # A bare month ("in May", "en janvier", "в мае") after the rest, and a part of a
        # month ("in late February", "fin février", "в конце февраля", "Ende Februar").
        for m in (*_month_part().finditer(text), *_bare_month().finditer(text)):
            month = _month(m.group("month"))
            if month is not None:
                add(m.start(), m.end(), resolve_month_day(month, None, reference, future), True)
    found.sort(key=lambda t: t.start)
    return found


@lru_cache(maxsize=1)
def _month_part() -> re.Pattern[str]:
    # The words for the start, middle and end of a month make any month name one.
    return re.compile(
        r"(?<![\w])(?:late|early|mid|the end of|end of|the beginning of|beginning of|"
        r"the middle of|fin|début|mi|конце|начале|середине|конца|начала|середины|"
        r"finales de|fines de|principios de|mediados de|ende|anfang|mitte|fine|inizio|"
        r"metà|final de|início de|meados de)[\s-]+(?:de\s+|d'|d’)?(?P<month>"
        + _month_alternation()
        + r")(?![\w])",
        re.I,
    )


@lru_cache(maxsize=1)
def _bare_month() -> re.Pattern[str]:
    # Only after a preposition, so that the word "May" or "mars" (the planet, in French)
    # alone is not a month.
    return re.compile(
        r"(?<![\w])(?:in|since|by|until|en|depuis|dès|au mois de|в|во|с|до|к|en|desde|"
        r"hasta|im|seit|bis|a|da|em|desde)\s+(?P<month>" + _month_alternation() + r")(?![\w])",
        re.I,
    )


@lru_cache(maxsize=1)
def _weekday_names() -> dict[str, int]:
    from babel import Locale

    names: dict[str, int] = {}
    for lang in ("en", "fr", "ru", "es", "de", "it", "pt"):
        days = Locale.parse(lang).days
        for context in ("format", "stand-alone"):
            for number, name in days[context]["wide"].items():
                names[name.casefold()] = number
    # Russian accusative after "в" ("в субботу", "в среду", "в пятницу").
    names.update({"среду": 2, "пятницу": 4, "субботу": 5})
    return names


@lru_cache(maxsize=1)
def _weekday_pattern() -> re.Pattern[str]:
    # Only after a preposition (or the French article-less use "samedi,"), to avoid names.
    words = "|".join(re.escape(w) for w in sorted(_weekday_names(), key=len, reverse=True))
    return re.compile(
        r"(?<![\w])(?:on|last|this|в|во|am|el|le|ce|lundi|ce)?\s*(?P<day>" + words + r")(?![\w])",
        re.I,
    )


def _weekday_number(word: str) -> int | None:
    return _weekday_names().get(word.casefold())


def _month(word: str) -> int | None:
    from .dates import month_number

    return month_number(word)


def _relative_day(rel: str, reference: date) -> str:
    rel = rel.casefold()
    if any(
        w in rel for w in ("yesterday", "hier", "вчера", "ayer", "gestern", "ieri", "ontem", "昨天")
    ):
        return (reference - timedelta(days=1)).isoformat()
    if any(w in rel for w in ("week", "semaine", "недел", "semana", "woche", "settimana")):
        if any(w in rel for w in ("this", "cette", "этой", "esta", "diese", "questa")):
            return f"{reference.year:04d}-{reference.month:02d}"  # "earlier this week"
        offset = (
            -7
            if _year_offset(rel) <= 0
            and "next" not in rel
            and "prochaine" not in rel
            and "следующ" not in rel
            and "próxima" not in rel
            and "nächste" not in rel
            else 7
        )
        day = reference + timedelta(days=offset)
        return f"{day.year:04d}-{day.month:02d}"
    if any(w in rel for w in ("month", "mois", "месяц", "mes", "monat")):
        month = reference.month + (1 if _year_offset(rel) > 0 else -1)
        year = reference.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        return f"{year:04d}-{month:02d}"
    return reference.isoformat()


# ---------------------------------------------------------------- CJK and Arabic dates

_SAME_LENGTH = str.maketrans(
    {
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic ٠..٩
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Eastern Arabic-Indic ۰..۹
        **{chr(0xFF10 + i): str(i) for i in range(10)},  # full-width ０..９
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
    }
)

#: Arabic month names, as written after the alifs are unified (أيار → ايار): the
#: Egyptian/Gulf forms of the Latin names, the Levantine/Iraqi (Syriac) names and the
#: Maghrebi (French) forms.
ARABIC_MONTHS: dict[str, int] = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7,
    "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    "جانفي": 1, "فيفري": 2, "افريل": 4, "جوان": 6, "جويلية": 7, "اوت": 8,
}  # fmt: skip

_CJK_YEAR_WORDS = {
    # this year, last year, next year in Chinese, Japanese and Korean
    "今年": 0, "本年": 0, "올해": 0, "금년": 0,
    "去年": -1, "昨年": -1, "지난해": -1, "작년": -1,
    "明年": 1, "来年": 1, "내년": 1,
}  # fmt: skip
_CJK_DAY_WORDS = {"昨天": -1, "昨日": -1, "어제": -1, "本日": 0, "今天": 0}
_ARABIC_YEAR_WORDS = {
    "العام الماضي": -1, "السنة الماضية": -1, "العام المنصرم": -1,
    "العام المقبل": 1, "العام القادم": 1, "السنة المقبلة": 1, "السنة القادمة": 1,
    "هذا العام": 0, "العام الجاري": 0, "العام الحالي": 0, "هذه السنة": 0,
}  # fmt: skip
_ARABIC_MONTH_WORDS = {"الشهر الماضي": -1, "الشهر المقبل": 1, "الشهر القادم": 1}
_ARABIC_DAY_WORDS = {"امس": -1, "بالامس": -1}
# After a month name: the last one ("مايو الماضي"), the coming one, or this year's.
_ARABIC_MONTH_RELATIVE = {
    "الماضي": -1, "المنصرم": -1, "المقبل": 1, "القادم": 1, "الجاري": 0, "الحالي": 0,
}  # fmt: skip


def _alternation(words: object) -> str:
    return "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


@lru_cache(maxsize=1)
def _cjk_arabic_patterns() -> dict[str, re.Pattern[str]]:
    year = r"(?P<year>(?:19|20)\d\d)"
    month_number = r"(?P<month>1[0-2]|0?[1-9])"
    day_number = r"(?P<day>3[01]|[12]\d|0?[1-9])"
    # an Arabic word may carry a clitic preposition or conjunction ("وفي", "بـ")
    arabic_start = r"(?<![\u0621-\u064a])(?:[وفبل]{1,2})?"
    arabic_end = r"(?![\u0621-\u064a])"
    ar_month = (
        rf"(?P<month>{_alternation(ARABIC_MONTHS)})(?:\s*/\s*(?:{_alternation(ARABIC_MONTHS)}))?"
    )
    return {
        "korean": re.compile(rf"(?<!\d){year}\s*년\s*{month_number}\s*월(?:\s*{day_number}\s*일)?"),
        "cjk_year": re.compile(rf"(?<!\d){year}\s*(?:年|년)"),
        "ar_day_month_year": re.compile(
            rf"(?<!\d){day_number}\s+(?:من\s+)?{ar_month}{arabic_end}\s*(?:من\s+)?"
            rf"(?:عام\s+|سنة\s+)?(?:،\s*)?{year}(?!\d)"
        ),
        "ar_month_year": re.compile(
            rf"{arabic_start}{ar_month}{arabic_end}\s*(?:من\s+)?(?:عام\s+|سنة\s+)?{year}(?!\d)"
        ),
        "ar_year_suffix": re.compile(rf"(?<!\d){year}\s*م{arabic_end}"),
        "cjk_relative_month": re.compile(
            rf"(?P<rel>{_alternation(_CJK_YEAR_WORDS)})\s*{month_number}\s*(?:月|월)"
            rf"(?:\s*{day_number}\s*(?:日|일))?"
        ),
        "cjk_month_day": re.compile(
            rf"(?<![\d.]){month_number}\s*(?:月|월)\s*{day_number}\s*(?:日|일)"
        ),
        # a month alone: not "3个月" / "3ヶ月" / "3개월" (three months), which have no 月 right
        # after the number
        "cjk_month": re.compile(rf"(?<![\d.]){month_number}\s*(?:月|월)(?!\s*\d)"),
        "cjk_year_word": re.compile(rf"(?P<rel>{_alternation(_CJK_YEAR_WORDS)})"),
        "cjk_day_word": re.compile(rf"(?P<rel>{_alternation(_CJK_DAY_WORDS)})"),
        "ar_day_month": re.compile(rf"(?<!\d){day_number}\s+(?:من\s+)?{ar_month}{arabic_end}"),
        "ar_month_relative": re.compile(
            rf"{arabic_start}{ar_month}\s+(?P<rel>{_alternation(_ARABIC_MONTH_RELATIVE)})"
            rf"{arabic_end}"
        ),
        "ar_bare_month": re.compile(
            rf"(?<![\u0621-\u064a])(?:في|وفي|خلال|منذ|حتى)\s+{ar_month}{arabic_end}"
        ),
        "ar_year_word": re.compile(
            rf"{arabic_start}(?P<rel>{_alternation(_ARABIC_YEAR_WORDS)}){arabic_end}"
        ),
        "ar_month_word": re.compile(
            rf"{arabic_start}(?P<rel>{_alternation(_ARABIC_MONTH_WORDS)}){arabic_end}"
        ),
        "ar_day_word": re.compile(
            rf"(?<![\u0621-\u064a])(?P<rel>{_alternation(_ARABIC_DAY_WORDS)}){arabic_end}"
        ),
    }


def _arabic_month(match: re.Match[str]) -> int:
    return ARABIC_MONTHS[match.group("month")]


def _cjk_arabic_absolute(text: str) -> list[tuple[int, int, str]]:
    """Dates with a year, in Korean ("2023년 12월 11일"), CJK year alone ("2021年"), and
    Arabic ("10 مايو 2023", "أيار 2023", "2020م"), most precise first."""
    patterns = _cjk_arabic_patterns()
    found: list[tuple[int, int, str]] = []

    def day_of(m: re.Match[str]) -> int | None:
        day = m.groupdict().get("day")
        return int(day) if day else None

    for m in patterns["korean"].finditer(text):
        value = iso(int(m.group("year")), int(m.group("month")), day_of(m))
        if value:
            found.append((m.start(), m.end(), value))
    for name in ("ar_day_month_year", "ar_month_year"):
        for m in patterns[name].finditer(text):
            value = iso(int(m.group("year")), _arabic_month(m), day_of(m))
            if value:
                found.append((m.start(), m.end(), value))
    for name in ("cjk_year", "ar_year_suffix"):
        for m in patterns[name].finditer(text):
            value = iso(int(m.group("year")))
            if value:
                found.append((m.start(), m.end(), value))
    return found


def _shift_month(reference: date, months: int) -> str:
    index = reference.year * 12 + reference.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _cjk_arabic_relative(text: str, reference: date, future: bool) -> list[tuple[int, int, str]]:
    """Dates resolved against ``reference``: "今年5月", "3月9日", "去年", "지난해", "本日",
    "10 مايو", "مايو الماضي", "العام الماضي", "الشهر الماضي", "أمس"; most precise first."""
    patterns = _cjk_arabic_patterns()
    found: list[tuple[int, int, str]] = []

    def keep(m: re.Match[str], value: str | None) -> None:
        if value:
            found.append((m.start(), m.end(), value))

    for m in patterns["cjk_relative_month"].finditer(text):
        day = m.group("day")
        year = reference.year + _CJK_YEAR_WORDS[m.group("rel")]
        keep(m, iso(year, int(m.group("month")), int(day) if day else None))
    for m in patterns["cjk_month_day"].finditer(text):
        keep(m, resolve_month_day(int(m.group("month")), int(m.group("day")), reference, future))
    for m in patterns["ar_day_month"].finditer(text):
        keep(m, resolve_month_day(_arabic_month(m), int(m.group("day")), reference, future))
    for m in patterns["ar_month_relative"].finditer(text):
        shift = _ARABIC_MONTH_RELATIVE[m.group("rel")]
        month = _arabic_month(m)
        if shift:
            keep(m, resolve_month_day(month, None, reference, shift > 0))
        else:
            keep(m, iso(reference.year, month))
    for m in patterns["cjk_month"].finditer(text):
        keep(m, resolve_month_day(int(m.group("month")), None, reference, future))
    for m in patterns["ar_bare_month"].finditer(text):
        keep(m, resolve_month_day(_arabic_month(m), None, reference, future))
    for m in patterns["cjk_year_word"].finditer(text):
        keep(m, iso(reference.year + _CJK_YEAR_WORDS[m.group("rel")]))
    for m in patterns["ar_year_word"].finditer(text):
        keep(m, iso(reference.year + _ARABIC_YEAR_WORDS[m.group("rel")]))
    for m in patterns["ar_month_word"].finditer(text):
        keep(m, _shift_month(reference, _ARABIC_MONTH_WORDS[m.group("rel")]))
    for name, words in (("cjk_day_word", _CJK_DAY_WORDS), ("ar_day_word", _ARABIC_DAY_WORDS)):
        for m in patterns[name].finditer(text):
            keep(m, (reference + timedelta(days=words[m.group("rel")])).isoformat())
    return found
