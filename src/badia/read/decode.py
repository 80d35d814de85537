"""Bytes -> text, refusing what is not text.

Order matters: a byte-order mark is trusted first (UTF-16 text is full of NUL
bytes), then binary content is refused, then UTF-8 is tried. A file that is not
valid UTF-8 is never silently read as latin-1: a UTF-8 file with a few bad bytes
keeps its UTF-8 (U+FFFD in their place), any other is decoded in the encoding
charset-normalizer detects; either way a warning on the ``badia.read`` logger
names the file and what was chosen.
"""

from __future__ import annotations

import codecs
import logging
import re

from charset_normalizer import from_bytes

from badia.read.errors import MAX_BYTES, ReadError

log = logging.getLogger("badia.read")

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
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if _non_ascii(text) > bad:  # valid multi-byte characters outnumber the bad bytes
        log.warning("%s: %d byte(s) not valid UTF-8; read as UTF-8 with U+FFFD", path, bad)
        return text
    detected = _detect(data)
    if detected is None:
        raise ReadError(path, "not decodable as text (not UTF-8, no other encoding detected)")
    encoding, text = detected
    log.warning("%s: not valid UTF-8; read as %s (detected)", path, encoding)
    return text


# charset-normalizer often finds several encodings about equally likely for a short text
# with a few accented letters (Mac and DOS code pages among them); a Windows code page,
# cp1252 first, is what news and reports on the web were written in.
_CHAOS_SLACK = 0.1  # how much more "chaos" (charset-normalizer's mess ratio) counts as a tie


def _windows_pages(encodings: list[str]) -> list[str]:
    pages = [e for e in encodings if e.startswith("cp125")]
    return sorted(pages, key=lambda e: e != "cp1252")


def _detect(data: bytes) -> tuple[str, str] | None:
    """(encoding, text) charset-normalizer finds most likely, or ``None``."""
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    if best.encoding.startswith("cp125"):
        candidates = [best.encoding]
    else:
        tied = [m for m in matches if m.chaos <= best.chaos + _CHAOS_SLACK]
        candidates = _windows_pages([e for m in tied for e in m.could_be_from_charset])
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            # the same text in cp1252 is named cp1252 (cp1250 decodes 'é' alike)
            same = [e for e in _windows_pages(best.could_be_from_charset) if e == "cp1252"]
            return (same[0] if same and encoding == best.encoding else encoding), text
    text = str(best)
    return (best.encoding, text) if _plausible(text) else None


def _non_ascii(text: str) -> int:
    """Characters beyond ASCII other than U+FFFD: each was a valid UTF-8 sequence."""
    return sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")


def _plausible(text: str) -> bool:
    """A decoding that yields control noise is not the text's encoding."""
    sample = text[:_SAMPLE]
    return len(_CONTROL_CHARS.findall(sample)) <= _MAX_CONTROL_RATIO * max(len(sample), 1)
