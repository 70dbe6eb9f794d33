"""Bodies over RELAIS_MAX_BODY_BYTES are refused (413, bilingual): a declared Content-Length
over the limit before anything is read (`DeclaredBodyLimit`), and a body while it streams in
(`BodyLimit`), so a chunked body with no Content-Length cannot fill the memory either. Both are
plain ASGI middlewares (no `BaseHTTPMiddleware`: its task group per request is a measurable
share of the gateway's CPU under load, issue 13)."""

from __future__ import annotations

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import BodyTooLarge, error_response


class StreamedBodyTooLarge(HTTPException):
    """An HTTPException, so FastAPI's body parsing lets it through to its handler."""

    def __init__(self) -> None:
        super().__init__(status_code=413)


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise StreamedBodyTooLarge()
            return message

        await self.app(scope, limited, send)


def too_large() -> JSONResponse:
    """The bilingual 413, whichever limit refused the body."""
    error = BodyTooLarge()
    return error_response(error.status_code, error.code, error.message_fr, error.message_en)


class DeclaredBodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            declared = Headers(scope=scope).get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                await too_large()(scope, receive, send)
                return
        await self.app(scope, receive, send)


def install_body_limit(app: FastAPI, max_bytes: int) -> None:
    app.add_middleware(BodyLimit, max_bytes=max_bytes)

    @app.exception_handler(StreamedBodyTooLarge)
    async def streamed_too_large(_: Request, __: StreamedBodyTooLarge) -> JSONResponse:
        return too_large()
