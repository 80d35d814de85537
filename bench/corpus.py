"""Bench corpora: a folder of real documents repeated to a target size, each copy distinct.

A copy shifts every year in the text (1900-2099) by the copy's number, so every copy is a
different document (different bytes, different id, different dates) of the same shape and
length as the original: the cost per document stays that of real text.

Usage: ``python bench/corpus.py SRC_DIR OUT_DIR MEGABYTES`` (or ``build_corpus`` from Python).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_YEAR = re.compile(r"\b(19|20)\d\d\b")
SUFFIXES = {".txt", ".md", ".wiki", ".html", ".htm"}


def shift_years(text: str, by: int) -> str:
    """``text`` with each year 1900-2099 moved ``by`` years later (kept in 1900-2099)."""
    if by == 0:
        return text

    def later(match: re.Match[str]) -> str:
        year = int(match.group(0)) + by
        return str(1900 + (year - 1900) % 200)

    return _YEAR.sub(later, text)


def build_corpus(src: Path, out: Path, megabytes: float) -> tuple[int, int]:
    """Write copies of the documents of ``src`` into ``out`` until ``megabytes`` MB.

    Returns (documents, bytes). Files are named ``<copy>-<name>`` so sorted order is
    copy by copy. Raises ``FileNotFoundError`` if ``src`` holds no documents.
    """
    originals = sorted(p for p in src.iterdir() if p.suffix in SUFFIXES and p.is_file())
    originals = [p for p in originals if p.name.lower() != "readme.md"]
    if not originals:
        raise FileNotFoundError(f"{src}: no documents to copy")
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in originals]
    out.mkdir(parents=True, exist_ok=True)
    target = int(megabytes * 2**20)
    size = n = copy = 0
    while size < target:
        for name, text in texts:
            data = shift_years(text, copy).encode("utf-8")
            (out / f"{copy:03d}-{name}").write_bytes(data)
            size += len(data)
            n += 1
            if size >= target:
                break
        copy += 1
    return n, size


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[-1])
    docs, total = build_corpus(Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3]))
    print(f"{docs} documents, {total / 2**20:.1f} MB in {sys.argv[2]}")
