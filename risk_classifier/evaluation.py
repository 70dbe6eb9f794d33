"""Cross-validation of the combined detector on the design data (used by train.py).

Every figure is about the *combined* decision (combined.py: the lexicon, then the classifier),
with out-of-fold classifier probabilities: each message is scored by a model that did not see
it. The threshold is the lowest one whose pooled out-of-fold false-positive rate on `none` stays
under the ceiling (and, as a guard, whose share of `distress` messages taken for a crisis stays
under its own ceiling); the lowest such threshold gives the highest recall.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from risk_classifier.combined import combine
from risk_classifier.data import CHAT_FILE, Example
from risk_classifier.model import LinearHead
from safety import Assessment
from safety.reply_variant import SELF, VARIANTS

CRISIS_HEAD = ("crisis",)
LEVELS = ("crisis", "distress", "none")
THRESHOLDS = np.round(np.arange(0.05, 0.9951, 0.005), 3)


@dataclass(frozen=True)
class Config:
    l2: float  # L2 penalty of the logistic regression
    none_weight: float  # weight of a `none` message relative to `crisis` and `distress` ones

    def __str__(self) -> str:
        return f"l2={self.l2:g} none_weight={self.none_weight:g}"


@dataclass(frozen=True)
class Rates:
    recall: float
    false_positive_rate: float  # `none` messages taken for a crisis
    distress_flagged: float  # `distress` messages taken for a crisis (not a target)
    counts: tuple[int, int, int]  # crisis, distress, none

    def __str__(self) -> str:
        crisis, distress, none = self.counts
        return (
            f"recall {self.recall:.3f} (n={crisis})  FP on none {self.false_positive_rate:.3f} "
            f"(n={none})  distress taken for crisis {self.distress_flagged:.3f} (n={distress})"
        )


class DesignSet:
    """The design examples with their embeddings and the lexicon's assessments."""

    def __init__(
        self, examples: Sequence[Example], features: np.ndarray, assessments: Sequence[Assessment]
    ) -> None:
        self.examples = list(examples)
        self.features = features
        self.labels = np.array([e.label for e in examples])
        self.targets = np.array([e.is_crisis for e in examples])
        self.sources = np.array([e.source for e in examples])
        self.variants = np.array([e.variant or "" for e in examples])
        # The combination rule is monotone in the probability: a message is taken for a crisis
        # at threshold t iff `always`, or `eligible` and its probability >= t.
        self.always = np.array([combine(a, 0.0, np.inf) for a in assessments])
        self.eligible = np.array([combine(a, 1.0, 1.0) for a in assessments]) & ~self.always

    def sample_weights(self, config: Config) -> np.ndarray:
        return np.where(self.labels == "none", config.none_weight, 1.0)

    def fit(self, config: Config, rows: np.ndarray) -> LinearHead:
        targets = np.where(self.targets[rows], CRISIS_HEAD[0], "")
        weights = self.sample_weights(config)[rows]
        return LinearHead.fit(self.features[rows], list(targets), CRISIS_HEAD, config.l2, weights)

    def fit_variants(self, l2: float, rows: np.ndarray) -> LinearHead:
        """Variant head on the crisis messages among `rows` that have a variant."""
        chosen = rows[self.variants[rows] != ""]
        return LinearHead.fit(self.features[chosen], list(self.variants[chosen]), VARIANTS, l2)

    def fires(self, probabilities: np.ndarray, threshold: float) -> np.ndarray:
        return self.always | (self.eligible & (probabilities >= threshold))

    def rates(self, fired: np.ndarray, rows: np.ndarray | None = None) -> Rates:
        rows = np.ones(len(self.examples), bool) if rows is None else rows
        crisis, distress, none = (rows & (self.labels == name) for name in LEVELS)
        return Rates(
            recall=float(fired[crisis].mean()),
            false_positive_rate=float(fired[none].mean()),
            distress_flagged=float(fired[distress].mean()),
            counts=(int(crisis.sum()), int(distress.sum()), int(none.sum())),
        )


