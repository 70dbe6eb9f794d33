"""Just under the confidence threshold (SearchSettings.hedge_margin), the best article is sent
all the same and said to be likely; further under, only articles are offered."""

from __future__ import annotations

from pathlib import Path

from embeddings.models import create_embedder
from knowledge_base.answers import HEDGE
from knowledge_base.conversation import ask, reply
from knowledge_base.loader import load_articles
from knowledge_base.relayed import relay, relayed_turn
from knowledge_base.search import KnowledgeBase, SearchSettings

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = load_articles(ROOT / "knowledge_base" / "articles")
QUESTION = "le PAE est-il gratuit et confidentiel pour ma famille?"


def kb_at(offset: float, margin: float | None = 0.02) -> KnowledgeBase:
    """A base whose threshold sits `offset` above QUESTION's top cosine."""
    probe = KnowledgeBase.from_articles(
        ARTICLES, create_embedder("hashing"), SearchSettings(lexical_weight=0.3)
    )
    top = probe.search(QUESTION).top_similarity
    settings = SearchSettings(threshold=top + offset, lexical_weight=0.3, hedge_margin=margin)
    return KnowledgeBase.from_articles(ARTICLES, probe.embedder, settings)


def test_just_under_the_threshold_the_best_article_is_sent_as_likely() -> None:
    turn = ask(kb_at(0.01), QUESTION)
    assert not turn.result.confident and turn.result.likely
    answer = reply(turn)
    assert answer is not None and answer.text.startswith(HEDGE)
    assert answer.sources[0]["id"] == turn.result.hits[0].article.id
    assert reply(turn, likely=False) is None  # where only a confident answer will do


def test_further_under_or_without_a_margin_nothing_is_sent() -> None:
    assert reply(ask(kb_at(0.03), QUESTION)) is None
    assert reply(ask(kb_at(0.01, margin=None), QUESTION)) is None


def test_a_confident_answer_is_not_hedged() -> None:
    answer = reply(ask(kb_at(-0.01), QUESTION))
    assert answer is not None and not answer.text.startswith(HEDGE)


def test_the_gateway_relays_a_likely_result() -> None:
    kb = kb_at(0.01)
    assert kb.embedder is not None
    metadata = {"relais_search": relay(kb, QUESTION, kb.embedder.embed_queries([QUESTION])[0])}
    turn = relayed_turn(kb, QUESTION, metadata)
    assert turn is not None and turn.result.likely and not turn.result.confident


def test_a_word_no_article_nor_question_uses_is_never_sent_a_likely_answer(tmp_path: Path) -> None:
    listed = tmp_path / "words.txt"
    listed.write_text("# no question words: the articles' own\n", encoding="utf-8")
    odd = QUESTION.replace("famille", "famille et mon abonnement zumba")
    probe = KnowledgeBase.from_articles(
        ARTICLES, create_embedder("hashing"), SearchSettings(lexical_weight=0.3)
    )
    top = probe.search(odd).top_similarity
    settings = SearchSettings(threshold=top + 0.01, lexical_weight=0.3, hedge_margin=0.02)
    unguarded = KnowledgeBase.from_articles(ARTICLES, probe.embedder, settings)
    guarded = unguarded.with_settings(known_words=str(listed))
    assert unguarded.search(odd).likely
    assert guarded.off_the_known_words(odd) and not guarded.off_the_known_words(QUESTION)
    assert not guarded.search(odd).likely and not guarded.search(odd).confident
