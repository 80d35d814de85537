"""Bytes -> text, refusing what is not text.

Order matters: a byte-order mark is trusted first (UTF-16 text is full of NUL
bytes), then binary content is refused, then UTF-8 is tried before the legacy
single-byte encodings that accept almost anything.
"""

from __future__ import annotations

import codecs
import re

from badia.read.errors import MAX_BYTES, ReadError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, newline, vertical tab, form feed and carriage return.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SAMPLE = 65536
_MAX_CONTROL_RATIO = 0.02


def check_size(path: str, size: int, max_bytes: int = MAX_BYTES) -> None:
    """Refuse empty and oversized inputs before anything is decoded."""
    if size == 0:
        raise ReadError(path, "empty file")
    if size > max_bytes:
        raise ReadError(path, f"too large ({size} bytes > limit {max_bytes})")


def decode_bytes(data: bytes, path: str, max_bytes: int = MAX_BYTES) -> str:
    """Decode raw bytes to text or raise ``ReadError`` (empty, huge, binary, undecodable)."""
    check_size(path, len(data), max_bytes)
    text = _decode(data, path)
    if not text.strip():
        raise ReadError(path, "empty (whitespace only)")
    return text


def _decode(data: bytes, path: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReadError(
                    path, f"truncated or malformed {encoding} text ({exc.reason})"
                ) from exc
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        raise ReadError(path, "binary content (NUL bytes)")
    if len(_CONTROL_BYTES.findall(sample)) > _MAX_CONTROL_RATIO * len(sample):
        raise ReadError(path, "binary content (control characters)")
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text
    raise ReadError(path, "not decodable as text (utf-8, cp1252, latin-1)")


def _plausible(text: str) -> bool:
    """Legacy decodings always 'work'; keep one only if it does not yield control noise."""
    sample = text[:_SAMPLE]
    return len(_CONTROL_CHARS.findall(sample)) <= _MAX_CONTROL_RATIO * max(len(sample), 1)