def stratified_folds(targets: np.ndarray, folds: int, seed: int) -> np.ndarray:
    """Fold number of each row; crisis and non-crisis rows spread evenly over the folds."""
    rng = np.random.default_rng(seed)
    assignment = np.empty(len(targets), dtype=int)
    for value in (True, False):
        rows = rng.permutation(np.flatnonzero(targets == value))
        assignment[rows] = np.arange(len(rows)) % folds
    return assignment


@dataclass
class OutOfFold:
    """Out-of-fold crisis probabilities (one row per repeat) and, when asked, reply variants."""

    probabilities: np.ndarray  # (repeats, examples)
    variants: np.ndarray | None = None  # (repeats, examples) of variant names


def cross_validate(
    data: DesignSet, config: Config, folds: int, seeds: Sequence[int], variants: bool = False
) -> OutOfFold:
    count = len(data.examples)
    oof = OutOfFold(np.zeros((len(seeds), count)))
    if variants:
        oof.variants = np.full((len(seeds), count), "", dtype=object)
    for repeat, seed in enumerate(seeds):
        assignment = stratified_folds(data.targets, folds, seed)
        for fold in range(folds):
            train, test = np.flatnonzero(assignment != fold), np.flatnonzero(assignment == fold)
            head = data.fit(config, train)
            oof.probabilities[repeat, test] = head.probabilities(data.features[test])[:, 0]
            if oof.variants is not None:
                variant_head = data.fit_variants(config.l2, train)
                scores = variant_head.probabilities(data.features[test])
                oof.variants[repeat, test] = np.array(variant_head.labels)[scores.argmax(axis=1)]
    return oof


def pooled_rates(
    data: DesignSet,
    probabilities: np.ndarray,
    threshold: float,
    rows: np.ndarray | None = None,
    classifier_only: bool = False,
) -> Rates:
    """Rates over every repeat at once (the mean of the repeats' rates), for the combined
    decision or, with `classifier_only`, for the classifier alone."""
    per_repeat = [
        data.rates(row >= threshold if classifier_only else data.fires(row, threshold), rows)
        for row in probabilities
    ]
    return Rates(
        recall=float(np.mean([r.recall for r in per_repeat])),
        false_positive_rate=float(np.mean([r.false_positive_rate for r in per_repeat])),
        distress_flagged=float(np.mean([r.distress_flagged for r in per_repeat])),
        counts=per_repeat[0].counts,
    )


def choose_threshold(
    data: DesignSet, probabilities: np.ndarray, max_fp: float, max_distress: float
) -> float | None:
    """The lowest threshold within both ceilings (None if even the highest is not).

    The false-positive ceiling holds on the hard `none` messages of the crisis files and,
    separately, on the ordinary chat of CHAT_FILE: pooled together, the many easy chat
    messages would hide false alarms on the hard ones."""
    chat = data.sources == CHAT_FILE
    for threshold in THRESHOLDS:
        hard = pooled_rates(data, probabilities, float(threshold), ~chat)
        within = hard.false_positive_rate <= max_fp and hard.distress_flagged <= max_distress
        if within and chat.any():
            within = pooled_rates(data, probabilities, float(threshold), chat).false_positive_rate <= max_fp
        if within:
            return float(threshold)
    return None


def variant_accuracy(data: DesignSet, oof: OutOfFold, rows: np.ndarray) -> tuple[float, float]:
    """Share of right reply variants among crisis `rows` with a variant: (head, always SELF)."""
    chosen = rows & (data.variants != "")
    if oof.variants is None or not chosen.any():
        return float("nan"), float("nan")
    head = float(np.mean([(row[chosen] == data.variants[chosen]).mean() for row in oof.variants]))
    return head, float((data.variants[chosen] == SELF).mean())
