"""Tokens and match keys shared by the knowledge base and the recognisers.

A *key* is the form under which a word is matched: case- and accent-folded; Cyrillic
words reduced to their lemma (so that Роскосмоса, Роскосмосом and Роскосмос meet); Arabic
words stripped of the clitic conjunctions/prepositions and the article. Both the
knowledge base's names and the text are keyed the same way, so inflected mentions of
multi-word names (Национального космического управления) match word by word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..normalize import fold as _fold

__all__ = [
    "Token",
    "has_arabic",
    "has_cased_upper",
    "has_cjk",
    "key",
    "sentence_index",
    "sentence_spans",
    "tokenize",
]

# A word goes on through combining marks, which are not \w: Arabic vowel signs and shadda
# ("وقّعت", "أُطلق"), decomposed accents.
_WORD = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f\u064b-\u065f\u0670])*")
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")

_ARABIC_CLITICS = ("و", "ف", "ب", "ل", "ك")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str


def has_cjk(text: str) -> bool:
    """Does ``text`` hold a CJK or Hangul character (a script tokenised by character)?"""
    return _CJK_CHAR.search(text) is not None


def has_arabic(text: str) -> bool:
    return _ARABIC.search(text) is not None


def has_cased_upper(text: str) -> bool:
    """True when the first cased letter is upper case (False for scripts without case)."""
    for char in text:
        if char.isalpha():
            return char.isupper()
    return False


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


_PROPER_TAGS = ("Surn", "Name", "Patr", "Geox", "Orgn", "Trad")


def _lemma(word: str, proper: bool) -> str:
    parses = _morph().parse(word)
    if not parses:
        return word
    if proper:
        # A capitalised word is a name first: Баканова → баканов, not the adjective.
        for parse in parses:
            if any(tag in parse.tag for tag in _PROPER_TAGS):
                return str(parse.normal_form)
    return str(parses[0].normal_form)


@lru_cache(maxsize=262_144)
def key(word: str) -> str:
    """The match key of one token."""
    if _CYRILLIC.search(word):
        # The lemma (pymorphy3): Национальным, Национальное → национальный; Китая → китай.
        # Case and ё are folded; й and other letters with diacritics stay distinct.
        return _lemma(word.casefold(), word[:1].isupper()).replace("ё", "е")
    folded = _fold(word)
    if _ARABIC.search(word):
        for clitic in _ARABIC_CLITICS:
            if folded.startswith(clitic) and len(folded) > 4 and folded[1:3] == "ال":
                folded = folded[1:]
                break
        if folded.startswith("ال") and len(folded) > 4:
            folded = folded[2:]
    return folded


def tokenize(text: str) -> list[Token]:
    """Word tokens with character offsets; CJK characters are one token each."""
    if not _CJK_CHAR.search(text):
        return [
            Token(m.start(), m.end(), w, key(w)) for m in _WORD.finditer(text) for w in (m.group(),)
        ]
    tokens: list[Token] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if _CJK_CHAR.search(word):
            start = match.start()
            buffer_start: int | None = None
            for i, char in enumerate(word):
                if _CJK_CHAR.match(char):
                    if buffer_start is not None:
                        part = word[buffer_start:i]
                        tokens.append(Token(start + buffer_start, start + i, part, key(part)))
                        buffer_start = None
                    tokens.append(Token(start + i, start + i + 1, char, char))
                elif buffer_start is None:
                    buffer_start = i
            if buffer_start is not None:
                part = word[buffer_start:]
                tokens.append(Token(start + buffer_start, match.end(), part, key(part)))
            continue
        tokens.append(Token(match.start(), match.end(), word, key(word)))
    return tokens


_SENTENCE_END = re.compile(r"(?<=[.!?…。！？؟])[\"'”»)\]]*\s+|\n\s*\n|(?<=[。！？])")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    from ..lexicons import load_lexicon

    return frozenset(str(w) for w in load_lexicon("context")["abbreviations"])


@lru_cache(maxsize=1)
def _ordinal_dot_languages() -> frozenset[str]:
    from ..lexicons import load_lexicon

    return frozenset(str(w) for w in load_lexicon("context")["ordinal_dot_languages"])


def sentence_spans(text: str, lang: str | None = None) -> list[tuple[int, int]]:
    """Sentence boundaries (start, end) of ``text``; paragraphs always end a sentence.

    With ``lang`` known and not one that writes ordinals with a dot ("am 5. Mai"), a
    number, a full stop and a capital end a sentence ("… a Long March 5. The probe …").
    """
    spans: list[tuple[int, int]] = []
    start = 0
    number_ends = lang is not None and lang not in _ordinal_dot_languages()
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        if end <= start:
            continue
        before = text[start:end].rstrip()
        last_word = re.search(r"(\w+)\.$", before)
        if (
            number_ends
            and last_word
            and last_word.group(1).isdigit()
            and text[match.end() : match.end() + 1].isupper()
        ):
            last_word = None
        if (
            last_word
            and (last_word.group(1).casefold() in _abbreviations() or len(last_word.group(1)) == 1)
            and "\n\n" not in match.group()
        ):
            continue
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def sentence_index(tokens: list[Token], sentences: list[tuple[int, int]]) -> list[int]:
    """For each token, the index of its sentence in ``sentences``."""
    index: list[int] = []
    s = 0
    for token in tokens:
        while s < len(sentences) - 1 and token.start >= sentences[s][1]:
            s += 1
        index.append(s)
    return index
