"""Live chat with a counsellor, through the real API: the person's page and the agent console."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import yaml
from fastapi.testclient import TestClient

from privacy.tracker import TrackerEvents, create_tracker_engine
from tests.api.conftest import ScriptedRasa
from tests.api.live.test_agent_auth import move_clock, sign_in

ROOT = Path(__file__).resolve().parents[3]
CRISIS_REPLY = yaml.safe_load((ROOT / "bot/domain/crise.yml").read_text(encoding="utf-8"))[
    "responses"
]["utter_crisis"][0]["text"]
LINES = ("1 866 277-3553", "535353", "suicide.ca", "811, option 2", "911")
AGENT = "/api/agent/conversations"


def chat(client: TestClient, conversation_id: str, message: str) -> dict[str, Any]:
    response = client.post(
        "/api/chat", json={"conversation_id": conversation_id, "message": message}
    )
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def person_events(client: TestClient, conversation_id: str, after: int = 0) -> dict[str, Any]:
    response = client.get(f"/api/live/{conversation_id}/events", params={"after": after})
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def test_the_console_flow_end_to_end(client: TestClient, rasa: ScriptedRasa) -> None:
    conversation = "conv-live-1"
    first = chat(client, conversation, "je suis épuisée au travail")
    assert first["messages"][0]["text"] == "Bonjour!" and first["live"] is None

    julie = sign_in(client, "Julie")
    request = client.post(f"/api/live/{conversation}/request").json()
    assert request["state"] == "waiting" and request["position"] == 1
    assert request["counsellor_available"] is True
    assert "Vous êtes la prochaine personne dans la file" in request["explanation"]
    assert "l'assistant continue de vous répondre" in request["explanation"]
    assert all(number in request["explanation"] for number in LINES)
    assert [line["phone"] for line in request["lines"]] == ["1 866 277-3553", "811", "911"]

    # Waiting: the bot keeps answering, and the reply says where the person stands.
    waiting = chat(client, conversation, "j'attends")
    assert waiting["messages"][0]["text"] == "Bonjour!"
    assert waiting["live"] == {"state": "waiting", "position": 1, "agent": None}
    assert len(rasa.received) == 2

    listed = client.get(AGENT, headers=julie).json()
    assert [c["conversation_id"] for c in listed["waiting"]] == [conversation]
    assert listed["waiting"][0]["crisis"] is False and listed["mine"] == []
    assert listed["counsellors_online"] == ["Julie"]

    taken = client.post(f"{AGENT}/{conversation}/take", headers=julie)
    assert taken.status_code == 200 and taken.json()["state"] == "with_counsellor"
    seen = person_events(client, conversation)
    assert seen["state"] == "with_counsellor" and seen["agent"] == "Julie"
    assert [e["kind"] for e in seen["events"]] == ["joined"]
    assert seen["events"][0]["text"].startswith("Julie vous rejoint.")
    listed = client.get(AGENT, headers=julie).json()
    assert listed["waiting"] == [] and [c["conversation_id"] for c in listed["mine"]] == [
        conversation
    ]

    history = client.get(f"{AGENT}/{conversation}/history", headers=julie).json()
    assert history["bot_history_available"] is True and history["notice"] is None
    assert [(t["author"], t["text"]) for t in history["bot"]] == [
        ("person", "je suis épuisée au travail"),
        ("bot", "Bonjour!"),
        ("person", "j'attends"),
        ("bot", "Bonjour!"),
    ]
    assert [e["kind"] for e in history["live"]] == ["joined"]

    # Held: the person's messages go to Julie, as written, and never to Rasa.
    received_before = len(rasa.received)
    held = chat(client, conversation, "Merci. Vous pouvez me rappeler au 514 555-0199")
    assert held["messages"] == [] and held["crisis"] is False
    assert held["live"] == {"state": "with_counsellor", "position": None, "agent": "Julie"}
    after_joined = seen["events"][-1]["seq"]
    news = client.get(
        f"{AGENT}/{conversation}/events", params={"after": after_joined}, headers=julie
    )
    assert [(e["author"], e["text"]) for e in news.json()["events"]] == [
        ("person", "Merci. Vous pouvez me rappeler au 514 555-0199")
    ]
    sent = client.post(
        f"{AGENT}/{conversation}/messages", json={"text": "Je suis là."}, headers=julie
    )
    assert sent.status_code == 200 and sent.json()["author"] == "counsellor"
    reply = person_events(client, conversation, after=news.json()["events"][-1]["seq"])["events"]
    assert [(e["kind"], e["author"], e["text"]) for e in reply] == [
        ("message", "counsellor", "Je suis là.")
    ]
    # The person's page never gets their own messages back (a hijacked id would read them).
    assert [e["author"] for e in person_events(client, conversation)["events"]] == ["counsellor", "counsellor"]

    # A crisis while held: the static reply at once, and a banner for Julie.
    crisis = chat(client, conversation, "je veux mourir")
    assert crisis["crisis"] is True and crisis["messages"][0]["text"] == CRISIS_REPLY
    banner = client.get(
        f"{AGENT}/{conversation}/events", params={"after": sent.json()["seq"]}, headers=julie
    )
    assert [(e["kind"], e["author"]) for e in banner.json()["events"]] == [
        ("message", "person"),
        ("crisis", "system"),
    ]
    assert client.get(AGENT, headers=julie).json()["mine"][0]["crisis"] is True
    assert "crisis" not in [e["kind"] for e in person_events(client, conversation)["events"]]
    assert len(rasa.received) == received_before

    ended = client.post(f"{AGENT}/{conversation}/end", headers=julie)
    assert ended.status_code == 200 and ended.json()["state"] == "ended"
    last = person_events(client, conversation)
    assert last["state"] == "ended" and last["events"][-1]["kind"] == "left"
    assert "de nouveau l'assistant qui vous répond" in last["events"][-1]["text"]
    assert all(number in last["events"][-1]["text"] for number in LINES)

    back = chat(client, conversation, "re-bonjour")
    assert back["messages"][0]["text"] == "Bonjour!" and back["live"] is None
    assert (
        rasa.received[-1]["message"] == "re-bonjour" and len(rasa.received) == received_before + 1
    )

    metrics = client.get("/metrics").text
    for line in (
        "live_requests_total 1",
        "live_taken_total 1",
        "live_ended_total 1",
        "live_messages_total 3",
    ):
        assert f"relais_{line}" in metrics
    assert "514 555-0199" not in metrics and "Je suis là" not in metrics


def test_a_person_writing_english_reads_the_live_chat_in_english(client: TestClient) -> None:
    julie = sign_in(client, "Julie")
    client.post("/api/live/conv-fr-first/request")
    asked = client.post("/api/live/conv-english/request", params={"language": "en"})
    request = asked.json()
    assert request["position"] == 2
    assert "One person is waiting ahead of you." in request["explanation"]
    assert "personne" not in request["explanation"] and "vous" not in request["explanation"]
    assert all(number in request["explanation"] for number in LINES)

    client.post(f"{AGENT}/conv-english/take", headers=julie)
    joined = person_events(client, "conv-english")["events"]
    assert joined[0]["text"].startswith("Julie is joining you.")
    client.post(f"{AGENT}/conv-english/end", headers=julie)
    left = person_events(client, "conv-english")["events"][-1]
    assert left["kind"] == "left" and "You're back with the assistant." in left["text"]
    assert all(number in left["text"] for number in LINES) and "jour et nuit" not in left["text"]

    # The counsellor's console stays French; a French page's request stays French.
    french = client.post("/api/live/conv-fr-first/request").json()
    assert "Vous êtes la prochaine personne dans la file" in french["explanation"]


def test_an_unknown_language_is_refused_in_both_languages(client: TestClient) -> None:
    refused = client.post("/api/live/conv-lang/request", params={"language": "de"})
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert error["message_fr"] and error["message_en"]
    assert client.get(AGENT, headers=sign_in(client, "Julie")).json()["waiting"] == []


def test_a_second_counsellor_cannot_take_or_read_a_taken_conversation(client: TestClient) -> None:
    julie, marc = sign_in(client, "Julie"), sign_in(client, "Marc")
    client.post("/api/live/conv-two/request")
    assert client.post(f"{AGENT}/conv-two/take", headers=julie).status_code == 200
    assert client.post(f"{AGENT}/conv-two/take", headers=julie).status_code == 200  # idempotent
    second = client.post(f"{AGENT}/conv-two/take", headers=marc)
    assert second.status_code == 409
    assert second.json()["error"]["code"] == "conversation_taken"
    assert "déjà pris" in second.json()["error"]["message_fr"]
    for method, path, body in [
        ("GET", f"{AGENT}/conv-two/history", None),
        ("POST", f"{AGENT}/conv-two/messages", {"text": "Bonjour"}),
        ("POST", f"{AGENT}/conv-two/end", None),
    ]:
        assert client.request(method, path, json=body, headers=marc).status_code == 409
    assert client.get(AGENT, headers=marc).json()["mine"] == []


def test_cancel_while_waiting_leaves_the_queue(client: TestClient, rasa: ScriptedRasa) -> None:
    julie = sign_in(client)
    client.post("/api/live/conv-a/request")
    second = client.post("/api/live/conv-b/request").json()
    assert second["position"] == 2 and "Une personne attend avant vous." in second["explanation"]
    cancelled = client.post("/api/live/conv-a/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["state"] == "ended"
    assert [c["conversation_id"] for c in client.get(AGENT, headers=julie).json()["waiting"]] == [
        "conv-b"
    ]
    assert person_events(client, "conv-b")["position"] == 1
    assert chat(client, "conv-a", "allo")["live"] is None
    late = client.post(f"{AGENT}/conv-a/take", headers=julie)
    assert late.status_code == 409 and late.json()["error"]["code"] == "live_chat_closed"


def test_the_person_leaving_a_held_conversation_tells_the_counsellor(
    client: TestClient, rasa: ScriptedRasa
) -> None:
    julie = sign_in(client)
    client.post("/api/live/conv-c/request")
    client.post(f"{AGENT}/conv-c/take", headers=julie)
    client.post("/api/live/conv-c/cancel")
    events = client.get(f"{AGENT}/conv-c/events", headers=julie).json()
    assert events["state"] == "ended"
    assert (events["events"][-1]["kind"], events["events"][-1]["author"]) == ("left", "person")
    assert (
        client.post(f"{AGENT}/conv-c/messages", json={"text": "Allo?"}, headers=julie).status_code
        == 409
    )
    chat(client, "conv-c", "merci")
    assert rasa.received[-1]["message"] == "merci"


def test_asking_again_keeps_the_place_and_new_events_follow_old_ones(client: TestClient) -> None:
    julie = sign_in(client)
    client.post("/api/live/conv-d/request")
    client.post("/api/live/conv-e/request")
    assert client.post("/api/live/conv-e/request").json()["position"] == 2
    client.post(f"{AGENT}/conv-e/take", headers=julie)
    client.post(f"{AGENT}/conv-e/end", headers=julie)
    last_seq = person_events(client, "conv-e")["events"][-1]["seq"]
    again = client.post("/api/live/conv-e/request").json()
    assert again["state"] == "waiting" and again["position"] == 2
    client.post(f"{AGENT}/conv-e/take", headers=julie)
    assert [e["seq"] for e in person_events(client, "conv-e", after=last_seq)["events"]] == [
        last_seq + 1
    ]


def test_unknown_conversations_are_404_in_both_languages(client: TestClient) -> None:
    julie = sign_in(client)
    for method, path, headers in [
        ("GET", "/api/live/inconnue/events", {}),
        ("POST", "/api/live/inconnue/cancel", {}),
        ("POST", f"{AGENT}/inconnue/take", julie),
        ("GET", f"{AGENT}/inconnue/history", julie),
    ]:
        response = client.request(method, path, headers=headers)
        assert response.status_code == 404, path
        error = response.json()["error"]
        assert error["code"] == "live_chat_not_found"
        assert "intervenant" in error["message_fr"] and "counsellor" in error["message_en"]
    assert client.post("/api/live/pas%20valide/request").status_code == 422


def test_nobody_signed_in_is_said_plainly(client: TestClient) -> None:
    body = client.post("/api/live/conv-f/request").json()
    assert body["counsellor_available"] is False and body["position"] == 1
    assert "aucune intervenante ni aucun intervenant n'est en ligne" in body["explanation"]
    assert "formulaire de rappel" in body["explanation"]
    assert "prochaine personne" not in body["explanation"]
    assert all(number in body["explanation"] for number in LINES)


def test_a_counsellor_idle_for_minutes_does_not_count_as_available(client: TestClient) -> None:
    sign_in(client)
    move_clock(client, 5 * 60)
    assert client.post("/api/live/conv-g/request").json()["counsellor_available"] is False


def test_a_crisis_while_waiting_reaches_the_bot_and_flags_the_queue(
    client: TestClient, rasa: ScriptedRasa
) -> None:
    julie = sign_in(client)
    client.post("/api/live/conv-h/request")
    body = chat(client, "conv-h", "je pense à en finir")
    assert body["crisis"] is True and body["messages"][0]["text"] == CRISIS_REPLY
    assert rasa.received[-1]["message"] == "je pense à en finir"
    assert client.get(AGENT, headers=julie).json()["waiting"][0]["crisis"] is True


def test_history_says_unavailable_when_the_tracker_store_is_down(client: TestClient, rasa: ScriptedRasa) -> None:
    julie = sign_in(client)
    chat(client, "conv-i", "bonjour")
    client.post("/api/live/conv-i/request")
    client.post(f"{AGENT}/conv-i/take", headers=julie)
    rasa.fail_with(httpx.ConnectError("refused"))  # Rasa down changes nothing: it is not asked
    assert client.get(f"{AGENT}/conv-i/history", headers=julie).json()["bot_history_available"] is True
    # The tracker database stops answering (nothing listens on port 9).
    records = client.app.state.conversation_records  # type: ignore[attr-defined]
    records.tracker = TrackerEvents(create_tracker_engine("postgresql://relais@127.0.0.1:9/rasa"))
    history = client.get(f"{AGENT}/conv-i/history", headers=julie)
    assert history.status_code == 200
    body = history.json()
    assert body["bot_history_available"] is False and body["bot"] == []
    assert body["notice"].startswith("Historique indisponible")
    assert [e["kind"] for e in body["live"]] == ["joined"]


def test_counsellor_messages_are_checked(client: TestClient) -> None:
    julie = sign_in(client)
    client.post("/api/live/conv-j/request")
    client.post(f"{AGENT}/conv-j/take", headers=julie)
    for text in ["", "   ", "x" * 2001]:
        response = client.post(f"{AGENT}/conv-j/messages", json={"text": text}, headers=julie)
        assert response.status_code == 422, repr(text[:5])
    assert (
        client.post(
            f"{AGENT}/conv-j/messages", json={"text": "x" * 2000}, headers=julie
        ).status_code
        == 200
    )
