"""A live chat is offered, and a request accepted, only while a counsellor who serves the person's
establishment is at the console; otherwise the person gets the callback and the 24/7 lines, as when
nobody is online. In memory (one gateway), and with Redis (a counsellor signed in on gateway A, the
person on gateway B)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from tests.api.conftest import (
    CONVERSATION_SECRET,
    ScriptedRasa,
    gateway_settings,
    write_tracker_events,
)
from tests.conversation_tokens import sign_conversations
from tests.redis_server import RedisServer, redis_command

QUEBEC, ESTRIE, LAVAL = "ciusss-capitale-nationale", "ciusss-estrie-chus", "cisss-laval"
KEYS = {"Julie": "julie-key-0123456789", "Ines": "ines-key-0123456789"}
CRISIS_LINE = "1 866 277-3553"


@dataclass
class Gateways:
    counsellor: TestClient  # where counsellors sign in
    person: TestClient  # where the person chats (another gateway with Redis)
    tracker_url: str


def offering(body: dict) -> httpx.Response:
    return httpx.Response(
        200,
        json=[
            {"recipient_id": body["sender"], "text": "Voulez-vous parler à quelqu'un?"},
            {"custom": {"relais": {"offers": ["callback", "live_chat"]}}},
        ],
    )


@pytest.fixture(params=["memory", "redis"])
def gateways(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Gateways]:
    rasa = ScriptedRasa(reply=offering, tracker_url=f"sqlite:///{tmp_path / 'tracker.db'}")
    overrides: dict[str, str] = {
        # Julie serves Québec only; Ines (no list) every establishment.
        "agent_keys": f"Julie@{QUEBEC}:{KEYS['Julie']},Ines:{KEYS['Ines']}",
    }
    if request.param == "redis":
        server: RedisServer = request.getfixturevalue("redis_server")
        server_command_flush(server)
        overrides["redis_url"] = server.url
    settings = gateway_settings(tmp_path, **overrides)
    transport = httpx.MockTransport(rasa.handler)
    with TestClient(create_app(settings, rasa_transport=transport)) as first:
        sign_conversations(first, CONVERSATION_SECRET)
        if request.param == "memory":
            yield Gateways(first, first, rasa.tracker_url or "")
            return
        with TestClient(create_app(settings, rasa_transport=transport)) as second:
            sign_conversations(second, CONVERSATION_SECRET)
            yield Gateways(first, second, rasa.tracker_url or "")


def server_command_flush(server: RedisServer) -> None:
    assert redis_command(server.port, "FLUSHALL").startswith(b"+OK")


def slot(gateways: Gateways, conversation: str, value: str) -> None:
    """The bot asked: Rasa's tracker store holds the `establishment` slot."""
    event = {"event": "slot", "name": "establishment", "value": value, "timestamp": time.time()}
    write_tracker_events(gateways.tracker_url, conversation, [event])


def sign_in(client: TestClient, name: str) -> None:
    response = client.post("/api/agent/session", json={"name": name, "key": KEYS[name]})
    assert response.status_code == 200, response.text


def offers(client: TestClient, conversation: str, establishment: str | None) -> list[str]:
    body: dict[str, str] = {
        "conversation_id": conversation,
        "message": "je veux parler à quelqu'un",
    }
    if establishment:
        body["establishment"] = establishment
    response = client.post("/api/chat", json=body)
    assert response.status_code == 200, response.text
    return list(response.json()["offers"])


def test_a_counsellor_of_quebec_is_offered_to_quebec_only(gateways: Gateways) -> None:
    person = gateways.person
    assert offers(person, "conv-avant", QUEBEC) == ["callback"]  # nobody online yet
    sign_in(gateways.counsellor, "Julie")

    assert offers(person, "conv-estrie", ESTRIE) == ["callback"]
    refused = person.post("/api/live/conv-estrie/request")
    assert refused.status_code == 409, refused.text
    error = refused.json()["error"]
    assert error["code"] == "no_counsellor_available"
    assert (
        "votre établissement" in error["message_fr"]
        and "formulaire de rappel" in error["message_fr"]
    )
    assert CRISIS_LINE in error["message_fr"] and "911" in error["message_fr"]
    assert "establishment" in error["message_en"] and "call back" in error["message_en"]
    assert person.get("/api/live/conv-estrie/events").status_code == 404  # not queued

    assert offers(person, "conv-quebec", QUEBEC) == ["callback", "live_chat"]
    accepted = person.post("/api/live/conv-quebec/request")
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["counsellor_available"] is True and accepted.json()["position"] == 1

    # Unknown establishments are everyone's: offered, as the console shows them to Julie.
    assert offers(person, "conv-inconnu", None) == ["callback", "live_chat"]
    slot(gateways, "conv-aucun", "aucun")  # the form's "Je préfère ne pas le dire"
    assert offers(person, "conv-aucun", None) == ["callback", "live_chat"]
    assert person.post("/api/live/conv-inconnu/request").status_code == 200


def test_a_counsellor_of_every_establishment_covers_everyone(gateways: Gateways) -> None:
    sign_in(gateways.counsellor, "Ines")
    assert offers(gateways.person, "conv-laval", LAVAL) == ["callback", "live_chat"]
    assert gateways.person.post("/api/live/conv-laval/request").status_code == 200


def test_the_establishment_the_conversation_gave_earlier_counts(gateways: Gateways) -> None:
    """The page sent Estrie with the first message only: the next offer still knows it (read from
    the tracker store, as the console's scope reads it)."""
    person = gateways.person
    offers(person, "conv-suite", ESTRIE)
    sign_in(gateways.counsellor, "Julie")
    assert offers(person, "conv-suite", None) == ["callback"]
    assert person.post("/api/live/conv-suite/request").status_code == 409


def test_the_establishment_the_bot_asked_wins_over_the_page(gateways: Gateways) -> None:
    person = gateways.person
    sign_in(gateways.counsellor, "Julie")
    assert offers(person, "conv-demande", QUEBEC) == ["callback", "live_chat"]
    slot(gateways, "conv-demande", ESTRIE)  # the person told the bot they work in the Estrie
    assert offers(person, "conv-demande", None) == ["callback"]
    assert person.post("/api/live/conv-demande/request").status_code == 409
