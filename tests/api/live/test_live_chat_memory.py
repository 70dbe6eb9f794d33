"""Live transcripts stay in memory only as long as needed: a grace period after the end, and
abandoned requests leave the queue."""

from __future__ import annotations

from api.errors import LiveChatNotFound
from api.live.queue import ABANDONED_SECONDS, GRACE_SECONDS, LiveChat


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_an_ended_conversation_is_dropped_after_the_grace_period() -> None:
    clock = Clock()
    live = LiveChat(clock=clock)
    live.request("c1")
    live.take("c1", "Julie", "Julie vous rejoint.")
    live.counsellor_message("c1", "Julie", "Bonjour")
    live.end("c1", "Julie", "Julie a quitté la conversation.")
    clock.now += GRACE_SECONDS - 1
    assert [e.kind for e in live.require("c1", person=True).events] == ["joined", "message", "left"]
    clock.now += 2
    assert live.session("c1") is None
    try:
        live.require("c1")
    except LiveChatNotFound:
        pass
    else:
        raise AssertionError("the transcript outlived its grace period")


def test_an_abandoned_request_leaves_the_queue_but_a_visited_one_stays() -> None:
    clock = Clock()
    live = LiveChat(clock=clock)
    live.request("gone")
    live.request("here")
    clock.now += ABANDONED_SECONDS - 10
    live.session("here", person=True)  # the person's page polls
    clock.now += 20
    assert [s.conversation_id for s in live.waiting()] == ["here"]
    assert live.position(live.require("here")) == 1


def test_a_held_conversation_stays_while_the_counsellor_is_active() -> None:
    clock = Clock()
    live = LiveChat(clock=clock)
    live.request("c2")
    live.take("c2", "Julie", "Julie vous rejoint.")
    for _ in range(3):
        clock.now += ABANDONED_SECONDS - 1
        live.held("c2", "Julie")
    assert live.require("c2").state == "with_counsellor"
    clock.now += ABANDONED_SECONDS + 1
    assert live.session("c2") is None
