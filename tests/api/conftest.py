"""A gateway with a scripted Rasa behind the real HTTP client (httpx MockTransport)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings
from privacy.tracker import EVENTS, create_events_table, create_tracker_engine
from tests.conversation_tokens import sign_conversations
from tests.redis_server import redis_server  # noqa: F401 (fixture: one throwaway Redis for tests/api)


@dataclass
class ScriptedRasa:
    """Answers Rasa's REST webhook with whatever `reply` returns, and records what it received.

    With `tracker_url`, it writes the user and bot events of what it received and answered to
    that SQL tracker store, in the table and JSON Rasa 3.6 writes (the gateway reads the console's
    history and the conversations' establishments from there: Rasa's HTTP API is off).
    """

    reply: Callable[[dict[str, Any]], httpx.Response] = lambda body: httpx.Response(
        200, json=[{"recipient_id": body["sender"], "text": "Bonjour!"}]
    )
    received: list[dict[str, Any]] = field(default_factory=list)
    tracker_url: str | None = None
    down: Exception | None = None
    health: dict[str, Any] = field(
        default_factory=lambda: {"warmed": True, "tracker_store": "ok", "tracker_store_fallbacks": 0}
    )

    def fail_with(self, error: Exception) -> None:
        """Make every webhook and tracker call raise `error`, as a stopped or stuck Rasa would."""
        self.down = error

        def raise_error(_: dict[str, Any]) -> httpx.Response:
            raise error

        self.reply = raise_error

    def handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/webhooks/relais/health":  # bot/channels.py
            if self.down is not None:
                raise self.down
            return httpx.Response(200, json=self.health)
        body = json.loads(request.content)
        self.received.append(body)
        response = self.reply(body)
        self._record(body, response)
        return response

    def _record(self, body: dict[str, Any], response: httpx.Response) -> None:
        if response.status_code != 200 or self.tracker_url is None:
            return
        events = [
            {"event": "user", "text": body["message"], "timestamp": time.time(),
             "metadata": body.get("metadata") or {}, "input_channel": "rest"}
        ]  # fmt: skip
        try:
            replies = json.loads(response.content)
        except ValueError:
            replies = []
        for reply in replies if isinstance(replies, list) else []:
            if isinstance(reply, dict) and reply.get("text"):
                events.append({"event": "bot", "text": reply["text"], "timestamp": time.time()})
        write_tracker_events(self.tracker_url, body["sender"], events)


def write_tracker_events(tracker_url: str, sender_id: str, events: list[dict[str, Any]]) -> None:
    """Rows of Rasa's `events` table, as its SQLTrackerStore writes them."""
    engine = create_tracker_engine(tracker_url)
    create_events_table(engine)
    with engine.begin() as connection:
        for event in events:
            connection.execute(
                EVENTS.insert().values(
                    sender_id=sender_id, type_name=event["event"], timestamp=event["timestamp"],
                    intent_name=None, action_name=None, data=json.dumps(event),
                )
            )  # fmt: skip
    engine.dispose()


# Signs the conversation tokens of the `client` fixture (tests/conversation_tokens.py).
CONVERSATION_SECRET = "test-conversation-secret-0123456789abcdef"

# Counsellors of the agent console in these tests (keys of 16+ characters, as in production).
AGENT_KEYS = {"Julie": "julie-key-0123456789", "Marc": "marc-key-0123456789"}


@pytest.fixture
def rasa(tmp_path: Path) -> ScriptedRasa:
    return ScriptedRasa(tracker_url=f"sqlite:///{tmp_path / 'tracker.db'}")


def gateway_settings(tmp_path: Path, **overrides: Any) -> Settings:
    # Nothing listens on port 9 (discard): the action server counts as down in these tests.
    values: dict[str, Any] = {
        "rasa_urls": ["http://rasa.test"],
        "action_server_url": "http://127.0.0.1:9",
        "agent_keys": AGENT_KEYS,
        "database_url": f"sqlite:///{tmp_path / 'relais.db'}",
        "conversation_secret": CONVERSATION_SECRET,
        "tracker_url": f"sqlite:///{tmp_path / 'tracker.db'}",
        "environment": "development",
    }
    return Settings(**{**values, **overrides})


@pytest.fixture
def client(rasa: ScriptedRasa, tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(gateway_settings(tmp_path), rasa_transport=httpx.MockTransport(rasa.handler))
    with TestClient(app) as test_client:
        # As the holder of the secret: the tests of the token itself use `raw_client`.
        sign_conversations(test_client, CONVERSATION_SECRET)
        yield test_client


@pytest.fixture
def raw_client(rasa: ScriptedRasa, tmp_path: Path) -> Iterator[TestClient]:
    """The same gateway, driven as a browser would: tokens only from the replies."""
    app = create_app(gateway_settings(tmp_path), rasa_transport=httpx.MockTransport(rasa.handler))
    with TestClient(app) as test_client:
        yield test_client
