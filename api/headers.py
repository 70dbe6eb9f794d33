"""Security headers on every answer, in one middleware.

- Every answer: `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`,
  `Cache-Control: no-store` (shared ward computers: nothing kept in the browser's cache; only
  an answer that declares itself `public`, the widget's and the console's script and style,
  which hold nothing personal, keeps its own short caching), and a
  Content-Security-Policy whose `frame-ancestors` comes from RELAIS_FRAME_ANCESTORS (the intranet
  host that may embed the page; `'none'` by default, then also `X-Frame-Options: DENY`).
- API answers (JSON): `default-src 'none'`.
- Pages (`/`, `/agent`, `/indicateurs`): `script-src 'self'` and `style-src 'self'`, nothing
  inline (the widget and the console load their script and style from the gateway). A page that
  sets a stricter policy of its own (the indicators page has no script at all) keeps it.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.settings import Settings

_PAGE_STRICT = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'"
)
_API = "default-src 'none'; base-uri 'none'; form-action 'none'"


def content_security_policy(settings: Settings, is_page: bool) -> str:
    base = _PAGE_STRICT if is_page else _API
    return f"{base}; frame-ancestors {settings.frame_ancestors}"


class SecurityHeaders:
    """A plain ASGI middleware (Starlette's `BaseHTTPMiddleware` runs each request in a task
    group with its own streams: a measurable share of the gateway's CPU under load, issue 13).
    The headers are set on the answer's start message, whatever the route or error."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.page_csp = content_security_policy(settings, is_page=True)
        self.api_csp = content_security_policy(settings, is_page=False)
        self.deny_frames = settings.frame_ancestors.strip() == "'none'"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                is_page = headers.get("content-type", "").startswith("text/html")
                own = headers.get("Content-Security-Policy")
                if not (is_page and own and "frame-ancestors" in own):
                    headers["Content-Security-Policy"] = self.page_csp if is_page else self.api_csp
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                if not headers.get("Cache-Control", "").startswith("public"):
                    headers["Cache-Control"] = "no-store"
                if self.deny_frames:
                    headers["X-Frame-Options"] = "DENY"
            await send(message)

        await self.app(scope, receive, with_headers)


def add_security_headers(app: FastAPI, settings: Settings) -> None:
    app.add_middleware(SecurityHeaders, settings=settings)
