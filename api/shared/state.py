"""Which stores the gateway uses: this process's memory (no RELAIS_REDIS_URL: `make run`, one
gateway) or Redis (several gateways). The lifespan (api/main.py) asks here once; handlers only see
the interfaces (api/live/sessions.py, api/live/agent_sessions.py, api/chat/conversation_risk.py,
api/throttling.py).

What stays in each gateway's memory even with Redis: the Teams conversation references and the
activity ids already seen (api/teams/), the indicators' counts until their flush (written to the
database), the metrics (each replica is scraped on its own).
"""

from __future__ import annotations

from dataclasses import dataclass

from api.chat.conversation_risk import MemoryRisks, RedisRisks, RiskStore
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
        return RedisSessions(self.redis) if self.redis else MemorySessions()

    def agent_sessions(self, scope: str) -> AgentSessionStore:
        return RedisAgentSessions(self.redis, scope) if self.redis else MemoryAgentSessions()

    def risks(self) -> RiskStore:
        return RedisRisks(self.redis) if self.redis else MemoryRisks()

    def state(self) -> str:
        """For /readyz: "memory" (one gateway, nothing shared), "ok", or "down"."""
        return self.redis.state() if self.redis else "memory"

    def close(self) -> None:
        if self.redis:
            self.redis.close()
