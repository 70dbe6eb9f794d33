"""Each store's tests run twice, with the same body: in memory and in a real throwaway Redis.

`gateways` gives two SharedState objects as two gateway replicas would hold them: in memory the
same stores (one process), in Redis two clients of the same server under one prefix, logged in as
deploy's gateway user (deploy/redis-users.acl.example): its keys and commands are enough.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from api.chat.conversation_risk import MemoryRisks
from api.live.agent_sessions import MemoryAgentSessions
from api.live.sessions import MemorySessions
from api.shared.redis_client import SharedRedis
from api.shared.state import SharedState
from tests.redis_server import RedisServer


@dataclass
class Backend:
    name: str
    # A new SharedState on the same shared data (a second gateway), each call.
    gateway: Callable[[], SharedState]
    redis: RedisServer | None = None
    prefix: str = ""


class _OneProcess(SharedState):
    """In memory, two "gateways" in one process share the very same stores."""

    def __init__(self) -> None:
        super().__init__(None)
        self._live = MemorySessions()
        self._agents: dict[str, MemoryAgentSessions] = {}
        self._risks = MemoryRisks()

    def live_sessions(self) -> MemorySessions:  # type: ignore[override]
        return self._live

    def agent_sessions(self, scope: str) -> MemoryAgentSessions:  # type: ignore[override]
        return self._agents.setdefault(scope, MemoryAgentSessions())

    def risks(self) -> MemoryRisks:  # type: ignore[override]
        return self._risks


@pytest.fixture(params=["memory", "redis"])
def backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    if request.param == "memory":
        one = _OneProcess()
        yield Backend("memory", lambda: one)
        return
    server: RedisServer = request.getfixturevalue("redis_server")
    if server.process is None:  # a previous test stopped it
        server.start()
    prefix = f"relais:test-{uuid.uuid4().hex[:8]}:"  # the gateway user's keys: relais:*
    opened: list[SharedState] = []

    def gateway() -> SharedState:
        state = SharedState(SharedRedis(server.gateway_url(2), prefix=prefix))
        opened.append(state)
        return state

    yield Backend("redis", gateway, server, prefix)
    for state in opened:
        state.close()
