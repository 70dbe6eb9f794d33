"""A crash heals itself under the launcher's supervision (stack/supervisor.py): the action server,
then Rasa, are SIGKILLed. While each is down the crisis reply (static, with the real numbers)
keeps arriving and no message is left without an answer; knowledge answers come back once it is
started again; nothing stored before the crash is lost (the conversation in the tracker store,
the person waiting for a counsellor in the gateway).

Runs before test_outages.py (which stops services for good) and leaves the stack whole."""

from __future__ import annotations

import time

import httpx
import pytest

from stack.launcher import Stack
from tests.e2e.conftest import tracker_events
from tests.e2e.test_conversations import all_text, chat, new_id

pytestmark = [pytest.mark.e2e, pytest.mark.resilience]

KNOWLEDGE = "c'est quoi le PAE?"
CRISIS = "j'ai envie de mourir"
# From the crash to a knowledge answer again: a bound, not a target (Rasa alone takes 1.5 to 3
# minutes to load its model on 2 shared cores).
CEILING_SECONDS = 400.0
# From the moment the launcher sees the service ready again (warmed) to a knowledge answer.
AFTER_READY_SECONDS = 60.0


def _user_turns(stack: Stack, conversation: str) -> list[str]:
    return [turn.text for turn in tracker_events(stack).turns(conversation) if turn.author == "person"]


def _heal(stack: Stack, gateway: httpx.Client, name: str, conversation: str) -> dict[str, float]:
    first = stack.supervisor.process(name)
    assert first is not None and first.poll() is None
    stack.crash(name)
    crashed = time.monotonic()
    crises = 0
    while True:
        reply = chat(gateway, CRISIS, new_id())  # 200 or chat() fails
        assert reply["crisis"] is True and "1 866 277-3553" in all_text(reply), reply
        crises += 1
        answer = chat(gateway, KNOWLEDGE, conversation)
        assert answer["messages"], "a question must never get silence"
        if answer["sources"] and answer["sources"][0]["topic"] == "pae":
            break
        elapsed = time.monotonic() - crashed
        assert elapsed < CEILING_SECONDS, f"{name}: no knowledge answer {elapsed:.0f} s after the crash"
        time.sleep(1.0)
    healed = time.monotonic() - crashed
    child = stack.supervisor.child(name)
    assert child is not None and child.restarts >= 1 and child.process is not first
    # The supervisor thread notes readiness every half second; give it a moment.
    deadline = time.monotonic() + 5
    while child.ready_at is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert child.ready_at is not None, f"the launcher did not see {name} ready again"
    figures = {
        "crash_to_restart_s": round(child.started_at - crashed, 1),
        "crash_to_ready_s": round(child.ready_at - crashed, 1),
        "crash_to_knowledge_s": round(healed, 1),
        "crisis_replies_meanwhile": crises,
    }
    print(f"\n{name}: {figures}")
    return figures


def test_the_action_server_then_rasa_crash_and_heal(
    stack: Stack, gateway: httpx.Client
) -> None:
    conversation, waiting = new_id(), new_id()
    assert chat(gateway, KNOWLEDGE, conversation)["sources"]
    chat(gateway, "Bonjour", waiting)
    assert gateway.post(f"/api/live/{waiting}/request").json()["state"] == "waiting"
    before = _user_turns(stack, conversation)

    actions = _heal(stack, gateway, "actions", conversation)
    degraded_seen = gateway.get("/readyz").json()  # healed by now
    assert degraded_seen["actions"] == "ok"

    rasa = _heal(stack, gateway, "rasa", conversation)
    # The gateway answered while Rasa was down: its readiness stayed 200, the part said "down".
    assert gateway.get("/readyz").status_code == 200

    after = _user_turns(stack, conversation)
    assert after[: len(before)] == before, "the conversation stored before the crashes is intact"
    assert after.count(KNOWLEDGE) > before.count(KNOWLEDGE)
    live = gateway.get(f"/api/live/{waiting}/events").json()
    assert live["state"] == "waiting" and live["position"] == 1
    log = (stack.config.log_dir / "stack.log").read_text(encoding="utf-8")
    for name in ("actions", "rasa"):
        assert f"{name} s'est arrêté (code -9)" in log and f"{name} redémarré" in log
    metrics = gateway.get("/metrics").text
    assert 'relais_part_up{part="rasa-1"} 1.0' in metrics
    for figures in (actions, rasa):
        # "within a minute after each restart": from the moment the service is ready again.
        assert figures["crash_to_knowledge_s"] - figures["crash_to_ready_s"] < AFTER_READY_SECONDS
