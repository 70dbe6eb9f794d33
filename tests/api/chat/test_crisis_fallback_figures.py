"""Crisis recall and false alarms through the gateway's own fallback path (Rasa down)."""

from __future__ import annotations

import httpx
from fastapi.testclient import TestClient

from tests.api.conftest import ScriptedRasa
from tests.crisis_dataset import TARGETS, check_targets


def test_fallback_path_meets_the_crisis_targets(client: TestClient, rasa: ScriptedRasa) -> None:
    rasa.fail_with(httpx.ConnectError("refused"))

    def says_crisis(text: str) -> bool:
        response = client.post("/api/chat", json={"message": text[:2000]})
        assert response.status_code == 200
        return bool(response.json()["crisis"])

    # The combined detector (lexicon + risk_classifier) decides on this path too (issue 5).
    problems = check_targets(says_crisis, "gateway fallback", TARGETS)
    assert not problems, problems
