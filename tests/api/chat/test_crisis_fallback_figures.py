"""Crisis recall and false alarms through the gateway's own fallback path (Rasa down)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from risk_classifier import GuardedDetector
from tests.api.conftest import ScriptedRasa, gateway_settings
from tests.crisis_dataset import TARGETS, check_targets, set_params


@pytest.fixture
def client(
    rasa: ScriptedRasa, tmp_path: Path, crisis_detector: GuardedDetector
) -> Iterator[TestClient]:
    """One client sends the whole dataset at once: without the chat rate limits. Its gateway
    decides with `crisis_detector` (tests/conftest.py: the vectors are kept for the session)."""
    settings = gateway_settings(tmp_path, rate_chat_client="", rate_chat_global="")
    with TestClient(create_app(settings, rasa_transport=httpx.MockTransport(rasa.handler))) as test_client:
        assert test_client.app.state.chat_service._crisis_check.detector is crisis_detector
        yield test_client


@pytest.mark.parametrize("set_name", set_params())
def test_fallback_path_meets_the_crisis_targets(
    client: TestClient, rasa: ScriptedRasa, set_name: str
) -> None:
    rasa.fail_with(httpx.ConnectError("refused"))

    def says_crisis(text: str) -> bool:
        response = client.post("/api/chat", json={"message": text[:2000]})
        assert response.status_code == 200
        return bool(response.json()["crisis"])

    # The combined detector (lexicon + risk_classifier) decides on this path too (issue 5).
    problems = check_targets(says_crisis, "gateway fallback", TARGETS, set_name)
    assert not problems, problems
