"""The knowledge actions answer from the search results the gateway relayed (issue 13: one
embedding per message), and search themselves only when those do not fit.

Embedding calls are counted on the embedder class itself (the deterministic hashing embedder of
embeddings/models.py: the real index's models are exercised in tests/api/chat).
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.knowledge as knowledge_action
from embeddings.models import HashingEmbedder, create_embedder
from knowledge_base.loader import load_articles
from knowledge_base.relayed import METADATA_KEY, UNKNOWN, relay
from knowledge_base.search import DEFAULT_SETTINGS, KnowledgeBase, SearchSettings, standardize

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = load_articles(ROOT / "knowledge_base" / "articles")
SETTINGS = SearchSettings(threshold=-1.0, lexical_weight=0.3, unknown_demotion=1.0)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.from_articles(ARTICLES, create_embedder("hashing"), SETTINGS)


@pytest.fixture
def embeddings(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many texts the embedder was asked for, from now on."""
    counted: list[int] = []
    embed = HashingEmbedder.embed_passages

    def counting(self: HashingEmbedder, texts: Any) -> Any:
        counted.append(len(texts))
        return embed(self, texts)

    monkeypatch.setattr(HashingEmbedder, "embed_passages", counting)
    yield counted


def gateway_metadata(
    kb: KnowledgeBase, text: str, audience: str | None = None, context_id: str | None = None
) -> dict[str, Any]:
    """What the gateway sends: its one embedding of the message, searched (api/chat), also in
    the article it last saw the conversation answered with (`context_id`)."""
    assert kb.embedder is not None
    vector = kb.embedder.embed_queries([text])[0]
    context = kb.article(context_id) if context_id else None
    return {"audience": audience, METADATA_KEY: relay(kb, text, vector, audience, context=context)}


def answer(
    kb: KnowledgeBase,
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    metadata: dict[str, Any],
    action: Any = knowledge_action.ActionAnswerQuestion,
    intent: str = "nlu_fallback",
    **slots: Any,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    monkeypatch.setattr(knowledge_action, "get_knowledge_base", lambda: kb)
    message = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": [],
               "metadata": metadata}  # fmt: skip
    tracker = Tracker("test", slots, message, [], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action().run(dispatcher, tracker, {}))
    return dispatcher.messages, events


QUESTIONS = [
    "Le PAE est-il gratuit et confidentiel?",
    "comment joindre le BQVT de mon établissement",
    "je suis gestionnaire, comment annoncer un décès à mon équipe?",
]


@pytest.mark.parametrize("text", QUESTIONS)
def test_relayed_results_give_the_same_answer_without_embedding(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, embeddings: list[int], text: str
) -> None:
    alone, _ = answer(kb, monkeypatch, text, {"audience": None})
    assert embeddings == [1]  # no metadata: the action embeds the question itself
    metadata = gateway_metadata(kb, text)
    embeddings.clear()
    relayed, _ = answer(kb, monkeypatch, text, metadata)
    assert embeddings == []
    assert relayed == alone and relayed[0]["custom"]["relais"]["sources"]


def test_a_remembered_audience_uses_its_own_relayed_results(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, embeddings: list[int]
) -> None:
    text = "comment parler du PAE sans être intrusif?"
    metadata = gateway_metadata(kb, text)  # the gateway did not know the audience: all three
    embeddings.clear()
    relayed, _ = answer(kb, monkeypatch, text, metadata, kb_audience="manager")
    assert embeddings == []
    alone, _ = answer(kb, monkeypatch, text, {"audience": None}, kb_audience="manager")
    assert relayed == alone


def test_a_follow_up_is_searched_in_its_context(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, embeddings: list[int]
) -> None:
    text = "pis c'est gratuit?"
    metadata = gateway_metadata(kb, text)
    embeddings.clear()
    messages, _ = answer(kb, monkeypatch, text, metadata, kb_article="pae-c-est-quoi")
    assert embeddings == [2]  # the bare follow-up and its spelled-out form, in one batch
    assert messages[0]["text"].startswith("Au sujet du PAE")


