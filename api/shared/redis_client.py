"""The gateway's shared state in Redis (RELAIS_REDIS_URL), for several gateway replicas.

Each store (live chat sessions, counsellor sessions, conversation risk, rate-limit counters) has
one interface and two implementations: in this process's memory (the default, no Redis needed) and
in Redis. This module holds what the Redis ones share: one client with short timeouts, the key
prefix, and a breaker.

Redis down: every call raises `SharedStateUnavailable` (a 503 with the 24/7 lines at the edge,
api/errors.py) instead of hanging, and for `RETRY_AFTER_SECONDS` after a failure calls fail at
once without touching the network, so a dead Redis never holds the event loop for longer than one
timeout. The chat itself keeps answering (api/chat/service.py does not need Redis to answer).

The client is synchronous: a call to a Redis on the local network takes well under a millisecond,
and the timeouts bound the worst case (`SOCKET_TIMEOUT_SECONDS`, once per breaker period).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

import redis

from api.errors import SharedStateUnavailable

logger = logging.getLogger("relais.shared")

SOCKET_TIMEOUT_SECONDS = 0.5
RETRY_AFTER_SECONDS = 2.0
# How long an answer of `may_persist` holds: /readyz and the live chat's writes ask as often as
# they like; Redis is asked (two CONFIG GET) at most once per period.
PERSISTENCE_CHECK_SECONDS = 30.0
PREFIX = "relais:"

T = TypeVar("T")


class SharedRedis:
    """One Redis client for the gateway's stores; `run` translates every Redis failure."""

    def __init__(
        self, url: str, prefix: str = PREFIX, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.url = url
        self.prefix = prefix
        # Any: redis-py's types mix its sync and asyncio answers.
        self.client: Any = redis.Redis.from_url(
            url,
            socket_timeout=SOCKET_TIMEOUT_SECONDS,
            socket_connect_timeout=SOCKET_TIMEOUT_SECONDS,
            health_check_interval=30,
            decode_responses=False,
        )
        self._clock = clock
        self._down_until = 0.0
        self._lock = threading.Lock()
        self._persistence: tuple[float, bool] | None = None  # (checked at, may persist)

    def key(self, *parts: str) -> str:
        return self.prefix + ":".join(parts)

    def run(self, call: Callable[[Any], T]) -> T:
        """`call(client)`, or SharedStateUnavailable if Redis fails (at once while it is known down)."""
        if self._clock() < self._down_until:
            raise SharedStateUnavailable()
        try:
            return call(self.client)
        except redis.RedisError as error:
            with self._lock:
                if self._clock() >= self._down_until:
                    logger.error("shared state: Redis unavailable (%s)", type(error).__name__)
                self._down_until = self._clock() + RETRY_AFTER_SECONDS
            raise SharedStateUnavailable() from None

    def state(self) -> str:
        """ "ok" or "down", for /readyz (a real PING, whatever the breaker says)."""
        try:
            self.client.ping()
        except redis.RedisError:
            return "down"
        with self._lock:
            self._down_until = 0.0
        return "ok"

    def may_persist(self) -> bool:
        """`keeps_to_disk`, asked again at most every PERSISTENCE_CHECK_SECONDS: an operator (or
        an attacker with an admin login) may `CONFIG SET save` / `appendonly` while the gateway
        runs. Read by /readyz (degraded) and before each live transcript is written (redacted).
        True while Redis does not answer, not kept: asked again as soon as it is back."""
        with self._lock:
            checked = self._persistence
        now = self._clock()
        if checked is not None and now - checked[0] < PERSISTENCE_CHECK_SECONDS:
            return checked[1]
        persists = self._persistence_setting()
        if persists is None:
            return True
        with self._lock:
            if persists and (checked is None or not checked[1]):
                logger.warning(
                    "shared state: Redis may write to disk (or refuses to say): live chat messages "
                    "are redacted before they are kept; run it with --save '' --appendonly no"
                )
            self._persistence = (now, persists)
        return persists

    def keeps_to_disk(self) -> bool:
        """Whether this Redis may write what it holds to disk (RDB snapshots or an append-only
        file); True too when it cannot tell (CONFIG GET refused, Redis down): fail closed. Needs
        only `CONFIG GET` (the gateway's ACL user: deploy/redis-users.acl.example)."""
        persists = self._persistence_setting()
        return True if persists is None else persists

    def _persistence_setting(self) -> bool | None:
        """What Redis's configuration says (True when it refuses to say), None if it does not answer."""
        if self._clock() < self._down_until:
            return None
        try:
            save = self.client.config_get("save").get("save", b"")
            appendonly = self.client.config_get("appendonly").get("appendonly", b"no")
        except (redis.ConnectionError, redis.TimeoutError):
            return None
        except redis.RedisError:  # refused (ACL without CONFIG GET), or anything else: fail closed
            return True
        return bool(str(save, "utf-8") if isinstance(save, bytes) else save) or (
            (str(appendonly, "utf-8") if isinstance(appendonly, bytes) else appendonly) != "no"
        )

    def close(self) -> None:
        self.client.close()
