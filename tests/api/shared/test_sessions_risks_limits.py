"""Counsellor sessions, conversation risk and rate limits on both stores, seen from two gateways."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from api.chat.conversation_risk import RISK_TTL_SECONDS, ConversationRisks, RedisRisks
from api.live.auth import AgentAuth
from api.settings import Settings
from api.shared.redis_client import SharedRedis
from api.throttling import Throttle
from risk_classifier import Decision
from stack.services import ROOT
from tests.api.shared.conftest import Backend
from tests.redis_server import RedisServer, redis_command

SECRET = "s" * 40
KEYS = {"Julie": "julie-key-0123456789", "Marc": "marc-key-0123456789"}


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_a_counsellor_signed_in_on_one_gateway_is_known_on_the_other(backend: Backend) -> None:
    clock = Clock()
    a = AgentAuth(
        KEYS, session_hours=1, clock=clock, store=backend.gateway().agent_sessions("agent")
    )
    b = AgentAuth(
        KEYS, session_hours=1, clock=clock, store=backend.gateway().agent_sessions("agent")
    )
    bqvt = AgentAuth(
        KEYS, session_hours=1, clock=clock, store=backend.gateway().agent_sessions("bqvt")
    )
    julie = a.sign_in("Julie", KEYS["Julie"])
    assert b.agent_for(julie.token) == "Julie"
    assert bqvt.agent_for(julie.token) is None  # the BQVT's sessions are apart
    assert b.present() == ["Julie"] and b.anyone_present()
    clock.now += 61
    assert b.present() == []  # signed in, but not using the console
    assert a.agent_for(julie.token) == "Julie" and b.present() == ["Julie"]
    b.sign_out(julie.token)
    assert a.agent_for(julie.token) is None and a.present() == []
    marc = b.sign_in("Marc", KEYS["Marc"])
    clock.now += 3600 + 1
    assert a.agent_for(marc.token) is None  # expired
    assert a.present() == []


def _detector() -> Any:
    # The window reading needs no classifier here: the lexicon reads the turns together.
    return SimpleNamespace(window_threshold=0.9, window_score=lambda _: None)


def test_risk_disclosed_on_one_gateway_stays_on_the_other(backend: Backend) -> None:
    a = ConversationRisks(_detector(), backend.gateway().risks())
    b = ConversationRisks(_detector(), backend.gateway().risks())
    first = a.observe("c1", "je veux mourir", Decision(True, "self"))
    assert first.at_risk and not first.check_in
    later = b.observe("c1", "ça va mieux, je niaisais", Decision(False, None))
    assert later.at_risk and later.check_in  # the other gateway keeps checking in
    fresh = b.observe("c2", "bonjour", Decision(False, None))
    assert not fresh.at_risk


def test_an_erased_conversation_leaves_no_risk_window_on_any_gateway(backend: Backend) -> None:
    a = ConversationRisks(_detector(), backend.gateway().risks())
    b = ConversationRisks(_detector(), backend.gateway().risks())
    a.observe("c1", "je veux mourir", Decision(True, "self"))
    b.forget("c1")  # "Effacer la conversation", received by the other gateway
    after = a.observe("c1", "bonjour", Decision(False, None))
    assert not after.at_risk and not after.check_in


def test_in_redis_the_risk_window_is_redacted_and_expires_with_the_session(
    redis_server: RedisServer,
) -> None:
    """Memory keeps the last turns in the process only, as before; Redis gets them redacted."""
    if redis_server.process is None:
        redis_server.start()
    risks = ConversationRisks(
        _detector(), RedisRisks(SharedRedis(redis_server.gateway_url(), prefix="relais:redacted:"))
    )
    risks.observe(
        "c3", "Je m'appelle Julie Gagnon, mon numéro est le 514 555-0142", Decision(False, None)
    )
    key = "relais:redacted:risk:c3"
    stored = redis_command(redis_server.port, "GET", key)
    assert b"Gagnon" not in stored and b"555-0142" not in stored and b"num" in stored
    ttl = int(redis_command(redis_server.port, "TTL", key).strip(b":\r\n"))
    assert RISK_TTL_SECONDS - 5 < ttl <= RISK_TTL_SECONDS


def test_the_risk_lifetime_is_rasas_session_expiration() -> None:
    domain = (ROOT / "bot" / "domain" / "_shared.yml").read_text(encoding="utf-8")
    assert f"session_expiration_time: {RISK_TTL_SECONDS // 60}\n" in domain


def test_rate_limits_are_counted_once_for_every_gateway(backend: Backend) -> None:
    # Gateways share the conversation secret, from which the counters' keyed hashes derive.
    settings = Settings(
        environment="development", rate_live_request_client="3/minute", conversation_secret=SECRET
    )
    a = Throttle(settings, backend.gateway().redis)
    # In memory, one process has one throttle; with Redis, each gateway its own, on one Redis.
    b = Throttle(settings, backend.gateway().redis) if backend.redis else a
    client = f"10.0.0.{len(backend.name)}"
    assert a.refused("live_request", client) is None
    assert b.refused("live_request", client) is None
    assert a.refused("live_request", client) is None
    wait = b.refused("live_request", client)  # the fourth, on either gateway
    assert wait is not None and 1 <= wait <= 60
    assert a.refused("live_request", "10.9.9.9") is None  # per client


def test_rate_limit_keys_hold_no_contact_nor_address(redis_server: RedisServer) -> None:
    import hashlib

    settings = Settings(environment="development", conversation_secret=SECRET)
    throttle = Throttle(settings, SharedRedis(redis_server.gateway_url(), prefix="relais:keys:"))
    contact, address = "514 555-0142", "10.1.2.3"
    assert throttle.refused("callback", address, contact) is None
    keys = redis_command(redis_server.port, "KEYS", "*").decode("utf-8", "replace")
    assert "limits" in keys  # the counters are there...
    plain = hashlib.sha256(contact.encode()).hexdigest()[:32]
    for clear in (contact, "5145550142", address, plain):  # ...under keyed hashes only
        assert clear not in keys
