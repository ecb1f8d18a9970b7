"""Satellites that one state built, co-developed or financed for another
(kb/data/missions-international.yaml): recognised in several languages with their owner's
code, and every entry says who owns it, what it is and when it flew."""

from __future__ import annotations

import pytest

from spacediplo.kb import load_kb
from spacediplo.kb.base import KnowledgeBase
from spacediplo.stages.actors import ActorRecogniser

FILE = "missions-international.yaml"
KINDS = {
    "satellite",
    "probe",
    "crewed-spacecraft",
    "station",
    "launcher",
    "programme",
    "experiment",
    "cargo-spacecraft",
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="module")
def recogniser(kb: KnowledgeBase) -> ActorRecogniser:
    return ActorRecogniser(kb)


def codes(recogniser: ActorRecogniser, text: str, lang: str) -> dict[str, str | None]:
    return {m.entity_id: m.code for m in recogniser.mentions(text, lang)}


@pytest.mark.parametrize(
    ("lang", "text", "entity", "code"),
    [
        (
            "en",
            "EgyptSat-1 was developed with Ukraine's Yuzhnoye design bureau and launched in 2007.",
            "egyptsat-1",
            "EGY",
        ),
        ("en", "Engineers from Kenya built Taifa-1 with a Bulgarian company.", "taifa-1", "KEN"),
        ("fr", "Le satellite AngoSat-2, construit pour l'Angola, vole.", "angosat-2", "AGO"),
        ("fr", "Bangabandhu-1 a été construit par un industriel français.", "bangabandhu-1", "BGD"),
        ("ru", "Ракета вывела на орбиту иранский спутник «Хайям».", "khayyam", "IRN"),
        ("ru", "Казахстанский спутник «КазСат-3» был построен в России.", "kazsat-3", "KAZ"),
        ("es", "El satélite Túpac Katari fue construido en China para Bolivia.", "tksat-1", "BOL"),
        ("es", "La Argentina desarrolló SAOCOM 1A junto con Italia.", "saocom-1a", "ARG"),
        ("de", "Der Satellit Türksat 5A wurde in Frankreich gebaut.", "turksat-5a", "TUR"),
        ("ar", "أطلقت الصين القمر الصناعي مصر سات 2 إلى المدار.", "misrsat-2", "EGY"),
        ("zh", "委内瑞拉遥感卫星二号由中国研制。", "vrss-2", "VEN"),
        ("zh", "巴基斯坦遥感卫星一号顺利进入预定轨道。", "prss-1", "PAK"),
    ],
)
def test_recognised_with_owner_code(
    recogniser: ActorRecogniser, lang: str, text: str, entity: str, code: str
) -> None:
    found = codes(recogniser, text, lang)
    assert found.get(entity, "missing") == code, found


def test_builder_is_a_partner(kb: KnowledgeBase) -> None:
    egyptsat = kb.entries["egyptsat-1"]
    assert egyptsat.partners == ["EGY", "UKR"]
    assert {"PAK", "CHN"} <= set(kb.entries["prss-1"].partners)


@pytest.mark.parametrize(
    ("lang", "text", "entity"),
    [
        ("fr", "Le roi Mohammed VI a inauguré un hôpital à Rabat.", "mohammed-vi-a"),
        ("es", "Ingenio y constancia marcaron la carrera del pintor.", "ingenio"),
        ("en", "Diwata is a word for a spirit in Philippine folklore.", "diwata-1"),
        ("de", "Das BKA ermittelt gegen eine Bande von Betrügern.", "bka"),
        ("en", "Belka and Strelka returned from orbit in 1960.", "belka"),
        ("es", "La plaza Simón Bolívar estaba llena de gente.", "venesat-1"),
    ],
)
def test_ordinary_words_are_not_satellites(
    recogniser: ActorRecogniser, lang: str, text: str, entity: str
) -> None:
    assert entity not in codes(recogniser, text, lang)


def test_every_entry_is_an_international_or_owned_spacecraft(kb: KnowledgeBase) -> None:
    entries = [e for e in kb.entries.values() if e.origin == FILE]
    assert len(entries) >= 60
    for entry in entries:
        where = f"{entry.id}: "
        assert entry.type == "mission", where + "not a mission"
        assert entry.code or len(entry.partners) >= 2, where + "no owner or partners"
        if entry.code and entry.partners:
            assert entry.code in entry.partners, where + "owner missing from partners"
        assert entry.kind in KINDS, where + f"kind {entry.kind!r}"
        first = entry.years[0] if entry.years else None
        assert isinstance(first, int) and 1957 <= first <= 2030, where + "no launch year"
        assert {"fr", "ru", "es", "de"} <= set(entry.aliases), where + "missing languages"
