"""Which stores the gateway uses: this process's memory (no RELAIS_REDIS_URL: `make run`, one
gateway) or Redis (several gateways). The lifespan (api/main.py) asks here once; handlers only see
the interfaces (api/live/sessions.py, api/live/agent_sessions.py, api/chat/conversation_risk.py,
api/throttling.py).

Also shared with Redis: the indicators' conversation contexts (api/indicators/contexts.py) and
Teams' activity ids and conversation references (api/teams/stores.py, given `redis`). What
stays in each gateway's memory even with Redis: the indicators' counts until their flush (written
to the database), the metrics (each replica is scraped on its own).
"""

from __future__ import annotations

from dataclasses import dataclass

from api.chat.conversation_risk import MemoryRisks, RedisRisks, RiskStore
from api.indicators.contexts import ContextStore, MemoryContexts, RedisContexts
from api.live.agent_sessions import AgentSessionStore, MemoryAgentSessions, RedisAgentSessions
from api.live.sessions import MemorySessions, RedisSessions, SessionStore
from api.shared.redis_client import SharedRedis


@dataclass
class SharedState:
    redis: SharedRedis | None = None

    @classmethod
    def from_url(cls, url: str) -> SharedState:
        return cls(SharedRedis(url) if url.strip() else None)

    def live_sessions(self) -> SessionStore:
        if self.redis is None:
            return MemorySessions()
        # The person's words as written only in a Redis that keeps nothing on disk, asked again
        # before each write (SharedRedis.may_persist, cached).
        self.redis.may_persist()  # logs a warning at start if it may
        return RedisSessions(self.redis, redact_person=None)

    def agent_sessions(self, scope: str) -> AgentSessionStore:
        return RedisAgentSessions(self.redis, scope) if self.redis else MemoryAgentSessions()

    def risks(self) -> RiskStore:
        return RedisRisks(self.redis) if self.redis else MemoryRisks()

    def indicator_contexts(self) -> ContextStore:
        return RedisContexts(self.redis) if self.redis else MemoryContexts()

    def state(self) -> str:
        """For /readyz: "memory" (one gateway, nothing shared), "ok", "down", or "persistent"
        (Redis answers but may write to disk, or cannot say: checked again every
        PERSISTENCE_CHECK_SECONDS)."""
        if self.redis is None:
            return "memory"
        state = self.redis.state()
        if state == "ok" and self.redis.may_persist():
            return "persistent"
        return state

    def close(self) -> None:
        if self.redis:
            self.redis.close()
