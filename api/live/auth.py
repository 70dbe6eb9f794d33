"""Counsellors' sign-in for the agent console: named keys from the settings, session tokens in memory.

- Keys come from `RELAIS_AGENT_KEYS` (`name:key,name:key`); they are compared in constant time.
- A session token is random, lives only in this process (a restart signs everyone out) and expires
  after `session_hours`. Only a hash of each token is kept.
- Repeated bad keys for one name lock that name out for a while, growing with each failure.
- `last_seen` is refreshed on every authenticated call (the console polls every few seconds), so
  "a counsellor is here" means someone used the console in the last minute, not merely a token
  that has not expired yet.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

FREE_ATTEMPTS = 5
FIRST_LOCK_SECONDS = 30.0
MAX_LOCK_SECONDS = 900.0
PRESENCE_SECONDS = 60.0


class AgentAuthError(Exception):
    """Base of the sign-in problems; translated to HTTP in api/errors.py."""


class BadCredentials(AgentAuthError):
    """Unknown name or wrong key."""


class TooManyAttempts(AgentAuthError):
    def __init__(self, retry_after_seconds: float) -> None:
        super().__init__(f"locked for {retry_after_seconds:.0f} s")
        self.retry_after_seconds = retry_after_seconds


@dataclass(frozen=True)
class AgentSession:
    name: str
    token: str
    expires_at: datetime


@dataclass
class _Session:
    name: str
    expires: float


@dataclass
class _Failures:
    count: int = 0
    locked_until: float = 0.0


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class AgentAuth:
    def __init__(
        self,
        keys: dict[str, str],
        session_hours: float = 12.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._keys = dict(keys)
        self._ttl = session_hours * 3600.0
        # A public attribute so tests can move time forward.
        self.clock = clock
        self._lock = threading.Lock()
        self._sessions: dict[str, _Session] = {}
        self._failures: dict[str, _Failures] = {}
        self._last_seen: dict[str, float] = {}
        # Compared against when the name is unknown, so timing does not tell which names exist.
        self._decoy = secrets.token_urlsafe(24)

    @property
    def configured(self) -> bool:
        return bool(self._keys)

    def sign_in(self, name: str, key: str) -> AgentSession:
        now = self.clock()
        with self._lock:
            failures = self._failures.get(name)
            if failures and failures.locked_until > now:
                raise TooManyAttempts(failures.locked_until - now)
            expected = self._keys.get(name, self._decoy)
            matches = hmac.compare_digest(key.encode("utf-8"), expected.encode("utf-8"))
            if not matches or name not in self._keys:
                self._record_failure(name, now)
                raise BadCredentials()
            self._failures.pop(name, None)
            self._prune(now)
            token = secrets.token_urlsafe(32)
            expires = now + self._ttl
            self._sessions[_digest(token)] = _Session(name, expires)
            self._last_seen[name] = now
        return AgentSession(name, token, datetime.fromtimestamp(expires, UTC))

    def agent_for(self, token: str) -> str | None:
        """The agent's name for a live token (and mark them present), or None."""
        now = self.clock()
        with self._lock:
            session = self._sessions.get(_digest(token))
            if session is None:
                return None
            if session.expires <= now:
                del self._sessions[_digest(token)]
                return None
            self._last_seen[session.name] = now
            return session.name

    def sign_out(self, token: str) -> None:
        with self._lock:
            session = self._sessions.pop(_digest(token), None)
            if session and not any(s.name == session.name for s in self._sessions.values()):
                self._last_seen.pop(session.name, None)

    def present(self, within_seconds: float = PRESENCE_SECONDS) -> list[str]:
        """Agents signed in who used the console recently."""
        now = self.clock()
        with self._lock:
            live = {s.name for s in self._sessions.values() if s.expires > now}
            return sorted(n for n in live if now - self._last_seen.get(n, 0.0) <= within_seconds)

    def _record_failure(self, name: str, now: float) -> None:
        # Only configured names are tracked: random names cannot grow this table.
        if name not in self._keys:
            return
        failures = self._failures.setdefault(name, _Failures())
        failures.count += 1
        if failures.count >= FREE_ATTEMPTS:
            extra = failures.count - FREE_ATTEMPTS
            failures.locked_until = now + min(FIRST_LOCK_SECONDS * 2**extra, MAX_LOCK_SECONDS)

    def _prune(self, now: float) -> None:
        for digest in [d for d, s in self._sessions.items() if s.expires <= now]:
            del self._sessions[digest]
