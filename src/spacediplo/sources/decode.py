"""Bytes to text: UTF-8 first, then detection; binary data is refused with a reason."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import InputError

__all__ = ["decode_bytes", "looks_binary"]

# Control characters that never occur in text (tab, newlines, form feed and ESC are fine).
_BINARY_BYTES = set(range(0, 9)) | {11} | set(range(14, 27)) | set(range(28, 32))
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


#: Encodings in rough order of use on news sites (ties in detection go to the earlier one).
_WEB_RANK = {
    name: rank
    for rank, name in enumerate(
        (
            "utf_8",
            "cp1252",
            "latin_1",
            "iso8859_15",
            "cp1251",
            "koi8_r",
            "gb18030",
            "gb2312",
            "big5",
            "shift_jis",
            "euc_jp",
            "euc_kr",
            "cp1256",
            "iso8859_6",
            "cp1250",
            "iso8859_2",
            "cp1253",
            "cp1254",
            "cp1255",
            "cp874",
            "cp1257",
        )
    )
}


def looks_binary(data: bytes, sample: int = 8192) -> bool:
    """True for data that is not text in any 8-bit or UTF-8 encoding (images, archives...)."""
    head = data[:sample]
    if not head:
        return False
    if any(head.startswith(bom) for bom, _ in _BOMS[1:]):
        return False  # UTF-16/32 text has NUL bytes by design
    if b"\x00" in head:
        return True
    odd = sum(1 for b in head if b in _BINARY_BYTES)
    return odd / len(head) > 0.01


def decode_bytes(data: bytes, locator: str, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding)`` or raises :class:`InputError`.

    Order: a byte-order mark, the declared charset (HTTP header), strict UTF-8, then
    charset-normalizer's best guess. Binary data is refused before any guess, because a
    detector will always find *some* 8-bit encoding for it.
    """
    if not data.strip():
        raise InputError(locator, "empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if looks_binary(data):
        raise InputError(locator, "binary data, not text")
    if declared:
        try:
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong header is common; fall through to detection
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data))
    if not matches:
        raise InputError(locator, "undecodable text (no character encoding fits)")
    # Short Western texts fit many 8-bit code pages equally well; among the near-best
    # fits, prefer the encodings the web actually uses.
    least_chaos = min(m.chaos for m in matches)
    best_coherence = max(m.coherence for m in matches if m.chaos == least_chaos)
    near = [m for m in matches if m.chaos == least_chaos and m.coherence >= best_coherence - 0.1]
    chosen = min(near, key=lambda m: _WEB_RANK.get(m.encoding, len(_WEB_RANK)))
    return str(chosen), chosen.encoding
