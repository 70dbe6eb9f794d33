"""The live chat's rules on both stores: what one gateway does, another sees; one person cannot be
taken twice; transcripts live only as long as they should."""

from __future__ import annotations

import json

import pytest

from api.errors import ConversationTaken, LiveChatClosed, LiveChatNotFound
from api.live.queue import ABANDONED_SECONDS, GRACE_SECONDS, LiveChat
from api.live.sessions import RedisSessions
from api.shared.redis_client import SharedRedis
from api.shared.state import SharedState
from tests.api.shared.conftest import Backend
from tests.redis_server import RedisServer, redis_command


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def two_gateways(backend: Backend, clock: Clock | None = None) -> tuple[LiveChat, LiveChat]:
    clock = clock or Clock()
    return (
        LiveChat(clock=clock, store=backend.gateway().live_sessions()),
        LiveChat(clock=clock, store=backend.gateway().live_sessions()),
    )


def test_a_person_on_one_gateway_and_a_counsellor_on_the_other(backend: Backend) -> None:
    a, b = two_gateways(backend)
    a.request("first")
    a.request("second")
    assert [s.conversation_id for s in b.waiting()] == ["first", "second"]
    assert b.position(b.require("second")) == 2
    b.take("first", "Julie", "Julie vous rejoint.")
    assert a.position(a.require("second")) == 1
    assert [s.conversation_id for s in a.held_by("Julie")] == ["first"]
    a.person_message("first", "Bonjour, j'ai besoin de parler")
    b.counsellor_message("first", "Julie", "Je suis là.")
    a.flag_crisis("first", "Risque")
    seen = b.held("first", "Julie", open_only=False)
    assert seen.crisis is True
    assert [(e.kind, e.author, e.text) for e in seen.events] == [
        ("joined", "counsellor", "Julie vous rejoint."),
        ("message", "person", "Bonjour, j'ai besoin de parler"),
        ("message", "counsellor", "Je suis là."),
        ("crisis", "system", "Risque"),
    ]
    assert [e.seq for e in a.require("first").after(2)] == [3, 4]
    ended = b.end("first", "Julie", "Julie a quitté.")
    assert ended.state == "ended" and a.require("first").state == "ended"
    with pytest.raises(LiveChatClosed):
        a.person_message("first", "encore là?")


def test_the_language_the_person_reads_is_shared_and_follows_the_latest_request(
    backend: Backend,
) -> None:
    a, b = two_gateways(backend)
    a.request("english", "en")
    a.request("french")
    assert (b.require("english").language, b.require("french").language) == ("en", "fr")
    b.request("french", "en")  # asked again from an English page: same place, English
    assert a.require("french").language == "en" and a.position(a.require("french")) == 2


def test_the_same_person_cannot_be_taken_twice(backend: Backend) -> None:
    a, b = two_gateways(backend)
    a.request("c1")
    a.take("c1", "Julie", "Julie vous rejoint.")
    with pytest.raises(ConversationTaken):
        b.take("c1", "Marc", "Marc vous rejoint.")
    with pytest.raises(ConversationTaken):
        b.counsellor_message("c1", "Marc", "Bonjour")
    assert b.take("c1", "Julie", "Julie vous rejoint.").agent == "Julie"  # asking again is fine
    assert [e.kind for e in b.require("c1").events] == ["joined"]


def test_asking_again_keeps_the_place_and_a_new_request_keeps_counting(backend: Backend) -> None:
    a, b = two_gateways(backend)
    first = a.request("c1")
    assert b.request("c1").order == first.order
    b.take("c1", "Julie", "Julie vous rejoint.")
    b.end("c1", "Julie", "Julie a quitté.")
    again = a.request("c1")
    assert again.state == "waiting" and again.first_seq == 3


def test_an_ended_conversation_is_dropped_after_the_grace_period(backend: Backend) -> None:
    clock = Clock()
    a, b = two_gateways(backend, clock)
    a.request("c1")
    b.take("c1", "Julie", "Julie vous rejoint.")
    b.end("c1", "Julie", "Julie a quitté la conversation.")
    clock.now += GRACE_SECONDS - 1
    assert [e.kind for e in a.require("c1", person=True).events] == ["joined", "left"]
    clock.now += 2
    assert a.session("c1") is None and b.session("c1") is None
    with pytest.raises(LiveChatNotFound):
        b.require("c1")


def test_an_abandoned_request_leaves_the_queue_but_a_visited_one_stays(backend: Backend) -> None:
    clock = Clock()
    a, b = two_gateways(backend, clock)
    a.request("gone")
    a.request("here")
    clock.now += ABANDONED_SECONDS - 10
    b.session("here", person=True)  # the person's page polls, through the other gateway
    clock.now += 20
    assert [s.conversation_id for s in a.waiting()] == ["here"]
    assert a.position(a.require("here")) == 1


def test_a_held_conversation_stays_while_the_counsellor_is_active(backend: Backend) -> None:
    clock = Clock()
    a, b = two_gateways(backend, clock)
    a.request("c2")
    b.take("c2", "Julie", "Julie vous rejoint.")
    for _ in range(3):
        clock.now += ABANDONED_SECONDS - 1
        b.held("c2", "Julie")
    assert a.require("c2").state == "with_counsellor"
    clock.now += ABANDONED_SECONDS + 1
    assert a.session("c2") is None


