"""Rate limits and the waiting cap: floods get 429 with the 24/7 lines; risk is never refused."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient

from api.main import create_app
from tests.api.callback_gateway import FORM
from tests.api.conftest import ScriptedRasa, gateway_settings

LINES = ("1 866 277-3553", "911")


@contextmanager
def gateway(tmp_path: Path, rasa: ScriptedRasa, **overrides: Any) -> Iterator[TestClient]:
    app = create_app(gateway_settings(tmp_path, **overrides), rasa_transport=httpx.MockTransport(rasa.handler))
    with TestClient(app) as client:
        yield client


def start(client: TestClient) -> tuple[str, dict[str, str]]:
    body = client.post("/api/chat", json={"message": "bonjour"}).json()
    return body["conversation_id"], {"X-Conversation-Token": body["conversation_token"]}


def test_a_chat_over_its_limit_gets_429_but_a_crisis_still_gets_the_crisis_reply(tmp_path: Path) -> None:
    rasa = ScriptedRasa()
    with gateway(tmp_path, rasa, rate_chat_conversation="3/minute") as client:
        conversation, headers = start(client)  # the first message has no id yet: not counted
        for _ in range(3):
            assert client.post("/api/chat", json={"conversation_id": conversation, "message": "allo"}, headers=headers).status_code == 200
        refused = client.post("/api/chat", json={"conversation_id": conversation, "message": "allo"}, headers=headers)
        assert refused.status_code == 429 and refused.json()["error"]["code"] == "too_many_requests"
        assert int(refused.headers["retry-after"]) >= 1
        assert all(line in refused.json()["error"]["message_fr"] for line in LINES)
        received = len(rasa.received)
        crisis = client.post("/api/chat", json={"conversation_id": conversation, "message": "je veux mourir"}, headers=headers)
        assert crisis.status_code == 200 and crisis.json()["crisis"] is True
        assert "1 866 277-3553" in crisis.json()["messages"][0]["text"]
        assert len(rasa.received) == received  # the static reply, without asking Rasa


def test_the_waiting_queue_has_a_cap(tmp_path: Path) -> None:
    with gateway(tmp_path, ScriptedRasa(), max_waiting_conversations=2) as client:
        people = [start(client) for _ in range(3)]
        for conversation, headers in people[:2]:
            assert client.post(f"/api/live/{conversation}/request", headers=headers).status_code == 200
        conversation, headers = people[2]
        full = client.post(f"/api/live/{conversation}/request", headers=headers)
        assert full.status_code == 429 and full.json()["error"]["code"] == "live_queue_full"
        assert all(line in full.json()["error"]["message_fr"] for line in LINES)
        # Those already waiting keep their place; asking again is not refused.
        first, first_headers = people[0]
        again = client.post(f"/api/live/{first}/request", headers=first_headers)
        assert again.status_code == 200 and again.json()["position"] == 1


def test_the_same_contact_cannot_be_flooded_with_callbacks(tmp_path: Path) -> None:
    with gateway(tmp_path, ScriptedRasa()) as client:
        statuses = [client.post("/api/callback", json=FORM).status_code for _ in range(5)]
        assert statuses == [201, 201, 201, 429, 429]
        other = client.post("/api/callback", json={**FORM, "contact": "438 555-0177"})
        assert other.status_code == 201
