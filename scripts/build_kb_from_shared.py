#!/usr/bin/env python3
"""Build generated knowledge-base files from the public data in ``../shared/data``.

Run from the repository root::

    .venv/bin/python scripts/build_kb_from_shared.py --shared ../shared \
        --out src/spacediplo/kb/data/generated

It writes three YAML files (format: ``docs/kb-schema.md``):

``space-travellers.yaml``
    One ``person`` entry per person who has flown to space, from
    ``space-travellers/wikipedia-wikidata-2026/astronauts.csv`` (name, nationality,
    Wikidata QID, first flight), with native-script names taken from
    ``space-travellers/stavnichuk-corlett-2020/astronauts.csv``.

``gcat-sites.yaml``
    ``site`` entries for the orbital launch sites of GCAT ``sites.tsv``.

``gcat-orgs.yaml``
    ``agency`` / ``organization`` entries for space agencies and space-related
    companies, institutes and bodies of GCAT ``orgs.tsv``.

Curated entries always win: anything that matches an entry of the hand-written YAML
files in the parent directory of ``--out`` (``people.yaml``, ``sites.yaml``,
``agencies.yaml``, ``organizations.yaml``, ...) is skipped.  The script works whether
those files exist or not.  Output is sorted by id and deterministic, so re-running it
gives byte-identical files.

Only the standard library, PyYAML and pycountry are used.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import difflib
import math
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry
import yaml

SOURCE_GCAT = "gcat-2024-01"
SOURCE_TRAVELLERS = "space-travellers-2026"
SOURCE_STAVNICHUK = "stavnichuk-corlett-2020"

# ---------------------------------------------------------------------------
# Generic text helpers
# ---------------------------------------------------------------------------

_TEX_ACCENTS = {
    '"': "\u0308",
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "c": "\u0327",
    "v": "\u030c",
    "u": "\u0306",
    "H": "\u030b",
    "k": "\u0328",
    "r": "\u030a",
    ",": "\u0327",
}
_TEX_SYMBOLS = {
    r"\ss": "ß",
    r"\o": "ø",
    r"\O": "Ø",
    r"\l": "ł",
    r"\L": "Ł",
    r"\aa": "å",
    r"\AA": "Å",
    r"\ae": "æ",
    r"\AE": "Æ",
    r"\i": "ı",
}


def detex(text: str) -> str:
    """Turn GCAT's TeX-style accents (``f\\"{u}r``, ``Soci\\'et\\'e``) into Unicode."""
    if "\\" not in text:
        return text

    def repl(m: re.Match[str]) -> str:
        return m.group(2) + _TEX_ACCENTS[m.group(1)]

    text = re.sub(r"\\([\"'`^~=.])\{?([A-Za-z])\}?", repl, text)
    text = re.sub(r"\\([cvuHkr,])\{?([A-Za-z])\}?", repl, text)
    for k, v in _TEX_SYMBOLS.items():
        text = re.sub(re.escape(k) + r"(?![A-Za-z])", v, text)
    text = text.replace("{", "").replace("}", "").replace("\\", "")
    return unicodedata.normalize("NFC", text)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key used for all name matching."""
    text = strip_accents(text).casefold().replace("ё", "е")
    text = re.sub(r"[^\w]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def slugify(text: str) -> str:
    text = strip_accents(text)
    for a, b in (
        ("ß", "ss"),
        ("ø", "o"),
        ("Ø", "O"),
        ("ł", "l"),
        ("Ł", "L"),
        ("æ", "ae"),
        ("Æ", "AE"),
        ("ı", "i"),
        ("đ", "d"),
        ("Đ", "D"),
    ):
        text = text.replace(a, b)
    text = re.sub(r"[^A-Za-z0-9]+", "-", text.lower())
    return text.strip("-")


def clean_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def script_of(text: str) -> str | None:
    """Dominant Unicode script of the letters of ``text`` (LATIN, CYRILLIC, CJK, ...)."""
    counts: dict[str, int] = defaultdict(int)
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        if not name:
            continue
        first = name.split()[0]
        if first in ("CJK", "HIRAGANA", "KATAKANA"):
            first = "KANA" if first != "CJK" else "CJK"
        counts[first] += 1
    if not counts:
        return None
    return max(sorted(counts), key=lambda k: counts[k])


def has_kana(text: str) -> bool:
    return any(unicodedata.name(ch, "").split(" ")[0] in ("HIRAGANA", "KATAKANA") for ch in text)


_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")


def strip_arabic_marks(text: str) -> str:
    return _ARABIC_MARKS.sub("", text).replace("\u0671", "\u0627")


def is_latin(text: str) -> bool:
    return script_of(text) in (None, "LATIN")


# ---------------------------------------------------------------------------
# Country codes
# ---------------------------------------------------------------------------

# Nationality strings of the space-traveller lists that pycountry does not resolve, or
# resolves to something other than the actor code we want (spec: ../shared/spec/events.md).
NATIONALITY_MAP: dict[str, str] = {
    "Soviet Union": "SUN",
    "U.S.S.R": "SUN",
    "USSR": "SUN",
    "Russia": "RUS",
    "United States": "USA",
    "U.S.": "USA",
    "U.S.A": "USA",
    "USA": "USA",
    "Puerto Rico": "USA",  # US territory; Puerto Ricans are US citizens
    "Czechoslovakia": "CSK",
    "East Germany": "DDR",
    "West Germany": "DEU",
    "South Korea": "KOR",
    "Korea": "KOR",
    "North Korea": "PRK",
    "United Kingdom": "GBR",
    "UK": "GBR",
    "U.K.": "GBR",
    "Vietnam": "VNM",
    "Syria": "SYR",
    "Iran": "IRN",
    "Turkey": "TUR",
    "UAE": "ARE",
    "United Arab Emirates": "ARE",
    "Netherland": "NLD",
    "Hungry": "HUN",
    "Malysia": "MYS",
    "Republic of South Africa": "ZAF",
    "Saint Kitts and Nevis": "KNA",
}


def nationality_code(value: str) -> str | None:
    value = value.strip()
    if value in NATIONALITY_MAP:
        return NATIONALITY_MAP[value]
    try:
        return pycountry.countries.lookup(value).alpha_3
    except LookupError:
        return None


# GCAT state codes -> actor codes.  GCAT mostly uses ISO alpha-2 but has its own codes
# for some states (F, D, I, J, E, S, N, B, L, P, T, UK, SU, DD, ...), for historical states,
# territories and IGOs.  Territories map to the state they belong to.  Codes not listed
# here are resolved as ISO alpha-2 via pycountry.
GCAT_STATE_MAP: dict[str, str | None] = {
    "SU": "SUN",
    "RU": "RUS",
    "US": "USA",
    "UK": "GBR",
    "F": "FRA",
    "D": "DEU",
    "I": "ITA",
    "J": "JPN",
    "E": "ESP",
    "S": "SWE",
    "N": "NOR",
    "B": "BEL",
    "L": "LUX",
    "P": "PRT",
    "T": "THA",
    "UAE": "ARE",
    "CSSR": "CSK",
    "CSFR": "CSK",
    "DD": "DDR",
    "DR": "DEU",
    "DX": "DEU",
    "BG": "BGR",
    "BGN": "BGR",
    "KORS": "NLD",
    "ANTN": "NLD",
    "MYM": "MMR",
    "PAR": "PAN",
    "GRD": "GRD",
    "ZR": "COD",
    "NI": "GBR",  # Northern Ireland, not Nicaragua
    "HK": "CHN",
    "MOCN": "CHN",
    "TW": "TWN",
    "GUF": "FRA",
    "TF": "FRA",
    "ESCN": "ESP",
    "PR": "USA",
    "GU": "USA",
    "UM67": "USA",
    "UM79": "USA",
    "PCZ": "USA",
    "TTPI": "USA",
    "BM": "GBR",
    "CYM": "GBR",
    "GI": "GBR",
    "SH": "GBR",
    "TC": "GBR",
    "BAT": "GBR",
    "AGUK": "GBR",
    "BBUK": "GBR",
    "GL": "DNK",
    "AAT": "AUS",
    "NZRD": "NZL",
    "DML": "NOR",
    "ARV": "ARG",
    "AQ": None,
    "EARTH": None,
    "LUNA": None,
    "X": None,
    # Intergovernmental bodies: only those in the closed IGO code list of the spec.
    "I-ESA": "ESA",
    "I-ESRO": "ESA",
    "I-ELDO": "ESA",
    "I-EU": "EU",
    "I-EUM": "EUMETSAT",
    "I-NATO": "NATO",
    "I-ARAB": None,
    "I-CSC": None,
    "I-CSC1": None,
    "I-EUT": None,
    "I-INM": None,
    "I-INT": None,
    "I-ISS": None,
    "I-RASC": None,
}


def gcat_state_code(state: str) -> str | None:
    state = state.strip()
    if state in GCAT_STATE_MAP:
        return GCAT_STATE_MAP[state]
    if len(state) == 2:
        country = pycountry.countries.get(alpha_2=state)
        if country is not None:
            return country.alpha_3
    return None


# Language of a GCAT native-script name (UName), chosen from its script and the state.
_STATE_LATIN_LANG: dict[str, str] = {
    "F": "fr",
    "GUF": "fr",
    "TF": "fr",
    "MC": "fr",
    "DZ": "fr",
    "MA": "fr",
    "SN": "fr",
    "CI": "fr",
    "CM": "fr",
    "TN": "fr",
    "D": "de",
    "DD": "de",
    "DR": "de",
    "AT": "de",
    "I": "it",
    "VA": "it",
    "E": "es",
    "ESCN": "es",
    "AR": "es",
    "MX": "es",
    "CL": "es",
    "CO": "es",
    "PE": "es",
    "VE": "es",
    "BO": "es",
    "EC": "es",
    "PY": "es",
    "UY": "es",
    "CR": "es",
    "GT": "es",
    "CU": "es",
    "PAR": "es",
    "BR": "pt",
    "P": "pt",
    "PT": "pt",
    "AO": "pt",
    "NL": "nl",
    "S": "sv",
    "N": "no",
    "DK": "da",
    "FI": "fi",
    "PL": "pl",
    "CZ": "cs",
    "CSSR": "cs",
    "SK": "sk",
    "HU": "hu",
    "RO": "ro",
    "TR": "tr",
    "ID": "id",
    "MY": "ms",
    "VN": "vi",
    "EE": "et",
    "LT": "lt",
    "LV": "lv",
    "SI": "sl",
    "AZ": "az",
    "TM": "tk",
    "UZ": "uz",
    "L": "fr",
    "IS": "is",
}
_STATE_CYRILLIC_LANG = {
    "UA": "uk",
    "KZ": "kk",
    "BY": "be",
    "BG": "bg",
    "BGN": "bg",
    "MN": "mn",
    "KG": "ky",
}
_STATE_ARABIC_LANG = {"IR": "fa", "PK": "ur", "AF": "fa"}


def native_lang(text: str, state: str) -> str | None:
    """Language code for a native-script name, or None if it is (probably) English."""
    script = script_of(text)
    if script in (None, "LATIN"):
        return _STATE_LATIN_LANG.get(state)
    if script == "CYRILLIC":
        return _STATE_CYRILLIC_LANG.get(state, "ru")
    if script in ("CJK", "KANA"):
        if state == "J" or has_kana(text):
            return "ja"
        return "zh"
    if script == "HANGUL":
        return "ko"
    if script == "ARABIC":
        return _STATE_ARABIC_LANG.get(state, "ar")
    return {
        "HEBREW": "he",
        "THAI": "th",
        "DEVANAGARI": "hi",
        "BENGALI": "bn",
        "GREEK": "el",
        "ARMENIAN": "hy",
        "GEORGIAN": "ka",
    }.get(script)


# ---------------------------------------------------------------------------
# YAML I/O
# ---------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    pass


def _repr_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = all(isinstance(x, (str, int, float)) for x in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _repr_list)


def dump_entries(entries: list[dict[str, Any]], path: Path, header: str) -> None:
    entries = sorted(entries, key=lambda e: e["id"])
    text = yaml.dump(
        entries,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=1000,
        default_flow_style=False,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + text, encoding="utf-8")


def load_yaml_entries(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if data is None:
        return []
    if isinstance(data, dict):  # tolerate {entries: [...]} style files
        for key in ("entries", "items"):
            if isinstance(data.get(key), list):
                return [e for e in data[key] if isinstance(e, dict)]
        return []
    return [e for e in data if isinstance(e, dict)]


def entry_names(entry: dict[str, Any]) -> Iterator[str]:
    """Every surface name of a KB entry: name, aliases (all languages), native_name."""
    if isinstance(entry.get("name"), str):
        yield entry["name"]
    if isinstance(entry.get("native_name"), str):
        yield entry["native_name"]
    aliases = entry.get("aliases") or {}
    if isinstance(aliases, dict):
        for values in aliases.values():
            for v in values or []:
                if isinstance(v, str):
                    yield v
    elif isinstance(aliases, list):
        for v in aliases:
            if isinstance(v, str):
                yield v


# ---------------------------------------------------------------------------
# Curated KB index
# ---------------------------------------------------------------------------


@dataclass
class CuratedIndex:
    ids: set[str] = field(default_factory=set)
    person_names: dict[str, str] = field(default_factory=dict)  # folded name -> id
    person_qids: dict[str, str] = field(default_factory=dict)
    other_names: dict[str, str] = field(default_factory=dict)  # folded name -> id
    acronyms: dict[tuple[str, str | None], str] = field(default_factory=dict)
    site_coords: list[tuple[float, float, str]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    # For near-duplicate matching of non-person names: token -> [(folded name, id, code)].
    token_index: dict[str, list[tuple[str, str, str | None]]] = field(default_factory=dict)

    @classmethod
    def load(cls, data_dir: Path, generated_dir: Path) -> CuratedIndex:
        index = cls()
        if not data_dir.is_dir():
            return index
        gen = generated_dir.resolve()
        for path in sorted(data_dir.rglob("*.y*ml")):
            if path.suffix not in (".yaml", ".yml"):
                continue
            if gen == path.parent.resolve() or gen in path.resolve().parents:
                continue
            try:
                entries = load_yaml_entries(path)
            except yaml.YAMLError as exc:
                print(f"warning: cannot parse curated file {path}: {exc}", file=sys.stderr)
                continue
            index.files.append(str(path))
            for e in entries:
                index.add(e)
        return index

    def add(self, e: dict[str, Any]) -> None:
        eid = str(e.get("id", ""))
        if not eid:
            return
        self.ids.add(eid)
        etype = e.get("type")
        target = self.person_names if etype == "person" else self.other_names
        for n in entry_names(e):
            k = fold(n)
            if k:
                target.setdefault(k, eid)
                if etype != "person":
                    for tok in set(k.split()):
                        if len(tok) >= 5:
                            self.token_index.setdefault(tok, []).append((k, eid, e.get("code")))
        if etype == "person" and e.get("qid"):
            self.person_qids[str(e["qid"])] = eid
        for a in e.get("acronyms") or []:
            if isinstance(a, str):
                self.acronyms.setdefault((a, e.get("code")), eid)
        coords = e.get("coordinates")
        if etype == "site" and isinstance(coords, (list, tuple)) and len(coords) == 2:
            with contextlib.suppress(TypeError, ValueError):
                self.site_coords.append((float(coords[0]), float(coords[1]), eid))

    def match_other(
        self, names: Iterable[str], acronyms: Iterable[str] = (), code: str | None = None
    ) -> str | None:
        for n in names:
            hit = self.other_names.get(fold(n))
            if hit:
                return hit
        for a in acronyms:
            hit = self.acronyms.get((a, code))
            if hit:
                return hit
        return None

    def match_near(self, names: Iterable[str], code: str | None) -> str | None:
        """Near-duplicate of a curated name of the same state: the same words up to spelling
        variants (Center/Centre), or the shorter name's words (3 or more) all inside the
        longer one with at most two extra words ("ФГУП <name>", "<name> Corp")."""
        for n in names:
            k = fold(n)
            toks = set(k.split())
            seen: set[str] = set()
            for tok in toks:
                for cand, cid, ccode in self.token_index.get(tok, []):
                    if cand in seen or ccode != code:
                        continue
                    seen.add(cand)
                    ctoks = set(cand.split())
                    small, big = sorted((toks, ctoks), key=len)
                    if len(small) >= 3 and small <= big and len(big) - len(small) <= 2:
                        return cid
                    if _spelling_variant(toks, ctoks):
                        return cid
        return None

    def match_site(
        self, names: Iterable[str], lat: float | None, lon: float | None, radius_km: float = 30.0
    ) -> str | None:
        hit = self.match_other(names)
        if hit:
            return hit
        if lat is None or lon is None:
            return None
        for clat, clon, cid in self.site_coords:
            if haversine_km(lat, lon, clat, clon) <= radius_km:
                return cid
        return None


def _spelling_variant(a: set[str], b: set[str]) -> bool:
    """Same words except for a few spelling variants (each pair at least 75 % similar)."""
    only_a, only_b = sorted(a - b), sorted(b - a)
    if not only_a or len(only_a) != len(only_b) or len(only_a) > 2 or len(a) < 2:
        return False
    return all(
        max(difflib.SequenceMatcher(None, x, y).ratio() for y in only_b) >= 0.75 for x in only_a
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


class IdAllocator:
    """Unique ids across curated and generated entries (``gcat-`` etc. prefix on clash)."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = set(taken)

    def allocate(self, base: str, prefix: str, fallback: str) -> str:
        base = base or fallback
        for candidate in (base, f"{prefix}-{base}", f"{prefix}-{base}-{fallback}"):
            if candidate not in self.taken:
                self.taken.add(candidate)
                return candidate
        n = 2
        while f"{prefix}-{base}-{n}" in self.taken:
            n += 1
        self.taken.add(f"{prefix}-{base}-{n}")
        return f"{prefix}-{base}-{n}"


