"""Rate limits (the `limits` library, moving windows) per client and for everyone.

The counters live in this process's memory, or in Redis with RELAIS_REDIS_URL so that several
gateways share them (a client spreading requests over two gateways gets the same limits). Redis
down: each gateway counts in its own memory until Redis answers again (checked every few seconds),
so the limits still hold per gateway and nothing is refused for the outage itself.

Sized for a hospital's shared NAT: many staff share one address, so a client's limits are wide
and the tight ones are per conversation (chat, live polling) or per contact (callback requests).
The global limits protect the service. A refused request gets 429 with Retry-After and the 24/7
lines; a chat message showing risk is never refused (api/chat/router.py answers it with the static
crisis reply).

Every limit is a setting in the `limits` notation ("20/minute", "5/minute;30/hour").
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import time
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from limits import RateLimitItem, parse_many
from limits.errors import StorageError
from limits.storage import MemoryStorage, RedisStorage
from limits.strategies import MovingWindowRateLimiter

from api.conversations.tokens import ConversationTokens
from api.errors import TooManyRequests
from api.settings import Settings
from api.shared.redis_client import RETRY_AFTER_SECONDS, SharedRedis

logger = logging.getLogger("relais.throttle")


@dataclass(frozen=True)
class Rule:
    """The limits of one action: per client address, per subject (a conversation, a contact), for
    everyone."""

    client: list[RateLimitItem]
    subject: list[RateLimitItem]
    everyone: list[RateLimitItem]


def _rule(client: str, subject: str, everyone: str) -> Rule:
    return Rule(*(parse_many(text) if text else [] for text in (client, subject, everyone)))


class Throttle:
    def __init__(self, settings: Settings, shared: SharedRedis | None = None) -> None:
        self._local = MovingWindowRateLimiter(MemoryStorage())
        self._limiter = self._local
        # Keys are keyed hashes: a phone number or an address cannot be found again by hashing
        # candidates. Every gateway derives the same key from the conversation secret (random,
        # per process, when none is set: development, one gateway).
        self._key = ConversationTokens(settings.conversation_secret or None).derived_key("limits")
        if shared is not None:
            storage = RedisStorage(
                shared.url,
                connection_pool=shared.client.connection_pool,
                key_prefix=shared.key("limits"),
                wrap_exceptions=True,
            )
            self._limiter = MovingWindowRateLimiter(storage)
        self._shared_down_until = 0.0
        self.rules = {
            "chat": _rule(settings.rate_chat_client, settings.rate_chat_conversation, settings.rate_chat_global),
            "live_request": _rule(settings.rate_live_request_client, "", settings.rate_live_request_global),
            "live_events": _rule(settings.rate_live_client, settings.rate_live_conversation, settings.rate_live_global),
            "callback": _rule(settings.rate_callback_client, settings.rate_callback_contact, settings.rate_callback_global),
            "sign_in": _rule(settings.rate_sign_in_client, "", settings.rate_sign_in_global),
            # Failed sign-ins, per client address only: a stranger never locks a counsellor out.
            "sign_in_failure": _rule(settings.rate_sign_in_failures_client, "", ""),
        }

    def _checks(self, action: str, client: str, subject: str | None) -> list[tuple[RateLimitItem, str]]:
        rule = self.rules[action]
        checks = [(item, f"{action}:client:{self._hashed(client)}") for item in rule.client]
        if subject is not None:
            # The storage never holds a contact, an address or a conversation id in clear.
            checks += [(item, f"{action}:subject:{self._hashed(subject)}") for item in rule.subject]
        return checks + [(item, f"{action}:everyone") for item in rule.everyone]

    def _hashed(self, value: str) -> str:
        return hmac.new(self._key, value.encode("utf-8"), hashlib.sha256).hexdigest()[:32]

    def refused(self, action: str, client: str, subject: str | None = None, *, count: bool = True) -> float | None:
        """None if allowed (and counted, unless `count` is False), else the seconds to wait."""
        checks = self._checks(action, client, subject)
        if self._limiter is not self._local and time.monotonic() >= self._shared_down_until:
            try:
                return self._refused(self._limiter, checks, count)
            except StorageError as error:
                logger.error("rate limits: Redis unavailable (%s), counting in memory", type(error.storage_error).__name__)
                self._shared_down_until = time.monotonic() + RETRY_AFTER_SECONDS
        return self._refused(self._local, checks, count)

    @staticmethod
    def _refused(
        limiter: MovingWindowRateLimiter, checks: list[tuple[RateLimitItem, str]], count: bool
    ) -> float | None:
        for item, key in checks:
            if not limiter.test(item, key):
                reset = limiter.get_window_stats(item, key).reset_time
                return max(1.0, math.ceil(reset - time.time()))
        if count:
            for item, key in checks:
                limiter.hit(item, key)
        return None

    def check(self, action: str, client: str, subject: str | None = None) -> None:
        """TooManyRequests (429, Retry-After, the 24/7 lines) when over a limit."""
        wait = self.refused(action, client, subject)
        if wait is not None:
            raise TooManyRequests(wait)


def client_of(request: Request) -> str:
    """The client's address (behind a proxy, run uvicorn with --proxy-headers and
    --forwarded-allow-ips so this is the person's, not the proxy's)."""
    return request.client.host if request.client else "unknown"


def _throttle(request: Request) -> Throttle:
    return request.app.state.throttle  # type: ignore[no-any-return]


ThrottleDep = Annotated[Throttle, Depends(_throttle)]


def limit(action: str, per_conversation: bool = False) -> Depends:  # type: ignore[valid-type]
    """A route dependency: `action`'s limits for this client (and this path's conversation)."""

    async def check(request: Request) -> None:
        subject = str(request.path_params.get("conversation_id")) if per_conversation else None
        _throttle(request).check(action, client_of(request), subject)

    return Depends(check)
