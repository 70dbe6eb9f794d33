"""The gateway's own log lines (`relais.*` loggers) as JSON, one object a line, on stderr, each with
the id of the request it belongs to.

Under uvicorn the `relais` loggers had no handler: their lines (a callback ticket deleted by a
counsellor, Rasa unavailable…) were lost. Here they get one. What goes in a line is what the code
logs: never a message a person wrote (the code never logs one, and a line is only its format
string's arguments: references, counts, error types, counsellors' names).

The request id is the caller's `X-Request-ID` when it is a short token of letters, digits, `-` and
`_` (a reverse proxy sets it), otherwise a new one; it is returned in the `X-Request-ID` header.
Rotation: the launcher rotates var/log/gateway.log (10 MB × 5, stack/supervisor.py); in a
container, the runtime's log driver does (deploy/README.md).
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import uuid
from datetime import UTC, datetime
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID_HEADER = "x-request-id"
_VALID_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        audit = getattr(record, "audit", None)
        if isinstance(audit, dict):  # api/counsellors/audit.py: who did what, never a text
            line["audit"] = audit
        current = request_id.get()
        if current:
            line["request_id"] = current
        if record.exc_info and record.exc_info[0] is not None:
            # The type only: an exception's text can quote what a person wrote.
            line["error"] = record.exc_info[0].__name__
        return json.dumps(line, ensure_ascii=False)


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is now (tests and uvicorn may replace it)."""

    def __init__(self) -> None:
        super().__init__()
        self.fixed_stream: Any = None

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return self.fixed_stream or sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        self.fixed_stream = None if value is sys.stderr else value


def configure_logging(level: int = logging.INFO) -> logging.Handler:
    """One JSON handler on the `relais` logger (idempotent: the app may be created many times)."""
    logger = logging.getLogger("relais")
    logger.setLevel(level)
    for handler in logger.handlers:
        if isinstance(handler, _StderrHandler):
            return handler
    handler = _StderrHandler()
    handler.setFormatter(JsonFormatter())
    logger.addHandler(handler)
    # Still propagated: uvicorn puts no handler on the root logger, and tests read it (caplog).
    return handler


class RequestIdMiddleware:
    """Pure ASGI: sets the request id for the request's log lines and returns it in a header."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = next(
            (value.decode("latin-1") for name, value in scope["headers"] if name == b"x-request-id"),
            "",
        )
        current = given if _VALID_ID.fullmatch(given) else uuid.uuid4().hex
        token = request_id.set(current)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", current.encode("latin-1")))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            request_id.reset(token)
