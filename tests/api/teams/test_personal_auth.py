"""The personal chat's door: Bot Framework tokens checked for real against a local key set, and
replies only ever sent (with the bot's token) to an allowed Bot Connector."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from tests.api.conftest import ScriptedRasa
from tests.api.teams.bot_framework import (
    BOT_TOKEN,
    TENANT_ID,
    FakeMicrosoft,
    new_key,
    personal_activity,
)
from tests.api.teams.conftest import personal_settings, post_activity, settle


def test_a_valid_token_is_answered_through_the_connector_with_the_bot_token(
    personal_client: TestClient, microsoft: FakeMicrosoft, rasa: ScriptedRasa
) -> None:
    response = post_activity(personal_client, personal_activity(microsoft, "allo"), microsoft.token())
    assert response.status_code == 202
    (message,) = microsoft.wait_for(1)
    assert message["text"] == "Bonjour!"
    posted = [entry for entry in microsoft.sent if entry["activity"]["type"] == "message"]
    assert posted[0]["authorization"] == f"Bearer {BOT_TOKEN}"
    assert posted[0]["path"].startswith("/teams/v3/conversations/a:1personal-conversation/activities")
    form = microsoft.token_requests[0]
    assert form["grant_type"] == ["client_credentials"]
    assert form["scope"] == ["https://api.botframework.com/.default"]
    assert len(rasa.received) == 1


BAD_TOKENS = {
    "expired beyond the 300 s skew": lambda ms: ms.token(exp=int(time.time()) - 400),
    "wrong audience": lambda ms: ms.token(aud="another-bot-app-id"),
    "forged signature": lambda ms: ms.token(key=new_key()),
    "unknown key": lambda ms: ms.token(key=new_key(), kid="unknown-key"),
    "untrusted issuer": lambda ms: ms.token(iss="https://evil.example.com/"),
    "another tenant's issuer": lambda ms: ms.token(
        iss="https://login.microsoftonline.com/99999999-9999-4999-8999-999999999999/v2.0"
    ),
    "not a JWT": lambda ms: "not-a-token",
}


@pytest.mark.parametrize("case", sorted(BAD_TOKENS))
def test_bad_tokens_are_refused(
    case: str, personal_client: TestClient, microsoft: FakeMicrosoft, rasa: ScriptedRasa
) -> None:
    token = BAD_TOKENS[case](microsoft)
    response = post_activity(personal_client, personal_activity(microsoft, "allo"), token)
    assert response.status_code == 401, case
    assert response.json()["error"]["code"] == "teams_unauthorized"
    assert microsoft.sent == [] and rasa.received == []


def test_no_token_is_refused(personal_client: TestClient, microsoft: FakeMicrosoft) -> None:
    response = post_activity(personal_client, personal_activity(microsoft, "allo"), None)
    assert response.status_code == 401
    assert response.json()["error"]["message_en"]


def test_the_expiry_skew_is_the_sdks_300_seconds(
    personal_client: TestClient, microsoft: FakeMicrosoft
) -> None:
    token = microsoft.token(exp=int(time.time()) - 200)
    assert post_activity(personal_client, personal_activity(microsoft, "allo"), token).status_code == 202


def test_a_service_url_outside_the_allowed_hosts_gets_no_token(
    personal_client: TestClient, microsoft: FakeMicrosoft, rasa: ScriptedRasa
) -> None:
    attacker = FakeMicrosoft()  # same machine, another port: not an allowed origin
    attacker.start()
    try:
        settle(personal_client)
        asked_before = len(microsoft.token_requests)  # the warm-up at start
        for elsewhere in (attacker.service_url, "https://attacker.example.com/teams/"):
            activity = personal_activity(microsoft, "allo", serviceUrl=elsewhere)
            response = post_activity(personal_client, activity, microsoft.token(serviceurl=elsewhere))
            assert response.status_code == 401
            assert response.json()["error"]["code"] == "teams_untrusted_service_url"
        assert attacker.sent == [] and attacker.token_requests == []
        assert len(microsoft.token_requests) == asked_before, "no token asked for such a reply"
        assert microsoft.sent == [] and rasa.received == []
    finally:
        attacker.stop()


def test_a_service_url_unlike_the_tokens_claim_is_refused(
    personal_client: TestClient, microsoft: FakeMicrosoft
) -> None:
    token = microsoft.token(serviceurl="https://smba.trafficmanager.net/amer/")
    response = post_activity(personal_client, personal_activity(microsoft, "allo"), token)
    assert response.status_code == 401
    assert microsoft.sent == []


def test_a_redelivered_activity_is_processed_once(
    personal_client: TestClient, microsoft: FakeMicrosoft, rasa: ScriptedRasa
) -> None:
    activity = personal_activity(microsoft, "allo")
    for _ in range(3):
        assert post_activity(personal_client, activity, microsoft.token()).status_code == 202
    assert len(rasa.received) == 1
    assert len(microsoft.messages()) == 1


class SlowRasa(httpx.AsyncBaseTransport):
    """The scripted Rasa, 1.5 s late (without blocking the event loop)."""

    def __init__(self, rasa: ScriptedRasa) -> None:
        self._inner = httpx.MockTransport(rasa.handler)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/webhooks/"):
            await asyncio.sleep(1.5)
        return await self._inner.handle_async_request(request)


def test_the_answer_is_202_at_once_while_rasa_thinks_with_a_typing_indicator(
    rasa: ScriptedRasa, tmp_path: Path, microsoft: FakeMicrosoft, local_keys: None
) -> None:
    rasa.reply = lambda body: httpx.Response(200, json=[{"recipient_id": body["sender"], "text": "Voilà."}])
    app = create_app(personal_settings(tmp_path, microsoft), rasa_transport=SlowRasa(rasa))
    with TestClient(app) as client:
        started = time.perf_counter()
        response = client.post(
            "/api/teams/messages",
            json=personal_activity(microsoft, "allo"),
            headers={"Authorization": f"Bearer {microsoft.token()}"},
        )
        assert response.status_code == 202
        assert time.perf_counter() - started < 1.0
        settle(client)
    kinds = [entry["activity"]["type"] for entry in microsoft.sent]
    assert kinds[0] == "typing" and kinds[-1] == "message"
    assert microsoft.messages()[-1]["text"] == "Voilà."


def test_token_endpoint_unreachable_is_a_clear_error_and_the_web_keeps_working(
    rasa: ScriptedRasa, tmp_path: Path, microsoft: FakeMicrosoft, local_keys: None, caplog: pytest.LogCaptureFixture
) -> None:
    settings = personal_settings(
        tmp_path, microsoft, teams_token_url="http://127.0.0.1:9/token", teams_token_timeout_seconds=1.0
    )
    app = create_app(settings, rasa_transport=httpx.MockTransport(rasa.handler))
    with caplog.at_level(logging.ERROR, logger="relais.teams"), TestClient(app) as client:
        response = post_activity(client, personal_activity(microsoft, "allo"), microsoft.token())
        assert response.status_code == 202
        assert microsoft.sent == []
        assert client.post("/api/chat", json={"message": "allo"}).status_code == 200
        assert client.get("/healthz").status_code == 200
        assert "relais_teams_token_failures_total 1" in client.get("/metrics").text
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert any("no token for the Bot Connector" in line and "unreachable" in line for line in errors), errors


def test_refused_credentials_are_named_in_the_log(
    rasa: ScriptedRasa, tmp_path: Path, microsoft: FakeMicrosoft, local_keys: None, caplog: pytest.LogCaptureFixture
) -> None:
    microsoft.token_status = 401
    app = create_app(personal_settings(tmp_path, microsoft), rasa_transport=httpx.MockTransport(rasa.handler))
    with caplog.at_level(logging.ERROR, logger="relais.teams"), TestClient(app) as client:
        post_activity(client, personal_activity(microsoft, "allo"), microsoft.token())
    errors = " ".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
    assert "refused the bot's credentials" in errors and "RELAIS_TEAMS_APP_ID" in errors
    assert "not-a-real-secret" not in errors


def test_an_activity_from_another_tenant_is_ignored(
    personal_client: TestClient, microsoft: FakeMicrosoft, rasa: ScriptedRasa
) -> None:
    activity = personal_activity(microsoft, "allo")
    activity["conversation"]["tenantId"] = "99999999-9999-4999-8999-999999999999"
    assert TENANT_ID not in str(activity["conversation"])
    assert post_activity(personal_client, activity, microsoft.token()).status_code == 202
    assert rasa.received == [] and microsoft.sent == []


def test_anonymous_development_mode_for_a_local_emulator(
    rasa: ScriptedRasa, tmp_path: Path, microsoft: FakeMicrosoft
) -> None:
    settings = personal_settings(
        tmp_path, microsoft, teams_anonymous=True, teams_app_id="", teams_tenant_id="", teams_app_secret=""
    )
    app = create_app(settings, rasa_transport=httpx.MockTransport(rasa.handler))
    with TestClient(app) as client:
        activity = personal_activity(microsoft, "allo")
        assert post_activity(client, activity, None).status_code == 202
        (reply,) = microsoft.messages()
        assert reply["text"] == "Bonjour!"
        assert microsoft.sent[-1]["authorization"] is None and microsoft.token_requests == []
        elsewhere = personal_activity(microsoft, "allo", serviceUrl="http://127.0.0.1:9/")
        assert post_activity(client, elsewhere, None).status_code == 401, "hosts still checked"
