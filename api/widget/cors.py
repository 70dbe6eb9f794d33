"""Cross-origin calls from the intranet pages that embed the widget (RELAIS_WIDGET_ORIGINS).

The widget runs in the intranet page, not in a frame: its calls to /api/* come from that page's
origin. Only the listed origins may call; no cookies are sent (credentials off): the conversation
travels in the body and the X-Conversation-Token header."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api.settings import Settings

ALLOWED_HEADERS = ["Content-Type", "X-Conversation-Token"]


def allow_widget_origins(app: FastAPI, settings: Settings) -> None:
    if not settings.widget_origins:
        return
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.widget_origins,
        allow_methods=["GET", "POST", "DELETE"],
        allow_headers=ALLOWED_HEADERS,
        allow_credentials=False,
        max_age=600,
    )
