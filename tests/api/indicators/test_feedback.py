"""POST /api/feedback counts "oui" and "non" per article, under the conversation's establishment;
bad input gets the bilingual error; the conversation-token check is a swappable dependency."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.indicators.feedback import conversation_guard
from tests.api.indicators.gateway import ESTABLISHMENT, gateway, pending, say


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    with gateway(tmp_path) as client:
        yield client  # type: ignore[misc]


def test_yes_and_no_are_counted_per_article_once_per_conversation(client: TestClient) -> None:
    first = say(client, "confiant : le PAE?", establishment=ESTABLISHMENT)["conversation_id"]
    second = say(client, "confiant : le PAE?", establishment=ESTABLISHMENT)["conversation_id"]
    votes = [
        (first, "pae-c-est-quoi", True),
        (first, "pae-c-est-quoi", False),  # a repeat: ignored
        (second, "pae-c-est-quoi", False),
        (first, "pae-seances", False),
    ]
    for conversation, article, helpful in votes:
        body = {"conversation_id": conversation, "article_id": article, "helpful": helpful}
        assert client.post("/api/feedback", json=body).status_code == 204
    counts = pending(
        client, article_id="pae-c-est-quoi", establishment_id=ESTABLISHMENT, topic="pae"
    )
    assert (counts["feedback_yes"], counts["feedback_no"]) == (1, 1)
    assert pending(client, article_id="pae-seances")["feedback_no"] == 1


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (
            {"conversation_id": "abc", "article_id": "n-existe-pas", "helpful": True},
            "unknown_article",
        ),
        (
            {"conversation_id": "abc", "article_id": "pae-c-est-quoi", "helpful": "oui"},
            "invalid_request",
        ),
        ({"conversation_id": "abc", "article_id": "pae-c-est-quoi"}, "invalid_request"),
        (
            {"conversation_id": "a b", "article_id": "pae-c-est-quoi", "helpful": True},
            "invalid_request",
        ),
        ({"conversation_id": "abc", "article_id": "../secret", "helpful": True}, "invalid_request"),
        (
            {
                "conversation_id": "abc",
                "article_id": "pae-c-est-quoi",
                "helpful": True,
                "text": "x",
            },
            "invalid_request",
        ),
    ],
)
def test_bad_input_gets_a_bilingual_error_and_counts_nothing(
    client: TestClient, body: dict[str, object], code: str
) -> None:
    response = client.post("/api/feedback", json=body)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == code
    assert (
        error["message_fr"] and error["message_en"] and error["message_fr"] != error["message_en"]
    )
    assert pending(client) == {}


def test_a_refused_conversation_token_answers_403(client: TestClient) -> None:
    class OnlyGoodToken:
        def allows(self, conversation_id: str, token: str | None) -> bool:
            return token == "bon-jeton"

    client.app.dependency_overrides[conversation_guard] = OnlyGoodToken  # type: ignore[attr-defined]
    body = {"conversation_id": "abc", "article_id": "pae-c-est-quoi", "helpful": True}
    refused = client.post("/api/feedback", json=body, headers={"X-Conversation-Token": "mauvais"})
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "conversation_forbidden"
    assert pending(client) == {}
    accepted = client.post(
        "/api/feedback", json=body, headers={"X-Conversation-Token": "bon-jeton"}
    )
    assert accepted.status_code == 204
    assert pending(client)["feedback_yes"] == 1
