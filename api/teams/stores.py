"""Where Teams keeps what it must remember between activities: the activity ids already seen
(Teams redelivers; a webhook's signature never expires) and, for the live chat, each person's
conversation reference (to write back) and the last counsellor event delivered to them.

In this process's memory by default (one gateway); in Redis with RELAIS_REDIS_URL, so that any
gateway may receive a Teams activity and any gateway may deliver a counsellor's message:
- `<prefix>teams:seen:<scope>:<sha-256 of the activity key>`: SET NX with the dedup's time to live
  (the Teams ids themselves are not kept);
- `<prefix>teams:reference:<person>`: the conversation reference as JSON (ids, service URL,
  locale; the person's display name dropped; never a message's text) and when the person last
  wrote, expiring REFERENCE_TTL_SECONDS after that; `<prefix>teams:people`: the set of persons;
- `<prefix>teams:delivered:<person>`: the seq of the last event sent, moved forward only by the
  gateway that claims a delivery (WATCH/MULTI), so two gateways never send the same message.
Redis down: the dedup falls back to this gateway's memory until it answers (a redelivery may then
be handled twice); the live chat itself is unavailable then (its sessions are in the same Redis),
so nothing is delivered, and the reference is written again with the person's next message.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from microsoft_agents.activity import ConversationReference

from api.errors import SharedStateUnavailable
from api.shared.redis_client import SharedRedis
from api.teams.dedup import SeenActivities

logger = logging.getLogger("relais.teams")

REFERENCE_TTL_SECONDS = 24 * 3600.0


class SeenStore(Protocol):
    def first_time(self, key: str) -> bool: ...


class RedisSeen:
    """SeenActivities on Redis; this gateway's memory while Redis does not answer."""

    def __init__(self, shared: SharedRedis, scope: str, ttl_seconds: float) -> None:
        self._shared = shared
        self._scope = scope
        self._ttl = max(1, int(ttl_seconds))
        self._local = SeenActivities(ttl_seconds=ttl_seconds)

    def first_time(self, key: str) -> bool:
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        name = self._shared.key("teams", "seen", self._scope, digest)
        try:
            return bool(self._shared.run(lambda r: r.set(name, b"1", nx=True, ex=self._ttl)))
        except SharedStateUnavailable:
            logger.warning("teams: shared state unavailable, activity ids checked in memory")
            return self._local.first_time(key)


def seen_store(
    shared: SharedRedis | None,
    scope: str,
    ttl_seconds: float,
    clock: Callable[[], float] = time.time,
) -> SeenStore:
    if shared is None:
        return SeenActivities(ttl_seconds=ttl_seconds, clock=clock)
    return RedisSeen(shared, scope, ttl_seconds)


class ReferenceStore(Protocol):
    def remember(self, person: str, reference: ConversationReference, now: float) -> None: ...

    def all(self) -> list[tuple[str, ConversationReference, float]]:
        """(person, reference, when the person last wrote) of each person known."""
        ...

    def forget(self, person: str) -> None: ...

    def delivered(self, person: str) -> int:
        """The seq of the last event sent to the person (0: none)."""
        ...

    def start_at(self, person: str, seq: int) -> None:
        """A new live chat request: only what comes after `seq` is sent (kept if already set)."""
        ...

    def move(self, person: str, expected: int, seq: int) -> bool:
        """Set `delivered` to `seq` if it is still `expected` (claim a delivery, or give it back)."""
        ...


class MemoryReferences:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._references: dict[str, tuple[ConversationReference, float]] = {}
        self._delivered: dict[str, int] = {}

    def remember(self, person: str, reference: ConversationReference, now: float) -> None:
        with self._lock:
            self._references[person] = (reference, now)

    def all(self) -> list[tuple[str, ConversationReference, float]]:
        with self._lock:
            return [(p, ref, at) for p, (ref, at) in self._references.items()]

    def forget(self, person: str) -> None:
        with self._lock:
            self._references.pop(person, None)
            self._delivered.pop(person, None)

    def delivered(self, person: str) -> int:
        with self._lock:
            return self._delivered.get(person, 0)

    def start_at(self, person: str, seq: int) -> None:
        with self._lock:
            self._delivered.setdefault(person, seq)

    def move(self, person: str, expected: int, seq: int) -> bool:
        with self._lock:
            if self._delivered.get(person, 0) != expected:
                return False
            self._delivered[person] = seq
            return True


class RedisReferences:
    def __init__(self, shared: SharedRedis, ttl_seconds: float = REFERENCE_TTL_SECONDS) -> None:
        self._shared = shared
        self._ttl = int(ttl_seconds)
        self._people = shared.key("teams", "people")

    def _reference(self, person: str) -> str:
        return self._shared.key("teams", "reference", person)

    def _delivered(self, person: str) -> str:
        return self._shared.key("teams", "delivered", person)

    def remember(self, person: str, reference: ConversationReference, now: float) -> None:
        data = {
            "reference": reference.model_dump(mode="json", by_alias=True, exclude_none=True),
            "seen_at": now,
        }
        raw = json.dumps(data, separators=(",", ":")).encode("utf-8")

        def write(r: Any) -> None:
            with r.pipeline() as pipe:
                pipe.set(self._reference(person), raw, ex=self._ttl)
                pipe.sadd(self._people, person)
                pipe.expire(self._delivered(person), self._ttl)
                pipe.execute()

        self._shared.run(write)

    def all(self) -> list[tuple[str, ConversationReference, float]]:
        def read(r: Any) -> Any:
            people = sorted(p.decode("utf-8") for p in r.smembers(self._people))
            values = r.mget([self._reference(p) for p in people]) if people else []
            gone = [p for p, raw in zip(people, values, strict=True) if raw is None]
            if gone:
                r.srem(self._people, *gone)  # expired in Redis
            return [(p, raw) for p, raw in zip(people, values, strict=True) if raw is not None]

        found = []
        for person, raw in self._shared.run(read):
            data = json.loads(raw)
            reference = ConversationReference.model_validate(data["reference"])
            found.append((person, reference, float(data["seen_at"])))
        return found

    def forget(self, person: str) -> None:
        def drop(r: Any) -> None:
            r.srem(self._people, person)
            r.delete(self._reference(person), self._delivered(person))

        self._shared.run(drop)

    def delivered(self, person: str) -> int:
        raw = self._shared.run(lambda r: r.get(self._delivered(person)))
        return int(raw) if raw else 0

    def start_at(self, person: str, seq: int) -> None:
        self._shared.run(lambda r: r.set(self._delivered(person), seq, nx=True, ex=self._ttl))

    def move(self, person: str, expected: int, seq: int) -> bool:
        key = self._delivered(person)

        def transaction(pipe: Any) -> bool:
            raw = pipe.get(key)
            if (int(raw) if raw else 0) != expected:
                return False
            pipe.multi()
            pipe.set(key, seq, ex=self._ttl)
            return True

        return bool(
            self._shared.run(lambda r: r.transaction(transaction, key, value_from_callable=True))
        )


def reference_store(shared: SharedRedis | None) -> ReferenceStore:
    return RedisReferences(shared) if shared is not None else MemoryReferences()
