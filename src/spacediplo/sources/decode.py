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
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(locator, "undecodable text (no character encoding fits)")
    return str(best), best.encoding
