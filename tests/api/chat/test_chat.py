"""The chat contract, with a scripted Rasa behind the real HTTP client."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import yaml
from fastapi.testclient import TestClient

from tests.api.conftest import ScriptedRasa

ROOT = Path(__file__).resolve().parents[3]
CRISIS_DOMAIN = yaml.safe_load((ROOT / "bot/domain/crise.yml").read_text(encoding="utf-8"))


def domain_text(name: str) -> str:
    return CRISIS_DOMAIN["responses"][name][0]["text"]


def test_reply_follows_the_contract_and_gets_a_new_conversation_id(client: TestClient) -> None:
    response = client.post("/api/chat", json={"message": "allo"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "conversation_id", "conversation_token", "messages", "crisis", "topic", "sources",
        "handoff", "offers", "live", "language",
    }
    assert len(body["conversation_id"]) >= 16 and len(body["conversation_token"]) >= 40
    # The token is given once, when the conversation starts.
    headers = {"X-Conversation-Token": body["conversation_token"]}
    later = client.post("/api/chat", json={"conversation_id": body["conversation_id"], "message": "et après?"}, headers=headers)
    assert later.status_code == 200 and later.json()["conversation_token"] is None
    assert body["messages"] == [{"text": "Bonjour!", "buttons": []}]
    assert body["crisis"] is False and body["topic"] is None and body["handoff"] is None
    assert body["live"] is None
    assert body["offers"] == []


def test_given_conversation_id_and_metadata_reach_rasa(
    client: TestClient, rasa: ScriptedRasa
) -> None:
    payload = {
        "conversation_id": "abc-123",
        "message": "le PAE?",
        "establishment": "demo",
        "audience": "manager",
    }
    body = client.post("/api/chat", json=payload).json()
    assert body["conversation_id"] == "abc-123"
    sent = rasa.received[-1]
    assert sent["sender"] == "abc-123"
    metadata = dict(sent["metadata"])
    crisis, search = metadata.pop("relais_crisis"), metadata.pop("relais_search")
    assert metadata == {
        "channel": "web", "establishment": "demo", "audience": "manager", "language": "fr",
    }  # fmt: skip
    # The gateway's reading (issue 13): its decision and the manager's search results, ids and
    # scores only: no vector, no text.
    assert crisis == {"level": "none", "variant": "self", "classifier": True}
    assert list(search["results"]) == ["manager"]
    hits = search["results"]["manager"]["hits"]
    assert 1 <= len(hits) <= 3 and set(hits[0]) == {"article", "position", "score", "similarity"}
    assert "le PAE" not in json.dumps(search)


def test_structured_fields_come_from_custom_payloads(
    client: TestClient, rasa: ScriptedRasa
) -> None:
    source = {
        "id": "pae-c-est-quoi",
        "title": "Le PAE",
        "topic": "pae",
        "last_reviewed": "2026-11-23",
    }
    rasa.reply = lambda body: httpx.Response(
        200,
        json=[
            {
                "text": "Le PAE est gratuit.",
                "buttons": [{"title": "Parler à quelqu'un", "payload": "/request_human"}],
            },
            {"custom": {"relais": {"topic": "pae", "sources": [source]}}},
        ],
    )
    body = client.post("/api/chat", json={"message": "pae gratuit?"}).json()
    assert body["topic"] == "pae"
    assert body["sources"] == [source]
    assert body["messages"] == [
        {
            "text": "Le PAE est gratuit.",
            "buttons": [{"title": "Parler à quelqu'un", "payload": "/request_human"}],
        }
    ]


def test_personal_information_is_redacted_before_reaching_rasa(
    client: TestClient, rasa: ScriptedRasa
) -> None:
    client.post(
        "/api/chat",
        json={"message": "rappelez-moi au 514 555-0199 ou a.b@exemple.ca, pas au 1 866 277-3553"},
    )
    sent = rasa.received[-1]["message"]
    assert "555-0199" not in sent and "a.b@exemple.ca" not in sent
    assert "1 866 277-3553" in sent


def test_rasa_down_still_gives_the_static_crisis_reply(
    client: TestClient, rasa: ScriptedRasa
) -> None:
    rasa.fail_with(httpx.ConnectError("refused"))
    body = client.post("/api/chat", json={"message": "chu pu capable, j'pense à en finir"}).json()
    assert body["crisis"] is True
    assert body["messages"][0]["text"] == domain_text("utter_crisis")
    assert "1 866 277-3553" in body["messages"][0]["text"]
    assert body["messages"][-1]["text"] == domain_text("utter_ask_safe_now")


def test_rasa_too_slow_gives_apology_and_24_7_lines(client: TestClient, rasa: ScriptedRasa) -> None:
    rasa.fail_with(httpx.ReadTimeout("timed out"))
    response = client.post("/api/chat", json={"message": "c'est quoi le BQVT?"})
    assert response.status_code == 200
    body = response.json()
    assert body["crisis"] is False
    assert "811" in body["messages"][0]["text"] and "1 866 277-3553" in body["messages"][0]["text"]


def test_rasa_error_status_is_not_passed_on_as_5xx(client: TestClient, rasa: ScriptedRasa) -> None:
    rasa.reply = lambda body: httpx.Response(500, text="boom")
    response = client.post("/api/chat", json={"message": "bonjour"})
    assert response.status_code == 200
    assert "811" in response.json()["messages"][0]["text"]


def test_violence_uses_the_violence_variant_when_rasa_is_down(
    client: TestClient, rasa: ScriptedRasa
) -> None:
    rasa.fail_with(httpx.ConnectError("refused"))
    body = client.post(
        "/api/chat", json={"message": "mon chum me frappe pis j'ai peur qu'il me tue ce soir"}
    ).json()
    assert body["crisis"] is True
    assert body["messages"][0]["text"] == domain_text("utter_crisis_violence")
    assert "1 800 363-9010" in body["messages"][0]["text"]


def test_crisis_missed_by_the_bot_gets_the_safety_net(
    client: TestClient, rasa: ScriptedRasa
) -> None:
    rasa.reply = lambda body: httpx.Response(200, json=[{"text": "Quel est votre prénom?"}])
    body = client.post("/api/chat", json={"message": "je veux mourir"}).json()
    assert body["crisis"] is True
    assert body["messages"][0]["text"] == domain_text("utter_crisis")
    assert body["messages"][-1]["text"] == "Quel est votre prénom?"


def test_empty_bot_reply_is_never_silence(client: TestClient, rasa: ScriptedRasa) -> None:
    rasa.reply = lambda body: httpx.Response(200, json=[])
    body = client.post("/api/chat", json={"message": "le pae"}).json()
    assert len(body["messages"]) == 1 and "811" in body["messages"][0]["text"]


def test_crisis_is_counted_without_the_message_text(client: TestClient, rasa: ScriptedRasa) -> None:
    rasa.reply = lambda body: httpx.Response(
        200, json=[{"text": "..."}, {"custom": {"relais": {"crisis": True}}}]
    )
    client.post("/api/chat", json={"message": "je pense au suicide ce soir"})
    metrics = client.get("/metrics").text
    assert "relais_crisis_replies_total 1" in metrics
    assert "relais_crisis_replies_web_total 1" in metrics
    assert "suicide" not in metrics


def test_the_chat_page_is_served_in_french(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert 'lang="fr-CA"' in page.text and 'src="/widget.js"' in page.text
    # The page's script is the widget; it keeps the conversation in this tab only.
    script = client.get("/widget.js").text
    assert "/api/chat" in script
    assert "window.sessionStorage" in script and "localStorage." not in script


def test_the_establishment_list_for_the_callback_form(client):
    listed = client.get("/api/establishments").json()["establishments"]
    ids = [e["id"] for e in listed]
    assert "cisss-laval" in ids and "chum" in ids
    assert "demo" in ids  # development settings in these tests
    names = [e["name"] for e in listed]
    assert names == sorted(names)
    demo = next(e for e in listed if e["id"] == "demo")
    assert demo["local_configured"] is True


def test_distress_gets_the_warm_reply_when_rasa_is_down(
    client: TestClient, rasa: ScriptedRasa
) -> None:
    rasa.fail_with(httpx.ConnectError("refused"))
    body = client.post(
        "/api/chat", json={"message": "je suis épuisée, je pleure dans mon auto après chaque quart"}
    ).json()
    assert body["crisis"] is False
    assert [m["text"] for m in body["messages"]] == [domain_text("utter_distress")]


def test_violence_against_staff_gets_its_own_reply_when_rasa_is_down(
    client: TestClient, rasa: ScriptedRasa
) -> None:
    rasa.fail_with(httpx.ConnectError("refused"))
    text = "un patient a un couteau au poste des infirmières et menace ma collègue, maintenant"
    body = client.post("/api/chat", json={"message": text}).json()
    assert body["crisis"] is True
    assert body["messages"][0]["text"] == domain_text("utter_crisis_violence_staff")


def test_once_risk_is_disclosed_a_reassurance_does_not_clear_it(
    client: TestClient, rasa: ScriptedRasa
) -> None:
    first = client.post("/api/chat", json={"message": "je veux mourir"}).json()
    conversation = {"conversation_id": first["conversation_id"]}
    assert first["crisis"] is True
    for text in ("je niaisais", "ça va, merci", "c'est quoi le PAE?"):
        body = client.post("/api/chat", json={**conversation, "message": text}).json()
        texts = [m["text"] for m in body["messages"]]
        assert texts[-1] == domain_text("utter_check_in_risk"), text  # the lines stay in view
        assert "1 866 277-3553" in texts[-1]
    other = client.post("/api/chat", json={"message": "ça va, merci"}).json()  # another session
    assert domain_text("utter_check_in_risk") not in [m["text"] for m in other["messages"]]


def test_signs_spread_over_turns_add_up(client: TestClient, rasa: ScriptedRasa) -> None:
    # Each turn alone is not a crisis for the lexicon; read together they are (a plan, then a day).
    turns = [
        "j'ai tout préparé, la lettre est écrite",
        "ce sera ce soir après mon quart, c'est décidé",
    ]
    alone = [client.post("/api/chat", json={"message": text}).json()["crisis"] for text in turns]
    first = client.post("/api/chat", json={"message": turns[0]}).json()
    second = client.post(
        "/api/chat", json={"conversation_id": first["conversation_id"], "message": turns[1]}
    ).json()
    assert second["crisis"] is True, alone
