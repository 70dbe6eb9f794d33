"""Crisis recall and false alarms through the real trained model (DIET + CrisisOverride)."""

from __future__ import annotations

import httpx
import pytest

from tests.crisis_dataset import SETS, TARGETS, check_targets

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("set_name", SETS)
def test_trained_model_meets_the_crisis_targets(rasa_api: httpx.Client, set_name: str) -> None:
    def says_crisis(text: str) -> bool:
        response = rasa_api.post("/model/parse", json={"text": text})
        assert response.status_code == 200
        return response.json()["intent"]["name"] == "crisis"

    # The combined detector (lexicon + risk_classifier) decides on this path too (issue 5).
    problems = check_targets(says_crisis, "trained model", TARGETS, set_name)
    assert not problems, problems
