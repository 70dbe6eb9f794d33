"""Redaction never hides a risk: the bot's crisis component reads the redacted text."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import yaml

from privacy import redact
from safety import assess

ROOT = Path(__file__).resolve().parents[2]
DESIGN_FILES = sorted((ROOT / "data" / "crisis").glob("design*.yml"))


def _texts() -> list[str]:
    texts = []
    for path in DESIGN_FILES:
        texts += [m["text"] for m in yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]]
    return texts


def test_the_crisis_decision_is_the_same_before_and_after_redaction() -> None:
    texts = _texts()
    assert len(texts) > 1000
    flipped = [i for i, text in enumerate(texts) if assess(redact(text)).is_crisis != assess(text).is_crisis]
    changed = sum(redact(t) != unicodedata.normalize("NFKC", t) for t in texts)
    print(f"\ncrisis design texts: {len(texts)}, changed by redaction: {changed}, decision flipped: {len(flipped)}")
    assert flipped == []  # indexes only: design texts are not printed
