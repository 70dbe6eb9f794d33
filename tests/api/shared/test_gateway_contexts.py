"""Two gateway apps on one real Redis share the indicators' conversation contexts: a turn on
gateway A, then a vote, a second turn or a live chat request on gateway B count under the right
establishment, once. What Redis holds: establishment, channel and topics, with a time to live,
under the gateways' prefix; never a message's text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from fastapi.testclient import TestClient

from api.indicators.contexts import CONTEXT_SECONDS
from tests.api.indicators.gateway import ESTABLISHMENT, gateway, pending, say
from tests.redis_server import RedisServer, redis_command

QUESTION = "confiant : le PAE? je m'appelle Julie Gagnon"


@pytest.fixture
def two(redis_server: RedisServer, tmp_path: Path) -> Iterator[tuple[TestClient, TestClient]]:
    assert redis_command(redis_server.port, "FLUSHALL").startswith(b"+OK")
    with (
        gateway(tmp_path, redis_url=redis_server.url) as a,
        gateway(tmp_path, redis_url=redis_server.url) as b,
    ):
        yield a, b


def token_of(client: TestClient, conversation: str) -> dict[str, str]:
    return {"X-Conversation-Token": client.app.state.conversation_tokens.issue(conversation)}  # type: ignore[attr-defined]


def test_a_conversation_started_on_a_counts_under_its_establishment_on_b(
    two: tuple[TestClient, TestClient], redis_server: RedisServer
) -> None:
    a, b = two
    conversation = say(a, QUESTION, establishment=ESTABLISHMENT)["conversation_id"]
    assert pending(a, establishment_id=ESTABLISHMENT)["conversations"] == 1

    # The next turn on B: the same conversation, not a new one, still under its establishment.
    say(b, "confiant : encore le PAE", conversation_id=conversation)
    assert pending(b)["conversations"] == 0
    assert pending(b, establishment_id=ESTABLISHMENT, topic="pae")["answered"] == 1

    # A vote on B counts under the establishment named on A; the same vote again on A does not.
    vote = {"conversation_id": conversation, "article_id": "pae-c-est-quoi", "helpful": True}
    assert b.post("/api/feedback", json=vote, headers=token_of(b, conversation)).status_code == 204
    assert (
        pending(b, establishment_id=ESTABLISHMENT, channel="web", topic="pae")["feedback_yes"] == 1
    )
    assert a.post("/api/feedback", json=vote, headers=token_of(a, conversation)).status_code == 204
    assert pending(a)["feedback_yes"] == 0

    # A live chat requested on B counts for the establishment and the topic known on A.
    assert b.post(f"/api/live/{conversation}/request").status_code == 200
    assert (
        pending(b, establishment_id=ESTABLISHMENT, channel="web", topic="pae")["live_requested"]
        == 1
    )

    client = redis.Redis.from_url(redis_server.url)
    keys = sorted(k.decode() for k in client.keys("*indicators*"))
    assert keys and all(k.startswith("relais:indicators:") for k in keys)
    context_key = f"relais:indicators:context:{conversation}"
    assert context_key in keys
    assert 0 < client.ttl(context_key) <= CONTEXT_SECONDS
    held = b"".join(client.get(k) or b"" for k in keys)
    assert b"Julie" not in held and b"PAE?" not in held and ESTABLISHMENT.encode() in held
    client.close()


def test_without_redis_each_gateway_keeps_its_own(tmp_path: Path) -> None:
    with gateway(tmp_path / "a") as a, gateway(tmp_path / "b") as b:
        conversation = say(a, QUESTION, establishment=ESTABLISHMENT)["conversation_id"]
        say(b, "confiant : encore", conversation_id=conversation)
        assert pending(b, establishment_id="unknown")["conversations"] == 1  # B never heard of it
