"""The `relais.*` log lines: JSON, with the request's id, never what the person wrote."""

from __future__ import annotations

import io
import json
import logging

import httpx
from fastapi.testclient import TestClient

from api.logs import JsonFormatter, configure_logging
from tests.api.conftest import ScriptedRasa


def test_relais_lines_are_json_with_the_request_id_and_no_message_text(
    client: TestClient, rasa: ScriptedRasa
) -> None:
    handler = configure_logging()
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    handler.setStream(buffer)
    try:
        rasa.fail_with(httpx.ConnectError("refused"))
        response = client.post(
            "/api/chat",
            json={"message": "Je m'appelle Sylvie Tremblay"},
            headers={"X-Request-ID": "proxy-id-42"},
        )
        other = client.get("/healthz", headers={"X-Request-ID": "not valid!"})
    finally:
        handler.setStream(None)  # type: ignore[arg-type]
    assert response.headers["x-request-id"] == "proxy-id-42"
    assert len(other.headers["x-request-id"]) == 32  # an invalid id is replaced
    lines = [json.loads(line) for line in buffer.getvalue().splitlines()]
    warning = next(line for line in lines if line["logger"] == "relais.chat")
    assert warning["level"] == "warning" and warning["request_id"] == "proxy-id-42"
    assert "rasa unavailable" in warning["event"]
    assert "Sylvie" not in buffer.getvalue() and "Tremblay" not in buffer.getvalue()


def test_one_handler_however_many_apps(client: TestClient) -> None:
    configure_logging()
    configure_logging()
    handlers = logging.getLogger("relais").handlers
    assert sum(isinstance(h.formatter, JsonFormatter) for h in handlers) == 1
