from __future__ import annotations

import pytest

from spacediplo.model import Document, RawDocument
from spacediplo.settings import DEFAULT_LANGUAGES
from spacediplo.stages.language import LanguageStage, make_identifier

SAMPLES = {
    "en": "The agencies signed an agreement to build a lunar research station together.",
    "fr": "Les deux agences ont signé un accord pour construire ensemble une station lunaire.",
    "ru": "Два агентства подписали соглашение о совместном строительстве лунной станции.",
    "es": "Las dos agencias firmaron un acuerdo para construir juntas una estación lunar.",
    "de": "Die beiden Agenturen unterzeichneten ein Abkommen über den Bau einer Mondstation.",
    "it": "Le due agenzie hanno firmato un accordo per costruire insieme una stazione lunare.",
    "pt": "As duas agências assinaram um acordo para construir juntas uma estação lunar.",
    "zh": "两国航天机构签署协议，共同建设月球科研站。",
    "ar": "وقعت وكالتا الفضاء اتفاقية لبناء محطة أبحاث قمرية مشتركة.",
    "ja": "両国の宇宙機関は月面研究基地を共同で建設する協定に署名した。",
}


@pytest.mark.parametrize("backend", ["lingua", "py3langid"])
@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_identifier_finds_the_language_of_a_sentence(backend: str, lang: str) -> None:
    identifier = make_identifier(backend, DEFAULT_LANGUAGES)
    assert identifier.identify(SAMPLES[lang]) == lang


def test_too_short_text_has_no_language() -> None:
    assert make_identifier("lingua", DEFAULT_LANGUAGES).identify("Back") is None


def test_language_given_by_the_source_is_kept() -> None:
    doc = Document.from_raw(RawDocument("d", "s", "json", "x", "text", lang="FR-ca"))
    doc.text = SAMPLES["en"]
    stage = LanguageStage(make_identifier("lingua", DEFAULT_LANGUAGES))
    assert stage(doc).lang == "fr"


def test_unknown_backend_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language identifier"):
        make_identifier("nope", DEFAULT_LANGUAGES)
