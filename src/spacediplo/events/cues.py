"""Cue words of the event lexicon, matched on lemmas in each language."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamDictionaryFactory

from ..kb.text import Token, _morph, has_arabic, has_cjk, key, tokenize
from ..lexicons import load_lexicon
from ..normalize import fold as _fold

__all__ = ["CueHit", "CueIndex", "arabic_bare_forms", "get_cue_index", "lemma_key"]

_SIMPLEMMA_LANGS = frozenset(
    "bg ca cs cy da de el en es et fa fi fr ga gd gl gv hbs hi hu hy id is it ka la lb lt lv "  # noqa: SIM905
    "mk ms nb nl nn pl pt ro ru se sk sl sq sv sw tl tr uk".split()
)
_MAX_CUE_TOKENS = 4
# CJK text is one token per character, so a cue of N characters is N tokens ("谅解备忘录",
# "宇宙飛行士", "양해각서"); only cues written in those scripts may be this long, so the
# Latin languages' tables, and the loop over them, stay at _MAX_CUE_TOKENS.
_MAX_CJK_CUE_TOKENS = 8
# Arabic writes conjunctions (و ف) and prepositions (ب ل ك) as prefixes of the next word;
# kb.text.key strips them only before the article ("والاتفاقية"), so a cue is also tried
# without them ("ووقعت", "لإطلاق", "بتوقيع") when at least this many letters remain.
_ARABIC_CONJUNCTIONS = ("و", "ف")
_ARABIC_PREPOSITIONS = ("ب", "ل", "ك")
_ARABIC_MIN_STEM = 3


@lru_cache(maxsize=1)
def _lemmatizer() -> Lemmatizer:
    # simplemma's default dictionaries are Python dicts of ~70 MB per language (the bulk
    # of the pipeline's memory); the streamed ones stay compressed and decode one small
    # block per lookup (measured: 33 MB instead of 271 MB for en+fr+de+es, same lemmas).
    # lemma_key's cache absorbs the slower lookups.
    strategy = DefaultStrategy(dictionary_factory=StreamDictionaryFactory())
    return Lemmatizer(lemmatization_strategy=strategy)


@lru_cache(maxsize=262_144)
def lemma_key(word: str, lang: str) -> str:
    """The folded lemma of ``word`` in ``lang`` (Russian through pymorphy3, like names)."""
    if any("\u0400" <= c <= "\u04ff" for c in word) or has_arabic(word):
        return key(word)
    if lang in _SIMPLEMMA_LANGS:
        try:
            lowered = word.casefold()
            lemma = _lemmatizer().lemmatize(lowered, lang=lang)
            if (
                lang == "fr"
                and lowered.endswith(_FRENCH_PARTICIPLE_ENDINGS)
                and not lemma.endswith(("er", "ée"))
            ):
                # simplemma reads some feminine/plural participles as other words
                # ("signée" → "signe", "proposée" → "propose"); their masculine form
                # gives the verb. Nouns in -ée ("fusée", "année") are lemmas already.
                verb = _lemmatizer().lemmatize(lowered[: lowered.rindex("é") + 1], lang=lang)
                if verb.endswith("er"):
                    lemma = verb
            return _fold(lemma)
        except ValueError:
            pass
    return _fold(word)


_FRENCH_PARTICIPLE_ENDINGS = ("ée", "ées", "és")


@lru_cache(maxsize=65_536)
def arabic_bare_forms(lemma: str) -> tuple[str, ...]:
    """``lemma`` without a leading conjunction and/or preposition ("ووقعت" → "وقعت",
    "لاطلاق" → "اطلاق", "وباطلاق" → "اطلاق"); the word itself is not among them."""
    forms: list[str] = []
    rest = lemma
    if rest.startswith(_ARABIC_CONJUNCTIONS) and len(rest) - 1 >= _ARABIC_MIN_STEM:
        rest = rest[1:]
        forms.append(rest)
    if rest.startswith(_ARABIC_PREPOSITIONS) and len(rest) - 1 >= _ARABIC_MIN_STEM:
        forms.append(rest[1:])
    return tuple(forms)


@lru_cache(maxsize=65_536)
def _russian_verb_tense(word: str) -> str | None:
    """ "futr", "pres" or "past" when ``word`` is a Russian verb in that tense (pymorphy3's
    first parse), else None."""
    if not any("\u0400" <= c <= "\u04ff" for c in word):
        return None
    tag = _morph().parse(word.casefold())[0].tag
    if "VERB" not in tag:
        return None
    return next((tense for tense in ("futr", "pres", "past") if tense in tag), None)


def future_verb(word: str) -> bool:
    """Is ``word`` a Russian verb in the future tense ("полетит", "займёт", "войдёт")?
    Russian tells most plans by the perfective future alone, with no modal to list."""
    return _russian_verb_tense(word) == "futr"


def present_verb(word: str) -> bool:
    """Is ``word`` a Russian verb in the present tense ("участвует")? Not taking part,
    said in the present, is a fact told, not a refusal ("не будет участвовать")."""
    return _russian_verb_tense(word) == "pres"


@dataclass(frozen=True)
class CueHit:
    group: str
    token_start: int
    token_end: int


class CueIndex:
    """All cue groups of ``lexicons/events.yaml``, per language."""

    def __init__(self) -> None:
        self.data = load_lexicon("events")
        self.languages: set[str] = {
            lang for by_lang in self.data["cues"].values() for lang in (by_lang or {})
        }
        # language → n-gram of lemma keys → groups; built on first use of a language, so
        # only the lemma dictionaries of the languages actually read are loaded.
        self.ngrams: dict[str, dict[tuple[str, ...], set[str]]] = {}
        self.prefixes: dict[str, list[tuple[str, str]]] = defaultdict(list)
        # language → the most tokens of one of its cues
        self.longest: dict[str, int] = defaultdict(lambda: 1)
        # first folded word of a topic phrase → (phrase, topic): one pass over a text
        self.topics: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for topic, words in self.data["topics"].items():
            for word in words:
                phrase = tuple(_fold(t.text) for t in tokenize(str(word)))
                if phrase:
                    self.topics[phrase[0]].append((phrase, topic))

    def _table(self, lang: str) -> dict[tuple[str, ...], set[str]]:
        table = self.ngrams.get(lang)
        if table is None:
            table = self.ngrams[lang] = defaultdict(set)
            for group, by_lang in self.data["cues"].items():
                for word in (by_lang or {}).get(lang) or []:
                    self._add(lang, group, str(word))
        return table

    def _add(self, lang: str, group: str, word: str) -> None:
        if word.endswith("*"):
            self.prefixes[lang].append((lemma_key(word[:-1], lang), group))
            return
        # "=orbiting": only as written, when the lemma is also another word's ("orbit")
        exact = word.startswith("=")
        tokens = tokenize(word.lstrip("="))
        limit = _MAX_CJK_CUE_TOKENS if has_cjk(word) else _MAX_CUE_TOKENS
        if not tokens or len(tokens) > limit:
            return
        self.longest[lang] = max(self.longest[lang], len(tokens))
        table = self.ngrams[lang]
        if not exact:
            table[tuple(lemma_key(t.text, lang) for t in tokens)].add(group)
        table[tuple(_fold(t.text) for t in tokens)].add(group)

    def _future_form(self, word: str, lang: str) -> bool:
        """Is ``word`` a verb in the synthetic future of ``lang`` (by its ending)?"""
        endings = self.data["future_endings"]
        suffixes = endings.get(lang)
        if not suffixes or len(word) < int(endings["min_length"]):
            return False
        return word.endswith(tuple(str(e) for e in suffixes))

    def languages_for(self, lang: str | None) -> list[str]:
        """The cue languages to use for a text: its own, or all of them when unknown."""
        if lang in self.languages:
            return [lang]  # type: ignore[list-item]
        return sorted(self.languages)

    def hits(self, tokens: list[Token], start: int, end: int, lang: str | None) -> list[CueHit]:
        """Cue hits among ``tokens[start:end]``."""
        found: set[CueHit] = set()
        for cue_lang in self.languages_for(lang):
            table = self._table(cue_lang)
            lemmas = [lemma_key(tokens[i].text, cue_lang) for i in range(start, end)]
            surfaces = [_fold(tokens[i].text) for i in range(start, end)]
            longest = self.longest[cue_lang]
            for i in range(len(lemmas)):
                bare = arabic_bare_forms(lemmas[i]) if cue_lang == "ar" else ()
                for n in range(1, longest + 1):
                    if i + n > len(lemmas):
                        break
                    sequences = [tuple(lemmas[i : i + n]), tuple(surfaces[i : i + n])]
                    sequences += [(form, *lemmas[i + 1 : i + n]) for form in bare]
                    for seq in sequences:
                        groups = table.get(seq)
                        if groups:
                            found.update(CueHit(g, start + i, start + i + n) for g in groups)
                for prefix, group in self.prefixes.get(cue_lang, []):
                    if lemmas[i].startswith(prefix) or any(f.startswith(prefix) for f in bare):
                        found.add(CueHit(group, start + i, start + i + 1))
                word = tokens[start + i].text
                # a verb in the future tense: Russian by its morphology, Romance languages
                # by their synthetic endings
                if (cue_lang == "ru" and future_verb(word)) or self._future_form(word, cue_lang):
                    found.add(CueHit("planned", start + i, start + i + 1))
        return sorted(found, key=lambda h: (h.token_start, h.group))

    def topic_hits(self, text_tokens: list[Token]) -> set[str]:
        surfaces = [_fold(t.text) for t in text_tokens]
        found: set[str] = set()
        for i, surface in enumerate(surfaces):
            for phrase, topic in self.topics.get(surface, ()):
                if topic not in found and tuple(surfaces[i : i + len(phrase)]) == phrase:
                    found.add(topic)
        return found


@lru_cache(maxsize=1)
def get_cue_index() -> CueIndex:
    return CueIndex()
