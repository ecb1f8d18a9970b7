"""Fast matching of every knowledge-base name in text, with context rules.

Names are looked up as sequences of match keys (:mod:`.text`): a dictionary from the
first key to the pattern lengths that start with it, then one dictionary lookup per
candidate length. Overlapping candidates resolve to the longest span. Then the rules:

- *Case*: an acronym (a name in capitals, or listed under ``acronyms``) matches only in
  capitals (four letters or more may also be written "Nasa"); a name that starts with a
  capital matches only text that does ("Mir" is not "мир").
- *Combining forms* ("franco-") match only when a hyphen follows ("franco-soviétique").
- *Ambiguous names* (listed under ``ambiguous``) need space context in their sentence:
  another unambiguous actor, or a space word.
- *Capitals* name the government only when not after a preposition of place
  ("Moscow and Beijing agreed" vs "the embassy in Moscow").
- *Several entries for one span* (SCO): the one whose other names occur in the document
  wins, then the one whose name words occur in the sentence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import load_lexicon
from .base import KnowledgeBase, fold_name
from .entry import Entry
from .loader import COUNTRY_NAME_LANGUAGES
from .text import Token, has_cased_upper, key, sentence_index, sentence_spans, tokenize

__all__ = ["Match", "Matcher", "PatternInfo", "get_matcher"]


@lru_cache(maxsize=1)
def _context_words() -> tuple[tuple[str, ...], frozenset[str]]:
    data = load_lexicon("context")
    space = tuple(sorted({key(w) for words in data["space_words"].values() for w in words}))
    place = frozenset(key(w) for words in data["place_words"].values() for w in words)
    return space, place


@lru_cache(maxsize=1)
def _language_cues() -> tuple[frozenset[str], frozenset[str]]:
    data = load_lexicon("context")
    return (
        frozenset(key(w) for w in data["language_before"]),
        frozenset(key(w) for w in data["conjunctions"]),
    )


@lru_cache(maxsize=1)
def _kind_words() -> dict[str, tuple[str, ...]]:
    data = load_lexicon("context")
    return {kind: tuple(str(w) for w in words) for kind, words in data["kind_words"].items()}


_DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "la",
        "le",
        "les",
        "el",
        "los",
        "las",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "l",
    }
)


_STEM = 5
#: Kinds of names, strongest first (used to break ties between equal spans).
KIND_RANK = {"name": 0, "acronym": 1, "capital": 2, "demonym": 3, "prefix": 4}


@dataclass(frozen=True, slots=True)
class PatternInfo:
    entry_id: str
    kind: str  # name | acronym | demonym | capital | prefix
    alias: str
    case: str  # "upper" (acronym), "title" (starts with a capital), "any"
    ambiguous: bool
    lang: str


@dataclass
class Match:
    start: int  # character offsets in the text
    end: int
    token_start: int
    token_end: int
    entry: Entry
    kind: str
    alias: str


def _case_rule(alias: str, is_acronym: bool) -> str:
    letters = [c for c in alias if c.isalpha()]
    if not letters or not any(c.isupper() or c.islower() for c in letters):
        return "any"  # scripts without case
    if is_acronym or (len(letters) >= 2 and all(c.isupper() for c in letters if c.isalpha())):
        return "upper"
    return "title" if has_cased_upper(alias) else "any"


class Matcher:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.patterns: dict[tuple[str, ...], list[PatternInfo]] = defaultdict(list)
        self.lengths: dict[str, list[int]] = defaultdict(list)
        self.long_forms: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for entry in kb.entries.values():
            self._add_entry(entry)
        for first, lengths in self.lengths.items():
            self.lengths[first] = sorted(set(lengths), reverse=True)

    def _add(self, entry: Entry, alias: str, kind: str, ambiguous: set[str], lang: str) -> None:
        keys = tuple(t.key for t in tokenize(alias))
        if not keys:
            return
        is_acronym = kind == "acronym"
        info = PatternInfo(
            entry_id=entry.id,
            kind=kind,
            alias=alias,
            case=_case_rule(alias, is_acronym),
            ambiguous=fold_name(alias) in ambiguous,
            lang=lang,
        )
        bucket = self.patterns[keys]
        if any(
            p.entry_id == info.entry_id
            and p.kind == info.kind
            and p.case == info.case
            # (every language that writes it so: a country's word is read only in texts
            # of its languages)
            and p.lang == info.lang
            for p in bucket
        ):
            return
        bucket.append(info)
        self.lengths[keys[0]].append(len(keys))
        if kind == "name" and len(keys) >= 2:
            self.long_forms[entry.id].add(keys)

    def _add_entry(self, entry: Entry) -> None:
        ambiguous = {fold_name(a) for a in entry.ambiguous}
        for lang, name in entry.all_names():
            self._add(entry, name, "acronym" if lang == "acronym" else "name", ambiguous, lang)
            if lang == "de" and " " not in name and not name.endswith(("s", "x", "z")):
                # German genitive: Russlands, Frankreichs, Roskosmos'.
                self._add(entry, name + "s", "name", ambiguous, lang)
        for kind, mapping in (
            ("demonym", entry.demonyms),
            ("capital", entry.capitals),
            ("prefix", entry.prefixes),
        ):
            for lang, names in mapping.items():
                for name in names:
                    self._add(entry, name.rstrip("-‐"), kind, ambiguous, lang)

    # -- matching --------------------------------------------------------------------------
    def candidates(self, tokens: list[Token]) -> list[tuple[int, int, list[PatternInfo]]]:
        found: list[tuple[int, int, list[PatternInfo]]] = []
        keys = [t.key for t in tokens]
        patterns, lengths = self.patterns, self.lengths
        for i, first in enumerate(keys):
            options = lengths.get(first)
            if not options:
                continue
            for length in options:
                if i + length > len(keys):
                    continue
                infos = patterns.get(tuple(keys[i : i + length]))
                if infos:
                    found.append((i, i + length, infos))
        return found

    def match(
        self,
        text: str,
        tokens: list[Token] | None = None,
        lang: str | None = None,
        sentence_of: list[int] | None = None,
    ) -> list[Match]:
        tokens = tokenize(text) if tokens is None else tokens
        if not tokens:
            return []
        if sentence_of is None:
            sentence_of = sentence_index(tokens, sentence_spans(text))
        document_keys = {t.key for t in tokens}
        accepted: list[tuple[int, int, list[PatternInfo]]] = []
        # A country's name or demonym in another language than the text's is a word of
        # that language, not a name in this text: German "Island" (Iceland) and its
        # genitive "Islands" in "Merritt Island", "the Canary Islands".
        foreign = lang in COUNTRY_NAME_LANGUAGES
        for start, end, infos in self.candidates(tokens):
            valid = [
                p
                for p in infos
                if self._form_ok(p, text, tokens, start, end)
                and not (foreign and self._foreign_country_word(p, lang))
            ]
            if valid:
                accepted.append((start, end, valid))

        # Longest span first; among equal spans, a name written in the document's language
        # (or language-neutral: acronyms, native and English names) before the others.
        def neutral(infos: list[PatternInfo]) -> bool:
            return any(p.lang in (lang, "en", "native", "acronym") for p in infos)

        accepted.sort(key=lambda c: (-(c[1] - c[0]), not neutral(c[2]), c[0]))
        taken = [False] * len(tokens)
        chosen: list[tuple[int, int, list[PatternInfo]]] = []
        for start, end, infos in accepted:
            if any(taken[start:end]):
                continue
            for i in range(start, end):
                taken[i] = True
            chosen.append((start, end, infos))
        chosen.sort()
        sentence_support = self._sentence_support(chosen, sentence_of)
        matches: list[Match] = []
        languages: set[int] = set()
        for start, end, infos in chosen:
            sentence = sentence_of[start]
            info = self._choose(infos, tokens, start, end, document_keys, sentence_of)
            if info is None:
                continue
            if info.ambiguous and (
                not self._space_context(tokens, sentence_of, sentence, sentence_support, start)
                or (
                    self.kb.entries[info.entry_id].type != "country"
                    and self._sentence_start_ambiguous(text, tokens, start, end, sentence_of)
                )
            ):
                continue
            if info.kind == "capital" and self._after_place_word(tokens, start):
                continue
            if info.kind == "demonym" and self._names_a_language(tokens, start, end, languages):
                languages.add(end - 1)
                continue
            entry = self.kb.entries[info.entry_id]
            matches.append(
                Match(
                    tokens[start].start,
                    tokens[end - 1].end,
                    start,
                    end,
                    entry,
                    info.kind,
                    info.alias,
                )
            )
        return matches

    def _foreign_country_word(self, info: PatternInfo, lang: str | None) -> bool:
        return (
            info.kind in ("name", "demonym")
            and info.lang not in (lang, "en", "native", "acronym")
            and self.kb.entries[info.entry_id].type == "country"
        )

    def _form_ok(
        self, info: PatternInfo, text: str, tokens: list[Token], start: int, end: int
    ) -> bool:
        surface = text[tokens[start].start : tokens[end - 1].end]
        if info.case == "upper":
            letters = [c for c in surface if c.isalpha()]
            # "Nasa", "Jaxa": house styles that write long acronyms in title case.
            title_style = len(letters) >= 4 and letters[0].isupper() and end - start == 1
            if not all(c.isupper() for c in letters) and not title_style:
                return False
        elif info.case == "title" and not has_cased_upper(surface):
            return False
        if info.kind == "prefix":
            after = tokens[end - 1].end
            if after >= len(text) or text[after] not in "-‐‑–":
                return False
        return True

    def _choose(
        self,
        infos: list[PatternInfo],
        tokens: list[Token],
        start: int,
        end: int,
        document_keys: set[str],
        sentence_of: list[int],
    ) -> PatternInfo | None:
        entries = {p.entry_id for p in infos}
        best = min(infos, key=lambda p: KIND_RANK[p.kind])
        if len(entries) == 1:
            return best
        current = [p for p in infos if not self.kb.entries[p.entry_id].historic]
        # A capital or adjective shared by a state and its historic predecessor (Moscow:
        # Russia and the USSR) names the state of the time; without a year before the
        # predecessor's end in the sentence, that is today's state.
        if (
            current
            and len(current) < len(infos)
            and all(self.kb.entries[p.entry_id].type == "country" for p in infos)
            and not self._historic_sentence(tokens, start, sentence_of)
        ):
            infos = current
            if len({p.entry_id for p in infos}) == 1:
                return min(infos, key=lambda p: KIND_RANK[p.kind])

        # Several entries share this name: prefer one whose longer names occur in the
        # document ("Space Climate Observatory (SCO)"), then one whose name words occur
        # in the sentence; without evidence, keep the strongest kind of name only if it
        # belongs to a single entry.
        def evidence(info: PatternInfo) -> tuple[int, int]:
            long_forms = self.long_forms.get(info.entry_id, set())
            in_document = sum(
                1 for form in long_forms if set(form) <= document_keys and len(form) > end - start
            )
            sentence = sentence_of[start]
            stems = {
                t.key[:_STEM]
                for t, s in zip(tokens, sentence_of, strict=True)
                if s == sentence and len(t.key) >= _STEM
            }
            own = tokens[start].key[:_STEM]
            name_stems = self._name_stems(info.entry_id) - {own}
            return in_document, len(name_stems & stems)

        scored = sorted(((evidence(p), p) for p in infos), key=lambda s: s[0], reverse=True)
        top, runner_up = scored[0], scored[1]
        if top[0] > runner_up[0] or top[1].entry_id == runner_up[1].entry_id:
            return top[1]
        return None

    @staticmethod
    @lru_cache(maxsize=4096)
    def _name_stems_of(names: tuple[str, ...]) -> frozenset[str]:
        return frozenset(k[:_STEM] for name in names for k in _name_words(name) if len(k) >= _STEM)

    def _name_stems(self, entry_id: str) -> frozenset[str]:
        """First letters of the words of every name of an entry, in every language, and of
        the words for its kind: the words a sentence about it tends to contain ("climat…"
        for the Space Climate Observatory, "lanza…" for the Vega launcher)."""
        entry = self.kb.entries[entry_id]
        kind_words = _kind_words().get(entry.kind or "", ())
        return self._name_stems_of(tuple(n for _, n in entry.all_names()) + kind_words)

    def _historic_sentence(self, tokens: list[Token], start: int, sentence_of: list[int]) -> bool:
        sentence = sentence_of[start]
        for i in range(max(0, start - 40), min(len(tokens), start + 40)):
            word = tokens[i].text
            if (
                sentence_of[i] == sentence
                and len(word) == 4
                and word.isdigit()
                and (1917 <= int(word) <= 1991)
            ):
                return True
        return False

    def _sentence_support(
        self, chosen: list[tuple[int, int, list[PatternInfo]]], sentence_of: list[int]
    ) -> set[int]:
        """Sentences holding at least one unambiguous actor name."""
        support: set[int] = set()
        for start, _, infos in chosen:
            if any(not p.ambiguous and p.kind in ("name", "acronym") for p in infos):
                support.add(sentence_of[start])
        return support

    def _space_context(
        self,
        tokens: list[Token],
        sentence_of: list[int],
        sentence: int,
        support: set[int],
        start: int,
    ) -> bool:
        if sentence in support:
            return True
        for i in range(max(0, start - 40), min(len(tokens), start + 40)):
            if sentence_of[i] == sentence and tokens[i].key.startswith(_context_words()[0]):
                return True
        return False

    def _after_place_word(self, tokens: list[Token], start: int) -> bool:
        """ "in Moscow", "in the Russian capital"; not "In 2021 Moscow and Beijing…"."""
        place = _context_words()[1]
        if start >= 1 and tokens[start - 1].key in place:
            return True
        return (
            start >= 2 and tokens[start - 1].key in _DETERMINERS and tokens[start - 2].key in place
        )

    def _names_a_language(
        self, tokens: list[Token], start: int, end: int, languages: set[int]
    ) -> bool:
        """ "translated into Russian and Chinese", "apprendre le russe": a language.

        ``languages``: token positions of demonyms already read as languages, so that the
        second of a pair joined by "and" follows the first.
        """
        before, conjunctions = _language_cues()
        previous = tokens[start - 1].key if start >= 1 else ""
        if previous in conjunctions:
            return start >= 2 and (start - 2) in languages
        if previous not in before:
            return False
        # "in Russian space policy" is an adjective before a noun phrase; a following
        # capitalised word means a name ("le russe Roscosmos") and is kept too.
        return end >= len(tokens) or not tokens[end].text[:1].isupper()

    def _sentence_start_ambiguous(
        self, text: str, tokens: list[Token], start: int, end: int, sentence_of: list[int]
    ) -> bool:
        """An ambiguous name opening its sentence ("Progress on the treaty…") counts only
        with a model number or a space word right beside it ("Progress MS-25")."""
        if start > 0 and sentence_of[start - 1] == sentence_of[start]:
            return False
        space = _context_words()[0]
        for i in range(end, min(len(tokens), end + 2)):
            word = tokens[i].text
            if any(c.isdigit() for c in word) or (word.isupper() and len(word) >= 2):
                return False
            if tokens[i].key.startswith(space):
                return False
        return True


@lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(t.key for t in tokenize(name))


@lru_cache(maxsize=4)
def get_matcher(kb: KnowledgeBase) -> Matcher:
    return Matcher(kb)
