"""Text from documents, made safe to print on a terminal.

Titles, quotes and file names come from untrusted documents: an escape sequence in
them could set the window title or clear the screen, a right-to-left override could
make ``gnp.exe`` read as ``exe.png``. ``clean`` shows each such character as a
visible escape (``\\x1b``, ``\\u202e``) instead; ``SafeConsole`` applies it to every
string a rich console renders (plain prints and table cells alike), so commands can
print document text without thinking about it.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Text

# C0 controls but tab and newline, DEL, C1 controls (0x9b is a one-byte CSI), and the
# bidirectional formatting characters (embeddings, overrides, isolates, marks).
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str) -> str:
    """``text`` with control and bidi-override characters shown as ``\\x..``/``\\u....``."""
    return UNSAFE.sub(_visible, text)


def clean_line(text: str) -> str:
    """``clean`` for a one-line message: runs of whitespace (newlines too) become a space."""
    return clean(" ".join(text.split()))


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is when a record comes (tests swap it)."""

    badia_cli = True

    @property  # type: ignore[override]
    def stream(self):  # noqa: ANN201
        return sys.stderr

    @stream.setter
    def stream(self, value: object) -> None:
        pass


class _CleanLines(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = clean_line(record.getMessage()), None
        return True


def warn_on_stderr(logger: str = "badia") -> None:
    """Show the package's warnings (a file read in a detected encoding, ...) as one clean
    ``warning: ...`` line each on stderr; calling it again adds no second handler."""
    log = logging.getLogger(logger)
    if any(getattr(h, "badia_cli", False) for h in log.handlers):
        return
    handler = _Stderr()
    handler.setFormatter(logging.Formatter("warning: %(message)s"))
    handler.addFilter(_CleanLines())
    log.addHandler(handler)
    if log.level == logging.NOTSET:
        log.setLevel(logging.WARNING)


class SafeConsole(Console):
    """A rich ``Console`` that cleans every string it renders (see ``clean``): strings
    before layout, and the text of every segment after it (``Text`` cells built by
    hand), leaving rich's own control segments (cursor moves of a progress bar) alone."""

    def render_str(self, text: str, **kwargs: object) -> Text:  # type: ignore[override]
        return super().render_str(clean(text), **kwargs)  # type: ignore[arg-type]

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control is None and UNSAFE.search(segment.text):
                yield Segment(clean(segment.text), segment.style)
            else:
                yield segment
