"""The two HTML pages (the chat and the agent console), with the 24/7 lines filled in from the
registry when served: `{{crisis_banner}}`, `{{lines_24_7}}`, `{{emergency}}`, `{{lines_24_7_js}}`,
`{{short_lines_pattern}}`."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.responses import HTMLResponse

from directory import render
from directory.models import Registry


def _filled(path: Path, registry: Registry) -> str:
    lines = render.lines_text(registry)
    words = {
        "{{crisis_banner}}": render.banner_html(registry),
        "{{lines_24_7}}": lines,
        "{{emergency}}": registry.emergency_line().phone or "",
        "{{lines_24_7_js}}": json.dumps(lines, ensure_ascii=False)[1:-1],
        "{{short_lines_pattern}}": "|".join(re.escape(n) for n in render.short_numbers(registry)),
    }
    page = path.read_text(encoding="utf-8")
    for placeholder, value in words.items():
        page = page.replace(placeholder, value)
    return page


def page(path: Path, registry: Registry) -> HTMLResponse:
    return HTMLResponse(_filled(path, registry))
