"""A personal conversation in Teams through the real gateway: the web's chat service behind it,
a local Bot Connector in front of it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient

from api.chat.replies import load_static_replies
from api.teams.tokens import TokenUnavailable
from directory.loader import load_registry
from tests.api.conftest import ScriptedRasa
from tests.api.live.test_agent_auth import sign_in
from tests.api.teams.bot_framework import FakeMicrosoft, personal_activity
from tests.api.teams.conftest import post_activity

REGISTRY = load_registry()
ROOT = Path(__file__).resolve().parents[3]
AGENT = "/api/agent/conversations"
SOURCE = {"id": "pae-joindre", "title": "Comment joindre le PAE", "topic": "pae", "last_reviewed": "2026-11-23"}


def say(client: TestClient, microsoft: FakeMicrosoft, text: str | None = None, **changes: Any) -> list[dict[str, Any]]:
    """Send one message; return the activities the bot posted for it."""
    before = len(microsoft.sent)
    response = post_activity(client, personal_activity(microsoft, text, **changes), microsoft.token())
    assert response.status_code == 202
    return [entry["activity"] for entry in microsoft.sent[before:] if entry["activity"]["type"] == "message"]


def card(activity: dict[str, Any]) -> dict[str, Any]:
    (attachment,) = activity["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    return attachment["content"]


def shown_text(activity: dict[str, Any]) -> str:
    """What the person reads, links taken off: `[1 866 277-3553](tel:…)` reads 1 866 277-3553."""
    if activity.get("attachments"):
        text = "\n".join(block["text"] for block in card(activity)["body"])
    else:
        text = activity["text"]
    return re.sub(r"\[([^\]]+)\]\(tel:[^)]+\)", r"\1", text)


def test_a_question_gets_a_sourced_answer_with_its_buttons(
    personal_client: TestClient, microsoft: FakeMicrosoft, rasa: ScriptedRasa
) -> None:
    answer = "Le PAE est joignable jour et nuit.\n\nSource : Comment joindre le PAE (révisée le 2026-11-23)"
    rasa.reply = lambda body: httpx.Response(
        200,
        json=[
            {"recipient_id": body["sender"], "text": answer,
             "buttons": [{"title": "Parler à quelqu'un", "payload": "/request_human"}]},
            {"recipient_id": body["sender"], "custom": {"relais": {"topic": "pae", "sources": [SOURCE]}}},
        ],
    )
    (reply,) = say(personal_client, microsoft, "comment joindre le PAE?")
    content = card(reply)
    assert shown_text(reply) == answer
    (button,) = content["actions"]
    assert button["type"] == "Action.Submit" and button["title"] == "Parler à quelqu'un"
    assert button["data"]["relais_payload"] == "/request_human"
    assert button["data"]["msteams"]["displayText"] == "Parler à quelqu'un"
    assert button["data"]["msteams"]["text"] == "/request_human"
    # The button says which language its reply was in: a payload says none (api/chat/language.py).
    value = json.loads(button["data"]["msteams"]["value"])
    assert value == {"relais_payload": "/request_human", "relais_language": "fr"}

    (sent,) = rasa.received
    assert re.fullmatch(r"teams:[0-9a-f]{40}", sent["sender"])
    assert "aad-object-marie" not in str(sent) and "29:1personal" not in str(sent)
    assert sent["metadata"]["channel"] == "teams"


def test_the_same_person_keeps_one_conversation_and_another_gets_another(
    personal_client: TestClient, microsoft: FakeMicrosoft, rasa: ScriptedRasa
) -> None:
    say(personal_client, microsoft, "allo")
    say(personal_client, microsoft, "encore")
    other = {"id": "29:2other", "name": "Luc", "aadObjectId": "aad-object-luc"}
    say(personal_client, microsoft, "allo", **{"from": other})
    senders = [body["sender"] for body in rasa.received]
    assert senders[0] == senders[1] != senders[2]


def test_a_source_missing_from_the_text_is_added_with_its_review_date(
    personal_client: TestClient, microsoft: FakeMicrosoft, rasa: ScriptedRasa
) -> None:
    rasa.reply = lambda body: httpx.Response(
        200,
        json=[
            {"recipient_id": body["sender"], "text": "Le PAE est joignable jour et nuit."},
            {"recipient_id": body["sender"], "custom": {"relais": {"sources": [SOURCE]}}},
        ],
    )
    replies = say(personal_client, microsoft, "le PAE?")
    assert [shown_text(r) for r in replies] == [
        "Le PAE est joignable jour et nuit.",
        "Source : Comment joindre le PAE (révisée le 2026-11-23)",
    ]


def test_a_button_press_sends_its_payload_to_the_bot(
    personal_client: TestClient, microsoft: FakeMicrosoft, rasa: ScriptedRasa
) -> None:
    say(personal_client, microsoft, None, value={"relais_payload": "/request_human"})
    # messageBack: the JSON string of `value`, and the payload as the text
    say(personal_client, microsoft, "/ask_pae", value='{"relais_payload": "/ask_pae"}')
    say(personal_client, microsoft, "/ask_bqvt")
    assert [body["message"] for body in rasa.received] == ["/request_human", "/ask_pae", "/ask_bqvt"]


def test_a_button_is_answered_in_the_language_its_reply_was_in(
    personal_client: TestClient, microsoft: FakeMicrosoft, rasa: ScriptedRasa
) -> None:
    # Many people in Quebec run Teams in English and write in French: a payload says no
    # language, the button carries the one its reply was in.
    french = load_static_replies(ROOT / "bot" / "domain", ROOT / "bot" / "rules").responses["utter_ask_safe_now"]
    rasa.reply = lambda body: httpx.Response(
        200, json=[{"text": french.text, "buttons": [b.model_dump() for b in french.buttons]}]
    )
    replies = say(personal_client, microsoft, None, value={"relais_payload": "/deny", "relais_language": "en"})
    assert rasa.received[-1]["metadata"]["language"] == "en"
    assert shown_text(replies[0]) == "Are you safe right now?"
    pressed = json.loads(card(replies[0])["actions"][0]["data"]["msteams"]["value"])
    assert pressed["relais_language"] == "en"
    replies = say(personal_client, microsoft, None, value={"relais_payload": "/deny", "relais_language": "fr"})
    assert shown_text(replies[0]) == french.text


def test_a_crisis_gets_the_webs_crisis_reply_first_then_tap_to_call(
    personal_client: TestClient, microsoft: FakeMicrosoft, rasa: ScriptedRasa
) -> None:
    rasa.fail_with(httpx.ConnectError("rasa is down"))
    web = personal_client.post("/api/chat", json={"message": "je veux mourir"}).json()
    assert web["crisis"] is True
    replies = say(personal_client, microsoft, "je veux mourir")
    web_texts = [m["text"] for m in web["messages"]]
    assert [shown_text(r) for r in replies[: len(web_texts)]] == web_texts
    crisis_line = REGISTRY.crisis_line()
    assert f"[{crisis_line.phone}]({crisis_line.tel_uri})" in replies[0]["text"]
    calls = card(replies[-1])["actions"]
    assert crisis_line.tel_uri in [action["url"] for action in calls]
    assert {action["type"] for action in calls} == {"Action.OpenUrl"}


def test_a_crisis_the_bot_missed_still_gets_the_crisis_reply_first(
    personal_client: TestClient, microsoft: FakeMicrosoft, rasa: ScriptedRasa
) -> None:
    replies = say(personal_client, microsoft, "je veux mourir")  # Rasa answers "Bonjour!"
    web = personal_client.post("/api/chat", json={"message": "je veux mourir"}).json()
    assert shown_text(replies[0]) == web["messages"][0]["text"] != "Bonjour!"
    assert "Bonjour!" in [shown_text(r) for r in replies]


async def stop_watching(personal: Any) -> None:
    personal._watcher.cancel()


def test_a_counsellor_takes_over_and_replies_proactively(
    personal_client: TestClient, microsoft: FakeMicrosoft, rasa: ScriptedRasa
) -> None:
    personal = personal_client.app.state.teams.personal  # type: ignore[attr-defined]
    # Deliveries are called by hand first (exact counts), the background watcher at the end.
    personal_client.portal.call(stop_watching, personal)  # type: ignore[union-attr]
    julie = sign_in(personal_client, "Julie")
    (waiting,) = say(personal_client, microsoft, None, value={"relais_action": "live_chat"})
    assert "Vous êtes la prochaine personne dans la file" in shown_text(waiting)

    (listed,) = personal_client.get(AGENT, headers=julie).json()["waiting"]
    conversation = listed["conversation_id"]
    assert conversation.startswith("teams:")
    assert personal_client.post(f"{AGENT}/{conversation}/take", headers=julie).status_code == 200
    sent = personal_client.post(f"{AGENT}/{conversation}/messages", json={"text": "Je suis là."}, headers=julie)
    assert sent.status_code == 200

    before = len(microsoft.messages())

    async def no_token(*_: Any, **__: Any) -> str:
        raise TokenUnavailable("the token endpoint is unreachable")

    real_token = personal.tokens.get_access_token
    personal.tokens.get_access_token = no_token
    assert personal_client.portal.call(personal.relay.deliver) == 0  # type: ignore[union-attr]
    personal.tokens.get_access_token = real_token
    assert len(microsoft.messages()) == before, "nothing sent without a token"
    assert personal_client.portal.call(personal.relay.deliver) == 2, "kept, then delivered"  # type: ignore[union-attr]
    delivered = [shown_text(a) for a in microsoft.messages()[before:]]
    assert delivered[0].startswith("Julie vous rejoint.")
    assert delivered[1] == "Julie : Je suis là."
    (reference, _) = personal.relay.references[conversation]
    assert reference.user.name is None, "the person's name is not kept"
    posted = microsoft.sent[-1]
    assert posted["path"].startswith("/teams/v3/conversations/a:1personal-conversation/activities")
    assert posted["authorization"].startswith("Bearer ")

    # The person answers in Teams: it reaches Julie, not Rasa.
    received = len(rasa.received)
    assert say(personal_client, microsoft, "Merci beaucoup") == []
    events = personal_client.get(f"{AGENT}/{conversation}/events", params={"after": 0}, headers=julie).json()
    assert ("person", "Merci beaucoup") in [(e["author"], e["text"]) for e in events["events"]]
    assert len(rasa.received) == received

    personal_client.portal.call(personal.start)  # type: ignore[union-attr]
    count = len(microsoft.messages())
    assert personal_client.post(f"{AGENT}/{conversation}/end", headers=julie).status_code == 200
    microsoft.wait_for(count + 1, timeout=5.0)  # the watcher sends it within a second or so
    ended = shown_text(microsoft.messages()[-1])
    assert ended.startswith("Julie a quitté la conversation.")
    assert REGISTRY.crisis_line().phone in ended
    assert personal_client.portal.call(personal.relay.deliver) == 0  # type: ignore[union-attr]


def test_the_bot_added_to_a_personal_chat_says_hello_with_the_emergency_number(
    personal_client: TestClient, microsoft: FakeMicrosoft, rasa: ScriptedRasa
) -> None:
    added = {"type": "conversationUpdate", "membersAdded": [{"id": f"28:{'x'}"}]}
    activity = personal_activity(microsoft, None, **added)
    activity["membersAdded"] = [activity["recipient"]]
    before = len(microsoft.sent)
    assert post_activity(personal_client, activity, microsoft.token()).status_code == 202
    (hello,) = [e["activity"] for e in microsoft.sent[before:]]
    assert "Cette conversation est privée" in hello["text"]
    assert "[911](tel:911)" in hello["text"]
    assert rasa.received == []


def test_a_mention_of_the_bot_in_a_team_gets_the_channel_answer_and_nothing_is_kept(
    personal_client: TestClient, microsoft: FakeMicrosoft, rasa: ScriptedRasa
) -> None:
    team = {"id": "19:team@thread.tacv2", "conversationType": "channel", "tenantId": personal_activity(microsoft)["conversation"]["tenantId"]}
    (reply,) = say(personal_client, microsoft, "<at>Relais</at> je veux mourir", conversation=team)
    text = shown_text(reply)
    assert REGISTRY.crisis_line().phone in text and "conversation privée" in text
    assert rasa.received == []
    assert personal_client.app.state.teams.personal.relay.references == {}  # type: ignore[attr-defined]
