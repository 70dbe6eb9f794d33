"""A gateway for the indicator tests: a scripted Rasa whose replies carry the `relais` payloads the
bot sends (answer outcome, topic, sources, handoff, offers, distress), a SQLite file of the test's
own, counsellors and BQVT leads who can sign in."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient

from api.indicators.recorder import IndicatorRecorder
from api.main import create_app
from tests.api.callback_gateway import settings_for
from tests.api.conftest import CONVERSATION_SECRET, ScriptedRasa
from tests.conversation_tokens import sign_conversations

ESTABLISHMENT = "ciusss-capitale-nationale"
OTHER = "cisss-laval"
BQVT_KEYS = {"Ana": "ana-bqvt-key-0123456789", "Obs": "obs-bqvt-key-0123456789"}
BQVT_SETTING = f"Ana:{BQVT_KEYS['Ana']}:{ESTABLISHMENT},Obs:{BQVT_KEYS['Obs']}:*"
SOURCE = {
    "id": "pae-c-est-quoi",
    "title": "Qu'est-ce que le PAE?",
    "topic": "pae",
    "last_reviewed": "2026-11-23",
}
LINE = {"name": "Info-Social", "phone": "811"}

# What the bot answers, by the first word of the message.
PAYLOADS: dict[str, dict[str, Any]] = {
    "confiant": {"topic": "pae", "sources": [SOURCE], "answer": "confident"},
    "incertain": {"topic": None, "sources": [], "answer": "unsure", "nearest": "pae-c-est-quoi"},
    "horssujet": {"answer": "out_of_scope"},
    "indisponible": {"answer": "none"},
    "detresse": {"distress": True},
    "personne": {"handoff": {"resources": [LINE]}, "offers": ["callback", "live_chat"]},
    "crise": {"crisis": True, "crisis_type": "self"},
}


def scripted_reply(body: dict[str, Any]) -> httpx.Response:
    word = body["message"].split()[0].lower()
    replies: list[dict[str, Any]] = [{"recipient_id": body["sender"], "text": f"Réponse : {word}"}]
    if word in PAYLOADS:
        replies.append({"recipient_id": body["sender"], "custom": {"relais": PAYLOADS[word]}})
    return httpx.Response(200, json=replies)


@contextmanager
def gateway(
    tmp_path: Path, rasa: ScriptedRasa | None = None, **overrides: Any
) -> Iterator[TestClient]:
    settings = settings_for(
        tmp_path, bqvt_keys=BQVT_SETTING, conversation_secret=CONVERSATION_SECRET, **overrides
    )
    rasa = rasa or ScriptedRasa(reply=scripted_reply)
    app = create_app(settings, rasa_transport=httpx.MockTransport(rasa.handler))
    with TestClient(app) as client:
        sign_conversations(client, CONVERSATION_SECRET)
        yield client


def recorder(client: TestClient) -> IndicatorRecorder:
    return client.app.state.indicators  # type: ignore[attr-defined, no-any-return]


def pending(client: TestClient, **match: str) -> Counter[str]:
    """indicator → count not yet flushed, among the keys matching `match` (e.g. topic="pae")."""
    found: Counter[str] = Counter()
    for key, value in recorder(client).pending().items():
        if all(getattr(key, name) == wanted for name, wanted in match.items()):
            found[key.indicator] += value
    return found


def say(
    client: TestClient, message: str, conversation_id: str | None = None, **extra: Any
) -> dict[str, Any]:
    body = {"message": message, **extra}
    if conversation_id:
        body["conversation_id"] = conversation_id
    response = client.post("/api/chat", json=body)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def bqvt_sign_in(client: TestClient, name: str = "Ana") -> None:
    response = client.post(
        "/indicateurs/connexion",
        data={"name": name, "key": BQVT_KEYS[name]},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
