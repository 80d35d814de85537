"""Stage 1, read: any supported format -> one ``Document`` (raw text kept, offsets into it).

Public API: ``read_path``, ``read_text``, ``read_bytes`` for one document and
``iter_read`` for a batch (files, folders, globs, ``-`` for stdin, JSONL records
streamed). Single-document functions raise ``ReadError`` (a ``badia.errors.BadiaError``)
and nothing else: a reader failing inside (a parser's ``RecursionError``) becomes a
``ReadError`` naming the input; ``iter_read`` yields it instead so a batch goes on
past bad files. Budgets per document: ``max_bytes`` (default ``MAX_BYTES``, 10 MB)
and ``time_limit`` seconds of reading (default ``badia.budget.DEFAULT_SECONDS``).
"""

from __future__ import annotations

import glob
import hashlib
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from badia.budget import DEFAULT_SECONDS, OverBudget, time_budget
from badia.errors import describe
from badia.model import Document
from badia.read.base import Parsed
from badia.read.dates import parse_date
from badia.read.decode import check_size, decode_bytes
from badia.read.detect import FORMATS, detect_content, detect_format
from badia.read.errors import MAX_BYTES, ReadError
from badia.read.jsonl import iter_records

__all__ = [
    "FORMATS",
    "corpus_files",
    "MAX_BYTES",
    "ReadError",
    "detect_format",
    "expand",
    "holds_records",
    "iter_read",
    "read_bytes",
    "read_path",
    "read_text",
]

# Files picked up when a folder is given (explicitly named files are read whatever their name).
CORPUS_SUFFIXES = frozenset(
    {
        ".txt",
        ".text",
        ".jsonl",
        ".ndjson",
        ".html",
        ".htm",
        ".xhtml",
        ".wiki",
        ".wikitext",
        ".mediawiki",
        ".md",
        ".markdown",
    }
)
# A folder's own notes (README.md, LICENSE, ...) describe the corpus; they are not part of it.
FOLDER_NOTES = frozenset({"readme", "license", "licence", "changelog", "contributing", "notice"})
STDIN = "<stdin>"
log = logging.getLogger("badia.read")
# A lone UTF-16 surrogate can reach a ``str`` (JSON "\\ud800", a caller's text) but cannot
# be encoded; it becomes U+FFFD, one character for one, so offsets do not move.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)


def doc_id(raw: bytes) -> str:
    """Content identity: the first 16 hex characters of the sha256 of the raw bytes."""
    return hashlib.sha256(raw).hexdigest()[:16]


def parse(fmt: str, text: str, source: str) -> Parsed:
    """Run the reader of one (non-JSONL) format over a decoded text."""
    if fmt == "dump":
        from badia.read.dump import parse_dump

        return parse_dump(text)
    if fmt == "mirror":
        from badia.read.mirror import parse_mirror

        return parse_mirror(text)
    if fmt == "markdown":
        from badia.read.markdown import parse_markdown

        return parse_markdown(text)
    if fmt == "news":
        from badia.read.news import parse_news

        return parse_news(text)
    if fmt == "wikitext":
        from badia.read.wikitext import parse_wikitext

        return parse_wikitext(text)
    if fmt == "html":
        from badia.read.html import parse_html

        return parse_html(text, source)
    if fmt == "text":
        from badia.read.plain import parse_plain

        return parse_plain(text)
    raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")


def _check_fmt(fmt: str | None) -> None:
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")


def _document(
    text: str,
    raw: bytes,
    *,
    source: str,
    name: str,
    fmt: str,
    time_limit: float | None,
    meta: dict[str, Any] | None = None,
) -> Document:
    try:
        with time_budget(time_limit):
            parsed = parse(fmt, text, source)
    except ReadError:
        raise
    except OverBudget as exc:
        raise ReadError(source, f"took over {exc.seconds:g} s to read (time budget)") from exc
    except Exception as exc:  # a reader failing inside is this input's error, not the caller's
        raise ReadError(source, f"malformed {fmt} ({describe(exc)})") from exc
    for warning in parsed.warnings:
        log.warning("%s: %s", source, warning)
    meta = meta or {}
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    published = None
    for key in ("published", "date"):
        if isinstance(meta.get(key), str):
            published = parse_date(meta[key])
            if published:
                break
    return Document(
        id=doc_id(raw),
        source=source,
        name=name,
        format=fmt,  # type: ignore[arg-type]
        text=parsed.text if parsed.text is not None else text,
        title=title or parsed.title,
        published=published or parsed.published,
        retrieved=parsed.retrieved,
        sections=parsed.sections,
        references=parsed.references,
        infobox=parsed.infobox,
    )


