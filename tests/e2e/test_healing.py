"""A crash heals itself under the launcher's supervision (stack/supervisor.py): the action server,
then Rasa, are SIGKILLed. While each is down the crisis reply (static, with the real numbers)
keeps arriving and no message is left without an answer; knowledge answers come back once it is
started again; nothing stored before the crash is lost (the conversation in the tracker store,
the person waiting for a counsellor in the gateway).

On a stack of its own (tests/e2e/stacks.py: own ports, var folder and launcher), started with the
shared one: crashing it cannot slow or break the tests on the shared stack."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from stack.launcher import Stack
from stack.services import StackConfig
from tests.e2e.conftest import gateway_client, tracker_events
from tests.e2e.stacks import HEALING_BASE, StartingStack, e2e_config, own_stack, stack_of_its_own
from tests.e2e.test_conversations import all_text, chat, new_id

pytestmark = [pytest.mark.e2e, pytest.mark.resilience]
MODULE = __name__.rsplit(".", 1)[-1]

KNOWLEDGE = "c'est quoi le PAE?"
CRISIS = "j'ai envie de mourir"
# From the crash to a knowledge answer again: a bound, not a target (Rasa alone takes 1.5 to 3
# minutes to load its model on 2 shared cores).
CEILING_SECONDS = 400.0
# From the moment the launcher sees the service ready again (warmed) to a knowledge answer.
AFTER_READY_SECONDS = 60.0


@own_stack(MODULE)
def healing_config(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> StackConfig:
    return e2e_config(tmp_path_factory, "var-healing", HEALING_BASE)


@pytest.fixture(scope="module")
def own(stacks: dict[str, StartingStack]) -> Iterator[Stack]:
    yield from stack_of_its_own(stacks, MODULE)


def _user_turns(stack: Stack, conversation: str) -> list[str]:
    return [turn.text for turn in tracker_events(stack).turns(conversation) if turn.author == "person"]


def _heal(stack: Stack, gateway: httpx.Client, name: str, conversation: str) -> dict[str, float]:
    first = stack.supervisor.process(name)
    assert first is not None and first.poll() is None
    stack.crash(name)
    crashed = time.monotonic()
    crises, reported = 0, set()
    # Until the supervisor sees it ready again (it checks every half second): every crisis message
    # gets the crisis reply, no question is left without an answer, and the gateway stays ready
    # (200) while saying which part is not.
    while (child := stack.supervisor.child(name)) is not None and child.ready_at is None:
        elapsed = time.monotonic() - crashed
        assert elapsed < CEILING_SECONDS, f"{name}: not ready again {elapsed:.0f} s after the crash"
        reply = chat(gateway, CRISIS, new_id())  # 200 or chat() fails
        assert reply["crisis"] is True and "1 866 277-3553" in all_text(reply), reply
        crises += 1
        # A new conversation each time: one conversation may send 20 messages a minute.
        answer = chat(gateway, KNOWLEDGE, new_id())
        assert answer["messages"], "a question must never get silence"
        readiness = gateway.get("/readyz")
        assert readiness.status_code == 200, readiness.text
        reported.add(readiness.json()[name])
        time.sleep(1.0)
    assert child is not None and child.ready_at is not None
    assert reported - {"ok"}, f"/readyz never said {name} was down or warming: {reported}"
    assert crises >= 1 and child.restarts >= 1 and child.process is not first
    # Ready again: knowledge answers come back at once (the service warmed itself as it started).
    while True:
        answer = chat(gateway, KNOWLEDGE, conversation)
        if answer["sources"] and answer["sources"][0]["topic"] == "pae":
            break
        waited = time.monotonic() - child.ready_at
        assert waited < AFTER_READY_SECONDS, f"{name}: no knowledge answer {waited:.0f} s after ready"
        time.sleep(3.0)  # within the 20 messages a minute of one conversation
    figures = {
        "crash_to_restart_s": round(child.started_at - crashed, 1),
        "crash_to_ready_s": round(child.ready_at - crashed, 1),
        "crash_to_knowledge_s": round(time.monotonic() - crashed, 1),
        "crisis_replies_meanwhile": crises,
    }
    print(f"\n{name}: {figures}")
    return figures


def test_the_action_server_then_rasa_crash_and_heal(own: Stack) -> None:
    with gateway_client(own) as gateway:
        _crash_and_heal(own, gateway)


def _crash_and_heal(stack: Stack, gateway: httpx.Client) -> None:
    conversation, waiting = new_id(), new_id()
    # Before any crash, a knowledge turn stored in the conversation (on a machine shared with other
    # work, a first answer may miss the gateway's budget for Rasa: three tries, 3 s apart).
    for _ in range(3):
        if chat(gateway, KNOWLEDGE, conversation)["sources"]:
            break
        time.sleep(3.0)
    else:
        pytest.fail("the healing stack gave no knowledge answer before any crash")
    chat(gateway, "Bonjour", waiting)
    assert gateway.post(f"/api/live/{waiting}/request").json()["state"] == "waiting"
    before = _user_turns(stack, conversation)

    actions = _heal(stack, gateway, "actions", conversation)
    degraded_seen = gateway.get("/readyz").json()  # healed by now
    assert degraded_seen["actions"] == "ok"

    rasa = _heal(stack, gateway, "rasa", conversation)
    assert gateway.get("/readyz").json()["rasa"] == "ok"

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
