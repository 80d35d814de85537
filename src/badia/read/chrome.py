"""Page chrome recognised by its form: lines a site adds around an article.

Each pattern names a *kind* of boilerplate (share prompts, interface actions,
licence footers, teaser lines cut with an ellipsis), not one site's wording, so
mirrors and news sites we have not seen are cleaned the same way.
"""

from __future__ import annotations

import re

_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # Licence / attribution footers (CC licences, "uses material from ... article").
        r"\buses material from\b.*\barticle\b",
        r"\btext is available under\b",
        r"\bcreative commons\b|\bcc[- ]by(?:-sa)?\b|\bgfdl\b",
        r"\ball rights reserved\b|^\s*(?:©|copyright\b)",
        r"^from wikipedia, the free encyclopedia",
        # Social/share prompts: a short line built around share/follow/subscribe.
        r"^(?:share|tweet|pin|email|e-mail|print|follow|subscribe|like)\b(?!-)[^.!?]{0,40}$",
        r"^(?:sign (?:in|up)|log ?in|register)\b[^.!?]{0,40}$",
        # Interface actions: verb + interface noun, no sentence punctuation.
        r"^(?:add|edit|view|show|hide|expand|collapse|toggle|jump to|skip to|go to|back to|"
        r"cite|download|listen to|open|close)\b[^.!?]{0,40}\b(?:article|description|page|"
        r"section|comments?|menu|links?|image|photos?|video|languages?|source|history|top|"
        r"content|navigation|search|pdf|all)\b[^.!?]*$",
        # Collapsed infobox / fact boxes and teaser lines cut with an ellipsis.
        r"^quick facts\b",
        r"^[^.!?]{0,60}(?:\.\.\.|…)\s*$",
        # Lines with neither letters nor digits (separators, bullets, icons).
        r"^[^0-9A-Za-z\u00c0-\u024f\u0600-\u06ff]*$",
        # Advertising and cookie banners.
        r"^(?:advertisement|sponsored|cookies?\b.{0,60}$)",
    )
)


def is_chrome(line: str) -> bool:
    """True if a (stripped) line is site boilerplate rather than article text."""
    s = line.strip()
    if not s:
        return False
    if len(s) > 300:
        return False  # boilerplate is short; long lines are prose
    return any(p.search(s) for p in _PATTERNS)
