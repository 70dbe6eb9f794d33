"""Redis stops under a running gateway: the chat keeps answering (the crisis reply included),
/readyz says the shared state is down, the live chat and the console answer 503 with the 24/7
lines, nothing crashes; Redis back, everything works again. A real Redis, really stopped."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from tests.api.conftest import AGENT_KEYS, CONVERSATION_SECRET, ScriptedRasa, gateway_settings
from tests.conversation_tokens import sign_conversations
from tests.postgres import _free_port
from tests.redis_server import RedisServer, redis_command, start_redis

CRISIS_LINE = "1 866 277-3553"


@pytest.fixture
def redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = start_redis(tmp_path_factory.mktemp("redis-outage"))  # its own: this test stops it
    yield server
    server.stop()


@pytest.fixture
def gateway(redis: RedisServer, tmp_path: Path) -> Iterator[TestClient]:
    rasa = ScriptedRasa()
    settings = gateway_settings(tmp_path, redis_url=redis.gateway_url(2))  # deploy's ACL user
    with TestClient(
        create_app(settings, rasa_transport=httpx.MockTransport(rasa.handler))
    ) as client:
        sign_conversations(client, CONVERSATION_SECRET)
        yield client


def sign_in(gateway: TestClient) -> dict[str, str]:
    answer = gateway.post("/api/agent/session", json={"name": "Julie", "key": AGENT_KEYS["Julie"]})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def timed(call: Callable[[], httpx.Response]) -> httpx.Response:
    started = time.perf_counter()
    answer = call()
    assert time.perf_counter() - started < 2.0, "a dead Redis must not hold the gateway"
    return answer


def test_redis_down_the_chat_answers_and_the_live_chat_says_it_is_unavailable(
    gateway: TestClient, redis: RedisServer
) -> None:
    assert gateway.get("/readyz").json()["shared_state"] == "ok"
    conversation = "a" * 32
    assert (
        gateway.post(
            "/api/chat", json={"message": "bonjour", "conversation_id": conversation}
        ).status_code
        == 200
    )
    assert gateway.post(f"/api/live/{conversation}/request").status_code == 200
    agent = sign_in(gateway)
    assert (
        gateway.post(f"/api/agent/conversations/{conversation}/take", headers=agent).status_code
        == 200
    )

    redis.stop()

    # The person held by a counsellor keeps getting answers, a crisis its static reply.
    crisis = timed(
        lambda: gateway.post(
            "/api/chat", json={"message": "je veux mourir", "conversation_id": conversation}
        )
    )
    assert crisis.status_code == 200, crisis.text
    assert crisis.json()["crisis"] is True and CRISIS_LINE in str(crisis.json()["messages"])
    plain = timed(
        lambda: gateway.post("/api/chat", json={"message": "bonjour", "conversation_id": "b" * 32})
    )
    assert plain.status_code == 200 and plain.json()["messages"]
    assert "live_chat" not in plain.json()["offers"]  # nobody can be known present

    ready = timed(lambda: gateway.get("/readyz"))
    assert ready.status_code == 200, ready.text
    assert ready.json()["shared_state"] == "down" and ready.json()["degraded"] is True
    assert ready.json()["crisis_reply"] == "ok"

    for answer in (
        timed(lambda: gateway.post(f"/api/live/{'c' * 32}/request")),
        timed(lambda: gateway.get(f"/api/live/{conversation}/events")),
        timed(
            lambda: gateway.post(
                "/api/agent/session", json={"name": "Julie", "key": AGENT_KEYS["Julie"]}
            )
        ),
        timed(lambda: gateway.get("/api/agent/conversations", headers=agent)),
    ):
        assert answer.status_code == 503, answer.text
        error = answer.json()["error"]
        assert error["code"] == "live_chat_unavailable"
        assert CRISIS_LINE in error["message_fr"] and CRISIS_LINE in error["message_en"]
        assert "indisponible" in error["message_fr"]
    assert timed(lambda: gateway.get("/metrics")).status_code == 200

    redis.start()  # back, empty (no persistence): the gateway uses it again without a restart

    assert gateway.get("/readyz").json()["shared_state"] == "ok"
    again = gateway.post(f"/api/live/{'d' * 32}/request")
    assert again.status_code == 200 and again.json()["state"] == "waiting"
    assert (
        gateway.post(
            "/api/agent/session", json={"name": "Julie", "key": AGENT_KEYS["Julie"]}
        ).status_code
        == 200
    )


def test_a_gateway_starts_and_answers_while_redis_is_down(tmp_path: Path) -> None:
    rasa = ScriptedRasa()
    settings = gateway_settings(tmp_path, redis_url=f"redis://127.0.0.1:{_free_port()}/1")
    with TestClient(create_app(settings, rasa_transport=httpx.MockTransport(rasa.handler))) as client:
        sign_conversations(client, CONVERSATION_SECRET)
        crisis = timed(lambda: client.post("/api/chat", json={"message": "je veux mourir"}))
        assert crisis.status_code == 200 and crisis.json()["crisis"] is True
        assert timed(lambda: client.get("/readyz")).json()["shared_state"] == "down"
        refused = timed(lambda: client.post(f"/api/live/{'e' * 32}/request"))
        assert refused.status_code == 503 and CRISIS_LINE in refused.json()["error"]["message_fr"]


def test_readiness_says_degraded_when_redis_starts_writing_to_disk(
    gateway: TestClient, redis: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Persistence turned on under a running gateway (an administrator's CONFIG SET): /readyz
    says "persistent" and degraded (still 200: the chat answers), then "ok" once it is off again.
    The gateway logs in as deploy's ACL user, which may only read the configuration."""
    from api.shared import redis_client

    assert gateway.get("/readyz").json()["shared_state"] == "ok"
    monkeypatch.setattr(redis_client, "PERSISTENCE_CHECK_SECONDS", 0.0)  # no waiting for the cache
    redis_command(redis.port, "CONFIG", "SET", "appendonly", "yes")
    try:
        ready = gateway.get("/readyz")
        assert ready.status_code == 200
        assert ready.json()["shared_state"] == "persistent" and ready.json()["degraded"] is True
        # Degraded for that reason (the action server is down in these tests too): the alert.
        assert 'relais_part_up{part="shared_state"} 0.0' in gateway.get("/metrics").text
    finally:
        redis_command(redis.port, "CONFIG", "SET", "appendonly", "no")
    assert gateway.get("/readyz").json()["shared_state"] == "ok"
    assert 'relais_part_up{part="shared_state"} 1.0' in gateway.get("/metrics").text