@pytest.fixture(scope="module")
def context_kb() -> KnowledgeBase:
    """The production search settings (the context's boosts, its spelled-out form, the
    standard-French form, the confidence rules) on the hashing embedder: a follow-up searched
    in its context ranks otherwise than on its own words."""
    settings = dataclasses.replace(DEFAULT_SETTINGS, threshold=0.3, query_adapter=None)
    return KnowledgeBase.from_articles(ARTICLES, create_embedder("hashing"), settings)


@pytest.mark.parametrize(
    "text", ["pis c'est gratuit?", "est-ce que ça couvre ma famille?", "pis ça marche-tu la nuit?"]
)
def test_a_follow_up_the_gateway_searched_in_the_same_article_is_not_embedded_again(
    context_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, embeddings: list[int], text: str
) -> None:
    kb = context_kb
    alone, alone_events = answer(kb, monkeypatch, text, {"audience": None}, kb_article="pae-c-est-quoi")
    metadata = gateway_metadata(kb, text, context_id="pae-c-est-quoi")
    relayed_search = metadata[METADATA_KEY]
    assert relayed_search["context"]["article"] == "pae-c-est-quoi"
    # The context changes the search: the bare results under "context" would not do.
    assert relayed_search["context"]["results"] != relayed_search["results"]
    embeddings.clear()
    relayed, events = answer(kb, monkeypatch, text, metadata, kb_article="pae-c-est-quoi")
    assert embeddings == []
    assert relayed == alone and events == alone_events
    assert relayed[0]["text"].startswith("Au sujet du PAE")


def test_a_follow_up_searched_in_another_article_is_searched_again(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, embeddings: list[int]
) -> None:
    """The gateway's memory of the article may be stale (another gateway, a crisis context)."""
    text = "pis c'est gratuit?"
    metadata = gateway_metadata(kb, text, context_id="bqvt-c-est-quoi")
    embeddings.clear()
    messages, _ = answer(kb, monkeypatch, text, metadata, kb_article="pae-c-est-quoi")
    assert embeddings == [2]
    assert messages[0]["text"].startswith("Au sujet du PAE")


@pytest.mark.parametrize("text", ["merci", "oui", "d'accord", "ok bonne journée"])
def test_dialogue_acts_are_not_searched_in_the_context(
    kb: KnowledgeBase, embeddings: list[int], text: str
) -> None:
    """Short enough to read as follow-ups, but the bot answers them in its dialogue: their
    spelled-out form is not embedded for nothing."""
    assert kb.embedder is not None
    vector = kb.embedder.embed_queries([text])[0]
    embeddings.clear()
    relayed = relay(kb, text, vector, context=kb.article("pae-c-est-quoi"))
    assert relayed is not None and "context" not in relayed
    assert embeddings == []


def test_results_from_another_index_are_not_used(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, embeddings: list[int]
) -> None:
    text = QUESTIONS[0]
    metadata = gateway_metadata(kb, text)
    metadata[METADATA_KEY]["index"] = "another@index"
    embeddings.clear()
    answer(kb, monkeypatch, text, metadata)
    assert embeddings == [1]


def test_the_manager_triage_uses_the_managers_relayed_results(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, embeddings: list[int]
) -> None:
    text = "comment annoncer le décès d'une collègue à l'équipe"
    metadata = gateway_metadata(kb, text)
    embeddings.clear()
    messages, events = answer(
        kb, monkeypatch, text, metadata, knowledge_action.ActionTriageManager, "refer_employee"
    )
    assert embeddings == []
    assert messages[0]["custom"]["relais"]["sources"][0]["id"] == "gestionnaire-annoncer-un-deces"