def _record_document(
    record: dict[str, Any],
    lineno: int,
    source: str,
    stem: str,
    max_bytes: int,
    time_limit: float | None,
) -> Document:
    rec_id = record.get("id")
    key = str(rec_id) if rec_id is not None and str(rec_id).strip() else f"{stem}#{lineno}"
    where = f"{source}#{rec_id if rec_id is not None else lineno}"
    text = _no_surrogates(record["text"])
    raw = text.encode("utf-8")
    check_size(where, len(raw), max_bytes)
    fmt = record.get("format")
    if fmt not in FORMATS or fmt == "jsonl":
        fmt = detect_content(text)
        if fmt == "jsonl":
            fmt = "text"
    return _document(text, raw, source=where, name=key, fmt=fmt, time_limit=time_limit, meta=record)


def _iter_jsonl(
    lines: Iterable[bytes | str], source: str, max_bytes: int, time_limit: float | None
) -> Iterator[Document | ReadError]:
    stem = Path(source).stem if source != STDIN else "stdin"
    for item in iter_records(lines, source):
        if isinstance(item, ReadError):
            yield item
            continue
        lineno, record = item
        try:
            yield _record_document(record, lineno, source, stem, max_bytes, time_limit)
        except ReadError as exc:
            yield exc
        except Exception as exc:  # a reader bug must not stop the batch
            yield ReadError(f"{source}:{lineno}", f"malformed ({describe(exc)})")


def _single(docs: Iterator[Document | ReadError], source: str) -> Document:
    items = list(docs)
    for item in items:
        if isinstance(item, ReadError):
            raise item
    if len(items) != 1:
        raise ReadError(source, f"JSONL holds {len(items)} records; use iter_read for a corpus")
    doc = items[0]
    assert isinstance(doc, Document)
    return doc


def read_text(
    text: str,
    name: str,
    fmt: str | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    time_limit: float | None = DEFAULT_SECONDS,
) -> Document:
    """Read a document given as text (``name`` is its file name or label).

    Raises ``ReadError`` (empty, over ``max_bytes`` as UTF-8, over ``time_limit``
    seconds, or malformed); lone surrogates become U+FFFD.
    """
    _check_fmt(fmt)
    if not text.strip():
        raise ReadError(name, "empty (whitespace only)")
    text = _no_surrogates(text)
    raw = text.encode("utf-8")
    check_size(name, len(raw), max_bytes)
    fmt = fmt or detect_format(name, text)
    if fmt == "jsonl":
        return _single(_iter_jsonl(text.splitlines(), name, max_bytes, time_limit), name)
    return _document(text, raw, source=name, name=Path(name).name, fmt=fmt, time_limit=time_limit)


def read_bytes(
    data: bytes,
    name: str,
    fmt: str | None = None,
    *,
    source: str | None = None,
    max_bytes: int = MAX_BYTES,
    time_limit: float | None = DEFAULT_SECONDS,
) -> Document:
    """Read a document given as raw bytes (decoded after binary/size checks).

    Raises ``ReadError`` only (see ``read_text``).
    """
    _check_fmt(fmt)
    source = source or name
    text = decode_bytes(data, source, max_bytes)
    fmt = fmt or detect_format(name, text)
    if fmt == "jsonl":
        return _single(_iter_jsonl(text.splitlines(), source, max_bytes, time_limit), source)
    return _document(
        text, data, source=source, name=Path(name).name, fmt=fmt, time_limit=time_limit
    )


def read_path(
    path: Path,
    fmt: str | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    time_limit: float | None = DEFAULT_SECONDS,
) -> Document:
    """Read one file; raises ``ReadError`` (missing, unreadable, empty, binary, oversized,
    over the time budget, malformed) and nothing else."""
    path = Path(path)
    try:
        if not path.is_file():
            raise ReadError(str(path), _missing_reason(path))
        check_size(str(path), path.stat().st_size, max_bytes)
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(str(path), f"cannot read ({exc.strerror or exc})") from exc
    return read_bytes(
        data, path.name, fmt, source=str(path), max_bytes=max_bytes, time_limit=time_limit
    )


