"""A gateway with a scripted Rasa behind the real HTTP client (httpx MockTransport)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings


@dataclass
class ScriptedRasa:
    """Answers Rasa's REST webhook with whatever `reply` returns, and records what it received."""

    reply: Callable[[dict[str, Any]], httpx.Response] = lambda body: httpx.Response(
        200, json=[{"recipient_id": body["sender"], "text": "Bonjour!"}]
    )
    received: list[dict[str, Any]] = field(default_factory=list)

    def fail_with(self, error: Exception) -> None:
        """Make every webhook call raise `error`, as a stopped or stuck Rasa would."""

        def raise_error(_: dict[str, Any]) -> httpx.Response:
            raise error

        self.reply = raise_error

    def handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/status":
            return httpx.Response(200, json={"model_id": "test-model"})
        body = json.loads(request.content)
        self.received.append(body)
        return self.reply(body)


@pytest.fixture
def rasa() -> ScriptedRasa:
    return ScriptedRasa()


@pytest.fixture
def client(rasa: ScriptedRasa) -> Iterator[TestClient]:
    # Nothing listens on port 9 (discard): the action server counts as down in these tests.
    settings = Settings(
        rasa_urls=["http://rasa.test"], rasa_token="test-token", action_server_url="http://127.0.0.1:9"
    )
    app = create_app(settings, rasa_transport=httpx.MockTransport(rasa.handler))
    with TestClient(app) as test_client:
        yield test_client