def add_alias(
    aliases: dict[str, list[str]], lang: str, value: str, exclude: Iterable[str] = ()
) -> None:
    """Add ``value`` under ``lang`` unless it repeats the name or another alias there."""
    value = clean_space(value)
    if not value:
        return
    key = fold(value)
    if not key:
        return
    if key in {fold(x) for x in exclude} and lang == "en":
        return
    current = aliases.setdefault(lang, [])
    if value in current:
        return
    if lang == "en" and key in {fold(x) for x in current}:
        return
    current.append(value)


def finish_aliases(aliases: dict[str, list[str]]) -> dict[str, list[str]]:
    order = ["en", "fr", "ru", "es", "de", "zh", "ar", "it", "pt", "ja"]
    out: dict[str, list[str]] = {}
    for lang in order + sorted(k for k in aliases if k not in order):
        if aliases.get(lang):
            out[lang] = aliases[lang]
    return out


# ---------------------------------------------------------------------------
# Space travellers
# ---------------------------------------------------------------------------

_KAZAKH_LETTERS = set("әғқңөұүһӘҒҚҢӨҰҮҺ")
_UKRAINIAN_LETTERS = set("іїєґІЇЄҐ")
_PATRONYMIC_RE = re.compile(r"(ович|евич|ьич|ич|овна|евна|ична|инична)$")
_STAV_NATIONALITY_CYRILLIC = {
    "Mongolia": "mn",
    "Bulgaria": "bg",
    "Kazakhstan": "kk",
    "U.S.S.R/Ukraine": "uk",
}


