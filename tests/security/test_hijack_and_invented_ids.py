"""Someone who knows (or invents) a conversation id cannot read, post to, cancel or erase it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from privacy.tracker import TrackerEvents, create_tracker_engine
from tests.api.conftest import ScriptedRasa
from tests.api.live.test_agent_auth import sign_in
from tests.privacy.test_tracker_retention import add_events
from tests.security.conftest import Report, start_conversation


def test_a_known_id_without_its_token_opens_nothing(
    gateway: TestClient, rasa: ScriptedRasa, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    report = Report("hijack: the attacker knows the id, not the token")
    victim, mine = start_conversation(gateway, "Je m'appelle Julie Gagnon, mon cell est le 514 555-0199")
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    add_events(url, victim, [0, 0])
    assert gateway.post(f"/api/live/{victim}/request", headers=mine).status_code == 200
    julie = sign_in(gateway, "Julie")
    gateway.post(f"/api/agent/conversations/{victim}/take", headers=julie)
    gateway.post("/api/chat", json={"conversation_id": victim, "message": "merci d'être là"}, headers=mine)
    gateway.post(f"/api/agent/conversations/{victim}/messages", json={"text": "Je suis là."}, headers=julie)
    _, other = start_conversation(gateway)  # the attacker's own, valid conversation
    received = len(rasa.received)

    attacks = [
        ("POST /api/chat as the person", "POST", "/api/chat", {"conversation_id": victim, "message": "c'est moi"}),
        ("GET /api/live/{id}/events", "GET", f"/api/live/{victim}/events", None),
        ("POST /api/live/{id}/cancel", "POST", f"/api/live/{victim}/cancel", None),
        ("POST /api/live/{id}/request", "POST", f"/api/live/{victim}/request", None),
        ("DELETE /api/conversations/{id}", "DELETE", f"/api/conversations/{victim}", None),
    ]
    for name, method, path, body in attacks:
        for label, headers in (
            ("no token", {}),
            ("another conversation's token", other),
            ("a made-up token", {"X-Conversation-Token": "A" * 43}),
        ):
            response = gateway.request(method, path, json=body, headers=headers)
            error = response.json().get("error", {}) if response.content else {}
            report.check(
                f"{name} with {label}",
                f"{response.status_code} {error.get('code')}",
                response.status_code == 401
                and error.get("code") == "conversation_unauthorized"
                and error.get("message_fr") and error.get("message_en"),
            )

    # Nothing was lost or changed for the person.
    events = gateway.get(f"/api/live/{victim}/events", headers=mine).json()
    report.check("the person's live chat after the attacks", events["state"], events["state"] == "with_counsellor")
    authors = {event["author"] for event in events["events"]}
    report.check("the person's own messages echoed to the person's side", str(sorted(authors)), "person" not in authors)
    report.check("messages that reached Rasa during the attacks", str(len(rasa.received) - received), len(rasa.received) == received)
    count = TrackerEvents(create_tracker_engine(url)).count(victim)
    report.check("the person's tracker events after the attacks", str(count), count == 2)
    # The gateway's own logs (the test client's request log is not the gateway's).
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith(("relais", "uvicorn", "api")))
    report.check("the conversation id in the gateway's logs", "absent" if victim not in logged else "present", victim not in logged)
    report.check("the person's words in the logs", "absent", "Gagnon" not in logged and "514 555-0199" not in logged)


def test_invented_ids_are_refused_and_create_nothing(gateway: TestClient, rasa: ScriptedRasa) -> None:
    report = Report("invented conversation ids")
    for invented in ("mon-id-invente", "0" * 32, "a"):
        for label, headers in (("no token", {}), ("a random token", {"X-Conversation-Token": "x" * 43})):
            chat = gateway.post("/api/chat", json={"conversation_id": invented, "message": "allo"}, headers=headers)
            live = gateway.post(f"/api/live/{invented}/request", headers=headers)
            report.check(
                f"chat and live request for {invented!r} with {label}",
                f"{chat.status_code}/{live.status_code}",
                chat.status_code == live.status_code == 401,
            )
    waiting = gateway.app.state.live_chat.waiting()  # type: ignore[attr-defined]
    report.check("conversations waiting after the invented requests", str(len(waiting)), waiting == [])
    report.check("messages that reached Rasa", str(len(rasa.received)), rasa.received == [])
    bad = gateway.post("/api/live/pas%20valide/request")
    report.check("a malformed id", f"{bad.status_code} {bad.json()['error']['code']}", bad.status_code == 422)
