"""Two gateway apps on one real Redis share Teams' state: an activity delivered to gateway A and
redelivered to gateway B is handled once; a counsellor's message written on B reaches the person
from B with the conversation reference A kept, and A does not send it again. Redis keeps ids, the
service URL and the seq delivered, with a time to live; never a message nor the person's name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis
from fastapi.testclient import TestClient

from api.main import create_app
from api.shared.redis_client import SharedRedis
from api.teams.stores import REFERENCE_TTL_SECONDS, seen_store
from tests.api.conftest import ScriptedRasa
from tests.api.live.test_agent_auth import sign_in
from tests.api.teams.bot_framework import FakeMicrosoft, personal_activity
from tests.api.teams.conftest import personal_settings, post_activity
from tests.redis_server import RedisServer, redis_command

AGENT = "/api/agent/conversations"


async def _stop_watching(personal: Any) -> None:
    personal._watcher.cancel()


@pytest.fixture
def two(
    redis_server: RedisServer,
    rasa: ScriptedRasa,
    tmp_path: Path,
    microsoft: FakeMicrosoft,
    local_keys: None,
) -> Iterator[tuple[TestClient, TestClient]]:
    assert redis_command(redis_server.port, "FLUSHALL").startswith(b"+OK")
    settings = personal_settings(tmp_path, microsoft, redis_url=redis_server.url)
    transport = httpx.MockTransport(rasa.handler)
    with (
        TestClient(create_app(settings, rasa_transport=transport)) as a,
        TestClient(create_app(settings, rasa_transport=transport)) as b,
    ):
        for client in (a, b):  # deliveries are called by hand: exact counts
            client.portal.call(_stop_watching, personal(client))  # type: ignore[union-attr]
        yield a, b


def personal(client: TestClient) -> Any:
    return client.app.state.teams.personal  # type: ignore[attr-defined]


def test_an_activity_redelivered_to_another_gateway_is_handled_once(
    two: tuple[TestClient, TestClient], microsoft: FakeMicrosoft, rasa: ScriptedRasa
) -> None:
    a, b = two
    activity = personal_activity(microsoft, "allo")
    assert post_activity(a, activity, microsoft.token()).status_code == 202
    assert len(rasa.received) == 1
    assert post_activity(b, activity, microsoft.token()).status_code == 202
    assert len(rasa.received) == 1, "B handled an activity A had already handled"
    assert "relais_teams_redeliveries_ignored_total 1.0" in b.get("/metrics").text
    assert (
        post_activity(b, personal_activity(microsoft, "encore"), microsoft.token()).status_code
        == 202
    )
    assert len(rasa.received) == 2  # a new activity is handled, wherever it lands


def test_a_counsellor_message_is_delivered_from_the_other_gateway_once(
    two: tuple[TestClient, TestClient], microsoft: FakeMicrosoft, redis_server: RedisServer
) -> None:
    a, b = two
    julie = sign_in(b, "Julie")
    request = personal_activity(microsoft, None, value={"relais_action": "live_chat"})
    assert post_activity(a, request, microsoft.token()).status_code == 202  # the person, on A
    (waiting,) = b.get(AGENT, headers=julie).json()["waiting"]
    conversation = waiting["conversation_id"]
    assert b.post(f"{AGENT}/{conversation}/take", headers=julie).status_code == 200
    sent = b.post(f"{AGENT}/{conversation}/messages", json={"text": "Je suis là."}, headers=julie)
    assert sent.status_code == 200

    before = len(microsoft.messages())
    assert b.portal.call(personal(b).relay.deliver) == 2  # type: ignore[union-attr]
    assert a.portal.call(personal(a).relay.deliver) == 0, "sent twice"  # type: ignore[union-attr]
    delivered = [m["text"] for m in microsoft.messages()[before:]]
    assert delivered[0].startswith("Julie vous rejoint.") and delivered[1] == "Julie : Je suis là."
    assert microsoft.sent[-1]["path"].startswith(
        "/teams/v3/conversations/a:1personal-conversation/"
    )

    assert b.post(f"{AGENT}/{conversation}/end", headers=julie).status_code == 200
    assert a.portal.call(personal(a).relay.deliver) == 1  # type: ignore[union-attr]
    assert b.portal.call(personal(b).relay.deliver) == 0  # type: ignore[union-attr]

    client = redis.Redis.from_url(redis_server.url)
    keys = sorted(k.decode() for k in client.keys("relais:teams:*"))
    assert keys and all(k.startswith("relais:teams:") for k in keys)
    reference_key = f"relais:teams:reference:{conversation}"
    assert reference_key in keys
    assert 0 < client.ttl(reference_key) <= REFERENCE_TTL_SECONDS
    assert all(client.ttl(k) > 0 for k in keys if k != "relais:teams:people")
    held = b"".join(client.get(k) or b"" for k in keys if client.type(k) == b"string")
    assert b"Marie" not in held and "Je suis là".encode() not in held
    client.close()


def test_a_replayed_webhook_activity_id_is_refused_by_every_gateway(
    redis_server: RedisServer,
) -> None:
    """The channel webhook's replay check, on two gateways' clients of one Redis."""
    assert redis_command(redis_server.port, "FLUSHALL").startswith(b"+OK")
    a, b = SharedRedis(redis_server.url), SharedRedis(redis_server.url)
    seen_a, seen_b = seen_store(a, "channel", 660), seen_store(b, "channel", 660)
    assert seen_a.first_time("activite-1") is True
    assert seen_b.first_time("activite-1") is False
    assert seen_b.first_time("activite-2") is True
    keys = a.client.keys("relais:teams:seen:channel:*")
    assert len(keys) == 2 and all(b"activite" not in k for k in keys)
    key = keys[0]
    assert key and 0 < a.client.ttl(key) <= 660
    a.close()
    b.close()
