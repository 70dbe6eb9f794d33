"""The trained classifier: one sentence embedding and hashed character n-grams -> crisis,
distress or none.

Two views of a message, stacked (issue 10):
- the sentence embedding of the whole message (e5 + USE), with a crisis head, a distress head and
  the reply-variant head: one embedding per message, whatever its length;
- hashed character n-grams (ngrams.py) with a crisis and a distress head, scored on the whole
  message and on each sentence (the highest sentence counts: a risk buried in a question about
  pay or schedules), at no embedding cost.
A small logistic stacker turns (embedding logit, n-gram logit, best-sentence logit) into the
crisis probability; the distress stacker does the same from (embedding, n-gram) distress logits.

The weights file (JSON, written by `python -m risk_classifier.train`) holds the embedder spec
(embeddings/models.py builds it), the heads, the stackers, both thresholds, the training data's
content hash and the cross-validated figures; the n-gram weights sit beside it in
ngram_weights.npz. Loading reads these files only; the embedding models load on first use (or
`warm_up()`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from embeddings.models import Embedder, create_embedder
from risk_classifier.model import LinearHead, sigmoid
from risk_classifier.ngrams import NGRAM_FILE, NgramHead, indices

WEIGHTS_FILE = Path(__file__).resolve().parent / "weights.json"
FORMAT = 2


class WeightsError(ValueError):
    """The weights file is missing, malformed, or does not fit the embedder."""


@dataclass(frozen=True)
class Weights:
    """Everything the weights file holds."""

    embedder: str  # spec for embeddings.models.create_embedder
    crisis: LinearHead  # on the embedding; outputs: crisis, distress
    variants: LinearHead  # self / third_person / violence / violence_staff (crisis messages only)
    threshold: float  # on the stacked crisis probability
    data_hash: str
    metadata: dict[str, Any] = field(default_factory=dict)  # training files, versions, figures
    stack: tuple[float, ...] = (1.0, 0.0, 0.0, 0.0)  # embedding, n-gram, best sentence, bias
    distress_stack: tuple[float, ...] = (1.0, 0.0, 0.0)  # embedding, n-gram, bias
    distress_threshold: float = 1.0  # above 1: the classifier never says distress
    ngrams: NgramHead | None = None  # in NGRAM_FILE beside the weights file

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "embedder": self.embedder,
            "threshold": self.threshold,
            "data_hash": self.data_hash,
            "metadata": self.metadata,
            "crisis": self.crisis.to_json(),
            "variants": self.variants.to_json(),
            "stack": list(self.stack),
            "distress_stack": list(self.distress_stack),
            "distress_threshold": self.distress_threshold,
        }

    @classmethod
    def from_json(cls, content: dict[str, Any], ngrams: NgramHead | None = None) -> Weights:
        if content.get("format") != FORMAT:
            raise WeightsError(f"unknown weights format {content.get('format')!r}")
        try:
            weights = cls(
                embedder=str(content["embedder"]),
                crisis=LinearHead.from_json(content["crisis"]),
                variants=LinearHead.from_json(content["variants"]),
                threshold=float(content["threshold"]),
                data_hash=str(content["data_hash"]),
                metadata=dict(content.get("metadata", {})),
                stack=tuple(float(v) for v in content["stack"]),
                distress_stack=tuple(float(v) for v in content["distress_stack"]),
                distress_threshold=float(content["distress_threshold"]),
                ngrams=ngrams,
            )
        except (KeyError, TypeError, ValueError) as error:
            raise WeightsError(f"malformed weights: {error}") from error
        if len(weights.stack) != 4 or len(weights.distress_stack) != 3:
            raise WeightsError("malformed weights: stackers")
        if weights.crisis.labels != ("crisis", "distress"):
            raise WeightsError("malformed weights: the embedding head must be (crisis, distress)")
        return weights

    def save(self, path: Path) -> None:
        text = json.dumps(self.to_json(), ensure_ascii=False, indent=1)
        path.write_text(text + "\n", encoding="utf-8")
        if self.ngrams is not None:
            self.ngrams.save(path.with_name(NGRAM_FILE))

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE) -> Weights:
        try:
            content = json.loads(Path(path).read_text(encoding="utf-8"))
            ngram_file = Path(path).with_name(NGRAM_FILE)
            ngrams = NgramHead.load(ngram_file) if ngram_file.exists() else None
        except (OSError, json.JSONDecodeError, KeyError, ValueError) as error:
            raise WeightsError(f"cannot read {path}: {error}") from error
        if ngrams is not None and ngrams.labels != ("crisis", "distress"):
            raise WeightsError("malformed n-gram weights: labels must be (crisis, distress)")
        return cls.from_json(content, ngrams)


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

    @property
    def embedder_spec(self) -> str:
        """The spec (embeddings.models.create_embedder) of the vectors this classifier reads."""
        return self.weights.embedder

    def fits(self, vector: np.ndarray, embedder_spec: str) -> bool:
        """Whether a vector computed elsewhere (the gateway's one embedding of the message, with
        the knowledge base's embedder) can stand for this classifier's own: same embedder spec,
        one finite row of the right dimension."""
        array = np.asarray(vector)
        return (
            embedder_spec == self.weights.embedder
            and array.shape == (self.embedder.dimension,)
            and bool(np.isfinite(array).all())
        )

    def warm_up(self) -> None:
        """Load the embedding models now (a few seconds) rather than on the first message."""
        self.embed(["bonjour"])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return self.embedder.embed_queries(list(texts))

    def scores(self, text: str, vector: np.ndarray | None = None) -> Scores:
        """Crisis and distress probabilities of one message, and its embedding (one per message).

        `vector`: the message's embedding already computed with this classifier's embedder
        (`embedder_spec`, `embed_queries`), e.g. by the gateway for the knowledge-base search:
        then nothing is embedded here. The caller checks it with `fits` first."""
        vector = self.embed([text])[0] if vector is None else np.asarray(vector, np.float32)
        odds = self.weights.crisis.logits(vector[None, :])[0]  # crisis, distress
        crisis_ngram = best_sentence = distress_ngram = 0.0
        if self.weights.ngrams is not None:
            crisis_ngram, best_sentence = self.weights.ngrams.message_logits("crisis", text)
            distress_ngram = self.weights.ngrams.logit("distress", indices(text))
        a, b, c, bias = self.weights.stack
        crisis = float(sigmoid(np.array(a * odds[0] + b * crisis_ngram + c * best_sentence + bias)))
        d, e, dbias = self.weights.distress_stack
        distress = float(sigmoid(np.array(d * odds[1] + e * distress_ngram + dbias)))
        return Scores(crisis, distress, vector)

    def probability(self, text: str) -> float:
        return self.scores(text).crisis

    def is_crisis(self, text: str) -> bool:
        """The classifier alone (see combined.py for the decision used in production)."""
        return self.probability(text) >= self.threshold

    def variant_of(self, vector: np.ndarray) -> str:
        """Most likely reply variant of a message already embedded."""
        scores = self.weights.variants.probabilities(vector[None, :])[0]
        return self.weights.variants.labels[int(np.argmax(scores))]

    def ngram_crisis_probability(self, text: str) -> float | None:
        """The stacked crisis probability without the embedding (the embedding's logit taken as
        0): what a conversation window costs nothing to score. None without n-gram weights."""
        if self.weights.ngrams is None:
            return None
        whole, best = self.weights.ngrams.message_logits("crisis", text)
        _, b, c, bias = self.weights.stack
        return float(sigmoid(np.array(b * whole + c * best + bias)))


class Scores(NamedTuple):
    crisis: float
    distress: float
    vector: np.ndarray