def _missing_reason(path: Path) -> str:
    if path.is_dir():
        return "is a folder, not a file"
    if path.is_symlink():
        return "dangling symbolic link (its target does not exist)"
    return "no such file"


def iter_read(
    paths: Iterable[str | Path],
    fmt: str | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    time_limit: float | None = DEFAULT_SECONDS,
    stdin: IO[bytes] | None = None,
) -> Iterator[Document | ReadError]:
    """Documents from files, folders (recursively), globs and ``-`` (stdin), in order.

    JSONL inputs are streamed record by record. Failures are yielded as
    ``ReadError`` objects, never raised.
    """
    _check_fmt(fmt)
    for arg in paths:
        if str(arg) == "-":
            yield from _read_stream(stdin or sys.stdin.buffer, fmt, max_bytes, time_limit)
            continue
        for path in _expand(str(arg)):
            if isinstance(path, ReadError):
                yield path
            else:
                yield from _read_file(path, fmt, max_bytes, time_limit)


def expand(arg: str) -> Iterator[Path | ReadError]:
    """The files one argument of ``iter_read`` names (not ``-``), in the order it reads them.

    For runners that hand files to worker processes; a ReadError for a name that holds none.
    """
    yield from _expand(arg)


def holds_records(path: Path, fmt: str | None = None) -> bool:
    """True when ``iter_read`` reads ``path`` as JSONL: many documents, streamed."""
    return fmt == "jsonl" or (fmt is None and detect_format(path.name, "") == "jsonl")


def corpus_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files ``iter_read`` would open for ``paths``, without reading them.

    Folders and globs are expanded the same way; ``-`` (stdin) and names that match
    nothing are left out. Progress displays use it for their totals.
    """
    return [p for arg in paths if str(arg) != "-" for p in _expand(str(arg)) if isinstance(p, Path)]


def _expand(arg: str) -> Iterator[Path | ReadError]:
    path = Path(arg)
    if path.is_dir():
        try:
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in CORPUS_SUFFIXES
                and p.stem.casefold() not in FOLDER_NOTES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and (p.is_file() or (p.is_symlink() and not p.exists()))
            )
        except OSError as exc:
            yield ReadError(arg, f"cannot list this folder ({exc.strerror or exc})")
            return
        if not found:
            yield ReadError(arg, "folder holds no readable files")
        for p in found:  # a dangling link is named, not skipped without a word
            yield p if p.is_file() else ReadError(str(p), _missing_reason(p))
    elif path.exists():
        yield path
    elif path.is_symlink():
        yield ReadError(arg, _missing_reason(path))
    elif any(ch in arg for ch in "*?["):
        matches = sorted(Path(p) for p in glob.glob(arg, recursive=True) if Path(p).is_file())
        if not matches:
            yield ReadError(arg, "no file matches this pattern")
        yield from matches
    else:
        yield ReadError(arg, "no such file or folder")


def _read_file(
    path: Path, fmt: str | None, max_bytes: int, time_limit: float | None
) -> Iterator[Document | ReadError]:
    source = str(path)
    try:
        if holds_records(path, fmt):
            if path.stat().st_size == 0:
                raise ReadError(source, "empty file")
            with path.open("rb") as fh:
                yield from _iter_jsonl(fh, source, max_bytes, time_limit)
            return
        yield read_path(path, fmt, max_bytes=max_bytes, time_limit=time_limit)
    except ReadError as exc:
        yield exc
    except OSError as exc:
        yield ReadError(source, f"cannot read ({exc.strerror or exc})")
    except Exception as exc:  # a reader bug must not stop the batch
        yield ReadError(source, f"malformed ({describe(exc)})")


def _read_stream(
    stream: IO[bytes], fmt: str | None, max_bytes: int, time_limit: float | None
) -> Iterator[Document | ReadError]:
    try:
        data = stream.read(max_bytes + 1)
        text = decode_bytes(data, STDIN, max_bytes)
        chosen = fmt or detect_content(text)
        if chosen == "jsonl":
            yield from _iter_jsonl(text.splitlines(), STDIN, max_bytes, time_limit)
        else:
            yield _document(
                text, data, source=STDIN, name="stdin", fmt=chosen, time_limit=time_limit
            )
    except ReadError as exc:
        yield exc
    except Exception as exc:  # a reader bug must not stop the batch
        yield ReadError(STDIN, f"malformed ({describe(exc)})")
