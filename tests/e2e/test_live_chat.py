"""A counsellor takes a conversation over from the real bot, through the real stack."""

from __future__ import annotations

import httpx
import pytest

from stack.launcher import Stack
from tests.e2e.test_conversations import all_text, chat, new_id

pytestmark = pytest.mark.e2e


def test_a_counsellor_takes_over_and_hands_back_to_the_bot(stack: Stack, gateway: httpx.Client) -> None:
    name, key = stack.config.agent_keys.split(":", 1)
    conversation = new_id()
    chat(gateway, "c'est quoi le PAE?", conversation)
    # Nobody at the console yet: the list offers a call back, not a live chat.
    listed = chat(gateway, "je veux parler à quelqu'un", conversation, establishment="demo")
    assert listed["offers"] == ["callback"]

    token = gateway.post("/api/agent/session", json={"name": name, "key": key}).json()["token"]
    agent = {"Authorization": f"Bearer {token}"}
    assert chat(gateway, "/request_human", conversation, establishment="demo")["offers"] == [
        "live_chat",
        "callback",
    ]
    waiting = gateway.post(f"/api/live/{conversation}/request").json()
    assert waiting["state"] == "waiting" and waiting["position"] == 1
    assert "1 866 277-3553" in waiting["explanation"] or any(
        line["tel"] == "tel:+18662773553" for line in waiting["lines"]
    )

    queue = gateway.get("/api/agent/conversations", headers=agent).json()
    assert conversation in [c["conversation_id"] for c in queue["waiting"]]
    assert gateway.post(f"/api/agent/conversations/{conversation}/take", headers=agent).status_code == 200
    history = gateway.get(f"/api/agent/conversations/{conversation}/history", headers=agent).json()
    assert history["bot_history_available"] is True
    assert "c'est quoi le PAE?" in [entry["text"] for entry in history["bot"]]

    held = chat(gateway, "merci d'être là", conversation)
    assert held["messages"] == [] and held["live"]["state"] == "with_counsellor"
    sent = gateway.post(
        f"/api/agent/conversations/{conversation}/messages", headers=agent, json={"text": "Bonjour, je suis là."}
    )
    assert sent.status_code == 200
    events = gateway.get(f"/api/live/{conversation}/events", params={"after": 0}).json()["events"]
    assert [e["kind"] for e in events if e["author"] != "person"][:2] == ["joined", "message"]
    # A crisis while a person holds the conversation still gets the static reply at once.
    crisis = chat(gateway, "j'ai pu envie de vivre", conversation)
    assert crisis["crisis"] is True and "1 866 277-3553" in all_text(crisis)

    assert gateway.post(f"/api/agent/conversations/{conversation}/end", headers=agent).status_code == 200
    back = chat(gateway, "c'est quoi le BQVT?", conversation)
    assert back["messages"] and back["live"] is None
