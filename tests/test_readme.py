"""The README's walk-through, run as a new user would: every command in order on examples/.

Each ``badia ...`` line of the walk-through block is followed by ``# → LINE``: the
command must exit 0 and print a line matching LINE (``…`` stands for any text). The
commands run in a fresh folder where ``examples`` points at the repository's demo
corpus, with the ``badia`` of the interpreter running the tests (the project's .venv).
"""

from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BADIA = Path(sys.executable).parent / "badia"
BLOCK = re.compile(
    r"<!-- walk-through: start -->\n```sh\n(.*?)```\n<!-- walk-through: end -->", re.S
)


def walk_through() -> list[tuple[list[str], str]]:
    """(argv, expected line) for each command of the README's walk-through block."""
    found = BLOCK.search(README.read_text(encoding="utf-8"))
    assert found, "README has no walk-through block"
    steps: list[tuple[list[str], str]] = []
    for line in found.group(1).splitlines():
        if line.startswith("badia"):
            steps.append((shlex.split(line), ""))
        elif line.startswith("# → "):
            argv, _ = steps[-1]
            steps[-1] = (argv, line.removeprefix("# → "))
    assert steps and all(expected for _, expected in steps), steps
    return steps


def pattern(expected: str) -> re.Pattern[str]:
    parts = [re.escape(" ".join(p.split())) for p in expected.split("…")]
    return re.compile(r".*?".join(parts))


def matches(expected: str, output: str) -> bool:
    wanted = pattern(expected)
    return any(wanted.search(" ".join(line.split())) for line in output.splitlines())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(argv: list[str], cwd: Path, env: dict[str, str], expected: str) -> None:
    """Start ``badia serve`` on a free port, fetch the API and the docs page, stop it."""
    port = free_port()
    proc = subprocess.Popen(
        [*argv, "--port", str(port)], cwd=cwd, env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        first = proc.stderr.readline() if proc.stderr else ""
        assert matches(expected.replace("8000", str(port)), first), first
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events", timeout=5) as r:
                    assert r.status == 200
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.3)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.mark.skipif(not BADIA.exists(), reason="badia is not installed beside this Python")
def test_the_walk_through_runs_in_order(tmp_path: Path) -> None:
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    for argv, expected in walk_through():
        argv = [str(BADIA), *argv[1:]]
        if argv[1] == "serve":
            serve(argv, tmp_path, env, expected)
            continue
        done = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=300)
        said = done.stdout + done.stderr
        assert done.returncode == 0, (argv, said)
        assert matches(expected, said), (argv, expected, said)
