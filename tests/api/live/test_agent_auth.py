"""Counsellors' sign-in for the agent console, through the real API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from api.settings import Settings
from tests.api.conftest import AGENT_KEYS


def sign_in(client: TestClient, name: str = "Julie") -> dict[str, str]:
    response = client.post("/api/agent/session", json={"name": name, "key": AGENT_KEYS[name]})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def move_clock(client: TestClient, seconds: float) -> None:
    auth = client.app.state.agent_auth  # type: ignore[attr-defined]
    start = auth.clock()
    auth.clock = lambda: start + seconds


def test_good_key_gives_a_twelve_hour_token_that_opens_the_console(client: TestClient) -> None:
    response = client.post("/api/agent/session", json={"name": "Julie", "key": AGENT_KEYS["Julie"]})
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Julie" and len(body["token"]) >= 32
    expires = datetime.fromisoformat(body["expires_at"])
    expected = datetime.now(UTC) + timedelta(hours=12)
    assert abs((expires - expected).total_seconds()) < 60
    headers = {"Authorization": f"Bearer {body['token']}"}
    assert client.get("/api/agent/conversations", headers=headers).status_code == 200


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Julie", "marc-key-0123456789"),
        ("Julie", "julie-key-012345678"),
        ("Inconnu", "julie-key-0123456789"),
    ],
)
def test_a_wrong_key_or_an_unknown_name_is_refused(client: TestClient, name: str, key: str) -> None:
    response = client.post("/api/agent/session", json={"name": name, "key": key})
    assert response.status_code == 401
    error = response.json()["error"]
    assert error["code"] == "bad_credentials"
    assert "incorrects" in error["message_fr"] and "Wrong name or key" in error["message_en"]
    assert "token" not in response.json()


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer"},
        {"Authorization": "Basic SnVsaWU6a2V5"},
        {"Authorization": "Bearer inconnu"},
    ],
)
def test_the_console_api_needs_a_valid_token(client: TestClient, headers: dict[str, str]) -> None:
    for method, path in [
        ("GET", "/api/agent/conversations"),
        ("POST", "/api/agent/conversations/abc/take"),
        ("GET", "/api/agent/conversations/abc/history"),
        ("POST", "/api/agent/logout"),
    ]:
        response = client.request(method, path, headers=headers)
        assert response.status_code == 401, (method, path)
        assert response.json()["error"]["code"] == "agent_unauthorized"
        assert response.headers["www-authenticate"] == "Bearer"


def test_an_expired_token_is_refused(client: TestClient) -> None:
    headers = sign_in(client)
    move_clock(client, 11.9 * 3600)
    assert client.get("/api/agent/conversations", headers=headers).status_code == 200
    move_clock(client, 12 * 3600 + 1)
    response = client.get("/api/agent/conversations", headers=headers)
    assert response.status_code == 401
    assert "expirée" in response.json()["error"]["message_fr"]


def test_logout_ends_the_session_only_for_that_token(client: TestClient) -> None:
    first, second = sign_in(client), sign_in(client)
    assert client.post("/api/agent/logout", headers=first).status_code == 204
    assert client.get("/api/agent/conversations", headers=first).status_code == 401
    assert client.get("/api/agent/conversations", headers=second).status_code == 200


def test_failures_look_alike_and_are_throttled_per_client_never_per_name(client: TestClient) -> None:
    unknown = client.post("/api/agent/session", json={"name": "Personne", "key": "x" * 20})
    wrong = client.post("/api/agent/session", json={"name": "Marc", "key": "x" * 20})
    assert unknown.status_code == wrong.status_code == 401
    assert unknown.json() == wrong.json()
    for _ in range(8):
        assert client.post("/api/agent/session", json={"name": "Marc", "key": "x" * 20}).status_code == 401
    throttled = client.post("/api/agent/session", json={"name": "Marc", "key": AGENT_KEYS["Marc"]})
    assert throttled.status_code == 429 and throttled.json()["error"]["code"] == "too_many_requests"
    assert int(throttled.headers["retry-after"]) >= 1
    assert "Marc" not in throttled.text
    # Marc, from his own computer, is not locked out by the stranger's failures.
    elsewhere = TestClient(client.app, client=("10.20.30.40", 50000))
    signed_in = elsewhere.post("/api/agent/session", json={"name": "Marc", "key": AGENT_KEYS["Marc"]})
    assert signed_in.status_code == 200


def test_argon2_hashed_keys_sign_in(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from argon2 import PasswordHasher

    from api.live.auth import AgentAuth, BadCredentials

    hashed = PasswordHasher().hash("julie-key-0123456789")
    settings = Settings(agent_keys=f"Julie:{hashed},Marc:{PasswordHasher().hash('marc-key-0123456789')}")
    auth = AgentAuth(settings.agent_keys)
    assert auth.sign_in("Julie", "julie-key-0123456789").name == "Julie"
    for name, key in (("Julie", "marc-key-0123456789"), ("Personne", "julie-key-0123456789")):
        with pytest.raises(BadCredentials):
            auth.sign_in(name, key)


def test_the_console_page_is_served(client: TestClient) -> None:
    response = client.get("/agent")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "console des intervenants" in response.text
    assert 'src="/agent.js"' in response.text
    script = client.get("/agent.js").text
    assert "sessionStorage" in script and "localStorage" not in script


def test_agent_keys_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "RELAIS_AGENT_KEYS", "Julie:julie-key-0123456789, Marc T.:marc-key-0123456789"
    )
    assert Settings().agent_keys == {
        "Julie": "julie-key-0123456789",
        "Marc T.": "marc-key-0123456789",
    }


@pytest.mark.parametrize(
    ("environment", "keys"),
    [
        ("development", "Julie:trop-court"),
        ("development", "sans-deux-points"),
        ("production", ""),
        ("production", "Julie:change-me-change-me-please"),
    ],
)
def test_weak_or_missing_agent_keys_are_refused(
    monkeypatch: pytest.MonkeyPatch, environment: str, keys: str
) -> None:
    monkeypatch.setenv("RELAIS_AGENT_KEYS", keys)
    with pytest.raises(ValidationError) as error:
        Settings(environment=environment)
    assert "agent" in str(error.value).lower()
    # The rejected key is never echoed in the error.
    assert "trop-court" not in str(error.value) and "change-me" not in str(error.value)


def test_development_runs_without_any_counsellor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RELAIS_AGENT_KEYS", raising=False)
    assert Settings(environment="development").agent_keys == {}
