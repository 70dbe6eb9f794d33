"""The crisis decision: the lexicon of safety/ first, the classifier for what it misses.

The rule, in one place (`combine`), used at run time and by the cross-validation in train.py:
- the lexicon says crisis: crisis, with the lexicon's reply variant; except a crisis the lexicon
  found only as talk about the subject or someone else (`Assessment.framed`: a patient, a
  colleague, training, a policy, a title...; nothing about the writer or someone close, no means,
  no danger now, no violence against staff) when the classifier's probability is under
  `framed_veto_below` (weights metadata; the classifier says "none" with confidence). A doubt
  stays a crisis: the lexicon alone (classifier down) never vetoes;
- the lexicon recognised an idiom or a professional/clinical use (`Assessment.context`): not a
  crisis ("ce formulaire me tue", "protocole suicide à l'urgence") unless the classifier's
  probability reaches `context_threshold` (weights metadata; higher than the ordinary threshold):
  a patient's son threatening a nurse is about patients and still a crisis;
- otherwise: crisis when the classifier's stacked probability reaches the threshold stored
  with its weights, with the variant head's reply variant (self, third_person, violence or
  violence_staff);
- not a crisis: distress when the classifier's distress probability reaches its own threshold,
  or when the lexicon says distress and that probability reaches a lower gate (weights metadata
  `lexicon_distress_gate`; without it, the lexicon's distress alone). Leave one author out, the
  gate halved the `none` messages taken for distress (0.097 -> 0.043, mean over eight authors)
  and told as much distress: clinical and policy questions stay `none`. Three outcomes: crisis,
  distress, none.

    from risk_classifier import load_combined
    detector = load_combined()            # cheap: reads the weights file; models load lazily
    detector.warm_up()                    # optional, at startup: loads the embedding models
    is_crisis, variant = detector.assess(text)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from embeddings.models import Embedder
from risk_classifier.classifier import WEIGHTS_FILE, RiskClassifier
from safety import Assessment, RiskLevel, assess
from safety.reply_variant import SELF, reply_variant

# The classifier reads at most this many characters (the chat API accepts 2,000); the lexicon
# reads far more, so a risk said late in a very long message is still caught by it.
CLASSIFIER_MAX_CHARS = 4_000


class Decision(NamedTuple):
    is_crisis: bool
    variant: str  # one of safety.reply_variant.REPLY_VARIANTS; SELF when not a crisis
    distress: bool = False  # distress without risk (never with is_crisis)

    @property
    def level(self) -> str:
        return "crisis" if self.is_crisis else "distress" if self.distress else "none"


def lexicon_decision(assessment: Assessment) -> Decision:
    """The decision of the lexicon alone: also what the bot and the gateway fall back on when
    the classifier cannot load or fails."""
    if assessment.is_crisis:
        return Decision(True, reply_variant(assessment))
    return Decision(False, SELF, assessment.level is RiskLevel.DISTRESS)


@dataclass(frozen=True)
class Guards:
    """How far the classifier and the lexicon's frames may overrule each other (weights
    metadata; the defaults are the rule before issue 10's third pass: neither may)."""

    framed_veto_below: float = 0.0  # a framed lexicon crisis is dropped under this probability
    context_threshold: float = 1.01  # the classifier overrides an idiom/professional context

    @classmethod
    def of(cls, metadata: Mapping[str, Any]) -> Guards:
        return cls(
            float(metadata.get("framed_veto_below", 0.0)),
            float(metadata.get("context_threshold", 1.01)),
        )


NO_GUARDS = Guards()


def lexicon_settles(assessment: Assessment) -> bool:
    """The lexicon's crisis needs no classifier (and no embedding): found outside any frame."""
    return assessment.is_crisis and not assessment.framed


def classifier_may_decide(assessment: Assessment, guards: Guards | None = None) -> bool:
    """Whether the classifier is asked: the lexicon found no crisis, or one only in a frame;
    with `guards`, also after an idiom or professional context when it may override it."""
    if assessment.is_crisis:
        return assessment.framed and (guards is None or guards.framed_veto_below > 0)
    return assessment.context is None or guards is None or guards.context_threshold <= 1


def combine(
    assessment: Assessment, probability: float | None, threshold: float, guards: Guards = NO_GUARDS
) -> bool:
    """Crisis or not, from the lexicon's assessment and the classifier's probability (None
    when the classifier was not asked)."""
    if assessment.is_crisis:
        vetoed = assessment.framed and probability is not None
        return not (vetoed and probability < guards.framed_veto_below)  # type: ignore[operator]
    if probability is None:
        return False
    if assessment.context is not None:
        return probability >= guards.context_threshold
    return probability >= threshold


class CombinedDetector:
    def __init__(self, classifier: RiskClassifier) -> None:
        self.classifier = classifier

    def warm_up(self) -> None:
        self.classifier.warm_up()

    def assess(
        self, text: str, assessment: Assessment | None = None, vector: np.ndarray | None = None
    ) -> Decision:
        """Decide for one message; pass `assessment` if `safety.assess(text)` was already run,
        and `vector` if the message was already embedded in the classifier's space (its
        `classifier.embedder`): the one embedding of the message is then not repeated."""
        if assessment is None:
            assessment = assess(text)
        weights = self.classifier.weights
        guards = Guards.of(weights.metadata)
        if not text.strip() or not classifier_may_decide(assessment, guards):
            return lexicon_decision(assessment)
        if len(text) > CLASSIFIER_MAX_CHARS:
            vector = None  # the vector is of the whole text, the classifier reads its start
        scores = self.classifier.scores(text[:CLASSIFIER_MAX_CHARS], vector)
        if combine(assessment, scores.crisis, self.classifier.threshold, guards):
            if assessment.is_crisis:
                return lexicon_decision(assessment)
            return Decision(True, self.classifier.variant_of(scores.vector))
        distress = assessment.level is RiskLevel.DISTRESS
        gate = weights.metadata.get("lexicon_distress_gate")
        if gate is not None:  # the lexicon's distress needs the classifier's agreement
            distress = distress and scores.distress >= float(gate)
        distress = distress or scores.distress >= weights.distress_threshold
        return Decision(False, SELF, distress)

    def is_crisis(self, text: str) -> bool:
        return self.assess(text).is_crisis


def load_combined(path: Path = WEIGHTS_FILE, embedder: Embedder | None = None) -> CombinedDetector:
    """Read the weights file (milliseconds); the embedding models load on first use."""
    return CombinedDetector(RiskClassifier.load(path, embedder))
