"""The hand-off actions, run the way rasa-sdk runs them: a Tracker, a CollectingDispatcher."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.manager_guide as manager_guide
from actions.establishment_form import (
    NOT_SAID,
    ActionReadEstablishment,
    ValidateEstablishmentForm,
)
from actions.handoff import ActionListHumanResources
from actions.manager_guide import ActionGuideManager


def tracker(text: str = "", intent: str = "request_human", metadata=None, **slots: Any) -> Tracker:
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0},
        "entities": [],
        "metadata": metadata or {},
    }
    return Tracker("test", slots, message, [], False, None, {}, "action_listen")


def read(metadata: dict[str, Any]) -> list[dict[str, Any]]:
    action = ActionReadEstablishment()
    return asyncio.run(action.run(CollectingDispatcher(), tracker(metadata=metadata), {}))


def validate(
    text: str, intent: str = "inform", misses: float = 0, language: str | None = None
) -> tuple[dict, list[dict]]:
    dispatcher = CollectingDispatcher()
    metadata = {"language": language} if language else None
    result = ValidateEstablishmentForm().validate_establishment(
        text, dispatcher, tracker(text, intent, metadata, establishment_misses=misses), {}
    )
    return result, dispatcher.messages


def test_the_gateway_field_prefills_a_known_establishment_only(monkeypatch):
    assert read({"establishment": "cisss-laval"}) == [
        {"event": "slot", "timestamp": None, "name": "establishment", "value": "cisss-laval"}
    ]
    assert read({"establishment": "nowhere"}) == []
    assert read({}) == []
    assert read({"establishment": "demo"})[0]["value"] == "demo"
    monkeypatch.setenv("RELAIS_ENVIRONMENT", "production")
    assert read({"establishment": "demo"}) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("je travaille au CIUSSS du Centre-Sud", "ciusss-centre-sud-de-l-ile-de-montreal"),
        ("le chum", "chum"),
    ],
)
def test_a_typed_establishment_is_recognised_and_confirmed(text, expected):
    result, messages = validate(text)
    assert result == {"establishment": expected, "establishment_misses": 0}
    assert messages[0]["text"].startswith("C'est noté : ")


def test_a_region_with_several_establishments_offers_buttons():
    result, messages = validate("Montérégie")
    assert result == {"establishment": None}
    titles = [button["title"] for button in messages[0]["buttons"]]
    assert titles == [
        "CISSS de la Montérégie-Centre",
        "CISSS de la Montérégie-Est",
        "CISSS de la Montérégie-Ouest",
    ]
    # A button's payload is the full name, which is then recognised on its own.
    assert (
        validate(messages[0]["buttons"][1]["payload"])[0]["establishment"] == "cisss-monteregie-est"
    )


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("je sais pas", "inform"),
        ("je préfère ne pas le dire", "inform"),
        ("non", "deny"),
        ("I don't know", "inform"),  # what the English question suggests
    ],
)
def test_declining_moves_on_with_the_national_resources(text, intent):
    assert validate(text, intent)[0] == {"establishment": NOT_SAID, "establishment_misses": 0}


def test_a_second_miss_never_traps_the_person():
    result, messages = validate("l'hôpital du bout du rang")
    assert result == {"establishment": None, "establishment_misses": 1}
    assert "pas reconnu" in messages[0]["text"]
    result, messages = validate("l'hôpital du bout du rang", misses=1)
    assert result == {"establishment": NOT_SAID, "establishment_misses": 0}
    assert "partout au Québec" in messages[0]["text"]


def list_resources(metadata: dict[str, Any] | None = None, **slots: Any) -> dict[str, Any]:
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionListHumanResources().run(dispatcher, tracker(metadata=metadata, **slots), {}))
    return dispatcher.messages[0]


def test_the_list_offers_a_call_back_and_a_live_chat():
    message = list_resources(establishment="cisss-laval")
    relais = message["custom"]["relais"]
    assert relais["offers"] == ["live_chat", "callback"]
    # One meaning for every channel (directory/render.py): `phone` is read, `tel` is dialled.
    assert any(
        (r["phone"], r["tel"]) == ("1 866 277-3553", "tel:+18662773553")
        for r in relais["handoff"]["resources"]
    )
    assert "pas encore configurés" in message["text"]


def test_not_saying_the_establishment_gives_the_national_resources():
    message = list_resources(establishment=NOT_SAID)
    assert "partout au Québec" in message["text"]
    assert "Je ne connais pas encore" not in message["text"]


def test_someone_who_writes_english_gets_the_list_and_the_form_in_english():
    french = list_resources(establishment="cisss-laval")
    english = list_resources({"language": "en"}, establishment="cisss-laval")
    assert english["text"].startswith("Here is who can talk with you")
    assert "not configured here yet" in english["text"] and "ouvert maintenant" not in english["text"]
    assert "text 535353" in english["text"] and "texto" not in english["text"]
    # The same resources with their numbers, and the same structured list.
    assert english["custom"] == french["custom"]
    resources = english["custom"]["relais"]["handoff"]["resources"]
    assert all(f"• {r['name']}: {r['phone']}" in english["text"] for r in resources if r["phone"])
    result, messages = validate("le chum", language="en")
    assert result["establishment"] == "chum" and messages[0]["text"].startswith("Noted: Centre hosp")
    assert "didn't recognise" in validate("l'hôpital du bout du rang", language="en")[1][0]["text"]


def guide() -> list[dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionGuideManager().run(dispatcher, tracker(intent="deny"), {}))
    assert events == [
        {"event": "slot", "timestamp": None, "name": "immediate_danger", "value": None}
    ]
    return dispatcher.messages


def test_the_manager_guide_gives_the_steps_with_their_sources():
    message = guide()[0]
    assert "1. Proposer le PAE" in message["text"] and "5. Le suivi" in message["text"]
    sources = message["custom"]["relais"]["sources"]
    assert [s["id"] for s in sources] == [
        "gestionnaire-suggerer-le-pae",
        "gestionnaire-employe-en-detresse",
        "bqvt-soutien-apres-crise",
    ]
    for source in sources:
        assert (
            f"Source : {source['title']} (révisée le {source['last_reviewed']})" in message["text"]
        )
    assert message["buttons"][-1]["payload"] == "/request_human"


def test_the_manager_guide_says_so_when_its_content_is_broken(monkeypatch):
    def broken() -> dict:
        raise FileNotFoundError("guides")

    monkeypatch.setattr(manager_guide, "get_guides", broken)
    assert guide()[0]["response"] == "utter_knowledge_unavailable"
