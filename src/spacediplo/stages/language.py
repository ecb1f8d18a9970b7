"""Language of the main text.

Backend chosen by measurement (``benchmarks/langid.py``; figures in the README):
py3langid restricted to the configured languages is as accurate as lingua's high-accuracy
mode on our paragraphs and sentences, three times faster, and takes about 100 MB instead of
550 MB. lingua (installed with the ``lingua`` extra) stays available as a backend: low
accuracy mode for texts of 120 characters or more, high accuracy for shorter ones.
"""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar, Protocol

from ..model import Document
from ..registry import register_stage
from ..settings import Settings

__all__ = ["LanguageIdentifier", "LanguageStage", "LinguaIdentifier", "Py3langidIdentifier"]

#: Characters of text handed to the identifier: enough for a stable answer on articles.
SAMPLE_CHARS = 2000
#: Below this many letters the text is too short to identify.
MIN_LETTERS = 12
SHORT_TEXT = 120


class LanguageIdentifier(Protocol):
    def identify(self, text: str) -> str | None: ...


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


class LinguaIdentifier:
    """lingua over a closed set of languages."""

    def __init__(self, languages: tuple[str, ...]) -> None:
        from lingua import IsoCode639_1, LanguageDetectorBuilder

        codes = [getattr(IsoCode639_1, code.upper()) for code in languages]
        self._fast = (
            LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()
        )
        self._accurate = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()

    def identify(self, text: str) -> str | None:
        sample = text[:SAMPLE_CHARS]
        if _letters(sample) < MIN_LETTERS:
            return None
        detector = self._accurate if len(sample) < SHORT_TEXT else self._fast
        language = detector.detect_language_of(sample)
        return language.iso_code_639_1.name.lower() if language is not None else None


class Py3langidIdentifier:
    """py3langid restricted to the configured languages (fast, small)."""

    def __init__(self, languages: tuple[str, ...]) -> None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

        self._model = LanguageIdentifier.from_model_file(MODEL_FILE)
        self._model.set_languages(list(languages))

    def identify(self, text: str) -> str | None:
        sample = text[:SAMPLE_CHARS]
        if _letters(sample) < MIN_LETTERS:
            return None
        lang, _ = self._model.classify(sample)
        return str(lang)


@lru_cache(maxsize=4)
def make_identifier(backend: str, languages: tuple[str, ...]) -> LanguageIdentifier:
    if backend == "lingua":
        return LinguaIdentifier(languages)
    if backend == "py3langid":
        return Py3langidIdentifier(languages)
    raise ValueError(f"unknown language identifier {backend!r} (lingua, py3langid)")


class LanguageStage:
    """Sets ``lang`` (ISO 639-1) from the main text, unless the source gave one."""

    name: ClassVar[str] = "language"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    assigns: ClassVar[frozenset[str]] = frozenset({"lang"})

    def __init__(self, identifier: LanguageIdentifier) -> None:
        self.identifier = identifier

    def __call__(self, doc: Document) -> Document:
        given = (doc.lang or "").strip().lower()[:2]
        if given.isalpha() and len(given) == 2:
            doc.lang = given
            return doc
        # Identify on the body: the title alone is short and often English on foreign sites.
        body = doc.text.split("\n\n", 1)[-1] if doc.title else doc.text
        doc.lang = self.identifier.identify(body or doc.text) or self.identifier.identify(doc.text)
        return doc


@register_stage("language")
def make_language(settings: Settings) -> LanguageStage:
    return LanguageStage(make_identifier(settings.langid, settings.languages))
