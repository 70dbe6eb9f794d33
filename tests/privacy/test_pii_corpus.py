"""Redaction measured on the French PII corpus (a development set: the patterns were tuned on it)."""

from __future__ import annotations

from privacy import redact
from tests.privacy.pii_corpus import NAMES, STRUCTURED, cases, score


def test_corpus_is_large_enough() -> None:
    assert len(cases()) >= 300


def test_recall_and_public_numbers() -> None:
    result = score(redact)
    print("\nPII corpus (development set, 468 cases; patterns tuned on it):")
    for line in result.lines():
        print("  " + line)
    assert result.public_numbers_lost == [], result.public_numbers_lost
    assert result.recall(STRUCTURED) >= 0.95
    assert result.recall(NAMES) >= 0.80