@pytest.mark.parametrize(
    "text", [*QUESTIONS, "chu tanné, c koi le PAE?", "jsuis gestionnaire pis j sais pas comment annoncer un décès"]
)
def test_the_relayed_results_are_the_search_of_each_audience_scored_once(
    embeddings: list[int], text: str
) -> None:
    """relay() scores the passages once for the three audiences: the same hits and scores as
    three searches, and a joual message's standard form is embedded once, not once per audience."""
    settings = dataclasses.replace(SETTINGS, standard_query_weight=0.5)
    kb = KnowledgeBase.from_articles(ARTICLES, create_embedder("hashing"), settings)
    assert kb.embedder is not None
    vector = kb.embedder.embed_queries([text])[0]
    embeddings.clear()
    relayed = relay(kb, text, vector)
    assert relayed is not None
    assert embeddings == ([1] if standardize(text) != text else [])
    assert relayed["results"]
    for key, found in relayed["results"].items():
        audience = None if key == UNKNOWN else key
        searched = kb.search(text, audience=audience, k=3, query_vector=vector)
        assert found["confident"] == searched.confident
        assert [(h["article"], h["position"], h["score"]) for h in found["hits"]] == [
            (hit.article.id, hit.passage.position, round(hit.score, 6)) for hit in searched.hits
        ]


@pytest.mark.parametrize("text", ["pis c'est-tu gratuit pour ma blonde?", "et pour mes enfants?"])
def test_a_follow_up_is_relayed_bare_and_in_context_from_one_batch(
    embeddings: list[int], text: str
) -> None:
    """Both readings of a follow-up (alone, and with its context spelled out) are the two
    searches the bot would make, from one embedding batch: the spelled-out form and, for joual,
    the standard form, each embedded once."""
    from knowledge_base.conversation import spelled_out

    settings = dataclasses.replace(
        DEFAULT_SETTINGS, threshold=-1.0, standard_query_weight=0.5, query_adapter=None
    )
    kb = KnowledgeBase.from_articles(ARTICLES, create_embedder("hashing"), settings)
    assert kb.embedder is not None
    context = kb.article("pae-gratuit-et-confidentiel")
    assert context is not None
    vector = kb.embedder.embed_queries([text])[0]
    embeddings.clear()
    relayed = relay(kb, text, vector, context=context)
    assert relayed is not None and relayed["context"]["article"] == context.id
    assert embeddings == [1 + (standardize(text) != text)]
    for key in relayed["results"]:
        audience = None if key == UNKNOWN else key
        for found, searched in (
            (relayed["results"][key], kb.search(text, audience, 3, query_vector=vector)),
            (
                relayed["context"]["results"][key],
                kb.search(text, audience, 3, context, spelled_out(text, context), vector),
            ),
        ):
            assert found["confident"] == searched.confident
            assert [h["article"] for h in found["hits"]] == [h.article.id for h in searched.hits]
            assert [h["score"] for h in found["hits"]] == pytest.approx(
                [hit.score for hit in searched.hits], abs=1e-5
            )


@pytest.mark.parametrize(
    ("text", "context_id"),
    [
        ("pis c'est-tu gratuit pour ma blonde?", "pae-gratuit-et-confidentiel"),
        ("et pour mes enfants?", "pae-gratuit-et-confidentiel"),
        ("chu tanné, c koi le PAE?", None),
        ("Est-ce que le PAE est gratuit?", None),
    ],
)
def test_the_gateway_can_embed_every_text_of_a_relay_in_one_batch(
    embeddings: list[int], text: str, context_id: str | None
) -> None:
    """embedded_texts() lists what relay() would embed, in its order: embedded together
    beforehand (the gateway's one wait for the embedder), relay() embeds nothing more and
    relays what it relays from the message's vector alone."""
    from knowledge_base.relayed import embedded_texts

    settings = dataclasses.replace(
        DEFAULT_SETTINGS, threshold=-1.0, standard_query_weight=0.5, query_adapter=None
    )
    kb = KnowledgeBase.from_articles(ARTICLES, create_embedder("hashing"), settings)
    assert kb.embedder is not None
    context = kb.article(context_id) if context_id else None
    texts = embedded_texts(kb, text, context)
    assert texts[0] == text
    assert len(texts) == 1 + (context is not None) + (standardize(text) != text)
    rows = kb.embedder.embed_queries(texts)
    embeddings.clear()
    from_rows = relay(kb, text, rows, context=context)
    assert embeddings == []
    from_one = relay(kb, text, rows[0], context=context)
    assert embeddings == ([len(texts) - 1] if len(texts) > 1 else [])
    assert from_rows == from_one
    # rows listed for another context are not paired with this search's texts (a review)
    if context is not None:
        assert relay(kb, text, rows, context=None) == relay(kb, text, rows[0], context=None)