def test_erasure_drops_the_transcript_for_every_gateway(backend: Backend) -> None:
    a, b = two_gateways(backend)
    a.request("c3")
    b.take("c3", "Julie", "Julie vous rejoint.")
    assert a.erase("c3") is True
    assert b.session("c3") is None and b.held_by("Julie") == []
    assert a.erase("c3") is False


def test_in_a_redis_without_disk_the_words_are_kept_as_written_and_expire(
    redis_server: RedisServer,
) -> None:
    """The counsellor reads what the person wrote (a number may be needed in an emergency), kept
    in memory only and gone with the session; a Redis that may write to disk gets it redacted."""
    if redis_server.process is None:
        redis_server.start()
    shared = SharedRedis(redis_server.gateway_url(), prefix="relais:as-written:")  # ACL user
    assert shared.keeps_to_disk() is False  # tests/redis_server.py: --save "" --appendonly no
    state = SharedState(shared)
    live = LiveChat(store=state.live_sessions())
    live.request("c4")
    live.take("c4", "Julie", "Julie vous rejoint.")
    live.person_message("c4", "Rappelez-moi au 514 555-0142 svp")
    key = "relais:as-written:live:session:c4"
    assert b"514 555-0142" in redis_command(redis_server.port, "GET", key)
    ttl = int(redis_command(redis_server.port, "TTL", key).strip(b":\r\n"))
    # The transcript goes with the session: Redis drops it once abandoned (plus a small margin).
    assert ABANDONED_SECONDS - 5 < ttl <= ABANDONED_SECONDS + RedisSessions.MARGIN_SECONDS + 1


@pytest.mark.parametrize("setting", [("appendonly", "yes", "no"), ("save", "900 1", "")])
def test_persistence_turned_on_while_the_gateway_runs_is_seen_within_the_period(
    redis_server: RedisServer, setting: tuple[str, str, str]
) -> None:
    """An administrator turns on RDB snapshots or the append-only file after the gateway started:
    within PERSISTENCE_CHECK_SECONDS the readiness says "persistent" and the person's next words
    are redacted before they are written; turned off again, as written again. The gateway's ACL
    user reads the configuration (CONFIG GET) but cannot change it."""
    import redis

    from api.shared.redis_client import PERSISTENCE_CHECK_SECONDS

    if redis_server.process is None:
        redis_server.start()
    name, on, off = setting
    clock = Clock()
    shared = SharedRedis(redis_server.gateway_url(), prefix="relais:recheck:", clock=clock)
    state = SharedState(shared)
    assert state.state() == "ok"
    live = LiveChat(store=state.live_sessions())  # one store for the whole run, as a gateway
    live.request("c5")
    live.take("c5", "Julie", "Julie vous rejoint.")
    key = "relais:recheck:live:session:c5"
    with pytest.raises(redis.exceptions.NoPermissionError):
        shared.client.config_set(name, on)
    redis_command(redis_server.port, "CONFIG", "SET", name, on)  # the administrator
    try:
        live.person_message("c5", "Premier: 514 555-0142")
        assert b"514 555-0142" in redis_command(redis_server.port, "GET", key)  # still cached
        clock.now += PERSISTENCE_CHECK_SECONDS + 1
        assert state.state() == "persistent"
        live.person_message("c5", "Second: 438 555-0199")
        stored = redis_command(redis_server.port, "GET", key)
        assert b"Second" in stored and b"555-0199" not in stored
    finally:
        redis_command(redis_server.port, "CONFIG", "SET", name, off)
    clock.now += PERSISTENCE_CHECK_SECONDS + 1
    assert state.state() == "ok"
    live.person_message("c5", "Troisième: 450 555-0123")
    assert b"450 555-0123" in redis_command(redis_server.port, "GET", key)


def test_a_redis_that_does_not_answer_may_persist_until_it_answers_again(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Down: fail closed (redact), but that guess is not kept for the period: back, the real
    answer at once (a restarted Redis without persistence is not reported "persistent" for 30 s)."""
    from tests.redis_server import start_redis

    server = start_redis(tmp_path_factory.mktemp("redis-persistence"))
    try:
        clock = Clock()
        shared = SharedRedis(server.gateway_url(), clock=clock)
        assert shared.may_persist() is False
        server.stop()
        clock.now += 31
        assert shared.may_persist() is True
        assert SharedState(shared).state() == "down"
        server.start()
        assert shared.may_persist() is False and SharedState(shared).state() == "ok"
    finally:
        server.stop()


def test_a_session_written_by_another_version_is_read() -> None:
    # Rolling upgrade: an older gateway wrote no `language`; a newer one a field unknown here.
    from api.live.sessions import decode, encode

    written = json.loads(encode(LiveChat().request("c-old", "en")))
    older = {key: value for key, value in written.items() if key != "language"}
    assert decode(json.dumps(older).encode()).language == "fr"
    newer = {**written, "mood": "calm", "language": "de"}
    read = decode(json.dumps(newer).encode())
    assert read.conversation_id == "c-old" and read.language == "fr"
