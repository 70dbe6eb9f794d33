"""Gateways for the callback tests: the scripted Rasa, a SQLite file of the test's own, counsellors
who can sign in, and whatever callback settings a test needs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.main import create_app
from api.settings import Settings
from tests.api.conftest import AGENT_KEYS, ScriptedRasa
from tickets.database import create_database_engine
from tickets.models import CallbackTicket

FORM = {
    "first_name": "Marie-Ève",
    "contact": "(514) 555-0142 poste 12",
    "time_window": "apres-midi",
    "establishment": "ciusss-capitale-nationale",
    "consent": True,
}


# What production requires of the other settings (api/settings.py `refuse_unsafe_production`).
PRODUCTION: dict[str, Any] = {
    "environment": "production",
    "conversation_secret": "a-real-conversation-secret-" + "y" * 10,
    "agent_keys": {name: PasswordHasher().hash(key) for name, key in AGENT_KEYS.items()},
}


def settings_for(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "rasa_urls": ["http://rasa.test"],
        "action_server_url": "http://127.0.0.1:9",
        "agent_keys": AGENT_KEYS,
        "database_url": f"sqlite:///{tmp_path / 'relais.db'}",
        "tracker_url": f"sqlite:///{tmp_path / 'tracker.db'}",
    }
    return Settings(**{**values, **overrides})


@contextmanager
def gateway(settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings, rasa_transport=httpx.MockTransport(ScriptedRasa().handler))
    with TestClient(app) as client:
        yield client


def agent_headers(client: TestClient, name: str = "Julie") -> dict[str, str]:
    response = client.post("/api/agent/session", json={"name": name, "key": AGENT_KEYS[name]})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def stored_tickets(database_url: str) -> int:
    engine = create_database_engine(database_url)
    try:
        with Session(engine) as session:
            return int(session.scalar(select(func.count()).select_from(CallbackTicket)) or 0)
    finally:
        engine.dispose()
