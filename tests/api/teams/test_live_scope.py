"""In Teams too, the live chat button joins the queue only while a counsellor who serves the
person's establishment (the one the bot asked, in the tracker store) is online; otherwise the
person reads why, with the callback and the 24/7 lines, and nothing is queued."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from tests.api.conftest import ScriptedRasa, write_tracker_events
from tests.api.teams.bot_framework import FakeMicrosoft, personal_activity
from tests.api.teams.conftest import personal_settings, post_activity

QUEBEC, ESTRIE = "ciusss-capitale-nationale", "ciusss-estrie-chus"
KEY = "julie-key-0123456789"
AGENT = "/api/agent/conversations"


@pytest.fixture
def scoped(
    tmp_path: Path, microsoft: FakeMicrosoft, local_keys: None
) -> Iterator[tuple[TestClient, ScriptedRasa]]:
    tracker_url = f"sqlite:///{tmp_path / 'tracker.db'}"
    rasa = ScriptedRasa(tracker_url=tracker_url)
    settings = personal_settings(tmp_path, microsoft, tracker_url=tracker_url).model_copy(
        # What RELAIS_AGENT_KEYS=Julie@<Québec>:<key> gives (api/counsellors/keys.py).
        update={
            "agent_keys": {"Julie": KEY},
            "agent_establishments": {"Julie": frozenset({QUEBEC})},
        }
    )
    with TestClient(
        create_app(settings, rasa_transport=httpx.MockTransport(rasa.handler))
    ) as client:
        yield client, rasa


def press_live_chat(client: TestClient, microsoft: FakeMicrosoft, language: str | None = None) -> str:
    before = len(microsoft.sent)
    value = {"relais_action": "live_chat", **({"relais_language": language} if language else {})}
    activity = personal_activity(microsoft, None, value=value)
    assert post_activity(client, activity, microsoft.token()).status_code == 202
    (reply,) = [
        e["activity"] for e in microsoft.sent[before:] if e["activity"]["type"] == "message"
    ]
    return str(reply["text"])


def test_the_live_chat_button_follows_the_counsellors_establishments(
    scoped: tuple[TestClient, ScriptedRasa], microsoft: FakeMicrosoft
) -> None:
    client, rasa = scoped
    assert (
        post_activity(client, personal_activity(microsoft, "allo"), microsoft.token()).status_code
        == 202
    )
    person = rasa.received[0]["sender"]
    slot = {"event": "slot", "name": "establishment", "value": ESTRIE, "timestamp": time.time()}
    write_tracker_events(rasa.tracker_url or "", person, [slot])
    signed = client.post("/api/agent/session", json={"name": "Julie", "key": KEY})
    julie = {"Authorization": f"Bearer {signed.json()['token']}"}

    refused = press_live_chat(client, microsoft)
    assert "Aucune intervenante ni aucun intervenant de votre établissement" in refused
    assert "formulaire de rappel" in refused and "277-3553" in refused
    assert client.get(AGENT, headers=julie).json()["waiting"] == []

    write_tracker_events(rasa.tracker_url or "", person, [{**slot, "value": QUEBEC}])
    assert "Vous êtes la prochaine personne dans la file" in press_live_chat(client, microsoft)
    assert [c["conversation_id"] for c in client.get(AGENT, headers=julie).json()["waiting"]] == [
        person
    ]


def test_a_live_chat_asked_from_an_english_reply_is_explained_in_english(
    scoped: tuple[TestClient, ScriptedRasa], microsoft: FakeMicrosoft
) -> None:
    client, rasa = scoped
    post_activity(client, personal_activity(microsoft, "hello"), microsoft.token())
    person = rasa.received[0]["sender"]
    slot = {"event": "slot", "name": "establishment", "value": QUEBEC, "timestamp": time.time()}
    write_tracker_events(rasa.tracker_url or "", person, [slot])
    client.post("/api/agent/session", json={"name": "Julie", "key": KEY})

    explained = press_live_chat(client, microsoft, "en")
    assert "You are next in the queue." in explained and "vous" not in explained
    assert "277-3553" in explained
    # Pressed again from a French reply: the same place in the queue, now in French.
    assert "Vous êtes la prochaine personne dans la file" in press_live_chat(client, microsoft, "fr")
