"""Crisis recall and false alarms through the real trained model (DIET + CrisisOverride), loaded
in Rasa's own runtime (Rasa's HTTP API, and its /model/parse, are off)."""

from __future__ import annotations

import pytest

from tests.crisis_dataset import TARGETS, check_targets, set_params
from tests.e2e.conftest import ModelParser

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("set_name", set_params())
def test_trained_model_meets_the_crisis_targets(model_parser: ModelParser, set_name: str) -> None:
    def says_crisis(text: str) -> bool:
        return model_parser.intent(text) == "crisis"

    # The combined detector (lexicon + risk_classifier) decides on this path too (issue 5).
    problems = check_targets(says_crisis, "trained model", TARGETS, set_name)
    assert not problems, problems
