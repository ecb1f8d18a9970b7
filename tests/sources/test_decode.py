from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spacediplo.errors import InputError
from spacediplo.sources.decode import decode_bytes, looks_binary

RUSSIAN = (
    "Роскосмос и Национальное космическое управление Китая подписали меморандум о сотрудничестве."
)
FRENCH = (
    "Le Centre national d'études spatiales a signé un accord de coopération avec l'Inde à Paris."
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(RUSSIAN, "cp1251"), (RUSSIAN, "koi8-r"), (FRENCH, "cp1252"), (FRENCH, "utf-16")],
)
def test_non_utf8_encodings_are_detected(text: str, encoding: str) -> None:
    decoded, _ = decode_bytes((text * 3).encode(encoding), "f.txt")
    assert decoded == text * 3


def test_declared_charset_is_used_when_it_fits() -> None:
    decoded, used = decode_bytes(FRENCH.encode("latin-1"), "u", declared="iso-8859-1")
    assert decoded == FRENCH and used == "iso-8859-1"


def test_binary_data_is_refused_with_the_input_named() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "logo.txt")
    assert info.value.locator == "logo.txt" and "binary" in info.value.reason


def test_empty_input_is_refused() -> None:
    with pytest.raises(InputError, match="empty"):
        decode_bytes(b"  \n ", "blank.txt")


@given(st.text(min_size=1).filter(lambda s: s.strip() and "\x00" not in s))
def test_utf8_text_round_trips(text: str) -> None:
    data = text.encode("utf-8")
    if looks_binary(data):
        return  # control-character soup is refused on purpose
    assert decode_bytes(data, "t")[0] == text
