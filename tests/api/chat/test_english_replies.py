"""English messages get English answers: the static responses (bot/english.yml), the gateway's
own fallback, and the words around a knowledge answer (knowledge_base/english.py)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import httpx
import pytest
import yaml
from fastapi.testclient import TestClient

from api.chat.language import language_of, turn_language
from api.chat.replies import StaticReplyError, load_english, load_static_replies
from knowledge_base.answers import HEDGE, compose_answer, compose_unsure
from knowledge_base.documents import Article, Hit, Passage
from knowledge_base.english import IN_FRENCH, in_english
from tests.api.conftest import ScriptedRasa

ROOT = Path(__file__).resolve().parents[3]
REPLIES = load_static_replies(ROOT / "bot" / "domain", ROOT / "bot" / "rules")
_NUMBER = re.compile(r"\d[\d -]*\d|\d")


def _digits(text: str) -> set[str]:
    return {re.sub(r"\D", "", found) for found in _NUMBER.findall(text)}


def test_every_response_of_the_domain_has_its_english_text() -> None:
    assert set(REPLIES.english) == set(REPLIES.responses)


@pytest.mark.parametrize("name", sorted(REPLIES.responses))
def test_an_english_text_keeps_every_number_of_its_french_one(name: str) -> None:
    french, english = REPLIES.responses[name], REPLIES.english[name]
    assert _digits(french.text) <= _digits(english.text)
    assert english.text != french.text and language_of(english.text) == "en"
    assert [b.payload for b in english.buttons] == [b.payload for b in french.buttons]


def test_a_button_that_would_do_something_else_in_english_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "english.yml"
    ask_safe = {"text": "Are you safe?", "buttons": [{"title": "Yes", "payload": "/affirm"}]}
    path.write_text(yaml.safe_dump({"responses": {"utter_ask_safe_now": ask_safe}}), encoding="utf-8")
    with pytest.raises(StaticReplyError, match="other buttons"):
        load_english(path, REPLIES.responses)
    path.write_text(yaml.safe_dump({"responses": {"utter_nothing": {"text": "Hi"}}}), encoding="utf-8")
    with pytest.raises(StaticReplyError, match="not a response"):
        load_english(path, REPLIES.responses)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I can't do this anymore, I want it all to stop", "en"),
        ("Is the EAP free for my family?", "en"),
        ("I want to die", "en"),
        ("je veux parler à quelqu'un", "fr"),
        ("chu pu capable", "fr"),
        ("pense à me tuer", "fr"),  # "me" is French too
        ("me sens à boutte", "fr"),
        ("mon boss me harcèle", "fr"),
        ("/confirm_safe", None),
        ("ok", None),
        ("ok thanks", None),  # Quebec French writers type these too
        ("help", None),
        ("811", None),
    ],
)
def test_a_message_says_its_language_by_its_function_words(text: str, language: str | None) -> None:
    assert language_of(text) == language


def test_a_message_that_says_nothing_keeps_the_conversations_language() -> None:
    assert turn_language("/confirm_safe", "en") == "en"
    assert turn_language("/confirm_safe", None) == "fr"
    assert turn_language("je suis fatiguée", "en") == "fr"  # the words win over the page
    # An establishment's name is French words, not a French writer.
    assert turn_language("CISSS de Laval", "en") == "fr"
    assert turn_language("CISSS de Laval", "en", lambda text: text == "CISSS de Laval") == "en"


def test_an_english_writer_stays_in_english_through_the_establishment_question(
    client: TestClient, rasa: ScriptedRasa
) -> None:
    asked = REPLIES.responses["utter_ask_establishment"]
    decline = asked.buttons[0].payload  # a French sentence sent by a button
    for answer in ("CISSS de Laval", "centre hospitalier de l'université de montréal", decline):
        body = client.post("/api/chat", json={"message": answer, "language": "en"}).json()
        assert body["language"] == "en", answer
        assert rasa.received[-1]["metadata"]["language"] == "en"
    # A question that only shares a word with a name ("est", as in Montréal's Est) says French.
    body = client.post("/api/chat", json={"message": "c'est quoi le PAE?", "language": "en"}).json()
    assert body["language"] == "fr"


def test_an_english_crisis_gets_the_english_crisis_reply_when_rasa_is_down(
    client: TestClient, rasa: ScriptedRasa
) -> None:
    rasa.fail_with(httpx.ConnectError("refused"))
    body = client.post("/api/chat", json={"message": "I have the pills ready, tonight is the night"}).json()
    assert body["crisis"] is True and body["language"] == "en"
    texts = [m["text"] for m in body["messages"]]
    assert texts[0] == REPLIES.english["utter_crisis"].text
    assert "1 866 277-3553" in texts[0] and "911" in texts[0]
    assert body["messages"][-1]["buttons"][0]["title"] == "Yes, I'm safe"


def test_the_bots_french_response_reaches_an_english_writer_in_english(
    client: TestClient, rasa: ScriptedRasa
) -> None:
    french = REPLIES.responses["utter_ask_safe_now"]
    rasa.reply = lambda body: httpx.Response(
        200, json=[{"text": french.text, "buttons": [b.model_dump() for b in french.buttons]}]
    )
    body = client.post("/api/chat", json={"message": "Is the EAP free for my family?"}).json()
    assert rasa.received[-1]["metadata"]["language"] == "en"
    assert body["messages"][0]["text"] == "Are you safe right now?"
    # A button answered later keeps the conversation's language, sent back by the page.
    later = client.post(
        "/api/chat",
        json={"conversation_id": body["conversation_id"], "message": "/deny", "language": "en"},
        headers={"X-Conversation-Token": body["conversation_token"]},
    ).json()
    assert later["language"] == "en" and later["messages"][0]["text"] == "Are you safe right now?"
    french_body = client.post("/api/chat", json={"message": "le PAE est-tu gratuit pour ma famille?"}).json()
    assert french_body["language"] == "fr" and french_body["messages"][0]["text"] == french.text


def _hit() -> Hit:
    article = Article(
        id="pae-c-est-quoi", title="Le PAE, c'est quoi?", topic="pae", audience="all",
        summary="Le PAE est un service gratuit et confidentiel.", sections=(),
        last_reviewed=date(2026, 11, 20), sources=(), path=Path("pae.md"),
    )  # fmt: skip
    passage = Passage(article.id, "Résumé", article.summary, embedded_text="")
    return Hit(article=article, passage=passage, score=1.0, similarity=0.9)


def test_a_knowledge_answer_to_an_english_question_says_its_own_words_in_english() -> None:
    answer = in_english(compose_answer(_hit(), related=[]))
    parts = answer.text.split("\n\n")
    assert parts[0] == IN_FRENCH
    assert parts[1] == "Le PAE est un service gratuit et confidentiel."  # the article as written
    assert parts[-1] == "Source: Le PAE, c'est quoi? (reviewed 2026-11-20)"
    assert answer.buttons[-1] == {"title": "Talk to someone", "payload": "/request_human"}
    hedged = in_english(compose_answer(_hit(), related=[], hedged=True, about="du PAE (programme d'aide aux employés)"))
    first, about = hedged.text.split("\n\n")[:2]
    assert first.startswith("I'm not sure") and HEDGE not in hedged.text
    assert about == "About the EAP (employee assistance program, PAE):"
    unsure = in_english(compose_unsure([_hit().article]))
    assert unsure.text.startswith("I'm not sure I have the right answer")
    assert json.loads(unsure.buttons[0]["payload"].removeprefix("/ask_article")) == {"article_id": "pae-c-est-quoi"}
