"""Crisis recall and false alarms through the real trained model (DIET + CrisisOverride)."""

from __future__ import annotations

import httpx
import pytest

from tests.crisis_dataset import MAX_FALSE_POSITIVE_RATE, MIN_RECALL, load_messages, measure

pytestmark = pytest.mark.e2e


def test_trained_model_meets_the_crisis_targets(rasa_api: httpx.Client) -> None:
    def says_crisis(text: str) -> bool:
        response = rasa_api.post("/model/parse", json={"text": text})
        assert response.status_code == 200
        return response.json()["intent"]["name"] == "crisis"

    figures = measure(load_messages(), says_crisis)
    print("\n" + figures.report("trained model"))
    assert figures.recall >= MIN_RECALL, f"{len(figures.missed)} crisis messages missed"
    assert figures.false_positive_rate <= MAX_FALSE_POSITIVE_RATE, f"{len(figures.false_alarms)} false alarms"
