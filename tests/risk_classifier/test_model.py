"""The NumPy logistic regression and the weights file format, on small made-up data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from risk_classifier.classifier import Weights, WeightsError
from risk_classifier.model import LinearHead, fit_logistic
from risk_classifier.ngrams import DIMENSION, NgramHead


def _blobs(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    positives = rng.normal(1.0, 0.5, size=(40, 5))
    negatives = rng.normal(-1.0, 0.5, size=(60, 5))
    return np.vstack([positives, negatives]), np.array([True] * 40 + [False] * 60)


def test_logistic_regression_separates_two_blobs() -> None:
    features, targets = _blobs()
    weights, bias = fit_logistic(features, targets, l2=1e-3)
    predicted = features @ weights + bias > 0
    assert (predicted == targets).mean() == 1.0


def test_logistic_regression_is_deterministic_and_shrinks_with_l2() -> None:
    features, targets = _blobs()
    first, _ = fit_logistic(features, targets, l2=1e-2)
    again, _ = fit_logistic(features, targets, l2=1e-2)
    strong, _ = fit_logistic(features, targets, l2=1.0)
    np.testing.assert_array_equal(first, again)
    assert np.linalg.norm(strong) < np.linalg.norm(first)


def test_weighting_some_negatives_pushes_the_boundary_away_from_them() -> None:
    # Classes stay balanced in total; within the negatives, the near ones count more.
    rng = np.random.default_rng(1)
    positives = rng.normal(1.0, 0.3, size=(40, 2))
    near = rng.normal(0.2, 0.3, size=(30, 2))
    far = rng.normal(-2.0, 0.3, size=(30, 2))
    features = np.vstack([positives, near, far])
    targets = np.array([True] * 40 + [False] * 60)
    probe = np.array([0.6, 0.6])
    plain = fit_logistic(features, targets, 1e-2)
    weights = np.array([1.0] * 40 + [4.0] * 30 + [1.0] * 30)
    weighted = fit_logistic(features, targets, 1e-2, sample_weight=weights)
    assert probe @ weighted[0] + weighted[1] < probe @ plain[0] + plain[1]


def test_weights_round_trip_through_json(tmp_path: Path) -> None:
    features, targets = _blobs()
    labels = ["crisis" if t else "distress" for t in targets]
    head = LinearHead.fit(features, labels, ("crisis", "distress"), 1e-2)
    ngram_head = NgramHead(("crisis", "distress"), np.ones((2, DIMENSION)), np.array([0.5, -0.5]))
    weights = Weights(
        "hashing", head, head, 0.5, "abc", {"note": "test"}, (1.0, 2.0, 3.0, 4.0), (1.0, 2.0, 3.0), 0.7, ngram_head
    )
    weights.save(tmp_path / "weights.json")
    loaded = Weights.load(tmp_path / "weights.json")
    assert (
        loaded.threshold == 0.5
        and loaded.data_hash == "abc"
        and loaded.metadata == {"note": "test"}
        and loaded.stack == (1.0, 2.0, 3.0, 4.0)
        and loaded.distress_stack == (1.0, 2.0, 3.0)
        and loaded.distress_threshold == 0.7
    )
    assert loaded.ngrams is not None
    np.testing.assert_allclose(loaded.ngrams.bias, [0.5, -0.5])
    np.testing.assert_allclose(
        loaded.crisis.probabilities(features), head.probabilities(features), atol=1e-5
    )


def test_a_malformed_weights_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "weights.json"
    path.write_text('{"format": 1, "embedder": "hashing"}', encoding="utf-8")
    with pytest.raises(WeightsError):
        Weights.load(path)
    with pytest.raises(WeightsError):
        Weights.load(tmp_path / "missing.json")
