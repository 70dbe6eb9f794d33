"""Bad input gets a clear bilingual error, never a crash, and is never forwarded to Rasa."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import ScriptedRasa


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"message": ""}, "empty_message"),
        ({"message": "   \n\t "}, "empty_message"),
        ({"message": 42}, "invalid_request"),
        ({"message": ["a"]}, "invalid_request"),
        ({}, "invalid_request"),
        ({"message": "allo", "conversation_id": "../../etc"}, "invalid_request"),
        ({"message": "allo", "audience": "ceo"}, "invalid_request"),
        ({"message": "allo", "establishment": "DROP TABLE"}, "invalid_request"),
        ({"message": "allo", "unexpected": True}, "invalid_request"),
    ],
)
def test_invalid_payloads(client: TestClient, rasa: ScriptedRasa, payload: dict, code: str) -> None:
    response = client.post("/api/chat", json=payload)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message_fr"] and error["message_en"]
    assert rasa.received == []


def test_message_over_2000_characters(client: TestClient, rasa: ScriptedRasa) -> None:
    response = client.post("/api/chat", json={"message": "a" * 2001})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "message_too_long"
    assert rasa.received == []


def test_message_of_exactly_2000_characters_is_accepted(client: TestClient) -> None:
    assert client.post("/api/chat", json={"message": "a" * 2000}).status_code == 200


def test_invalid_json(client: TestClient, rasa: ScriptedRasa) -> None:
    response = client.post(
        "/api/chat", content=b'{"message": "allo"', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_json"
    assert rasa.received == []


def test_oversized_body(client: TestClient, rasa: ScriptedRasa) -> None:
    response = client.post(
        "/api/chat", content=b"x" * 20_000, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "body_too_large"
    assert rasa.received == []


def test_unknown_establishment(client: TestClient, rasa: ScriptedRasa) -> None:
    response = client.post("/api/chat", json={"message": "allo", "establishment": "cisss-de-nulle-part"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "unknown_establishment"
    assert rasa.received == []


def test_known_establishment_is_accepted(client: TestClient) -> None:
    response = client.post("/api/chat", json={"message": "allo", "establishment": "ciusss-estrie-chus"})
    assert response.status_code == 200
