"""POST /api/feedback counts "oui" and "non" per article, under the conversation's establishment;
bad input gets the bilingual error; only the holder of the conversation's token may vote."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

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
        signed = {"X-Conversation-Token": token_of(client, conversation)}
        assert client.post("/api/feedback", json=body, headers=signed).status_code == 204
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


def token_of(client: TestClient, conversation: str) -> str:
    return client.app.state.conversation_tokens.issue(conversation)  # type: ignore[attr-defined]


def test_a_vote_without_the_conversation_token_is_refused(client: TestClient) -> None:
    conversation = say(client, "confiant : le PAE?", establishment=ESTABLISHMENT)["conversation_id"]
    body = {"conversation_id": conversation, "article_id": "pae-c-est-quoi", "helpful": True}
    for headers in ({}, {"X-Conversation-Token": "mauvais"}):
        refused = client.post("/api/feedback", json=body, headers=headers)
        assert refused.status_code == 401
        assert refused.json()["error"]["code"] == "conversation_unauthorized"
    assert "feedback_yes" not in pending(client, article_id="pae-c-est-quoi")
    signed = {"X-Conversation-Token": token_of(client, conversation)}
    assert client.post("/api/feedback", json=body, headers=signed).status_code == 204
    assert pending(client, article_id="pae-c-est-quoi")["feedback_yes"] == 1
