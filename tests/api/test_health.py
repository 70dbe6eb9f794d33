"""Liveness, readiness (each part, 503 only when the crisis reply cannot be given) and metrics."""

from __future__ import annotations

import httpx
from fastapi.testclient import TestClient

from api.chat.replies import StaticReplies
from tests.api.conftest import ScriptedRasa


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_reports_each_part_and_a_down_action_server_is_degraded_not_503(
    client: TestClient,
) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["ready"] is True and body["degraded"] is True
    assert body["rasa"] == "ok" and body["rasa_replicas"] == ["ok"]
    assert body["actions"] == "down"  # nothing listens on port 9 in these tests
    assert body["crisis_reply"] == "ok"
    assert body["crisis_classifier"] in ("ok", "lexicon_only")


def test_rasa_down_is_degraded_and_the_gateway_still_answers_crises(
    client: TestClient, rasa: ScriptedRasa
) -> None:
    rasa.fail_with(httpx.ConnectError("refused"))
    body = client.get("/readyz").json()
    assert body["ready"] is True and body["rasa"] == "down" and body["degraded"] is True
    reply = client.post("/api/chat", json={"message": "j'ai envie de mourir"}).json()
    assert reply["crisis"] is True  # what readiness promises while Rasa is down
    assert "relais_part_up{part=\"rasa-1\"} 0.0" in client.get("/metrics").text


def test_rasa_silent_fallback_to_memory_is_reported(client: TestClient, rasa: ScriptedRasa) -> None:
    rasa.health = {"warmed": True, "tracker_store": "unreachable", "tracker_store_fallbacks": 4}
    body = client.get("/readyz").json()
    assert body["rasa"] == "tracker_store_unreachable" and body["degraded"] is True
    metrics = client.get("/metrics").text
    assert 'relais_rasa_tracker_store_ok{replica="rasa-1"} 0.0' in metrics
    assert 'relais_rasa_tracker_store_fallbacks{replica="rasa-1"} 4.0' in metrics
    rasa.health = {"warmed": False, "tracker_store": "ok"}
    assert client.get("/readyz").json()["rasa"] == "warming"


def test_readyz_is_503_only_when_the_crisis_reply_is_missing(client: TestClient) -> None:
    service = client.app.state.chat_service  # type: ignore[attr-defined]
    service._replies = StaticReplies(responses={}, crisis_sequences={})
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["crisis_reply"] == "missing"


def test_metrics_have_histograms_outcomes_gauges_and_process_figures(client: TestClient) -> None:
    client.post("/api/chat", json={"message": "bonjour"})
    client.post("/api/chat", json={"message": "je veux en finir avec la vie"})
    metrics = client.get("/metrics").text
    assert "relais_chat_turns_total 2.0" in metrics
    assert "relais_chat_latency_seconds_count 2.0" in metrics
    assert 'relais_chat_latency_seconds_bucket{le="3.0"} 2.0' in metrics
    assert "relais_rasa_latency_seconds_count 2.0" in metrics
    assert "relais_crisis_decision_seconds_count 2.0" in metrics
    assert 'relais_chat_outcomes_total{channel="web",outcome="bot"} 1.0' in metrics
    assert 'relais_chat_outcomes_total{channel="web",outcome="crisis_safety_net"} 1.0' in metrics
    assert "relais_live_waiting 0.0" in metrics and "relais_counsellors_online 0.0" in metrics
    assert "process_resident_memory_bytes" in metrics
    assert "bonjour" not in metrics and "finir" not in metrics


def test_settings_read_comma_separated_replicas(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from api.settings import Settings

    monkeypatch.setenv("RELAIS_RASA_URLS", "http://127.0.0.1:5005, http://127.0.0.1:5006/")
    assert Settings().rasa_urls == ["http://127.0.0.1:5005", "http://127.0.0.1:5006"]
