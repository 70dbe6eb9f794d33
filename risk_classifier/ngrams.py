"""Character n-gram features, hashed: the second view of a message, beside its sentence embedding.

A message is normalised by safety/ (lowercase, no accents, joual and SMS spellings folded), cut
into words; each word gives its padded character 3- to 5-grams and itself, each pair of
neighbouring words a bigram. Every feature is hashed (CRC-32, stable across runs and Python
versions) into DIMENSION buckets; a message is the set of its buckets, scaled to unit length.
Scoring is a sum of weights: no model to load, well under a millisecond per sentence, so a
long message can be scored sentence by sentence (risk buried in a practical question) at no
embedding cost. Standard library and NumPy only (both runtimes).
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from safety.normalize import normalize

BITS = 18
DIMENSION = 1 << BITS
_MASK = DIMENSION - 1
_SIZES = (3, 4, 5)
SENTENCE_BREAK = "."  # normalize() turns sentence punctuation into a " . " token
MAX_SENTENCES = 40


def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & _MASK


def _features(words: Sequence[str]) -> set[int]:
    found: set[int] = set()
    for word in words:
        found.add(_hash("w:" + word))
        padded = f" {word} "
        for size in _SIZES:
            for start in range(max(1, len(padded) - size + 1)):
                found.add(_hash(padded[start : start + size]))
    for first, second in zip(words, words[1:], strict=False):
        found.add(_hash(f"b:{first} {second}"))
    return found


def indices(text: str) -> np.ndarray:
    """Sorted bucket numbers of the whole message."""
    words = [w for w in normalize(text).split() if w != SENTENCE_BREAK]
    return np.fromiter(sorted(_features(words)), dtype=np.int64)


def sentences(text: str) -> list[list[str]]:
    """The message's sentences as word lists (at most MAX_SENTENCES, the last holding the rest)."""
    found: list[list[str]] = [[]]
    for word in normalize(text).split():
        if word == SENTENCE_BREAK:
            if found[-1]:
                found.append([])
        else:
            found[-1].append(word)
    found = [words for words in found if words]
    if len(found) > MAX_SENTENCES:
        found = found[: MAX_SENTENCES - 1] + [[w for s in found[MAX_SENTENCES - 1 :] for w in s]]
    return found


def sentence_indices(text: str) -> list[np.ndarray]:
    return [np.fromiter(sorted(_features(words)), dtype=np.int64) for words in sentences(text)]


def score(weights: np.ndarray, bias: float, buckets: np.ndarray) -> float:
    """The linear score (logit) of one bag of buckets, unit-length scaled."""
    if len(buckets) == 0:
        return float(bias)
    return float(weights[buckets].sum() / np.sqrt(len(buckets)) + bias)


NGRAM_FILE = "ngram_weights.npz"


class NgramHead:
    """Logistic outputs on the hashed n-grams: one weight vector and a bias per label."""

    def __init__(self, labels: Sequence[str], weights: np.ndarray, bias: np.ndarray) -> None:
        if weights.shape != (len(labels), DIMENSION) or bias.shape != (len(labels),):
            raise ValueError("malformed n-gram head")
        self.labels = tuple(labels)
        self.weights = weights.astype(np.float32)
        self.bias = bias.astype(np.float32)

    def logit(self, label: str, buckets: np.ndarray) -> float:
        row = self.labels.index(label)
        return score(self.weights[row], float(self.bias[row]), buckets)

    def message_logits(self, label: str, text: str) -> tuple[float, float]:
        """(whole message, highest sentence) logits: the second finds a risk buried in a long
        practical question, which the whole message's average would dilute."""
        whole = self.logit(label, indices(text))
        parts = sentence_indices(text)
        best = (
            max((self.logit(label, part) for part in parts), default=whole)
            if len(parts) > 1
            else whole
        )
        return whole, best

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path, labels=np.array(self.labels), weights=self.weights, bias=self.bias
        )

    @classmethod
    def load(cls, path: Path) -> NgramHead:
        with np.load(path) as stored:
            return cls([str(x) for x in stored["labels"]], stored["weights"], stored["bias"])