def _title_cyrillic(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def native_aliases_from_original(original: str, nationality: str) -> list[tuple[str, str]]:
    """(language, name) pairs from a Stavnichuk ``original_name`` in a non-Latin script.

    Cyrillic names come as ``SURNAME Given Patronymic`` or ``Given Patronymic Surname``;
    they are turned into ``Given Surname`` (and for Russian also the full form with the
    patronymic).  Other scripts are kept as written.
    """
    original = clean_space(original)
    script = script_of(original)
    if script in (None, "LATIN"):
        return []
    if script == "CYRILLIC":
        letters = set(original)
        if nationality in ("Mongolia", "Bulgaria"):
            lang = _STAV_NATIONALITY_CYRILLIC[nationality]
        elif letters & _KAZAKH_LETTERS:
            lang = "kk"
        elif letters & _UKRAINIAN_LETTERS:
            lang = "uk"
        else:
            lang = _STAV_NATIONALITY_CYRILLIC.get(nationality, "ru")
        tokens = original.split()
        if lang == "mn" or len(tokens) < 2:
            return [(lang, original)]
        if len(tokens[0]) > 1 and tokens[0].isupper():
            # "ГАГАРИН Юрий Алексеевич"
            surname, given, patronymic = _title_cyrillic(tokens[0]), tokens[1], tokens[2:]
        elif (
            len(tokens) == 3
            and _PATRONYMIC_RE.search(tokens[2])
            and not _PATRONYMIC_RE.search(tokens[1])
        ):
            # "Левченко Анатолий Семёнович"
            surname, given, patronymic = tokens[0], tokens[1], tokens[2:]
        else:
            # "Александр Юрьевич Калери"
            surname, given, patronymic = tokens[-1], tokens[0], tokens[1:-1]
        out = [(lang, f"{given} {surname}")]
        if lang == "ru" and patronymic:
            out.append((lang, " ".join([given, *patronymic, surname])))
        return out
    if script in ("CJK", "KANA"):
        lang = "ja" if nationality == "Japan" or has_kana(original) else "zh"
        return [(lang, original)]
    if script == "HANGUL":
        return [("ko", original)]
    if script == "HEBREW":
        return [("he", original)]
    if script == "DEVANAGARI":
        return [("hi", original)]
    if script == "ARABIC":
        persian = any(ch in original for ch in "پچژگی")
        lang = "fa" if persian else "ar"
        plain = strip_arabic_marks(original)
        out = [(lang, plain)]
        if plain != original:
            out.append((lang, original))
        return out
    return []


@dataclass
class StavPerson:
    name: str
    original: str
    nationality: str
    first_year: int
    surname_keys: list[str]
    full_key: str


def _stav_keys(name: str) -> tuple[list[str], str]:
    """Surname candidates and a ``given surname`` key for a Stavnichuk name."""
    name = re.sub(r"\(.*?\)", " ", name)
    name = re.sub(r"\b(Jr|Sr|III|II)\b\.?", " ", name)
    if "," in name:
        surname, given = name.split(",", 1)
        gtoks = [t for t in given.replace(",", " ").split() if len(t.strip(".")) > 1]
        full = fold(f"{gtoks[0]} {surname}") if gtoks else fold(surname)
        return [fold(surname)], full
    toks = [t for t in name.split() if len(t) > 1]
    if not toks:
        return [], fold(name)
    # "Given [Patronymic] Surname", or Chinese order "Surname Given" for two tokens.
    keys = [fold(toks[-1])] + ([fold(toks[0])] if len(toks) == 2 else [])
    return keys, fold(f"{toks[0]} {toks[-1]}")


def read_stavnichuk(path: Path) -> list[StavPerson]:
    people: dict[str, StavPerson] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name = row["name"].strip()
            try:
                year = int(row["year_of_mission"])
            except ValueError:
                continue
            surnames, full = _stav_keys(name)
            if name in people:
                people[name].first_year = min(people[name].first_year, year)
                continue
            people[name] = StavPerson(
                name=name,
                original=row["original_name"].strip(),
                nationality=row["nationality"].strip(),
                first_year=year,
                surname_keys=surnames,
                full_key=full,
            )
    return list(people.values())


def _similar_surname(surname: str, full_name: str, threshold: float = 0.8) -> bool:
    """True if a folded surname is close to some run of tokens of ``full_name``."""
    if not surname:
        return False
    n = len(surname.split())
    toks = fold(full_name).split()
    for k in range(len(toks) - n + 1):
        chunk = " ".join(toks[k : k + n])
        if difflib.SequenceMatcher(None, surname, chunk).ratio() >= threshold:
            return True
    return False


def _first_flight_year(date: str) -> int | None:
    m = re.search(r"(\d{4})\s*$", date.strip())
    return int(m.group(1)) if m else None


def build_travellers(
    shared: Path, curated: CuratedIndex, ids: IdAllocator, stats: dict[str, int]
) -> list[dict[str, Any]]:
    base = shared / "data" / "space-travellers"
    wiki_path = base / "wikipedia-wikidata-2026" / "astronauts.csv"
    stav_path = base / "stavnichuk-corlett-2020" / "astronauts.csv"
    with wiki_path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    stav = read_stavnichuk(stav_path) if stav_path.exists() else []

    # Match each Stavnichuk person to one Wikipedia row: same folded "given surname",
    # or the surname among the name tokens and the same first-flight year (unique).
    def tokens(n: str) -> set[str]:
        return set(fold(n).split())

    by_full: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_full[fold(r["name"])].append(i)
    claims: dict[int, list[StavPerson]] = defaultdict(list)
    unmatched_native = 0
    for p in stav:
        cands = by_full.get(p.full_key, [])
        if len(cands) != 1:  # same tokens in another order (Chinese names: "Liu, Yang")
            cands = [i for i, r in enumerate(rows) if tokens(r["name"]) == set(p.full_key.split())]
        same_year = [
            i
            for i, r in enumerate(rows)
            if _first_flight_year(r["first_flight_date"]) == p.first_year
        ]
        if len(cands) != 1:
            cands = [
                i
                for i in same_year
                if any(s and set(s.split()) <= tokens(rows[i]["name"]) for s in p.surname_keys)
            ]
        if len(cands) != 1:  # transliteration variants: Beregovoi/Beregovoy, Kadenyuk/Kadeniuk
            cands = [
                i
                for i in same_year
                if any(_similar_surname(s, rows[i]["name"]) for s in p.surname_keys)
            ]
        if len(cands) == 1:
            claims[cands[0]].append(p)
        elif script_of(p.original) not in (None, "LATIN"):
            unmatched_native += 1
    # A row claimed by two Stavnichuk people is ambiguous: use neither.
    stav_for_row = {i: ps[0] for i, ps in claims.items() if len(ps) == 1}
    unmatched_native += sum(
        1
        for ps in claims.values()
        if len(ps) > 1
        for p in ps
        if script_of(p.original) not in (None, "LATIN")
    )
    stats["stavnichuk_people"] = len(stav)
    stats["stavnichuk_matched"] = len(stav_for_row)
    stats["stavnichuk_native_unmatched"] = unmatched_native

    entries: list[dict[str, Any]] = []
    for i, r in enumerate(rows):
        name = clean_space(r["name"])
        qid = r.get("wikidata_id", "").strip() or None
        slug = slugify(name)
        if (
            slug in curated.ids
            or fold(name) in curated.person_names
            or (qid and qid in curated.person_qids)
        ):
            stats["travellers_skipped_curated"] = stats.get("travellers_skipped_curated", 0) + 1
            continue
        year = _first_flight_year(r["first_flight_date"])
        parts = [p.strip() for p in r["nationality"].split("/") if p.strip()]
        code = nationality_code(parts[0]) if parts else None
        if code in ("SUN", "RUS") and year is not None:
            # Soviet citizens who first flew before the end of the USSR keep SUN.
            code = "SUN" if year < 1992 else "RUS"
        if code is None:
            stats["travellers_unknown_nationality"] = (
                stats.get("travellers_unknown_nationality", 0) + 1
            )
        aliases: dict[str, list[str]] = {}
        folded_ascii = strip_accents(name)
        if folded_ascii != name:
            aliases.setdefault("en", []).append(folded_ascii)
        sources = [SOURCE_TRAVELLERS]
        sp = stav_for_row.get(i)
        if sp is not None:
            natives = native_aliases_from_original(sp.original, sp.nationality)
            for lang, value in natives:
                add_alias(aliases, lang, value, exclude=[name])
            if natives:
                sources.append(SOURCE_STAVNICHUK)
        flight = clean_space(r["first_flight_name"])
        role = f"flew to space (first flight {flight}, {year})" if flight else "flew to space"
        roles = [role]
        if len(parts) > 1:
            roles.append("nationality per source: " + " / ".join(parts))
        entry: dict[str, Any] = {
            "id": ids.allocate(slug, "traveller", (qid or str(i)).lower()),
            "type": "person",
            "name": name,
            "code": code,
        }
        if qid:
            entry["qid"] = qid
        entry["roles"] = roles
        entry["aliases"] = finish_aliases(aliases)
        # One string (the KB's `source` is a string): the data sets, comma-separated.
        entry["source"] = ", ".join(sources)
        entries.append(entry)
    return entries


# ---------------------------------------------------------------------------
# GCAT tables
# ---------------------------------------------------------------------------


def read_gcat_tsv(path: Path) -> list[dict[str, str]]:
    """Read a GCAT TSV: first ``#`` line is the header, other ``#`` lines are comments."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                continue
            if line.startswith("#"):
                if header is None:
                    header = [h.strip() for h in line[1:].split("\t")]
                continue
            if header is None:
                raise ValueError(f"{path}: no header line")
            cells = [c.strip() for c in line.split("\t")]
            cells += [""] * (len(header) - len(cells))
            rows.append(dict(zip(header, cells[: len(header)], strict=True)))
    return rows


def gcat_value(value: str) -> str:
    """GCAT uses ``-`` for empty; strip padding and TeX accents."""
    value = clean_space(value or "")
    if value in ("-", "*", "?") or re.fullmatch(r"-(\s+-)*", value):
        return ""
    return detex(value)


def gcat_float(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _short_form(name: str) -> str:
    """Drop parenthetical remarks (also truncated ones) and trailing ``, place`` parts."""
    name = re.sub(r"\([^)]*\)", " ", name)
    name = re.sub(r"\([^)]*$", " ", name)  # GCAT truncates long names
    name = name.split(",")[0]
    return clean_space(name).strip(" .;:-")


# --- launch sites ----------------------------------------------------------

# sites.tsv has no "orbital" flag: its Type is LS (launch site), LC (launch campaign:
# ship expeditions) or LZ (launch zone: ocean/air launch areas), and the GCAT orbital
# launch list (launch.tsv) that names the site of each orbital launch is not in the
# mirror.  RULE: keep a Type LS site only if it is in ORBITAL_SITES below, the GCAT site
# codes (grouped where GCAT gives the same place several codes over time) of every land
# or fixed-platform site from which an orbital launch attempt has departed up to the
# data update of 2024-01-13, chosen by hand from standard launch histories (the GCAT
# launch list is not in the mirror) and cross-checked with the pads of lp.tsv.
# Air-launch bases from which an orbital rocket's carrier aircraft took off (Pegasus,
# LauncherOne) are included; ocean launch zones (Type LZ), suborbital-only ranges (e.g.
# Esrange, Andoya, Spaceport America), missile bases, test stands, lunar sites and
# Starbase (whose 2023 Starship flights were not orbital) are not.
# Group key -> (English display name, GCAT site codes, extra English aliases).
ORBITAL_SITES: dict[str, tuple[str, list[str], list[str]]] = {
    "CC": (
        "Cape Canaveral Space Force Station",
        [
            "CCSFS",
            "CCAFS1",
            "CC",
            "CCAFS",
            "CKAFS",
            "CCMTA",
        ],
        ["Cape Canaveral", "Cape Canaveral Air Force Station", "Cape Kennedy"],
    ),
    "KSC": ("Kennedy Space Center", ["KSC"], ["John F. Kennedy Space Center"]),
    "V": (
        "Vandenberg Space Force Base",
        ["VSFB", "V", "VSFBS", "VS", "PA"],
        ["Vandenberg", "Vandenberg Air Force Base", "Vandenberg AFB", "Point Arguello"],
    ),
    "WI": ("Wallops Flight Facility", ["WI"], ["Wallops Island", "NASA Wallops"]),
    "MARS": ("Mid-Atlantic Regional Spaceport", ["MARS"], []),
    "KLC": (
        "Pacific Spaceport Complex – Alaska",
        ["PSCA", "KLC"],
        ["Pacific Spaceport Complex Alaska", "Kodiak Launch Complex"],
    ),
    "KMR": (
        "Reagan Test Site",
        ["KMR"],
        [
            "Kwajalein Atoll",
            "US Army Kwajalein Atoll",
            "Ronald Reagan Ballistic Missile Defense Test Site",
        ],
    ),
    "EAFB": ("Edwards Air Force Base", ["EAFB"], ["Edwards AFB"]),
    "MHV": ("Mojave Air and Space Port", ["MHV"], ["Mojave Spaceport"]),
    "KAU": ("Pacific Missile Range Facility", ["KAU"], ["Kauai Test Facility", "Barking Sands"]),
    "KLA": ("Sea Launch Kiritimati launch area", ["KLA"], ["Sea Launch Odyssey launch area"]),
    "GIK-5": (
        "Baikonur Cosmodrome",
        ["GIK-5", "NIIP-5"],
        ["Baikonur", "Baykonur", "Baykonur Cosmodrome"],
    ),
    "GIK-1": (
        "Plesetsk Cosmodrome",
        ["GIK-1", "GNIIP", "GNIIPV", "NIIP-53", "GIP-53", "GNIIP1"],
        ["Plesetsk"],
    ),
    "GTsP-4": ("Kapustin Yar", ["GTsMP-4", "GTsP-4"], ["Kapustin Yar Cosmodrome"]),
    "SVOB": ("Svobodny Cosmodrome", ["SVOB", "GIK-2"], ["Svobodny"]),
    "VOST": ("Vostochny Cosmodrome", ["VOST"], ["Vostochny"]),
    "YAS": (
        "Yasny Cosmodrome",
        ["YAS"],
        ["Dombarovsky", "Dombarovsky Air Base", "Yasny launch base"],
    ),
    "JQ": ("Jiuquan Satellite Launch Center", ["JQ"], ["Jiuquan Space Center", "Jiuquan"]),
    "TYSC": ("Taiyuan Satellite Launch Center", ["TYSC"], ["Taiyuan Space Center"]),
    "XSC": ("Xichang Satellite Launch Center", ["XSC"], ["Xichang Space Center"]),
    "WEN": (
        "Wenchang Spacecraft Launch Site",
        ["WEN"],
        ["Wenchang Space Launch Site", "Wenchang Space Center", "Wenchang Satellite Launch Center"],
    ),
    "HHAI": ("Yellow Sea sea-launch zone", ["HHAI"], ["Huang Hai launch zone"]),
    "TNSC": ("Tanegashima Space Center", ["TNSC"], ["Tanegashima"]),
    "USC": ("Uchinoura Space Center", ["USC", "KASC"], ["Kagoshima Space Center"]),
    "SHAR": (
        "Satish Dhawan Space Centre",
        ["SDSC", "SHAR"],
        ["Satish Dhawan Space Center", "Sriharikota", "Sriharikota Range"],
    ),
    "HMG": (
        "Hammaguir",
        ["HMG"],
        ["CIEES Hammaguir", "Centre interarmées d'essais d'engins spéciaux"],
    ),
    "CSG": ("Guiana Space Centre", ["CSG"], ["Centre Spatial Guyanais", "Kourou spaceport"]),
    "SMLC": ("Broglio Space Centre", ["SMLC"], ["San Marco Launch Complex", "San Marco platform"]),
    "WOO": ("Woomera Range Complex", ["WOO"], ["Woomera", "Woomera Instrumented Range"]),
    "PALB": ("Palmachim Airbase", ["PALB"], ["Palmachim"]),
    "SEM": (
        "Imam Khomeini Spaceport",
        ["SEM"],
        ["Semnan launch site", "Imam Khomeini Space Launch Center"],
    ),
    "SHAHR": ("Shahroud Space Center", ["SHAHR"], ["Shahroud launch site"]),
    "SOHAE": ("Sohae Satellite Launching Station", ["SOHAE"], ["Sohae", "Tongchang-ri"]),
    "TONGH": ("Tonghae Satellite Launching Ground", ["TONGH"], ["Musudan-ri"]),
    "NARO": ("Naro Space Center", ["NARO"], []),
    "ALCA": (
        "Alcântara Launch Center",
        ["ALCA"],
        ["Alcantara Launch Center", "Alcântara Space Center", "Centro de Lançamento de Alcântara"],
    ),
    "MAHIA": ("Rocket Lab Launch Complex 1", ["MAHIA"], ["Mahia Peninsula launch site"]),
    "JEJU": ("Jeju offshore launch site", ["JEJU"], []),
    "NEWQ": ("Spaceport Cornwall", ["NEWQ"], ["Cornwall Airport Newquay"]),
    "GANC": ("Gando Air Base", ["GANC"], []),
}
# Site codes follow the curated sites.yaml convention: the country where the site is,
# whoever operates it (GCAT gives the operating state for some). Overrides:
SITE_CODE_OVERRIDE: dict[str, str | None] = {
    # Sea Launch's Odyssey platform launched in international waters near Kiritimati for a
    # multinational venture; the launch area does not belong to Kiribati.
    "KLA": None,
    # Kwajalein is in the Marshall Islands (GCAT: TTPI, the former US trust territory).
    "KMR": "MHL",
    # Baikonur is in Kazakhstan (GCAT: RU/SU, the operator).
    "GIK-5": "KAZ",
    # GCAT keeps state SU on the current Kapustin Yar code (GTsMP-4, 1999-); it is in Russia.
    "GTsP-4": "RUS",
}


# GCAT name parts that would be wrong or too vague as aliases of the site.
DROP_SITE_ALIASES = {
    "Barge launch site",
    "Semnan missile launch site",
    "Israeli Air Force Test Range",
    "US Army Kwajalein Atoll",
    "South Base",
    "Naval Missile Facility",
    "Damghan",
}


def _is_code_like(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z0-9-]+", text.replace(" ", ""))) and len(text) <= 8


def build_sites(
    shared: Path, curated: CuratedIndex, ids: IdAllocator, stats: dict[str, int]
) -> list[dict[str, Any]]:
    rows = read_gcat_tsv(shared / "data" / "gcat-2024-01" / "sites.tsv")
    by_site: dict[str, dict[str, str]] = {}
    for r in rows:
        by_site.setdefault(r["Site"], r)
    stats["gcat_sites_rows"] = len(rows)
    stats["gcat_sites_type_ls"] = sum(1 for r in rows if r["Type"] == "LS")
    entries: list[dict[str, Any]] = []
    for key, (display, codes, extra) in sorted(ORBITAL_SITES.items()):
        members = [by_site[c] for c in codes if c in by_site and by_site[c]["Type"] == "LS"]
        if not members:
            stats["gcat_sites_missing"] = stats.get("gcat_sites_missing", 0) + 1
            continue
        main = members[0]  # codes are listed most recent first
        lat, lon = gcat_float(main["Latitude"]), gcat_float(main["Longitude"])
        names_en: list[str] = list(extra)
        natives: list[tuple[str, str]] = []
        for m in members:
            # (ShortEName is left out: GCAT puts the region there, e.g. "Svobodniy" on Vostochny.)
            for col in ("Name", "EName"):
                v = gcat_value(m.get(col, ""))
                if not v:
                    continue
                # The part before the first comma (the rest is a location); not the
                # GCAT codes such as "GIK-5" or "GTsP-4".
                cand = _short_form(v)
                if (
                    len(cand) >= 4
                    and not _is_code_like(cand)
                    and not re.search(r"\d", cand)
                    and cand not in DROP_SITE_ALIASES
                ):
                    names_en.append(cand)
            u = gcat_value(m.get("UName", ""))
            if u and not is_latin(u):
                lang = native_lang(u, m["StateCode"])
                if lang:
                    natives.append((lang, u))
        all_names = [display] + names_en + [v for _, v in natives]
        hit = curated.match_site(all_names, lat, lon)
        if hit:
            stats["gcat_sites_skipped_curated"] = stats.get("gcat_sites_skipped_curated", 0) + 1
            continue
        aliases: dict[str, list[str]] = {}
        for n in names_en:
            # Keep only names that are not just the display name plus a place suffix.
            add_alias(aliases, "en", n, exclude=[display])
        for lang, v in natives:
            add_alias(aliases, lang, v)
        code = (
            SITE_CODE_OVERRIDE[key]
            if key in SITE_CODE_OVERRIDE
            else gcat_state_code(main["StateCode"])
        )
        entry: dict[str, Any] = {
            "id": ids.allocate(slugify(display), "gcat", slugify(key)),
            "type": "site",
            "name": display,
            "code": code,
            "coordinates": [round(lat, 4), round(lon, 4)]
            if lat is not None and lon is not None
            else None,
            "aliases": finish_aliases(aliases),
        }
        if entry["coordinates"] is None:
            del entry["coordinates"]
        # One-word place names (town = cosmodrome) and 1-2 character CJK names (文昌 is
        # also the city) need space context.
        amb = [a for a in aliases.get("en", []) if len(a.split()) == 1]
        amb += [v for lang, v in natives if not is_latin(v) and len(v) <= 2]
        if amb:
            entry["ambiguous"] = amb
        entry["source"] = SOURCE_GCAT
        entries.append(entry)
    return entries


# --- organisations ------------------------------------------------------------

# GCAT orgs.tsv columns (see https://planet4589.org/space/gcat/web/orgs/; S, W and P are
# read from how the data uses them):
#   Type  = slash-separated roles: O organisation, LA launch agency, LV launch-vehicle
#           maker, PL payload owner/maker, E engine maker, LS launch-site operator,
#           S suborbital (sounding-rocket) launcher or payload, W meteorological rocket
#           operator, P parent/holding body, CY country, CYP province/territory,
#           IGO intergovernmental organisation, AP astronomical body.
#   Class = B business, C civil government, A academic, D defence.
# GCAT has no "space agency" role, so the RULES are:
#   * skip CY / CYP / AP / IGO rows (countries and IGOs are curated by hand), UNK and the
#     rows in EXCLUDE_ORG_CODES;
#   * agency       = a code in AGENCY_CODES (national agencies whose names do not say so:
#                    NASA, CNES, JAXA, CNSA, ISRO, Roskosmos, KARI, LAPAN, ...), or a Class C
#                    row whose cleaned names say it is a national space agency (AGENCY_RE);
#   * organization = - Class C: a space word (SPACE_RE) in the cleaned names and a space
#                      role (LA, LV, E, PL, LS) or "space"/"aerospace" in the name;
#                    - Class B (companies) and A (universities): top-level (GCAT Parent empty
#                      or a state), a space role, and a space word in the name -- or, for a
#                      company still active, the LA/LV role (launch providers, rocket makers
#                      such as Boeing or Lockheed Martin); defunct ones only if they were
#                      launch providers/launcher makers that lasted past 1990;
#                    - Class D (defence): only national space forces and commands
#                      (MILITARY_SPACE_RE), top-level or directly under a defence ministry;
#   * names: English name (EName) if any, else the Latin-script native name, shortened
#     before ", place" and "(...)"; company legal forms (LLC, Ltd, GmbH...) move to an
#     alias; ORG_NAME_OVERRIDES / ORG_NATIVE_OVERRIDES / TYPO_FIXES correct GCAT's
#     romanisations and slips; a name made only of generic words ("National Space Agency")
#     gets its country added;
#   * drop names shorter than 4 characters; merge rows with the same name (best-ranked
#     row wins: agency, current, top-level, most recent); an acronym or alias is given to
#     one entry only; skip anything that matches a curated entry (exact name, alias or
#     acronym of the same state, or a near-duplicate name of the same state).
AGENCY_RE = re.compile(
    r"space agency|aerospace agency|agence spatiale|agencia espacial|ag[eê]ncia espacial|"
    r"agenzia spaziale|agensi angkasa|space administration|national space (centre|center|"
    r"board|office|organi[sz]ation|program)|space research organi[sz]ation|space research "
    r"development agency|space commission|kosmichne agentstvo|kosmicheskoe agentstvo|"
    r"aviatsionno-kosmicheskoe|uzay ajans|space and upper atmosphere|geospatial and space|"
    r"activities espaciales|actividades espaciales|atividades espaciais|space activities|"
    r"espacial civil|agencia boliviana|space agnecy|bolivariana para activadades",
    re.I,
)
AGENCY_CODES = {
    "NASA",
    "CNES",
    "DLR2",
    "DLR",
    "DFVLR",
    "DARA",
    "JAXA",
    "NASDA",
    "ISAS",
    "ISASM",
    "ISASS",
    "ISRO",
    "CNSA",
    "KARI",
    "LAPAN",
    "ROSK",
    "FKA",
    "RKA",
    "RAKA",
    "NSPO",
    "NSPT",
    "TASA",
    "SNSB",
    "NSC",
    "NSO",
    "BNSC",
    "UKSA",
    "CONAB",
    "CNIE",
    "CONIE",
    "INTA",
    "NIVR",
    "IRSA",
    "ISA",
    "SAUDSC",
    "KAZK",
    "NADA",
    "KCST",
    "GISTDA",
    "NSRDA",
    "ESA",
    "ESRO",
    "EUSPA",
    "AEB",
    "CNAE",
    "CRS",
    "CRSF",
    "INCO",
    "NKAU",
    "DKAU",
    "SUPA",
}
# Class-C rows that match AGENCY_RE but are not national agencies.
NOT_AGENCY_CODES = {
    "CNESB",
    "CNEST",
    "NASAHQ",
    "NAXS",
    "SFP",
    "SLPS",
    "CONAE",
    "SDSC",
    "VSSC",
    "ISACA",
    "BSC",
    "STG",
    "STGL",
    "NCSC",
    "ARRS",
    "FLASP",
    "FLSPA",
    "NMSPA",
    "SPFL",
    "VCSFA",
    "NSDC",
    "JSDO",
    "NUSS",
}
SPACE_RE = re.compile(
    r"space|aerospace|astronaut|cosmonaut|rocket|satellit|orbit|launch|spaceflight|"
    r"raumfahrt|weltraum|spatial|spatiale|spaziale|spazio|espacial|espacio|espaciais|"
    r"kosmi|kosmos|cosmos|ruimtevaart|rymd|avaruus|uzay|angkasa|antariksa|hangtian|"
    r"taikong|uchu|ucyu|uju|sputnik|raket|propulsion|energia|lavochkin|khrunichev|"
    r"progress|reshetnev|makeyev|yuzhnoye|arianespace|ariane",
    re.I,
)
MILITARY_SPACE_RE = re.compile(
    r"space force|space command|space forces|aerospace forces|aerospace defen[cs]e forces|"
    r"air and space force|strategic support|space defen[cs]e force|space troops|"
    r"kosmicheskiye voyska|kosmicheskie sily|kosmicheskikh sredstv",
    re.I,
)
_LEGAL_SUFFIX_RE = re.compile(
    r"[ ,]+(llc|inc\.?|incorporated|ltd\.?|limited|co\.? ?ltd\.?|co\.?|corp\.?|"
    r"gmbh|ag|ab|a/s|as|s\.?p\.?a\.?|spa|s\.?a\.?|s\.l\.?|b\.?v\.?|n\.?v\.?|"
    r"pty\.?( ltd\.?)?|pvt\.?( ltd\.?)?|pte\.?( ltd\.?)?|plc|sdn bhd|s\.r\.o\.?|a\.ş\.?|"
    r"a\.s\.?|oao|zao|ooo)$",
    re.I,
)
# GCAT spelling slips in English names (the wording of the KB is ours).
TYPO_FIXES = {
    "Ukranian": "Ukrainian",
    "Instiute": "Institute",
    "Comission": "Commission",
    "Agnecy": "Agency",
    "Coporation": "Corporation",
    "Adminstration": "Administration",
    "Friedrichsafen": "Friedrichshafen",
    "Grummann": "Grumman",
    "Missles": "Missiles",
    "Univeristy": "University",
    "Industral": "Industrial",
    "Technlogies": "Technologies",
    "Technnology": "Technology",
    "Pequisas": "Pesquisas",
    "Centera": "Center",
    "Sapienaza": "Sapienza",
    "Virgina": "Virginia",
    "Richerchi": "Ricerche",
    "Richerche": "Ricerche",
}
# Rows that pass the rules but are not bodies news would name (programmes, offices of
# other bodies, placeholders).
EXCLUDE_ORG_CODES = {"SFP", "SLPS", "NAXS", "UNKUS", "CHINAJ"}
SKIP_TYPES = {"CY", "CYP", "AP", "IGO"}
SPACE_ROLES = {"LA", "LV", "E", "PL", "LS"}


def _roles(row: dict[str, str]) -> set[str]:
    return {t for t in row["Type"].split("/") if t and t != "-"}


def _start_year(value: str) -> int | None:
    m = re.match(r"\s*(\d{3,4})", value or "")
    return int(m.group(1)) if m else None


def _acronym(short: str) -> str | None:
    """GCAT ShortName as an acronym: at least 3 characters and all upper case."""
    short = short.strip()
    if len(short) >= 3 and re.fullmatch(r"[A-Z][A-Z0-9&-]*", short) and short.isupper():
        return short
    return None


# English display names where GCAT gives only a romanisation, a literal translation, a
# truncated name or a wrong one (the wording of the KB is ours).
ORG_NAME_OVERRIDES: dict[str, str] = {
    "ROSK": "Roscosmos",
    "NASA": "National Aeronautics and Space Administration",
    "NASAHQ": "National Aeronautics and Space Administration",
    "FKA": "Russian Federal Space Agency",
    "RKA": "Russian Space Agency",
    "CNES": "Centre national d'études spatiales",
    "NASDA": "National Space Development Agency of Japan",
    "ISAS": "Institute of Space and Aeronautical Science",
    "ISASS": "Institute of Space and Astronautical Science",
    "ISASM": "Institute of Space and Astronautical Science",
    "ISASJ": "Institute of Space and Astronautical Science",
    "LAPAN": "National Institute of Aeronautics and Space of Indonesia",
    "INCO": "Indian National Committee for Space Research",
    "ANGK": "Malaysian National Space Agency",
    "DFVLR": "German Test and Research Institute for Aviation and Space Flight",
    "DLR": "German Aerospace Research Establishment",
    "IKI": "Space Research Institute of the Russian Academy of Sciences",
    "NAL": "National Aerospace Laboratory of Japan",
    "CAST": "China Academy of Space Technology",
    "CASC": "China Aerospace Science and Technology Corporation",
    "CASC1": "China Aerospace Corporation",
}
# Native names that GCAT spells wrongly or gives for another body.
ORG_NATIVE_OVERRIDES: dict[str, str | None] = {
    "ABE": "Agencia Boliviana Espacial",
    "ABAE": "Agencia Bolivariana para Actividades Espaciales",
    "NSC": "Norsk Romsenter",
    "CRS": "Commissione per le Ricerche Spaziali",
    "CONIE": "Comisión Nacional de Investigación del Espacio",
    "INPE": "Instituto Nacional de Pesquisas Espaciais",
    "ROE": None,  # GCAT gives another body's native name
    "RUAF": None,
}
# Words that alone do not name a particular body; a name made only of these
# ("National Space Agency") gets its country added so that it does not match generic text.
GENERIC_WORDS = set(
    [
        "national",
        "federal",
        "state",
        "space",
        "agency",
        "organization",
        "organisation",
        "research",
        "center",
        "centre",
        "commission",
        "institute",
        "of",
        "for",
        "and",
        "the",
        "science",
        "sciences",
        "activities",
        "program",
        "programme",
        "office",
        "development",
        "administration",
        "aerospace",
        "satellite",
        "satellites",
        "technology",
        "technologies",
        "council",
        "board",
        "committee",
        "investigation",
        "management",
        "aeronautics",
        "aviation",
        "spaceflight",
        "affairs",
        "authority",
        "laboratory",
        "lab",
        "academy",
        "university",
        "engineering",
        "systems",
        "corporation",
        "company",
        "group",
        "directorate",
        "forces",
        "force",
        "command",
        "defence",
        "defense",
        "air",
        "military",
        "main",
        "central",
        "design",
        "bureau",
        "department",
        "ministry",
        "applications",
        "physics",
        "upper",
        "atmosphere",
        "remote",
        "sensing",
        "test",
        "range",
        "station",
        "launch",
        "vehicle",
        "rocket",
        "propulsion",
        "communications",
        "information",
        "international",
        "joint",
        "civil",
        "civilian",
        "general",
        "special",
        "scientific",
        "technical",
        "experimental",
        "industrial",
        "association",
        "society",
        "federation",
        "union",
        "launcher",
        "spacecraft",
        "operations",
        "control",
        "flight",
        "mission",
        "key",
        "deep",
        "lunar",
        "exploration",
        "microsatellite",
        "innovation",
        "manned",
        "higher",
        "school",
        "studies",
        "cosmic",
        "radiation",
        "establishment",
        "policy",
        "unit",
        "division",
        "service",
        "services",
        "works",
        "plant",
        "factory",
        "inst",
        "sci",
        "tech",
        "on",
        "in",
    ]
)
_COUNTRY_LABEL = {
    "SUN": "USSR",
    "CSK": "Czechoslovakia",
    "DDR": "East Germany",
    "ESA": "ESA",
    "EU": "EU",
    "EUMETSAT": "EUMETSAT",
    "NATO": "NATO",
    "USA": "US",
    "GBR": "UK",
    "RUS": "Russia",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "TWN": "Taiwan",
    "IRN": "Iran",
    "VNM": "Vietnam",
}


def country_label(code: str | None) -> str | None:
    if code is None:
        return None
    if code in _COUNTRY_LABEL:
        return _COUNTRY_LABEL[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


def is_generic_name(name: str) -> bool:
    words = [w for w in re.split(r"[^\w]+", name.casefold()) if w]
    return bool(words) and all(w in GENERIC_WORDS for w in words)


@dataclass
class OrgCandidate:
    row: dict[str, str]
    etype: str
    name: str
    names_en: list[str]
    natives: list[tuple[str, str]]
    acronym: str | None
    code: str | None

    def all_names(self) -> list[str]:
        return [self.name] + self.names_en + [v for _, v in self.natives]

    def rank(self) -> tuple[int, int, int, int, str]:
        """Sort key: agencies, current bodies, top-level rows, recent bodies first."""
        current = self.row["TStop"] in ("", "-", "*")
        return (
            0 if self.etype == "agency" else 1,
            0 if current else 1,
            0 if self.row["Parent"] in ("", "-") else 1,
            -(_start_year(self.row["TStart"]) or 0),
            self.row["Code"],
        )


def _org_names(row: dict[str, str]) -> tuple[str, list[str], list[tuple[str, str]]]:
    """Display name, English names and (language, native name) pairs of a GCAT org."""
    code_ = row["Code"]
    name_raw = gcat_value(row["Name"])
    ename_raw = gcat_value(row["EName"])
    uname = gcat_value(row["UName"])
    if code_ in ORG_NATIVE_OVERRIDES:
        uname = ORG_NATIVE_OVERRIDES[code_] or ""
    state = row["StateCode"]
    english: list[str] = []
    if ename_raw:
        english.append(_short_form(ename_raw))
    natives: list[tuple[str, str]] = []
    if uname:
        lang = native_lang(uname, state)
        if lang is None and is_latin(uname):
            english.append(_short_form(uname))  # native name is English
        elif lang is not None:
            if is_latin(uname):
                natives.append((lang, _short_form(uname)))
            else:
                main = clean_space(re.sub(r"\([^)]*\)", " ", uname)).split(",")[0].strip()
                natives.append((lang, main))
                for inner in re.findall(r"\(([^)]*)\)", uname):
                    inner = clean_space(inner)
                    if len(inner) >= 4 and not is_latin(inner):
                        natives.append((lang, inner))
    if name_raw and not natives and native_lang(name_raw, state) is None:
        english.append(_short_form(name_raw))  # Name is already English
    english = [_fix_typos(e) for e in english if e]
    if code_ in ORG_NAME_OVERRIDES:
        display = ORG_NAME_OVERRIDES[code_]
    elif english:
        display = english[0]
    elif natives and is_latin(natives[0][1]):
        display = natives[0][1]
    elif name_raw:
        display = _short_form(name_raw)
    else:
        display = gcat_value(row["ShortName"])
    english = [e for e in english if fold(e) != fold(display)]
    # ShortNames such as Kazkosmos, Glavkosmos are how news names these bodies.
    short = gcat_value(row["ShortName"])
    if re.fullmatch(r"[A-Z][a-z]*(kosmos|cosmos)", short):
        english.append(short)
    short_en = gcat_value(row["ShortEName"])
    if len(short_en) >= 4 and re.search(r"[a-z]", short_en) and fold(short_en) != fold(display):
        english.append(_fix_typos(short_en))
    natives = [(lang, v) for lang, v in natives if v and fold(v) != fold(display)]
    return display, english, natives


def _company_core(name: str) -> str:
    """Name without a trailing legal form (``Blue Origin LLC`` -> ``Blue Origin``)."""
    core = name
    while True:
        stripped = _LEGAL_SUFFIX_RE.sub("", core).strip(" ,.-")
        if stripped == core:
            return core
        core = stripped


def _fix_typos(name: str) -> str:
    name = re.sub(r"Ltd\.d$", "Ltd.", name)
    for wrong, right in TYPO_FIXES.items():
        name = re.sub(rf"\b{re.escape(wrong)}\b", right, name)
    return name


def select_orgs(rows: list[dict[str, str]]) -> list[OrgCandidate]:
    """Apply the selection rules documented above AGENCY_RE."""
    states = {r["Code"] for r in rows if r["Type"] in ("CY", "CYP", "IGO")}
    out: list[OrgCandidate] = []
    for r in rows:
        code_ = r["Code"]
        if code_ == "UNK" or r["Type"] in SKIP_TYPES or code_ in EXCLUDE_ORG_CODES:
            continue
        roles = _roles(r)
        cls = r["Class"]
        top_level = r["Parent"] in ("", "-") or r["Parent"] in states
        current = r["TStop"] in ("", "-", "*")
        display, english, natives = _org_names(r)
        if not display or display.lower().startswith("unknown"):
            continue
        # Space words are looked for in the cleaned names (not in GCAT's location parts).
        text = " ".join(
            [display] + english + [v for _, v in natives] + [gcat_value(r["ShortName"])]
        )
        spacey = bool(SPACE_RE.search(text))
        etype: str | None = None
        if code_ in AGENCY_CODES or (
            cls == "C" and code_ not in NOT_AGENCY_CODES and AGENCY_RE.search(text)
        ):
            etype = "agency"
        elif cls == "D":
            # Defence: national space forces / commands, not their wings and squadrons.
            if MILITARY_SPACE_RE.search(text) and (
                top_level or r["Parent"] in ("DOD", "MO", "MORF", "PLA")
            ):
                etype = "organization"
        elif cls in ("B", "A"):
            # Companies and universities: top-level bodies with a space role.  Defunct ones
            # only if they were launch providers / launcher makers that lasted past 1990.
            stop = _start_year(r["TStop"])
            alive = current or bool(roles & {"LA", "LV"} and stop is not None and stop >= 1990)
            if (
                top_level
                and alive
                and roles & SPACE_ROLES
                and (spacey or (cls == "B" and current and roles & {"LA", "LV"}))
            ):
                etype = "organization"
        elif (
            cls == "C"
            and spacey
            and (roles & SPACE_ROLES or re.search(r"space|kosmi|aerospace|raumfahrt", text, re.I))
        ):
            etype = "organization"
        if etype is None:
            continue
        code = gcat_state_code(r["StateCode"])
        if etype == "organization" and cls == "B" and code_ not in ORG_NAME_OVERRIDES:
            core = _company_core(display)
            if (
                core != display
                and (len(core.split()) > 1 or len(core) >= 5)
                and not is_generic_name(core)
            ):
                english = [display, *english]
                display = core
        if is_generic_name(display) and code_ not in ORG_NAME_OVERRIDES:
            label = country_label(code)
            if label is None:
                continue
            # Keep the generic form out of the aliases as well.
            english = [e for e in english if not is_generic_name(e)]
            display = f"{display} ({label})"
        english = [e for e in english if not is_generic_name(e) and len(e) >= 4]
        if len(display) < 4:
            continue
        out.append(
            OrgCandidate(
                row=r,
                etype=etype,
                name=display,
                names_en=english,
                natives=natives,
                acronym=_acronym(r["ShortName"]),
                code=code,
            )
        )
    return out


def build_orgs(
    shared: Path,
    curated: CuratedIndex,
    ids: IdAllocator,
    site_names: set[str],
    stats: dict[str, int],
) -> list[dict[str, Any]]:
    rows = read_gcat_tsv(shared / "data" / "gcat-2024-01" / "orgs.tsv")
    by_code: dict[str, dict[str, str]] = {}
    for r in rows:
        by_code.setdefault(r["Code"], r)
    rows = list(by_code.values())
    stats["gcat_orgs_rows"] = len(rows)
    candidates = select_orgs(rows)
    stats["gcat_orgs_candidates"] = len(candidates)

    # Rows with the same folded name (NASA / NASA HQ, phases of one body) are merged:
    # the best-ranked row wins and takes over the acronym and names of the others.
    merged: dict[str, OrgCandidate] = {}
    for c in sorted(candidates, key=OrgCandidate.rank):
        winner = merged.setdefault(fold(c.name), c)
        if winner is c:
            continue
        if winner.acronym is None and c.acronym and c.code == winner.code:
            winner.acronym = c.acronym
        for n in c.names_en:
            if fold(n) not in {fold(x) for x in winner.all_names()}:
                winner.names_en.append(n)

    kept: list[OrgCandidate] = []
    for key in sorted(merged):
        c = merged[key]
        if curated.match_other(
            c.all_names(), [c.acronym] if c.acronym else [], c.code
        ) or curated.match_near(c.all_names(), c.code):
            stats["gcat_orgs_skipped_curated"] = stats.get("gcat_orgs_skipped_curated", 0) + 1
            continue
        if any(fold(n) in site_names for n in c.all_names()):
            stats["gcat_orgs_skipped_site"] = stats.get("gcat_orgs_skipped_site", 0) + 1
            continue
        kept.append(c)

    # A surface form (acronym per state, or alias) goes to one entry only: the
    # best-ranked one (e.g. TASA rather than its predecessor NSPO for 國家太空中心).
    acronym_owner: dict[tuple[str, str | None], str] = {}
    name_owner: dict[str, str] = {fold(c.name): c.row["Code"] for c in kept}
    for c in sorted(kept, key=OrgCandidate.rank):
        if c.acronym:
            acronym_owner.setdefault((c.acronym, c.code), c.row["Code"])
        for n in c.names_en + [v for _, v in c.natives]:
            name_owner.setdefault(fold(n), c.row["Code"])

    gen_ids: dict[str, str] = {}
    entries_by_code: dict[str, dict[str, Any]] = {}
    for c in sorted(kept, key=lambda c: (slugify(c.name), c.row["Code"])):
        code_ = c.row["Code"]
        acronym = (
            c.acronym if c.acronym and acronym_owner.get((c.acronym, c.code)) == code_ else None
        )
        eid = ids.allocate(slugify(c.name), "gcat", slugify(code_))
        gen_ids[code_] = eid
        aliases: dict[str, list[str]] = {}
        for n in c.names_en:
            if name_owner.get(fold(n)) == code_:
                add_alias(aliases, "en", n, exclude=[c.name])
        for lang, value in c.natives:
            if (
                name_owner.get(fold(value)) == code_
                and fold(value) != fold(c.name)
                and (len(value) >= 4 or not is_latin(value))
            ):
                add_alias(aliases, lang, value)
        entry: dict[str, Any] = {"id": eid, "type": c.etype, "name": c.name, "code": c.code}
        if c.natives and fold(c.natives[0][1]) != fold(c.name):
            entry["native_name"] = c.natives[0][1]
        entry["acronyms"] = [acronym] if acronym else []
        entry["aliases"] = finish_aliases(aliases)
        amb = [acronym] if acronym and len(acronym) <= 3 else []
        if amb:
            entry["ambiguous"] = sorted(set(amb))
        entry["source"] = SOURCE_GCAT
        entries_by_code[code_] = entry

    # Parents: a generated parent, else a curated entry that matches the parent's names.
    for code_, entry in entries_by_code.items():
        parent_code = by_code[code_]["Parent"]
        if parent_code in ("", "-"):
            continue
        parent_id = gen_ids.get(parent_code)
        if parent_id is None and parent_code in by_code:
            prow = by_code[parent_code]
            if prow["Type"] not in SKIP_TYPES:
                pdisplay, penglish, pnatives = _org_names(prow)
                pnames = [pdisplay] + penglish + [v for _, v in pnatives]
                pacr = [a for a in [_acronym(prow["ShortName"])] if a]
                parent_id = curated.match_other(pnames, pacr, gcat_state_code(prow["StateCode"]))
        if parent_id and parent_id != entry["id"]:
            source = entry.pop("source")
            entry["parent"] = parent_id
            entry["source"] = source
    stats["gcat_orgs_agencies"] = sum(1 for e in entries_by_code.values() if e["type"] == "agency")
    stats["gcat_orgs_organizations"] = sum(
        1 for e in entries_by_code.values() if e["type"] == "organization"
    )
    return list(entries_by_code.values())


# ---------------------------------------------------------------------------
# Validation and main
# ---------------------------------------------------------------------------

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def validate(out_dir: Path, curated_ids: set[str], files: list[Path]) -> list[str]:
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path in files:
        entries = load_yaml_entries(path)
        for e in entries:
            eid = e.get("id")
            if not isinstance(eid, str) or not ID_RE.match(eid):
                problems.append(f"{path.name}: bad id {eid!r}")
                continue
            if eid in seen:
                problems.append(f"{path.name}: duplicate id {eid} (also in {seen[eid]})")
            if eid in curated_ids:
                problems.append(f"{path.name}: id {eid} collides with a curated id")
            seen[eid] = path.name
            for req in ("type", "name", "aliases", "source"):
                if req not in e:
                    problems.append(f"{path.name}: {eid} lacks {req}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared", type=Path, required=True, help="path of the shared checkout (contains data/)"
    )
    parser.add_argument(
        "--out", type=Path, required=True, help="output directory for the generated YAML files"
    )
    parser.add_argument(
        "--curated",
        type=Path,
        default=None,
        help="directory of curated KB YAML files (default: parent of --out)",
    )
    args = parser.parse_args(argv)

    shared: Path = args.shared
    out_dir: Path = args.out
    curated_dir: Path = args.curated or out_dir.parent
    curated = CuratedIndex.load(curated_dir, out_dir)
    ids = IdAllocator(curated.ids)
    stats: dict[str, int] = {"curated_files": len(curated.files), "curated_ids": len(curated.ids)}

    travellers = build_travellers(shared, curated, ids, stats)
    sites = build_sites(shared, curated, ids, stats)
    site_names = {fold(n) for e in sites for n in entry_names(e)}
    orgs = build_orgs(shared, curated, ids, site_names, stats)

    header_common = (
        "# GENERATED by scripts/build_kb_from_shared.py -- do not edit by hand;\n"
        "# curated entries in the parent directory take precedence.\n"
    )
    outputs = [
        (
            "space-travellers.yaml",
            travellers,
            "# People who have flown to space. Sources: space-travellers-2026 (Wikipedia/Wikidata\n"
            "# list of space travellers, CC BY-SA 4.0 / CC0) and stavnichuk-corlett-2020 (native-\n"
            "# script names). See scripts/README-kb-sources.md.\n",
        ),
        (
            "gcat-sites.yaml",
            sites,
            "# Orbital launch sites from GCAT (Jonathan McDowell, planet4589.org), data update\n"
            "# 2024-01-13. See scripts/README-kb-sources.md.\n",
        ),
        (
            "gcat-orgs.yaml",
            orgs,
            "# Space agencies and space organisations from GCAT (Jonathan McDowell,\n"
            "# planet4589.org), data update 2024-01-13. See scripts/README-kb-sources.md.\n",
        ),
    ]
    written: list[Path] = []
    for filename, entries, header in outputs:
        path = out_dir / filename
        dump_entries(entries, path, header_common + header)
        written.append(path)

    problems = validate(out_dir, curated.ids, written)
    for p in problems:
        print("error:", p, file=sys.stderr)
    for filename, entries, _ in outputs:
        print(f"{filename}: {len(entries)} entries")
    for k in sorted(stats):
        print(f"  {k}: {stats[k]}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
