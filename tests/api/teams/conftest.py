"""Gateways with Teams configured: a scripted Rasa, an outgoing-webhook secret, and a knowledge
base on the real articles (hashing embedder, always confident) in place of the built index."""

from __future__ import annotations

import base64
import json
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from jwt import PyJWKClient
from microsoft_agents.hosting.core.authorization import AuthenticationConstants
from microsoft_agents.hosting.core.authorization.jwt import JwtTokenValidator
from microsoft_agents.hosting.core.authorization.jwt.jwt_token_validator import _JwkClientCacheEntry

from api.main import create_app
from api.settings import Settings
from api.teams.channel import signature_of
from embeddings.models import HashingEmbedder
from knowledge_base.loader import load_articles
from knowledge_base.search import KnowledgeBase, SearchSettings
from tests.api.conftest import AGENT_KEYS, ScriptedRasa
from tests.api.teams.bot_framework import APP_ID, APP_SECRET, TENANT_ID, FakeMicrosoft

ROOT = Path(__file__).resolve().parents[3]
WEBHOOK_KEY = bytes(range(32))
WEBHOOK_SECRET = base64.b64encode(WEBHOOK_KEY).decode()


def base_settings(tmp_path: Path, **teams: Any) -> Settings:
    return Settings(
        rasa_urls=["http://rasa.test"],
        action_server_url="http://127.0.0.1:9",
        agent_keys=AGENT_KEYS,
        database_url=f"sqlite:///{tmp_path / 'relais.db'}",
        crisis_classifier=False,  # the lexicon alone: these tests use plain risk phrases
        index_dir=tmp_path / "no-index",
        **teams,
    )


@pytest.fixture(scope="session")
def knowledge() -> KnowledgeBase:
    articles = load_articles(ROOT / "knowledge_base" / "articles")
    return KnowledgeBase.from_articles(
        articles, HashingEmbedder(), SearchSettings(threshold=-1.0, lexical_weight=0.3)
    )


@pytest.fixture
def rasa() -> ScriptedRasa:
    return ScriptedRasa()


@pytest.fixture
def channel_client(rasa: ScriptedRasa, tmp_path: Path, knowledge: KnowledgeBase) -> Iterator[TestClient]:
    settings = base_settings(tmp_path, teams_webhook_secret=WEBHOOK_SECRET)
    app = create_app(settings, rasa_transport=httpx.MockTransport(rasa.handler))
    with TestClient(app) as client:
        app.state.teams.answers._knowledge.knowledge_base = knowledge
        yield client


def channel_activity(text: str, **changes: Any) -> dict[str, Any]:
    activity = {
        "type": "message",
        "id": uuid.uuid4().hex,
        "timestamp": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
        "serviceUrl": "https://smba.trafficmanager.net/amer/",
        "channelId": "msteams",
        "from": {"id": "29:abc", "name": "Marie Tremblay", "aadObjectId": str(uuid.uuid4())},
        "conversation": {"id": "19:channel@thread.skype;messageid=1", "isGroup": True},
        "recipient": None,
        "textFormat": "plain",
        "locale": "fr-CA",
        "text": f"<at>Relais</at> {text}\n",
        "channelData": {"teamsChannelId": "19:channel@thread.skype", "tenant": {"id": "t"}},
    }
    activity.update(changes)
    return activity


def signed(activity: dict[str, Any], key: bytes = WEBHOOK_KEY) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(activity, ensure_ascii=False).encode()
    return body, {"Authorization": f"HMAC {signature_of(key, body)}", "Content-Type": "application/json"}


# The personal chat: a local JWKS, token endpoint and Bot Connector (bot_framework.py).


@pytest.fixture
def microsoft() -> Iterator[FakeMicrosoft]:
    fake = FakeMicrosoft()
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
def local_keys(microsoft: FakeMicrosoft, monkeypatch: pytest.MonkeyPatch) -> None:
    """Microsoft's key URLs answered by the local JWKS: the Bot Framework issuer's, and the
    tenant's (where the SDK looks for any other issuer)."""
    cache = JwtTokenValidator._jwk_client_manager._cache
    for url in (
        AuthenticationConstants.PUBLIC_ABS_JWKS_URL,
        f"https://login.microsoftonline.com/{TENANT_ID}/discovery/v2.0/keys",
    ):
        client = PyJWKClient(f"{microsoft.url}/jwks", timeout=5)
        monkeypatch.setitem(cache, url, _JwkClientCacheEntry(client, threading.Lock()))


def personal_settings(tmp_path: Path, microsoft: FakeMicrosoft, **changes: Any) -> Settings:
    teams: dict[str, Any] = {
        "teams_app_id": APP_ID,
        "teams_tenant_id": TENANT_ID,
        "teams_app_secret": APP_SECRET,
        "teams_allowed_service_urls": [microsoft.url],
        "teams_token_url": f"{microsoft.url}/token",
        "public_url": "https://relais.example.org",
    }
    teams.update(changes)
    return base_settings(tmp_path, **teams)


@pytest.fixture
def personal_client(
    rasa: ScriptedRasa, tmp_path: Path, microsoft: FakeMicrosoft, local_keys: None
) -> Iterator[TestClient]:
    app = create_app(
        personal_settings(tmp_path, microsoft), rasa_transport=httpx.MockTransport(rasa.handler)
    )
    with TestClient(app) as client:
        yield client


def post_activity(client: TestClient, activity: dict[str, Any], token: str | None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = client.post("/api/teams/messages", json=activity, headers=headers)
    settle(client)
    return response


def settle(client: TestClient) -> None:
    """Wait until the activities handled in the background are done."""
    personal = client.app.state.teams.personal  # type: ignore[attr-defined]
    if personal is not None:
        client.portal.call(personal.idle)  # type: ignore[union-attr]
