"""Floods of the queue, the callback form and the chat; oversized, chunked and invalid bodies;
CR/LF in every field. Each is refused and nothing is lost."""

from __future__ import annotations

import uuid
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.api.callback_gateway import FORM
from tests.api.conftest import ScriptedRasa, gateway_settings
from tests.security.conftest import Report, running, start_conversation
from tickets.database import create_database_engine
from tickets.models import CallbackTicket


def tickets(tmp_path: Path) -> int:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'relais.db'}")
    with Session(engine) as session:
        count = session.scalar(select(func.count()).select_from(CallbackTicket)) or 0
    engine.dispose()
    return count


def test_the_queue_cannot_be_flooded(rasa: ScriptedRasa, tmp_path: Path) -> None:
    report = Report("queue flood")
    with running(gateway_settings(tmp_path), rasa) as gateway:
        statuses = {gateway.post(f"/api/live/{uuid.uuid4().hex}/request").status_code for _ in range(300)}
        waiting = len(gateway.app.state.live_chat.waiting())  # type: ignore[attr-defined]
        report.check("300 requests for random ids, no token", f"statuses {sorted(statuses)}, {waiting} waiting", statuses == {401} and waiting == 0)

        # The attacker's own conversations, from one address: the per-address limit stops them.
        accepted = refused = 0
        for _ in range(40):
            conversation, headers = start_conversation(gateway)
            status = gateway.post(f"/api/live/{conversation}/request", headers=headers).status_code
            accepted += status == 200
            refused += status == 429
        report.check("40 real conversations asking from one address", f"{accepted} accepted, {refused} refused (429)", accepted == 20 and refused == 20)

        person = TestClient(gateway.app, client=("10.1.2.3", 40000))
        conversation, headers = start_conversation(person)
        mine = person.post(f"/api/live/{conversation}/request", headers=headers)
        report.check("the next real person, from another address", f"{mine.status_code}, position {mine.json().get('position')}", mine.status_code == 200 and mine.json()["position"] == 21)

    with running(gateway_settings(tmp_path, max_waiting_conversations=5, rate_live_request_client="1000/minute"), rasa) as gateway:
        statuses = []
        for _ in range(8):
            conversation, headers = start_conversation(gateway)
            statuses.append(gateway.post(f"/api/live/{conversation}/request", headers=headers).status_code)
        full = gateway.post(f"/api/live/{conversation}/request", headers=headers).json()["error"]
        report.check("8 requests with a cap of 5 waiting", str(statuses), statuses == [200] * 5 + [429] * 3)
        report.check("the refusal gives the 24/7 lines", full["code"], "1 866 277-3553" in full["message_fr"] and "911" in full["message_fr"])


def test_the_callback_form_cannot_be_flooded(rasa: ScriptedRasa, tmp_path: Path) -> None:
    report = Report("callback flood")
    with running(gateway_settings(tmp_path), rasa) as gateway:
        statuses = [gateway.post("/api/callback", json=FORM).status_code for _ in range(50)]
        report.check("50 identical requests with someone else's number", f"{statuses.count(201)} stored, {statuses.count(429)} refused", statuses.count(201) == 3 and statuses.count(429) == 47)
        report.check("tickets in the database", str(tickets(tmp_path)), tickets(tmp_path) == 3)
        others = [
            gateway.post("/api/callback", json={**FORM, "contact": f"438 555-01{n:02d}"}).status_code for n in range(20)
        ]
        report.check("20 requests with different numbers from one address", f"{others.count(201)} stored", others.count(201) == 7 and others.count(429) == 13)


def test_a_chat_flood_is_refused_but_never_a_crisis(rasa: ScriptedRasa, tmp_path: Path) -> None:
    report = Report("chat flood")
    with running(gateway_settings(tmp_path), rasa) as gateway:
        conversation, headers = start_conversation(gateway)
        statuses = [
            gateway.post("/api/chat", json={"conversation_id": conversation, "message": f"allo {n}"}, headers=headers).status_code
            for n in range(30)
        ]
        report.check("30 messages in a minute in one conversation", f"{statuses.count(200)} answered, {statuses.count(429)} refused", statuses.count(200) == 20 and statuses.count(429) == 10)
        crisis = gateway.post("/api/chat", json={"conversation_id": conversation, "message": "j'ai envie d'en finir"}, headers=headers)
        body = crisis.json()
        report.check("a crisis message over the limit", f"{crisis.status_code}, crisis={body.get('crisis')}", crisis.status_code == 200 and body["crisis"] is True and "1 866 277-3553" in body["messages"][0]["text"])


