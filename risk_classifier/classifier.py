"""The trained classifier: sentence embedding -> probability that a message shows crisis risk.

The weights file (JSON, written by `python -m risk_classifier.train`) holds the embedder spec
(embeddings/models.py builds it), the crisis head, the reply-variant head, the decision
threshold, the training data's content hash and the cross-validated figures. Loading reads that
file only; the embedding models load on first use (or `warm_up()`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from embeddings.models import Embedder, create_embedder
from risk_classifier.model import LinearHead

WEIGHTS_FILE = Path(__file__).resolve().parent / "weights.json"
FORMAT = 1


class WeightsError(ValueError):
    """The weights file is missing, malformed, or does not fit the embedder."""


@dataclass(frozen=True)
class Weights:
    """Everything the weights file holds."""

    embedder: str  # spec for embeddings.models.create_embedder
    crisis: LinearHead  # one output: crisis
    variants: LinearHead  # self / third_person / violence, trained on crisis messages only
    threshold: float
    data_hash: str
    metadata: dict[str, Any] = field(default_factory=dict)  # training files, versions, figures

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "embedder": self.embedder,
            "threshold": self.threshold,
            "data_hash": self.data_hash,
            "metadata": self.metadata,
            "crisis": self.crisis.to_json(),
            "variants": self.variants.to_json(),
        }

    @classmethod
    def from_json(cls, content: dict[str, Any]) -> Weights:
        if content.get("format") != FORMAT:
            raise WeightsError(f"unknown weights format {content.get('format')!r}")
        try:
            return cls(
                embedder=str(content["embedder"]),
                crisis=LinearHead.from_json(content["crisis"]),
                variants=LinearHead.from_json(content["variants"]),
                threshold=float(content["threshold"]),
                data_hash=str(content["data_hash"]),
                metadata=dict(content.get("metadata", {})),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise WeightsError(f"malformed weights: {error}") from error

    def save(self, path: Path) -> None:
        text = json.dumps(self.to_json(), ensure_ascii=False, indent=1)
        path.write_text(text + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE) -> Weights:
        try:
            content = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise WeightsError(f"cannot read {path}: {error}") from error
        return cls.from_json(content)


class RiskClassifier:
    """`probability(text)`, `is_crisis(text)` and `variant(text)` for one message."""

    def __init__(self, weights: Weights, embedder: Embedder | None = None) -> None:
        self.weights = weights
        self.embedder = embedder or create_embedder(weights.embedder)
        if self.embedder.dimension != weights.crisis.weights.shape[1]:
            raise WeightsError(
                f"weights expect {weights.crisis.weights.shape[1]} dimensions, embedder "
                f"{self.embedder.name} gives {self.embedder.dimension}"
            )

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE, embedder: Embedder | None = None) -> RiskClassifier:
        return cls(Weights.load(path), embedder)

    @property
    def threshold(self) -> float:
        return self.weights.threshold

    def warm_up(self) -> None:
        """Load the embedding models now (a few seconds) rather than on the first message."""
        self.embed(["bonjour"])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return self.embedder.embed_queries(list(texts))

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        return self.weights.crisis.probabilities(self.embed(texts))[:, 0]

    def probability(self, text: str) -> float:
        return float(self.probabilities([text])[0])

    def is_crisis(self, text: str) -> bool:
        """The classifier alone (see combined.py for the decision used in production)."""
        return self.probability(text) >= self.threshold

    def variant(self, text: str) -> str:
        return self.variant_of(self.embed([text])[0])

    def variant_of(self, vector: np.ndarray) -> str:
        """Most likely reply variant of a message already embedded."""
        scores = self.weights.variants.probabilities(vector[None, :])[0]
        return self.weights.variants.labels[int(np.argmax(scores))]

    def probability_with_vector(self, text: str) -> tuple[float, np.ndarray]:
        """The crisis probability and the embedding it came from (for `variant_of`)."""
        vector = self.embed([text])[0]
        return float(self.weights.crisis.probabilities(vector[None, :])[0, 0]), vector
