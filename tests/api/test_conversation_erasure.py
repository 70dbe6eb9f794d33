"""DELETE /api/conversations/{id}: the tracker events and the live transcript go at once."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from privacy.tracker import TrackerEvents, create_tracker_engine
from tests.api.live.test_agent_auth import sign_in
from tests.privacy.test_tracker_retention import add_events


def test_the_person_erases_their_conversation(raw_client: TestClient, tmp_path: Path) -> None:
    client = raw_client
    started = client.post("/api/chat", json={"message": "bonjour"}).json()
    conversation, token = started["conversation_id"], started["conversation_token"]
    mine = {"X-Conversation-Token": token}
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    add_events(url, conversation, [0, 0])
    add_events(url, "someone-else", [0])
    julie = sign_in(client, "Julie")
    assert client.post(f"/api/live/{conversation}/request", headers=mine).status_code == 200
    client.post(f"/api/agent/conversations/{conversation}/take", headers=julie)

    # Without the token, or with another conversation's, nothing is erased.
    other = client.post("/api/chat", json={"message": "allo"}).json()["conversation_token"]
    for headers in ({}, {"X-Conversation-Token": other}):
        refused = client.delete(f"/api/conversations/{conversation}", headers=headers)
        assert refused.status_code == 401 and refused.json()["error"]["code"] == "conversation_unauthorized"
    events = TrackerEvents(create_tracker_engine(url))
    assert events.count(conversation) == 4  # "bonjour" and its reply (the scripted Rasa), 2 added

    assert client.delete(f"/api/conversations/{conversation}", headers=mine).status_code == 204
    assert events.count(conversation) == 0 and events.count("someone-else") == 1
    assert client.get(f"/api/live/{conversation}/events", headers=mine).status_code == 404
    held = client.get(f"/api/agent/conversations/{conversation}/events", headers=julie)
    assert held.status_code == 404
    # Erasing again is harmless.
    assert client.delete(f"/api/conversations/{conversation}", headers=mine).status_code == 204
