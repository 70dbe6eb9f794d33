"""Every event moves its weekly counter, under the right establishment, channel and topic; nothing
but counts is kept; a flush writes them to the database and adds to what is there."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from indicators.catalog import NO_VALUE, UNKNOWN_ESTABLISHMENT
from indicators.weeks import iso_week
from tests.api.callback_gateway import FORM, agent_headers
from tests.api.conftest import ScriptedRasa
from tests.api.indicators.gateway import ESTABLISHMENT, gateway, pending, recorder, say


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    with gateway(tmp_path) as client:
        yield client  # type: ignore[misc]


@pytest.mark.parametrize(
    ("message", "indicator"),
    [
        ("confiant : le PAE?", "answered"),
        ("incertain : une question floue", "unsure"),
        ("horssujet : la météo", "out_of_scope"),
        ("indisponible : la base est en panne", "unanswered"),
        ("detresse : je suis épuisée", "distress_replies"),
        ("crise : le robot envoie une réponse de crise", "crisis_replies"),
        ("personne : parler à quelqu'un", "handoff_lines"),
        ("personne : parler à quelqu'un", "handoff_callback"),
    ],
)
def test_each_reply_moves_its_counter(client: TestClient, message: str, indicator: str) -> None:
    before = pending(client)[indicator]
    say(client, message, establishment=ESTABLISHMENT)
    after = pending(client, establishment_id=ESTABLISHMENT, channel="web")
    assert after[indicator] == before + 1


def test_a_conversation_is_counted_once_and_its_topics_once_each(client: TestClient) -> None:
    first = say(client, "confiant : le PAE?", establishment=ESTABLISHMENT)["conversation_id"]
    for _ in range(3):
        say(client, "confiant : encore le PAE", first, establishment=ESTABLISHMENT)
    say(client, "confiant : une autre", establishment=ESTABLISHMENT)
    counts = pending(client, establishment_id=ESTABLISHMENT)
    assert counts["conversations"] == 2
    assert counts["answered"] == 5
    assert pending(client, topic="pae")["conversations_topic"] == 2


def test_no_establishment_counts_as_unknown_and_the_week_is_the_finest_time(
    client: TestClient,
) -> None:
    say(client, "confiant : le PAE?")
    keys = list(recorder(client).pending())
    assert {key.establishment_id for key in keys} == {UNKNOWN_ESTABLISHMENT}
    assert {key.week for key in keys} == {iso_week(recorder(client).clock())}


def test_the_gateways_own_crisis_reply_is_counted(client: TestClient) -> None:
    reply = say(client, "confiant : je veux mourir, j'ai tout prévu pour ce soir")
    assert reply["crisis"] is True
    assert pending(client)["crisis_replies"] == 1


def test_rasa_down_counts_an_unanswered_question(tmp_path: Path) -> None:
    rasa = ScriptedRasa()
    rasa.fail_with(httpx.ConnectError("refused"))
    with gateway(tmp_path, rasa) as client:
        say(client, "Bonjour, c'est quoi le PAE?")
        assert pending(client)["unanswered"] == 1


def test_live_chat_request_and_take_with_its_wait_bucket(client: TestClient) -> None:
    conversation = say(client, "personne : un humain", establishment=ESTABLISHMENT)[
        "conversation_id"
    ]
    assert client.post(f"/api/live/{conversation}/request").status_code == 200
    assert client.post(f"/api/live/{conversation}/request").status_code == 200  # asked again: same
    live = client.app.state.live_chat  # type: ignore[attr-defined]
    start = live.clock()
    live.clock = lambda: start + 200.0  # taken 3 min 20 s later
    headers = agent_headers(client)
    assert (
        client.post(f"/api/agent/conversations/{conversation}/take", headers=headers).status_code
        == 200
    )
    counts = pending(client, establishment_id=ESTABLISHMENT, channel="web")
    assert counts["live_requested"] == 1
    assert counts["live_taken"] == 1
    assert counts["live_wait_2_5min"] == 1


def test_callbacks_created_and_handled(client: TestClient) -> None:
    response = client.post("/api/callback", json=FORM)
    assert response.status_code == 201
    reference = response.json()["reference"]
    headers = agent_headers(client)
    for _ in range(2):  # handled twice: counted once
        assert (
            client.post(f"/api/agent/tickets/{reference}/handled", headers=headers).status_code
            == 200
        )
    counts = pending(client, establishment_id=FORM["establishment"])
    assert counts["callbacks_created"] == 1
    assert counts["callbacks_handled"] == 1


def test_a_flush_writes_only_counts_and_adds_to_the_stored_ones(client: TestClient) -> None:
    for _ in range(2):
        say(client, "confiant : le PAE?", establishment=ESTABLISHMENT)
        recorder(client).flush()
    assert recorder(client).pending() == {}
    store = recorder(client).store
    assert store is not None
    rows = store.counts([iso_week(recorder(client).clock())])
    answered = [r for r in rows if r.indicator == "answered"]
    assert [(r.establishment_id, r.channel, r.topic, r.article_id, r.value) for r in answered] == [
        (ESTABLISHMENT, "web", "pae", NO_VALUE, 2)
    ]
    columns = set(rows[0].__table__.columns.keys())
    assert columns == {
        "week",
        "establishment_id",
        "channel",
        "topic",
        "article_id",
        "indicator",
        "value",
    }
