"""The article each conversation was last answered with, as this gateway saw it in Rasa's reply
(its first source): the context in which the gateway also searches a follow-up question, so the
action server does not embed it again (knowledge_base/relayed.py, issue 13).

Only a saving, never a decision: the action server uses the gateway's in-context results only
when its own current article (slot kb_article) is the same one, and searches itself otherwise
(a crisis set the context without an answer, this gateway restarted). So it stays in this
process's memory, article ids only: the least recently answered dropped past MAX_CONVERSATIONS,
each forgotten an hour after its last answer (Rasa's session; swept at every message), and at
once when the person erases the conversation. With several gateways (RELAIS_REDIS_URL), where the
erasure reaches only the gateway that receives it, the gateway keeps none (api/main.py): the
action server searches follow-ups itself, as before.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from api.chat.conversation_risk import MAX_CONVERSATIONS, RISK_TTL_SECONDS


class AnsweredArticles:
    def __init__(
        self,
        limit: int = MAX_CONVERSATIONS,
        ttl_seconds: float = RISK_TTL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._limit = limit
        self._ttl = ttl_seconds
        self._clock = clock
        self._last: OrderedDict[str, tuple[str, float]] = OrderedDict()

    def get(self, conversation_id: str | None) -> str | None:
        self._sweep()
        found = self._last.get(conversation_id) if conversation_id is not None else None
        return found[0] if found is not None else None

    def answered(self, conversation_id: str, article_id: str) -> None:
        self._sweep()
        self._last.pop(conversation_id, None)
        self._last[conversation_id] = (article_id, self._clock())
        while len(self._last) > self._limit:
            self._last.popitem(last=False)

    def __len__(self) -> int:
        return len(self._last)

    def _sweep(self) -> None:
        """Forget every entry older than the TTL (the oldest come first: insertion order)."""
        now = self._clock()
        while self._last:
            _, seen = next(iter(self._last.values()))
            if now - seen <= self._ttl:
                return
            self._last.popitem(last=False)

    def forget(self, conversation_id: str) -> None:
        self._last.pop(conversation_id, None)
