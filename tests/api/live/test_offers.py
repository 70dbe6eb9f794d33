"""The bot's offers to the page ({"relais": {"offers": [...]}}): known values only, once each."""

from __future__ import annotations

import httpx
from fastapi.testclient import TestClient

from api.chat.reply_parser import parse_rasa_replies
from tests.api.conftest import AGENT_KEYS, ScriptedRasa


def test_offers_reach_the_page_and_live_chat_only_with_a_counsellor_present(client: TestClient, rasa: ScriptedRasa) -> None:
    rasa.reply = lambda body: httpx.Response(
        200,
        json=[
            {"text": "Voulez-vous qu'on vous rappelle?"},
            {"custom": {"relais": {"offers": ["callback", "live_chat"]}}},
        ],
    )
    body = client.post("/api/chat", json={"message": "je veux parler à quelqu'un"}).json()
    # Nobody is at the agent console: no live chat is offered, only the call back.
    assert body["offers"] == ["callback"]
    signed_in = client.post("/api/agent/session", json={"name": "Julie", "key": AGENT_KEYS["Julie"]})
    assert signed_in.status_code == 200
    body = client.post("/api/chat", json={"message": "je veux parler à quelqu'un"}).json()
    assert body["offers"] == ["callback", "live_chat"]


def test_unknown_or_repeated_offers_are_dropped() -> None:
    parsed = parse_rasa_replies([
        {"custom": {"relais": {"offers": ["callback", "teleport", 3, "callback"]}}},
        {"custom": {"relais": {"offers": "live_chat"}}},
        {"custom": {"relais": {"offers": ["live_chat"]}}},
    ])  # fmt: skip
    assert parsed.offers == ["callback", "live_chat"]
