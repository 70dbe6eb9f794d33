"""The browser side, served by the gateway itself (no CDN): the chat widget (`GET /widget.js`,
`GET /widget.css`, embedded by one script tag or loaded by the page at `/`), the console's script
and style (`GET /agent.js`, `GET /agent.css`), and the 24/7 lines they show (`GET /api/lines`).

No number is written in the scripts: they come from the registry through `GET /api/lines`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from api.deps import RegistryDep, SettingsDep
from directory import render

router = APIRouter(tags=["widget"])

TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
# Short: a fix reaches every intranet page within minutes.
CACHE = "public, max-age=300"


def asset(path: Path, embeddable: bool = False) -> Response:
    headers = {"Cache-Control": CACHE, "X-Content-Type-Options": "nosniff"}
    if embeddable:
        # Intranet pages on other origins load the widget's script and style.
        headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    return Response(path.read_bytes(), media_type=TYPES[path.suffix], headers=headers)


@router.get("/widget.js", include_in_schema=False)
async def widget_js(settings: SettingsDep) -> Response:
    return asset(settings.static_dir / "widget.js", embeddable=True)


@router.get("/widget.css", include_in_schema=False)
async def widget_css(settings: SettingsDep) -> Response:
    return asset(settings.static_dir / "widget.css", embeddable=True)


@router.get("/agent.js", include_in_schema=False)
async def agent_js(settings: SettingsDep) -> Response:
    return asset(settings.static_dir / "agent.js")


@router.get("/agent.css", include_in_schema=False)
async def agent_css(settings: SettingsDep) -> Response:
    return asset(settings.static_dir / "agent.css")


@router.get("/api/lines")
async def lines(registry: RegistryDep) -> dict[str, Any]:
    """The 24/7 lines (crisis lines and the emergency number) with their call and text links."""
    return render.public_lines(registry)
