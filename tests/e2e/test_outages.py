"""Outages, last (pytest runs this file after the others): the crisis path without the action
server, then without Rasa. These tests stop services of the shared stack."""

from __future__ import annotations

import httpx
import pytest

from stack.launcher import Stack
from tests.e2e.test_conversations import all_text, chat, new_id

pytestmark = pytest.mark.e2e


def test_crisis_without_the_action_server(stack: Stack, gateway: httpx.Client) -> None:
    before = gateway.get("/metrics").text
    stack.kill("actions")
    reply = chat(gateway, "j'ai envie de mourir", new_id())
    assert reply["crisis"] is True
    assert "1 866 277-3553" in all_text(reply)
    # Rasa itself answered with its static response: the gateway's safety net was not needed.
    after = gateway.get("/metrics").text
    assert _counter(after, "crisis_safety_net") == _counter(before, "crisis_safety_net")
    assert _counter(after, "rasa_unavailable") == _counter(before, "rasa_unavailable")
    question = chat(gateway, "le PAE est-il gratuit?", new_id())
    assert question["messages"], "a question must never get silence"
    # Asking for a person needs the action server's triage: the apology's 24/7 lines instead.
    person = chat(gateway, "je veux parler à quelqu'un", new_id())
    assert "811" in all_text(person) and "1 866 277-3553" in all_text(person)


def test_crisis_without_rasa(stack: Stack, gateway: httpx.Client) -> None:
    stack.kill("rasa")
    reply = chat(gateway, "chu pu capable, j'pense à en finir", new_id())
    assert reply["crisis"] is True and "1 866 277-3553" in all_text(reply)
    other = chat(gateway, "bonjour", new_id())
    assert other["crisis"] is False and "811" in all_text(other)


def _counter(metrics: str, name: str) -> int:
    for line in metrics.splitlines():
        if line.startswith(f"relais_{name}_total "):
            return int(float(line.split()[-1]))
    return 0
