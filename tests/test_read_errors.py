"""Bad input: every case becomes a one-line ReadError, and a batch goes on."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from badia.model import Document
from badia.read import MAX_BYTES, ReadError, iter_read, read_bytes, read_path, read_text

GOOD = "= Raid =\n\nOn 25 July 2018, ISIL attacked Suwayda.\n"


def test_error_str_is_one_line():
    err = ReadError("a/b.txt", "empty file")
    assert str(err) == "a/b.txt: empty file" and err.path == "a/b.txt"
    assert MAX_BYTES == 10 * 1024 * 1024  # the issue-13 default: generous for real articles


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 9)) * 50, "binary"),
    ],
)
def test_refused_bytes(data: bytes, reason: str):
    with pytest.raises(ReadError, match=reason):
        read_bytes(data, "bad.txt")


def test_size_limit_is_configurable(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_text(GOOD * 50, encoding="utf-8")
    with pytest.raises(ReadError, match="too large"):
        read_path(path, max_bytes=100)
    assert read_path(path).format == "dump"


@pytest.mark.parametrize(
    "data",
    [
        GOOD.encode("utf-8-sig"),
        GOOD.encode("utf-16"),
        GOOD.replace("Raid", "Raid – café").encode("cp1252"),
        GOOD.replace("Raid", "Raid café").encode("latin-1"),
    ],
)
def test_decodings(data: bytes):
    doc = read_bytes(data, "enc.txt")
    assert doc.title.startswith("Raid")
    assert not doc.text.startswith("\ufeff") or doc.text[1:].startswith("=")
    assert doc.sentences()[0][2].text == "On 25 July 2018, ISIL attacked Suwayda."


def test_cp1252_punctuation_decoded():
    doc = read_bytes("= Raid – café =\n\nISIL attacked.\n".encode("cp1252"), "x.txt")
    assert doc.title == "Raid – café"


def test_truncated_utf16_reported():
    with pytest.raises(ReadError, match="malformed"):
        read_bytes("= Raid =\n\nText.".encode("utf-16")[:-1], "t.txt")


def test_html_without_text():
    with pytest.raises(ReadError, match="no extractable text"):
        read_text("<html><body><nav>Home</nav></body></html>", "empty.html")


def test_missing_file():
    with pytest.raises(ReadError, match="no such file"):
        read_path(Path("/nonexistent/x.txt"))


def test_batch_goes_on(tmp_path: Path):
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "d.jsonl").write_text(
        '{"id": "x1", "text": "ISIL attacked the town. The army held."}\n'
        "{not json\n"
        '{"id": "x3"}\n'
        "[1, 2]\n"
        '{"id": "x5", "text": "Rebels withdrew."}\n',
        encoding="utf-8",
    )
    (tmp_path / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    items = list(iter_read([tmp_path, tmp_path / "missing.txt", str(tmp_path / "*.nope")]))
    docs = [i.name for i in items if isinstance(i, Document)]
    errors = [str(i) for i in items if isinstance(i, ReadError)]
    assert docs == ["a_good.txt", "x1", "x5"]
    assert len(errors) == 7
    assert any(e.endswith("b_empty.txt: empty file") for e in errors)
    assert any("c_binary.txt: binary" in e for e in errors)
    assert any(
        e.endswith(
            "d.jsonl:2: invalid JSON (Expecting property name enclosed in double quotes, column 2)"
        )
        for e in errors
    )
    assert any(e.endswith("d.jsonl:3: record has no 'text' string") for e in errors)
    assert any(e.endswith("d.jsonl:4: record is not a JSON object") for e in errors)
    assert any("missing.txt: no such file" in e for e in errors)
    assert any("*.nope: no file matches" in e for e in errors)
    assert all("\n" not in e for e in errors)


def test_glob_and_stdin(tmp_path: Path):
    (tmp_path / "one.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "two.txt").write_text(GOOD.replace("Raid", "Raid two"), encoding="utf-8")
    docs = list(iter_read([str(tmp_path / "*.txt")]))
    assert [d.name for d in docs] == ["one.txt", "two.txt"]
    (doc,) = iter_read(["-"], stdin=io.BytesIO(GOOD.encode()))
    assert isinstance(doc, Document) and doc.source == "<stdin>" and doc.format == "dump"
    lines = b'{"id": 1, "text": "A."}\n{"id": 2, "text": "B."}'
    recs = list(iter_read(["-"], stdin=io.BytesIO(lines)))
    assert [r.source for r in recs] == ["<stdin>#1", "<stdin>#2"]
    (err,) = iter_read(["-"], stdin=io.BytesIO(b""))
    assert isinstance(err, ReadError) and str(err) == "<stdin>: empty file"
