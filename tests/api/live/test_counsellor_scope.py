"""Counsellors see, take and read only the conversations and callback tickets of the
establishments they serve (RELAIS_AGENT_KEYS `name@id+id:key`), and every read, take, end, close
and delete is written to the audit log, as JSON, without a message or a contact."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from api.conversations.tokens import ConversationTokens
from api.counsellors.audit import AuditLog, conversation_ref
from api.counsellors.scope import CounsellorScope
from api.logs import JsonFormatter
from api.main import create_app
from tests.api.conftest import CONVERSATION_SECRET, ScriptedRasa, gateway_settings
from tests.conversation_tokens import sign_conversations

QUEBEC, ESTRIE = "ciusss-capitale-nationale", "ciusss-estrie-chus"
KEYS = {"Julie": "julie-key-0123456789", "Marc": "marc-key-0123456789", "Ines": "ines-key-0123456789"}
AGENT = "/api/agent/conversations"
TICKETS = "/api/agent/tickets"
SECRET_WORDS = "je suis épuisée"
CONTACTS = {QUEBEC: "514 555-0142", ESTRIE: "819 555-0177"}


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    rasa = ScriptedRasa(tracker_url=f"sqlite:///{tmp_path / 'tracker.db'}")
    settings = gateway_settings(
        tmp_path,
        # Julie serves Québec, Marc the Estrie, Ines (the old format) every establishment.
        agent_keys=f"Julie@{QUEBEC}:{KEYS['Julie']},Marc@{ESTRIE}:{KEYS['Marc']},Ines:{KEYS['Ines']}",
    )
    with TestClient(create_app(settings, rasa_transport=httpx.MockTransport(rasa.handler))) as test_client:
        sign_conversations(test_client, CONVERSATION_SECRET)
        yield test_client


def sign_in(client: TestClient, name: str) -> dict[str, str]:
    response = client.post("/api/agent/session", json={"name": name, "key": KEYS[name]})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def waiting_person(client: TestClient, conversation: str, establishment: str | None) -> None:
    body = {"conversation_id": conversation, "message": f"{SECRET_WORDS} au travail"}
    if establishment:
        body["establishment"] = establishment
    assert client.post("/api/chat", json=body).status_code == 200
    assert client.post(f"/api/live/{conversation}/request").status_code == 200


def waiting_ids(client: TestClient, headers: dict[str, str]) -> set[str]:
    return {c["conversation_id"] for c in client.get(AGENT, headers=headers).json()["waiting"]}


def assert_not_found(response: httpx.Response, code: str) -> None:
    assert response.status_code == 404, response.text
    error = response.json()["error"]
    assert error["code"] == code and error["message_fr"] and error["message_en"]


def audit_lines(caplog: pytest.LogCaptureFixture) -> list[dict]:
    formatter = JsonFormatter()
    return [
        json.loads(formatter.format(record))
        for record in caplog.records
        if record.name == "relais.audit"
    ]


def test_each_counsellor_sees_and_takes_only_their_establishments_conversations(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="relais.audit")
    waiting_person(client, "conv-quebec", QUEBEC)
    waiting_person(client, "conv-estrie", ESTRIE)
    waiting_person(client, "conv-unknown", None)
    julie, marc, ines = (sign_in(client, name) for name in ("Julie", "Marc", "Ines"))

    assert waiting_ids(client, julie) == {"conv-quebec", "conv-unknown"}
    assert waiting_ids(client, marc) == {"conv-estrie", "conv-unknown"}
    assert waiting_ids(client, ines) == {"conv-quebec", "conv-estrie", "conv-unknown"}
    listed = {c["conversation_id"]: c for c in client.get(AGENT, headers=ines).json()["waiting"]}
    assert listed["conv-estrie"]["establishment_id"] == ESTRIE
    assert listed["conv-estrie"]["establishment_name"].startswith("CIUSSS de l'Estrie")
    assert listed["conv-unknown"]["establishment_id"] is None
    assert listed["conv-unknown"]["establishment_name"] is None

    # Julie cannot take the Estrie's conversation (it looks absent), nor read its history.
    assert_not_found(client.post(f"{AGENT}/conv-estrie/take", headers=julie), "live_chat_not_found")
    assert_not_found(client.get(f"{AGENT}/conv-estrie/history", headers=julie), "live_chat_not_found")
    assert "conv-estrie" in waiting_ids(client, marc)  # still waiting, for Marc

    assert client.post(f"{AGENT}/conv-quebec/take", headers=julie).status_code == 200
    history = client.get(f"{AGENT}/conv-quebec/history", headers=julie).json()
    assert [t["author"] for t in history["bot"]] == ["person", "bot"]
    assert history["establishment_name"] == "CIUSSS de la Capitale-Nationale"
    assert client.post(f"{AGENT}/conv-quebec/end", headers=julie).status_code == 200
    assert client.post(f"{AGENT}/conv-estrie/take", headers=marc).status_code == 200
    assert client.post(f"{AGENT}/conv-unknown/take", headers=julie).status_code == 200

    lines = audit_lines(caplog)
    assert [(line["audit"]["action"], line["audit"]["counsellor"]) for line in lines] == [
        ("conversation_taken", "Julie"),
        ("conversation_history_read", "Julie"),
        ("conversation_ended", "Julie"),
        ("conversation_taken", "Marc"),
        ("conversation_taken", "Julie"),
    ]
    key = ConversationTokens(CONVERSATION_SECRET).derived_key("audit")
    assert lines[0]["audit"]["conversation_ref"] == conversation_ref(key, "conv-quebec")
    assert lines[0]["audit"]["establishment"] == QUEBEC and lines[4]["audit"]["establishment"] is None
    assert lines[0]["logger"] == "relais.audit" and lines[0]["event"] == "conversation_taken"
    written = json.dumps(lines, ensure_ascii=False)
    assert SECRET_WORDS not in written and "conv-quebec" not in written  # no text, no id


def create_ticket(client: TestClient, establishment: str) -> str:
    form = {
        "first_name": "Marie-Ève", "contact": CONTACTS[establishment], "time_window": "apres-midi",
        "establishment": establishment, "consent": True,
    }  # fmt: skip
    response = client.post("/api/callback", json=form)
    assert response.status_code == 201, response.text
    return str(response.json()["reference"])


def test_each_counsellor_reads_closes_and_deletes_only_their_establishments_tickets(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="relais.audit")
    quebec, estrie = create_ticket(client, QUEBEC), create_ticket(client, ESTRIE)
    julie, marc, ines = (sign_in(client, name) for name in ("Julie", "Marc", "Ines"))

    def listed(headers: dict[str, str]) -> set[str]:
        return {t["reference"] for t in client.get(TICKETS, headers=headers).json()["tickets"]}

    assert listed(julie) == {quebec} and listed(marc) == {estrie} and listed(ines) == {quebec, estrie}
    for method, path in (("GET", estrie), ("POST", f"{estrie}/handled"), ("DELETE", estrie)):
        assert_not_found(client.request(method, f"{TICKETS}/{path}", headers=julie), "ticket_not_found")
    assert listed(marc) == {estrie}  # Julie's attempts changed nothing

    assert client.get(f"{TICKETS}/{quebec}", headers=julie).json()["contact"] == CONTACTS[QUEBEC]
    assert client.post(f"{TICKETS}/{quebec}/handled", headers=julie).status_code == 200
    assert client.delete(f"{TICKETS}/{estrie}", headers=marc).status_code == 204
    listed(julie)  # listed again within the hour: not written again

    lines = [line["audit"] for line in audit_lines(caplog)]
    assert [(a["action"], a["counsellor"], a["ticket"]) for a in lines] == [
        ("callback_ticket_listed", "Julie", quebec),
        ("callback_ticket_listed", "Marc", estrie),
        ("callback_ticket_listed", "Ines", quebec),
        ("callback_ticket_listed", "Ines", estrie),
        ("callback_ticket_read", "Julie", quebec),
        ("callback_ticket_handled", "Julie", quebec),
        ("callback_ticket_deleted", "Marc", estrie),
    ]
    written = json.dumps(lines, ensure_ascii=False)
    assert "Marie-Ève" not in written and "555" not in written  # no name, no contact


def test_a_ticket_listed_again_after_an_hour_is_written_again(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="relais.audit")
    now = [1000.0]
    audit = AuditLog(ConversationTokens("s" * 40), clock=lambda: now[0])
    audit.tickets_listed("Julie", [("R-AAAA", QUEBEC)])
    audit.tickets_listed("Julie", [("R-AAAA", QUEBEC)])
    now[0] += 3601
    audit.tickets_listed("Julie", [("R-AAAA", QUEBEC)])
    assert len(audit_lines(caplog)) == 2


def test_the_keys_format_with_and_without_establishments(tmp_path: Path) -> None:
    settings = gateway_settings(tmp_path, agent_keys=f"Julie@{QUEBEC}+{ESTRIE}:{KEYS['Julie']},Ines:{KEYS['Ines']}")
    assert settings.agent_keys == {"Julie": KEYS["Julie"], "Ines": KEYS["Ines"]}
    assert settings.agent_establishments == {"Julie": frozenset({QUEBEC, ESTRIE})}
    for bad in (f"Julie@:{KEYS['Julie']}", f"Julie@Quebec City:{KEYS['Julie']}",
                f"Julie@{QUEBEC}:{KEYS['Julie']},Julie@{ESTRIE}:{KEYS['Marc']}"):  # fmt: skip
        with pytest.raises(ValidationError):
            gateway_settings(tmp_path, agent_keys=bad)


def test_the_gateway_does_not_start_with_an_unknown_establishment(tmp_path: Path) -> None:
    settings = gateway_settings(tmp_path, agent_keys=f"Julie@ciusss-atlantide:{KEYS['Julie']}")
    app = create_app(settings, rasa_transport=httpx.MockTransport(ScriptedRasa().handler))
    with pytest.raises(ValueError, match="ciusss-atlantide"), TestClient(app):
        pass


def test_a_person_who_named_no_known_establishment_stays_visible_to_every_counsellor() -> None:
    # What the establishment form leaves in the store: "aucun" for "Je préfère ne pas le dire", or a
    # typed name it did not recognise. Neither is an establishment: nobody waiting is hidden.
    julie = CounsellorScope("Julie", frozenset({QUEBEC}), frozenset({QUEBEC, ESTRIE}))
    assert julie.covers(QUEBEC) and not julie.covers(ESTRIE)
    assert julie.covers("aucun") and julie.covers("le CISSS de je-sais-pas-où") and julie.covers(None)

