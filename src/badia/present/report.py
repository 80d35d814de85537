"""The self-contained HTML report: one file, data and libraries inlined, no network.

The page is the template in ``report/`` with Leaflet (vendored), the report's own
CSS/JS and the data of :func:`badia.present.queries.report_data` inlined. The data
sits in a ``type="application/json"`` script with ``<``, ``>``, ``&`` and the JS line
separators escaped, so no document text can close the tag or become markup; a CSP
allows only the one inline script whose hash it carries.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from badia.present.queries import Dataset, load_dataset, report_data

REPORT_DIR = Path(__file__).resolve().parent / "report"
VENDOR_DIR = REPORT_DIR / "vendor"
_VENDOR_JS = ("leaflet.js", "leaflet.markercluster.js")
_VENDOR_CSS = ("leaflet.css", "MarkerCluster.css", "MarkerCluster.Default.css")
_SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=\S+\s*$", re.MULTILINE)
_PLACEHOLDER = re.compile(r"\{\{(CSP|TITLE|STYLE|SCRIPT|DATA)\}\}")
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, str]:
    """(template, CSS, script): read once, the script being vendor JS then our own."""
    css = "\n".join([*(_read(VENDOR_DIR / n) for n in _VENDOR_CSS), _read(REPORT_DIR / "app.css")])
    parts = [_SOURCE_MAP.sub("", _read(VENDOR_DIR / n)) for n in _VENDOR_JS]
    parts.append(_read(REPORT_DIR / "app.js"))
    script = "\n;\n".join(parts)
    if re.search(r"</script|<!--", script, re.IGNORECASE):
        raise ValueError("inline script would end or confuse its <script> element")
    return _read(REPORT_DIR / "template.html"), css, script


def embed_json(data: Any) -> str:
    """JSON safe to place inside a ``<script type="application/json">`` element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


def content_security_policy(script: str, *, api: bool = False) -> str:
    """Nothing may load or run but the report's own inline script and styles; a served
    page over a large store (``api``) may also read its own server's API."""
    connect = "connect-src 'self'; " if api else ""
    return (
        "default-src 'none'; "
        f"script-src '{script_hash(script)}'; {connect}"
        "style-src 'unsafe-inline'; "
        "img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def render_html(data: dict[str, Any]) -> tuple[str, str]:
    """The page and its CSP for report data (as built by ``report_data``)."""
    template, css, script = _assets()
    csp = content_security_policy(script, api=bool(data.get("detail_url")))
    values = {
        "CSP": html.escape(csp, quote=False),
        "TITLE": html.escape(str(data.get("title") or "badia report")),
        "STYLE": css,
        "SCRIPT": script,
        "DATA": embed_json(data),
    }
    # One pass: text substituted in is never scanned for placeholders again.
    page = _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)
    return page, csp


def render_report(ds: Dataset, *, title: str = "badia: events report") -> str:
    """The report page for a dataset snapshot."""
    return render_html(report_data(ds, title=title))[0]


def write_report(source: Dataset | Any, out: str | Path, *, title: str | None = None) -> Path:
    """Write the report for a dataset (or an open store) to ``out``; returns the path."""
    ds = source if isinstance(source, Dataset) else load_dataset(source)
    path = Path(out)
    if path.parent != Path():
        path.parent.mkdir(parents=True, exist_ok=True)
    page = render_report(ds, title=title) if title else render_report(ds)
    path.write_text(page, encoding="utf-8")
    return path
