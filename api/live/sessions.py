"""Where live chat sessions are kept: this process's memory (the default) or Redis (several
gateways). The rules (states, events, who may do what, how long a session lives) are in
api/live/queue.py; a store only keeps sessions and changes one atomically.

- `MemorySessions`: a dict and a lock; nothing leaves the process, a restart drops everything.
- `RedisSessions`: one JSON value per session with a Redis expiry (the transcript's time to live:
  the grace period after the end, or the abandonment delay), a set of the ids, and a counter for
  the queue's order. A change is a WATCH/MULTI transaction, retried if another gateway changed the
  session meanwhile, so two counsellors on two gateways cannot both take the same person.
  What the person writes reaches the counsellor as written (confidentialite-anonymat.md: a number
  may be needed in an emergency; "gardés en mémoire ... puis effacés"), so it is kept as written
  only in a Redis that keeps nothing on disk (`--save "" --appendonly no`, as deploy/ runs it).
  If Redis may write to disk, or cannot say (SharedRedis.may_persist, asked again every 30 s
  while the gateway runs), the person's words are redacted (privacy/redaction.py) before they
  are written.
"""

from __future__ import annotations

import itertools
import json
import math
import threading
from collections.abc import Callable
from dataclasses import asdict, fields
from typing import Any, Protocol, TypeVar

from api.chat.language import as_language
from api.live.model import LiveEvent, LiveSession
from api.shared.redis_client import SharedRedis
from privacy import redact

T = TypeVar("T")
# Given the current session (None if there is none), return the session to keep (None: keep it as
# it is) and the caller's result. May raise; then nothing is written. May run more than once.
Change = Callable[[LiveSession | None], tuple[LiveSession | None, T]]
# Seconds the session must be kept from now (its time to live).
Lifetime = Callable[[LiveSession], float]


class SessionStore(Protocol):
    def get(self, conversation_id: str) -> LiveSession | None: ...

    def all(self) -> list[LiveSession]: ...

    def update(self, conversation_id: str, change: Change[T], lifetime: Lifetime) -> T: ...

    def delete(self, conversation_id: str) -> bool: ...

    def next_order(self) -> int: ...


class MemorySessions:
    def __init__(self) -> None:
        self._sessions: dict[str, LiveSession] = {}
        self._order = itertools.count()
        self._lock = threading.RLock()

    def get(self, conversation_id: str) -> LiveSession | None:
        with self._lock:
            return self._sessions.get(conversation_id)

    def all(self) -> list[LiveSession]:
        with self._lock:
            return list(self._sessions.values())

    def update(self, conversation_id: str, change: Change[T], lifetime: Lifetime) -> T:
        with self._lock:
            session, result = change(self._sessions.get(conversation_id))
            if session is not None:
                self._sessions[conversation_id] = session
            return result

    def delete(self, conversation_id: str) -> bool:
        with self._lock:
            return self._sessions.pop(conversation_id, None) is not None

    def next_order(self) -> int:
        return next(self._order)


def encode(session: LiveSession, redact_person: bool = True) -> bytes:
    data = asdict(session)
    for event in data["events"]:
        if event["author"] == "person" and redact_person:
            event["text"] = redact(event["text"])
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode(raw: bytes) -> LiveSession:
    """A stored session. Fields this code does not know are left out, and missing ones take their
    defaults: during a rolling upgrade, gateways of two versions share the same Redis."""
    data = json.loads(raw)
    events = [LiveEvent(**_known(LiveEvent, event)) for event in data.pop("events")]
    session = LiveSession(**_known(LiveSession, data), events=events)
    session.language = as_language(session.language)
    return session


def _known(kind: type, data: dict[str, Any]) -> dict[str, Any]:
    names = {item.name for item in fields(kind)}
    return {key: value for key, value in data.items() if key in names}


class RedisSessions:
    MARGIN_SECONDS = 5.0  # Redis drops a session a little after the rules say it is gone

    def __init__(self, shared: SharedRedis, redact_person: bool | None = True) -> None:
        """`redact_person` None: redact while Redis may write to disk (asked at each write)."""
        self._shared = shared
        self._redact = redact_person
        self._ids = shared.key("live", "ids")
        self._order = shared.key("live", "order")

    def _key(self, conversation_id: str) -> str:
        return self._shared.key("live", "session", conversation_id)

    def get(self, conversation_id: str) -> LiveSession | None:
        raw = self._shared.run(lambda r: r.get(self._key(conversation_id)))
        return decode(raw) if raw else None

    def all(self) -> list[LiveSession]:
        def read(r: Any) -> Any:
            ids = sorted(i.decode("utf-8") for i in r.smembers(self._ids))
            values = r.mget([self._key(i) for i in ids]) if ids else []
            gone = [i for i, raw in zip(ids, values, strict=True) if raw is None]
            if gone:
                r.srem(self._ids, *gone)  # expired in Redis
            return [decode(raw) for raw in values if raw is not None]

        return self._shared.run(read)

    def update(self, conversation_id: str, change: Change[T], lifetime: Lifetime) -> T:
        key = self._key(conversation_id)
        redact = self._redacts()

        def transaction(pipe: Any) -> T:
            raw = pipe.get(key)
            session, result = change(decode(raw) if raw else None)
            if session is not None:
                ttl = max(1, math.ceil(lifetime(session) + self.MARGIN_SECONDS))
                pipe.multi()
                pipe.set(key, encode(session, redact), ex=ttl)
                pipe.sadd(self._ids, conversation_id)
            return result

        return self._shared.run(lambda r: r.transaction(transaction, key, value_from_callable=True))

    def _redacts(self) -> bool:
        return self._shared.may_persist() if self._redact is None else self._redact

    def delete(self, conversation_id: str) -> bool:
        def drop(r: Any) -> Any:
            r.srem(self._ids, conversation_id)
            return bool(r.delete(self._key(conversation_id)))

        return self._shared.run(drop)

    def next_order(self) -> int:
        return int(self._shared.run(lambda r: r.incr(self._order)))
