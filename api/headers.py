"""Security headers on every answer, in one middleware.

- Every answer: `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`,
  `Cache-Control: no-store` (shared ward computers: nothing kept in the browser's cache), and a
  Content-Security-Policy whose `frame-ancestors` comes from RELAIS_FRAME_ANCESTORS (the intranet
  host that may embed the page; `'none'` by default, then also `X-Frame-Options: DENY`).
- API answers (JSON): `default-src 'none'`.
- Pages (`/`, `/agent`, `/indicateurs`): `script-src 'self'` and `style-src 'self'`, nothing
  inline (the widget and the console load their script and style from the gateway). A page that
  sets a stricter policy of its own (the indicators page has no script at all) keeps it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response

from api.settings import Settings

_PAGE_STRICT = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'"
)
_API = "default-src 'none'; base-uri 'none'; form-action 'none'"


def content_security_policy(settings: Settings, is_page: bool) -> str:
    base = _PAGE_STRICT if is_page else _API
    return f"{base}; frame-ancestors {settings.frame_ancestors}"


def add_security_headers(app: FastAPI, settings: Settings) -> None:
    page_csp = content_security_policy(settings, is_page=True)
    api_csp = content_security_policy(settings, is_page=False)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        is_page = response.headers.get("content-type", "").startswith("text/html")
        own = response.headers.get("Content-Security-Policy")
        if not (is_page and own and "frame-ancestors" in own):
            response.headers["Content-Security-Policy"] = page_csp if is_page else api_csp
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        if settings.frame_ancestors.strip() == "'none'":
            response.headers["X-Frame-Options"] = "DENY"
        return response
