"""What the indicators' recorder remembers about each recent conversation, to tell which
establishment, channel and topic a later live chat, callback or vote belongs to (its context), and
which (conversation, article) pairs already voted. The rules are in api/indicators/recorder.py.

- `MemoryContexts` (the default, one gateway): an ordered dict, bounded, forgotten
  `CONTEXT_SECONDS` after the conversation's last turn; a restart empties it.
- `RedisContexts` (RELAIS_REDIS_URL, several gateways): one small JSON value per conversation
  (`<prefix>indicators:context:<id>`: establishment id, channel, topic slugs; never a text),
  expiring `CONTEXT_SECONDS` after its last change; a change is a WATCH/MULTI transaction. A vote
  is `<prefix>indicators:vote:<sha-256 of id and article>` (SET NX), kept as long.
Redis down: calls raise SharedStateUnavailable; the recorder then uses its own memory (a
conversation may then count twice as "new": counts, never an error in a chat turn).
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, TypeVar

from api.shared.redis_client import SharedRedis
from indicators.catalog import NO_VALUE

CONTEXT_SECONDS = 6 * 3600.0
MAX_CONTEXTS = 50_000

T = TypeVar("T")


@dataclass
class Context:
    establishment: str
    channel: str
    topic: str = NO_VALUE
    topics: set[str] = field(default_factory=set)

    def copy(self) -> Context:
        return replace(self, topics=set(self.topics))


# Given the conversation's context (None: none known), return the context to keep and the
# caller's result. Runs more than once if another gateway changed it meanwhile: no side effects.
Change = Callable[[Context | None], tuple[Context, T]]


class ContextStore(Protocol):
    def get(self, conversation_id: str) -> Context | None: ...

    def update(self, conversation_id: str, change: Change[T]) -> T: ...

    def first_vote(self, conversation_id: str, article_id: str) -> bool:
        """True the first time this conversation votes on this article; records it."""
        ...


class MemoryContexts:
    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._monotonic = monotonic
        self._lock = threading.RLock()
        self._contexts: OrderedDict[str, tuple[Context, float]] = OrderedDict()
        self._votes: OrderedDict[tuple[str, str], None] = OrderedDict()

    def get(self, conversation_id: str) -> Context | None:
        with self._lock:
            found = self._contexts.get(conversation_id)
            if found is None:
                return None
            if self._monotonic() - found[1] > CONTEXT_SECONDS:
                del self._contexts[conversation_id]
                return None
            return found[0].copy()

    def update(self, conversation_id: str, change: Change[T]) -> T:
        with self._lock:
            now = self._monotonic()
            current = self.get(conversation_id)
            if current is None:
                self._forget_old(now)
            context, result = change(current)
            self._contexts[conversation_id] = (context.copy(), now)
            self._contexts.move_to_end(conversation_id)
            while len(self._contexts) > MAX_CONTEXTS:
                self._contexts.popitem(last=False)
            return result

    def first_vote(self, conversation_id: str, article_id: str) -> bool:
        with self._lock:
            vote = (conversation_id, article_id)
            if vote in self._votes:
                return False
            self._votes[vote] = None
            while len(self._votes) > MAX_CONTEXTS:
                self._votes.popitem(last=False)
            return True

    def _forget_old(self, now: float) -> None:
        while self._contexts:
            _, seen = next(iter(self._contexts.values()))
            if now - seen <= CONTEXT_SECONDS:
                return
            self._contexts.popitem(last=False)


def _encode(context: Context) -> bytes:
    data = {
        "establishment": context.establishment,
        "channel": context.channel,
        "topic": context.topic,
        "topics": sorted(context.topics),
    }
    return json.dumps(data, separators=(",", ":")).encode("utf-8")


def _decode(raw: bytes) -> Context:
    data = json.loads(raw)
    return Context(data["establishment"], data["channel"], data["topic"], set(data["topics"]))


class RedisContexts:
    def __init__(self, shared: SharedRedis, ttl_seconds: float = CONTEXT_SECONDS) -> None:
        self._shared = shared
        self._ttl = int(ttl_seconds)

    def _key(self, conversation_id: str) -> str:
        return self._shared.key("indicators", "context", conversation_id)

    def get(self, conversation_id: str) -> Context | None:
        raw = self._shared.run(lambda r: r.get(self._key(conversation_id)))
        return _decode(raw) if raw else None

    def update(self, conversation_id: str, change: Change[T]) -> T:
        key = self._key(conversation_id)

        def transaction(pipe: Any) -> T:
            raw = pipe.get(key)
            context, result = change(_decode(raw) if raw else None)
            pipe.multi()
            pipe.set(key, _encode(context), ex=self._ttl)
            return result

        return self._shared.run(lambda r: r.transaction(transaction, key, value_from_callable=True))

    def first_vote(self, conversation_id: str, article_id: str) -> bool:
        digest = hashlib.sha256(f"{conversation_id}\n{article_id}".encode()).hexdigest()
        key = self._shared.key("indicators", "vote", digest)
        return bool(self._shared.run(lambda r: r.set(key, b"1", nx=True, ex=self._ttl)))
