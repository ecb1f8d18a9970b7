"""A person named with the title of the head of an intergovernmental body acts for that
body; the same person named without it, or as head of a national body, keeps the
nationality."""

from __future__ import annotations

import pytest

from spacediplo.kb import load_kb
from spacediplo.stages.actors import ActorRecogniser


@pytest.fixture(scope="module")
def recogniser() -> ActorRecogniser:
    return ActorRecogniser(load_kb())


def _codes(recogniser: ActorRecogniser, text: str, lang: str) -> dict[str, str | None]:
    return {m.entity_id: m.code for m in recogniser.mentions(text, lang) if m.type == "person"}


@pytest.mark.parametrize(
    ("text", "lang", "person", "code"),
    [
        # The body named in the role phrase before or after the name.
        ("Le directeur général de l'ESA, Jan Wörner, a signé le texte.", "fr", "jan-worner", "ESA"),
        ("Jan Wörner, Director General of ESA, signed the text.", "en", "jan-worner", "ESA"),
        ("Генеральный директор ЕКА Йозеф Ашбахер подписал текст.", "ru", "josef-aschbacher", "ESA"),
        # A bare title: the body the knowledge base says the person heads.
        ("Director General Josef Aschbacher signed the text.", "en", "josef-aschbacher", "ESA"),
        # No title, or the title of a national body: the person's own state.
        ("Josef Aschbacher visited Moscow last week.", "en", "josef-aschbacher", "AUT"),
        ("Jan Wörner, l'ancien patron du DLR, a pris la parole.", "fr", "jan-worner", "DEU"),
        ("NASA Administrator Bill Nelson met the ESA chief.", "en", "bill-nelson", "USA"),
    ],
)
def test_head_of_a_body(
    recogniser: ActorRecogniser, text: str, lang: str, person: str, code: str
) -> None:
    assert _codes(recogniser, text, lang).get(person) == code
