"""Linear models on sentence embeddings: L2-regularised logistic regression, fitted in NumPy.

`fit_logistic` uses Newton's method on the full batch (a few hundred dimensions, a few thousand
rows): deterministic, no solver dependency. `LinearHead` is what is stored in the weights file
and evaluated at run time (NumPy 1.23 and later).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

_MAX_ITERATIONS = 100
_TOLERANCE = 1e-9


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # stable for large |z|


def fit_logistic(
    features: np.ndarray,
    targets: np.ndarray,
    l2: float,
    balanced: bool = True,
    sample_weight: np.ndarray | None = None,
) -> tuple[np.ndarray, float]:
    """Minimise mean weighted log-loss + l2/2 |w|^2 (the bias is not penalised).

    `balanced`: each class weighs as much as the other in total (after `sample_weight`).
    """
    x = np.asarray(features, dtype=np.float64)
    y = np.asarray(targets, dtype=np.float64)
    rows, dims = x.shape
    sample = np.ones(rows) if sample_weight is None else np.asarray(sample_weight, np.float64)
    if balanced:
        positives = max(float(sample[y > 0.5].sum()), 1e-12)
        negatives = max(float(sample[y <= 0.5].sum()), 1e-12)
        sample = sample * np.where(y > 0.5, 0.5 / positives, 0.5 / negatives)
    else:
        sample = sample / sample.sum()
    design = np.hstack([x, np.ones((rows, 1))])
    penalty = np.full(dims + 1, l2)
    penalty[-1] = 0.0
    theta = np.zeros(dims + 1)

    def loss(values: np.ndarray) -> float:
        z = design @ values
        # log(1 + e^z) - y z, computed without overflow
        return float(sample @ (np.logaddexp(0.0, z) - y * z) + 0.5 * penalty @ values**2)

    current = loss(theta)
    for _ in range(_MAX_ITERATIONS):
        p = sigmoid(design @ theta)
        gradient = design.T @ (sample * (p - y)) + penalty * theta
        curvature = sample * p * (1 - p)
        hessian = (design * curvature[:, None]).T @ design + np.diag(penalty + 1e-10)
        step = np.linalg.solve(hessian, gradient)
        size = 1.0
        while size > 1e-6:
            candidate = theta - size * step
            value = loss(candidate)
            if value <= current:
                break
            size /= 2
        theta, previous, current = candidate, current, value
        if previous - current < _TOLERANCE:
            break
    return theta[:-1], float(theta[-1])


@dataclass(frozen=True)
class LinearHead:
    """One or several logistic outputs: probabilities = sigmoid(x . W^T + b)."""

    labels: tuple[str, ...]
    weights: np.ndarray  # (len(labels), dimension)
    bias: np.ndarray  # (len(labels),)

    @classmethod
    def fit(
        cls,
        features: np.ndarray,
        labels: Sequence[str],
        names: Sequence[str],
        l2: float,
        sample_weight: np.ndarray | None = None,
    ) -> LinearHead:
        """One-vs-rest: one logistic output per name (a single name: a binary classifier)."""
        fitted = [
            fit_logistic(
                features, np.array([label == name for label in labels]), l2, True, sample_weight
            )
            for name in names
        ]
        return cls(
            tuple(names),
            np.array([w for w, _ in fitted], dtype=np.float32),
            np.array([b for _, b in fitted], dtype=np.float32),
        )

    def logits(self, features: np.ndarray) -> np.ndarray:
        """(rows, len(labels)) logits for (rows, dimension) features."""
        z = np.asarray(features, dtype=np.float32) @ self.weights.T + self.bias
        return z.astype(np.float64)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """(rows, len(labels)) probabilities for (rows, dimension) features."""
        return sigmoid(self.logits(features))

    def to_json(self) -> dict[str, Any]:
        return {
            "labels": list(self.labels),
            "weights": [[float(f"{v:.7g}") for v in row] for row in self.weights.tolist()],
            "bias": [float(f"{v:.7g}") for v in self.bias.tolist()],
        }

    @classmethod
    def from_json(cls, content: dict[str, Any]) -> LinearHead:
        weights = np.array(content["weights"], dtype=np.float32)
        bias = np.array(content["bias"], dtype=np.float32)
        count = len(content["labels"])
        if weights.ndim != 2 or weights.shape[0] != count or bias.shape != (count,):
            raise ValueError("malformed linear head")
        return cls(tuple(content["labels"]), weights, bias)
