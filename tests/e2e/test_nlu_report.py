"""The held-out NLU figures written by `make rasa-test` (rasa test nlu on tests/data/nlu_holdout.yml)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

REPORT = Path(__file__).resolve().parents[2] / "var" / "results" / "nlu" / "intent_report.json"


def test_held_out_intent_classification() -> None:
    if not REPORT.exists():
        pytest.fail("run `make rasa-test` first: no intent report at var/results/nlu/")
    report = json.loads(REPORT.read_text(encoding="utf-8"))
    weighted = report["weighted avg"]
    print(f"\nheld-out NLU: weighted F1 {weighted['f1-score']:.3f}, accuracy {report['accuracy']:.3f}")
    assert weighted["f1-score"] >= 0.80
    assert report["crisis"]["recall"] >= 0.95
