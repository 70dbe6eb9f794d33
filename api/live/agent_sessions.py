"""Where the console's sign-in sessions are kept (api/live/auth.py has the rules): this process's
memory (the default; a restart signs everyone out) or Redis (several gateways: a counsellor signed
in on one gateway is signed in on all).

Only a hash of each session token is kept, with the counsellor's name and the session's end;
`last_seen` says when each name last used the console (presence). In Redis, a session's key
expires with the session; `scope` separates the counsellors' console from the BQVT's.
"""

from __future__ import annotations

import math
import threading
from typing import Any, Protocol

from api.shared.redis_client import SharedRedis


class AgentSessionStore(Protocol):
    def add(self, digest: str, name: str, expires: float, now: float) -> None: ...

    def name_for(self, digest: str, now: float) -> str | None:
        """The name of a live session (and mark the name seen at `now`), or None."""
        ...

    def remove(self, digest: str) -> None: ...

    def present(self, now: float, within_seconds: float) -> list[str]: ...


class MemoryAgentSessions:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sessions: dict[str, tuple[str, float]] = {}
        self._last_seen: dict[str, float] = {}

    def add(self, digest: str, name: str, expires: float, now: float) -> None:
        with self._lock:
            for old in [d for d, (_, end) in self._sessions.items() if end <= now]:
                del self._sessions[old]
            self._sessions[digest] = (name, expires)
            self._last_seen[name] = now

    def name_for(self, digest: str, now: float) -> str | None:
        with self._lock:
            found = self._sessions.get(digest)
            if found is None:
                return None
            name, expires = found
            if expires <= now:
                del self._sessions[digest]
                return None
            self._last_seen[name] = now
            return name

    def remove(self, digest: str) -> None:
        with self._lock:
            found = self._sessions.pop(digest, None)
            if found and not any(name == found[0] for name, _ in self._sessions.values()):
                self._last_seen.pop(found[0], None)

    def present(self, now: float, within_seconds: float) -> list[str]:
        with self._lock:
            live = {name for name, expires in self._sessions.values() if expires > now}
            return sorted(n for n in live if now - self._last_seen.get(n, 0.0) <= within_seconds)


class RedisAgentSessions:
    """`<prefix><scope>:session:<digest>` = "<expires> <name>" (expiring with the session);
    `<scope>:names:<name>` the digests of a name; `<scope>:seen` name → last use."""

    def __init__(self, shared: SharedRedis, scope: str) -> None:
        self._shared = shared
        self._scope = scope
        self._seen = shared.key(scope, "seen")

    def _session(self, digest: str) -> str:
        return self._shared.key(self._scope, "session", digest)

    def _names(self, name: str) -> str:
        return self._shared.key(self._scope, "names", name)

    def add(self, digest: str, name: str, expires: float, now: float) -> None:
        ttl = max(1, math.ceil(expires - now))

        def write(r: Any) -> None:
            with r.pipeline() as pipe:
                pipe.set(self._session(digest), f"{expires!r} {name}".encode(), ex=ttl)
                pipe.sadd(self._names(name), digest)
                pipe.expire(self._names(name), ttl, gt=True)
                pipe.expire(self._names(name), ttl, nx=True)
                pipe.hset(self._seen, name, repr(now))
                pipe.execute()

        self._shared.run(write)

    def _read(self, r: Any, digest: str, now: float) -> str | None:
        raw = r.get(self._session(digest))
        if raw is None:
            return None
        expires, _, name = raw.decode("utf-8").partition(" ")
        if float(expires) <= now:
            r.delete(self._session(digest))
            return None
        return name

    def name_for(self, digest: str, now: float) -> str | None:
        def read(r: Any) -> Any:
            name = self._read(r, digest, now)
            if name is not None:
                r.hset(self._seen, name, repr(now))
            return name

        return self._shared.run(read)

    def _alive(self, r: Any, name: str, now: float) -> bool:
        digests = [d.decode("ascii") for d in r.smembers(self._names(name))]
        alive = [d for d in digests if self._read(r, d, now) is not None]
        if len(alive) < len(digests):
            r.srem(self._names(name), *(d for d in digests if d not in alive))
        return bool(alive)

    def remove(self, digest: str) -> None:
        def drop(r: Any) -> None:
            raw = r.getdel(self._session(digest))
            if raw is None:
                return
            name = raw.decode("utf-8").partition(" ")[2]
            r.srem(self._names(name), digest)
            if not r.scard(self._names(name)):
                r.hdel(self._seen, name)

        self._shared.run(drop)

    def present(self, now: float, within_seconds: float) -> list[str]:
        def read(r: Any) -> Any:
            seen = {k.decode("utf-8"): float(v) for k, v in r.hgetall(self._seen).items()}
            recent = [n for n, at in seen.items() if now - at <= within_seconds]
            return sorted(n for n in recent if self._alive(r, n, now))

        return self._shared.run(read)
