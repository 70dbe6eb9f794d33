"""Team channels: the outgoing webhook, signed, answered once and within 5 seconds, never kept."""

from __future__ import annotations

import base64
import logging
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from directory.loader import load_registry
from tests.api.conftest import ScriptedRasa
from tests.api.teams.conftest import (
    WEBHOOK_KEY,
    WEBHOOK_SECRET,
    base_settings,
    channel_activity,
    signed,
)

REGISTRY = load_registry()


def card_of(reply: dict[str, Any]) -> dict[str, Any]:
    assert reply["type"] == "message"
    (attachment,) = reply["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    return attachment["content"]


def card_text(card: dict[str, Any]) -> str:
    return "\n".join(block["text"] for block in card["body"])


def test_a_signed_question_gets_a_sourced_answer_within_five_seconds(
    channel_client: TestClient, rasa: ScriptedRasa
) -> None:
    # Answered by an article whose source is a public page (a seed document has no link to open).
    body, headers = signed(channel_activity("comment joindre Info-Social 811?"))
    started = time.perf_counter()
    response = channel_client.post("/api/teams/webhook", content=body, headers=headers)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, response.text
    assert elapsed < 5.0
    card = card_of(response.json())
    text = card_text(card)
    assert "Source : " in text and "révisée le 20" in text
    assert "tous les membres de ce canal voient votre question" in text
    assert "conversation privée" in text
    assert card["actions"], "the source opens from the card"
    assert {action["type"] for action in card["actions"]} == {"Action.OpenUrl"}
    assert all(action["url"].startswith("https://") for action in card["actions"])
    assert rasa.received == [], "a channel question never reaches Rasa (nothing is stored)"


def test_one_changed_byte_is_refused(channel_client: TestClient) -> None:
    body, headers = signed(channel_activity("où trouver le PAE?"))
    tampered = body.replace(b"PAE", b"PAF")
    assert tampered != body and len(tampered) == len(body)
    response = channel_client.post("/api/teams/webhook", content=tampered, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "teams_unauthorized"


def test_a_missing_or_foreign_signature_is_refused(channel_client: TestClient) -> None:
    body, headers = signed(channel_activity("où trouver le PAE?"), key=b"another key of 32 bytes........")
    assert channel_client.post("/api/teams/webhook", content=body, headers=headers).status_code == 401
    no_header = {"Content-Type": "application/json"}
    assert channel_client.post("/api/teams/webhook", content=body, headers=no_header).status_code == 401
    garbage = {"Authorization": "HMAC pas-du-base64!"}
    assert channel_client.post("/api/teams/webhook", content=body, headers=garbage).status_code == 401


def test_a_replayed_activity_is_refused(channel_client: TestClient) -> None:
    body, headers = signed(channel_activity("où trouver le PAE?"))
    assert channel_client.post("/api/teams/webhook", content=body, headers=headers).status_code == 200
    again = channel_client.post("/api/teams/webhook", content=body, headers=headers)
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "teams_replayed_activity"
    assert again.json()["error"]["message_en"]


def test_a_stale_timestamp_is_refused(channel_client: TestClient) -> None:
    old = (datetime.now(UTC) - timedelta(minutes=10)).isoformat()
    body, headers = signed(channel_activity("où trouver le PAE?", timestamp=old))
    response = channel_client.post("/api/teams/webhook", content=body, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "teams_stale_activity"


def test_risk_in_a_channel_gets_the_lines_and_the_invitation_never_a_discussion(
    channel_client: TestClient, rasa: ScriptedRasa
) -> None:
    body, headers = signed(channel_activity("je pense au suicide depuis des semaines"))
    response = channel_client.post("/api/teams/webhook", content=body, headers=headers)
    assert response.status_code == 200
    card = card_of(response.json())
    text = card_text(card)
    crisis_line = REGISTRY.crisis_line()
    assert crisis_line.phone and crisis_line.phone in text
    assert "conversation privée" in text
    assert "Source" not in text, "no knowledge answer under a risk message"
    tel_links = [a["url"] for a in card["actions"] if a["url"].startswith("tel:")]
    assert crisis_line.tel_uri in tel_links
    assert {action["type"] for action in card["actions"]} == {"Action.OpenUrl"}
    assert rasa.received == []
    assert "relais_teams_channel_risk_replies_total 1" in channel_client.get("/metrics").text


def test_a_fire_in_a_channel_gets_911_first(channel_client: TestClient) -> None:
    # A danger now: the emergency line leads the card and its buttons; a suicide risk keeps the
    # registry's order (the crisis line first, 911 last).
    emergency = REGISTRY.emergency_line()
    for message, first in (("AU FEU dans la buanderie du 2e!!", True), ("je pense au suicide", False)):
        body, headers = signed(channel_activity(message))
        card = card_of(channel_client.post("/api/teams/webhook", content=body, headers=headers).json())
        tel_links = [a["url"] for a in card["actions"] if a["url"].startswith("tel:")]
        assert (tel_links[0] == emergency.tel_uri) is first, message
        assert emergency.tel_uri in tel_links, message


def test_an_english_question_gets_english_notices(channel_client: TestClient) -> None:
    body, headers = signed(channel_activity("how do I reach the employee assistance program?"))
    card = card_of(channel_client.post("/api/teams/webhook", content=body, headers=headers).json())
    assert "everyone in this channel sees your question" in card_text(card)


def test_without_settings_both_routes_answer_503_in_both_languages(
    rasa: ScriptedRasa, tmp_path: Path
) -> None:
    app = create_app(base_settings(tmp_path), rasa_transport=httpx.MockTransport(rasa.handler))
    with TestClient(app) as client:
        body, headers = signed(channel_activity("où trouver le PAE?"))
        for path in ("/api/teams/webhook", "/api/teams/messages"):
            response = client.post(path, content=body, headers=headers)
            assert response.status_code == 503
            error = response.json()["error"]
            assert error["code"] == "teams_not_configured"
            assert "Teams" in error["message_fr"] and "Teams" in error["message_en"]
            assert error["message_fr"] != error["message_en"]
        assert client.post("/api/chat", json={"message": "allo"}).status_code == 200


def test_the_secret_can_come_from_a_file(rasa: ScriptedRasa, tmp_path: Path) -> None:
    secret_file = tmp_path / "outgoing-webhook-secret"
    secret_file.write_text(WEBHOOK_SECRET + "\n")
    settings = base_settings(tmp_path, teams_webhook_secret_file=secret_file)
    app = create_app(settings, rasa_transport=httpx.MockTransport(rasa.handler))
    with TestClient(app) as client:
        body, headers = signed(channel_activity("où trouver le PAE?"))
        assert client.post("/api/teams/webhook", content=body, headers=headers).status_code == 200


def test_each_teams_webhook_has_its_own_token(rasa: ScriptedRasa, tmp_path: Path) -> None:
    second = bytes(range(100, 132))
    secrets_file = tmp_path / "outgoing-webhook-secrets"
    secrets_file.write_text(f"{WEBHOOK_SECRET}\n{base64.b64encode(second).decode()}\n")
    settings = base_settings(tmp_path, teams_webhook_secret_file=secrets_file)
    app = create_app(settings, rasa_transport=httpx.MockTransport(rasa.handler))
    with TestClient(app) as client:
        for key in (WEBHOOK_KEY, second):
            body, headers = signed(channel_activity("où trouver le PAE?"), key=key)
            assert client.post("/api/teams/webhook", content=body, headers=headers).status_code == 200
        body, headers = signed(channel_activity("où trouver le PAE?"), key=bytes(32))
        assert client.post("/api/teams/webhook", content=body, headers=headers).status_code == 401


def test_unusable_teams_settings_leave_teams_off_and_the_web_on(
    rasa: ScriptedRasa, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = base_settings(tmp_path, teams_webhook_secret_file=tmp_path / "missing")
    app = create_app(settings, rasa_transport=httpx.MockTransport(rasa.handler))
    with caplog.at_level(logging.ERROR, logger="relais.teams"), TestClient(app) as client:
        body, headers = signed(channel_activity("où trouver le PAE?"))
        response = client.post("/api/teams/webhook", content=body, headers=headers)
        assert response.status_code == 503
        assert client.post("/api/chat", json={"message": "allo"}).status_code == 200
    assert any("RELAIS_TEAMS_WEBHOOK_SECRET_FILE" in r.getMessage() for r in caplog.records)


def test_no_answer_in_time_gives_a_neutral_reply_with_the_lines(
    channel_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    teams = channel_client.app.state.teams  # type: ignore[attr-defined]
    knowledge = teams.answers._knowledge.knowledge_base

    def slow_search(*args: Any, **kwargs: Any) -> Any:
        time.sleep(1.0)
        return type(knowledge).search(knowledge, *args, **kwargs)

    monkeypatch.setattr(knowledge, "search", slow_search)
    monkeypatch.setattr(teams.channel, "budget_seconds", 0.3)
    body, headers = signed(channel_activity("où trouver le PAE?"))
    started = time.perf_counter()
    response = channel_client.post("/api/teams/webhook", content=body, headers=headers)
    assert response.status_code == 200 and time.perf_counter() - started < 1.0
    text = card_text(card_of(response.json()))
    assert "pas pu trouver la réponse assez vite" in text
    assert "Votre message me fait penser" not in text, "no claim about a message not understood"
    assert REGISTRY.crisis_line().phone in text and "tous les membres de ce canal" in text
