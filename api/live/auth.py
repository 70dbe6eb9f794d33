"""Counsellors' sign-in for the agent console: named keys from the settings, session tokens in a
store (api/live/agent_sessions.py: this process's memory, or Redis for several gateways).

- Keys come from `RELAIS_AGENT_KEYS` (`name:key,name:key`): argon2 hashes (required in
  production: `python -m api.live.hash_key`), or plain keys in development, compared in constant
  time. An unknown name is checked against a decoy of the same kind, so neither the answer nor its
  timing tells which names exist.
- A session token is random and expires after `session_hours`. Only a hash of each token is kept
  (in memory a restart signs everyone out; in Redis every gateway knows it).
- Failures are throttled per client address by the caller (api/live/console.py), never per name:
  nobody can lock a counsellor out.
- `last_seen` is refreshed on every authenticated call (the console polls every few seconds), so
  "a counsellor is here" means someone used the console in the last minute, not merely a token
  that has not expired yet.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from api.errors import SharedStateUnavailable
from api.live.agent_sessions import AgentSessionStore, MemoryAgentSessions

PRESENCE_SECONDS = 60.0
ARGON2_PREFIX = "$argon2"


class AgentAuthError(Exception):
    """Base of the sign-in problems; translated to HTTP in api/errors.py."""


class BadCredentials(AgentAuthError):
    """Unknown name or wrong key."""


@dataclass(frozen=True)
class AgentSession:
    name: str
    token: str
    expires_at: datetime


def is_argon2_hash(key: str) -> bool:
    return key.startswith(ARGON2_PREFIX)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class AgentAuth:
    def __init__(
        self,
        keys: dict[str, str],
        session_hours: float = 12.0,
        clock: Callable[[], float] = time.time,
        store: AgentSessionStore | None = None,
    ) -> None:
        self._keys = dict(keys)
        self._ttl = session_hours * 3600.0
        # A public attribute so tests can move time forward.
        self.clock = clock
        self._store: AgentSessionStore = store or MemoryAgentSessions()
        self._hasher = PasswordHasher()
        # Checked when the name is unknown, so timing does not tell which names exist.
        hashed = any(is_argon2_hash(key) for key in self._keys.values())
        decoy = secrets.token_urlsafe(24)
        self._decoy = self._hasher.hash(decoy) if hashed else decoy

    @property
    def configured(self) -> bool:
        return bool(self._keys)

    def _matches(self, key: str, expected: str) -> bool:
        if is_argon2_hash(expected):
            try:
                return self._hasher.verify(expected, key)
            except (VerificationError, InvalidHashError):
                return False
        return hmac.compare_digest(key.encode("utf-8"), expected.encode("utf-8"))

    def sign_in(self, name: str, key: str) -> AgentSession:
        """BadCredentials for an unknown name or a wrong key, alike. Slow with argon2 hashes:
        call it from a thread."""
        expected = self._keys.get(name, self._decoy)
        matches = self._matches(key, expected)
        if not matches or name not in self._keys:
            raise BadCredentials()
        now = self.clock()
        token = secrets.token_urlsafe(32)
        expires = now + self._ttl
        self._store.add(_digest(token), name, expires, now)
        return AgentSession(name, token, datetime.fromtimestamp(expires, UTC))

    def agent_for(self, token: str) -> str | None:
        """The agent's name for a live token (and mark them present), or None."""
        return self._store.name_for(_digest(token), self.clock())

    def sign_out(self, token: str) -> None:
        self._store.remove(_digest(token))

    def present(self, within_seconds: float = PRESENCE_SECONDS) -> list[str]:
        """Agents signed in who used the console recently."""
        return self._store.present(self.clock(), within_seconds)

    def anyone_present(self) -> bool:
        """For the chat's offers: False when the sessions cannot be read (shared state down)."""
        try:
            return bool(self.present())
        except SharedStateUnavailable:
            return False
