"""The action server warms itself (actions/warm.py), attached through rasa_sdk's own plugin hook
(rasa_sdk_plugins/), so it happens wherever `python -m rasa_sdk --actions actions` is started."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from actions import warm


class FakeApp:
    def __init__(self) -> None:
        self.listeners: dict[str, Any] = {}
        self.routes: dict[str, Any] = {}

    def register_listener(self, listener: Any, event: str) -> None:
        self.listeners[event] = listener

    def add_route(self, handler: Any, uri: str, methods: list[str]) -> None:
        self.routes[uri] = handler


def _ready(app: FakeApp) -> tuple[int, dict[str, Any]]:
    response = asyncio.run(app.routes["/relais/ready"](None))
    return response.status, json.loads(response.body)


def test_ready_is_503_while_loading_then_200_once_the_index_has_answered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    searched: list[str] = []

    class KnowledgeBase:
        def search(self, query: str) -> None:
            searched.append(query)

    monkeypatch.setattr(warm, "get_knowledge_base", KnowledgeBase)
    app = FakeApp()
    warm.attach(app)
    assert _ready(app) == (503, {"index": "loading", "seconds": None})
    asyncio.run(app.listeners["before_server_start"](app))
    for _ in range(100):
        status, body = _ready(app)
        if status == 200:
            break
        asyncio.run(asyncio.sleep(0.02))
    assert status == 200 and body["index"] == "ready" and searched == [warm.WARM_UP_QUESTION]


def test_a_missing_index_is_reported_not_fatal(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> None:
        raise FileNotFoundError("var/index/manifest.json")

    monkeypatch.setattr(warm, "get_knowledge_base", missing)
    warm_up = warm.WarmUp()
    warm_up.run()
    assert warm_up.state == "failed" and warm_up.seconds is not None


def test_rasa_sdk_finds_the_plugin() -> None:
    from rasa_sdk.plugin import plugin_manager

    import rasa_sdk_plugins

    names = {type(plugin).__name__ for plugin in plugin_manager().get_plugins()}
    assert "_RelaisWarmUp" in names
    app = FakeApp()
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    assert "/relais/ready" in app.routes and "before_server_start" in app.listeners
    assert rasa_sdk_plugins.init_hooks is not None
