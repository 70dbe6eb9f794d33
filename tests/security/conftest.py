"""The real gateway app (TestClient, scripted Rasa behind the real HTTP client), driven as an
attacker would: tokens only from replies, nothing signed for the test. Each test prints what it
tried and what held (`pytest -s tests/security`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings
from tests.api.conftest import AGENT_KEYS, ScriptedRasa, gateway_settings

SECRET_40 = "s3cr3t-" + "x" * 33


class Report:
    """What an attack tried and whether it held; printed, and asserted by the caller."""

    def __init__(self, title: str) -> None:
        self.rows: list[tuple[str, str, bool]] = []
        print(f"\n== {title}")

    def check(self, tried: str, outcome: str, held: bool) -> None:
        self.rows.append((tried, outcome, held))
        print(f"  [{'held' if held else 'FAILED'}] {tried} -> {outcome}")
        assert held, f"{tried}: {outcome}"


@pytest.fixture
def rasa() -> ScriptedRasa:
    return ScriptedRasa()


@contextmanager
def running(settings: Settings, rasa: ScriptedRasa) -> Iterator[TestClient]:
    app = create_app(settings, rasa_transport=httpx.MockTransport(rasa.handler))
    with TestClient(app) as client:
        yield client


@pytest.fixture
def gateway(rasa: ScriptedRasa, tmp_path: Path) -> Iterator[TestClient]:
    with running(gateway_settings(tmp_path), rasa) as client:
        yield client


def production_values(tmp_path: Path) -> dict[str, Any]:
    """A production configuration that passes every check."""
    hasher = PasswordHasher()
    return {
        "environment": "production",
        "rasa_urls": ["http://rasa.test"],
        "conversation_secret": SECRET_40,
        "agent_keys": {name: hasher.hash(key) for name, key in AGENT_KEYS.items()},
        "callback_webhook_url": "https://example.webhook.office.com/workflows/abc",
        "action_server_url": "http://127.0.0.1:9",
        "database_url": f"sqlite:///{tmp_path / 'relais.db'}",
        "tracker_url": f"sqlite:///{tmp_path / 'tracker.db'}",
        "metrics_token": "m" * 40,
    }


def start_conversation(client: TestClient, message: str = "bonjour") -> tuple[str, dict[str, str]]:
    body = client.post("/api/chat", json={"message": message}).json()
    return body["conversation_id"], {"X-Conversation-Token": body["conversation_token"]}