def test_oversized_chunked_and_invalid_bodies(gateway: TestClient, rasa: ScriptedRasa) -> None:
    report = Report("bodies")
    big = {"message": "a" * 20_000}
    declared = gateway.post("/api/chat", json=big)
    report.check("a 20 kB JSON body with Content-Length", f"{declared.status_code} {declared.json()['error']['code']}", declared.status_code == 413)

    def chunks():  # type: ignore[no-untyped-def]
        yield b'{"message": "'
        for _ in range(64):
            yield b"a" * 1024
        yield b'"}'

    chunked = gateway.post("/api/chat", content=chunks(), headers={"content-type": "application/json"})
    report.check("a 64 kB chunked body (no Content-Length)", f"{chunked.status_code} {chunked.json()['error']['code']}", chunked.status_code == 413 and chunked.json()["error"]["message_en"])
    long = gateway.post("/api/chat", json={"message": "a" * 2001})
    report.check("a 2,001-character message", f"{long.status_code} {long.json()['error']['code']}", long.status_code == 413)
    invalid = gateway.post("/api/chat", content=b'{"message": "caf\xe9 \xff"}', headers={"content-type": "application/json"})
    error = invalid.json()["error"]
    report.check("invalid UTF-8 in the JSON", f"{invalid.status_code} {error['code']}", invalid.status_code == 400 and error["message_fr"] and error["message_en"])
    not_json = gateway.post("/api/chat", content=b"message=allo", headers={"content-type": "application/x-www-form-urlencoded"})
    report.check("a form instead of JSON", f"{not_json.status_code} {not_json.json()['error']['code']}", not_json.status_code == 422)
    report.check("messages that reached Rasa", str(len(rasa.received)), rasa.received == [])


def test_cr_lf_in_every_field(gateway: TestClient, rasa: ScriptedRasa) -> None:
    report = Report("CR/LF injection")
    injected = "x\r\nSet-Cookie: pwned=1\r\nX-Injected: 1"
    conversation, headers = start_conversation(gateway)
    cases = [
        ("chat conversation_id", "POST", "/api/chat", {"conversation_id": injected, "message": "allo"}, 422),
        ("chat establishment", "POST", "/api/chat", {"message": "allo", "establishment": injected}, 422),
        ("chat audience", "POST", "/api/chat", {"message": "allo", "audience": injected}, 422),
        ("callback first_name", "POST", "/api/callback", {**FORM, "first_name": injected}, 422),
        ("callback contact", "POST", "/api/callback", {**FORM, "contact": "514 555-0142\r\nX-Injected: 1"}, 422),
        ("callback time_window", "POST", "/api/callback", {**FORM, "time_window": injected}, 422),
        ("callback establishment", "POST", "/api/callback", {**FORM, "establishment": injected}, 422),
        ("sign-in name", "POST", "/api/agent/session", {"name": injected, "key": "k" * 20}, 401),
        ("sign-in key", "POST", "/api/agent/session", {"name": "Julie", "key": injected}, 401),
    ]
    for name, method, path, body, expected in cases:
        response = gateway.request(method, path, json=body)
        clean = "set-cookie" not in response.headers and "x-injected" not in response.headers
        report.check(f"CR/LF in {name}", f"{response.status_code}, injected header: {'no' if clean else 'YES'}", response.status_code == expected and clean)
    text = gateway.post("/api/chat", json={"conversation_id": conversation, "message": injected}, headers=headers)
    report.check("CR/LF in a chat message (text, kept as text)", f"{text.status_code}", text.status_code == 200 and "x-injected" not in text.headers)
    path = gateway.get("/api/live/abc%0D%0ASet-Cookie:%20x=1/events")
    report.check("CR/LF in a path id", f"{path.status_code}", path.status_code == 422 and "set-cookie" not in path.headers)
    with_token = gateway.post(f"/api/live/{conversation}/request", headers={"X-Conversation-Token": headers["X-Conversation-Token"] + "%0D%0AX-Injected: 1"})
    report.check("CR/LF (encoded) after a valid token", f"{with_token.status_code}", with_token.status_code == 401)
    report.check("messages that reached Rasa besides the two real ones", str(len(rasa.received) - 2), len(rasa.received) == 2)
