"""Liveness and readiness."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_is_503_when_the_action_server_is_unreachable(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"ready": False, "rasa_model_loaded": True, "action_server": False}


def test_settings_read_comma_separated_replicas(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from api.settings import Settings

    monkeypatch.setenv("RELAIS_RASA_URLS", "http://127.0.0.1:5005, http://127.0.0.1:5006/")
    assert Settings().rasa_urls == ["http://127.0.0.1:5005", "http://127.0.0.1:5006"]
