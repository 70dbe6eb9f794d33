"""Risk over each conversation (risk_classifier.conversation), kept per conversation id.

Two stores, one interface (`RiskStore.observe`):
- `MemoryRisks` (the default): this gateway process's memory, the least recently used dropped past
  MAX_CONVERSATIONS; a restart forgets it.
- `RedisRisks` (RELAIS_REDIS_URL): every gateway replica sees the whole conversation. The last
  turns are redacted (privacy/redaction.py) before they are written; the state expires with Rasa's
  session (RISK_TTL_SECONDS, bot/domain/_shared.yml `session_expiration_time`), refreshed at each
  turn. Redis down: this gateway goes on with its own memory (`ConversationRisks`), so the risk of
  the turns it sees still adds up (and Rasa's own `at_risk` slot still holds on the bot's side).
The texts are never logged.
"""

from __future__ import annotations

import json
import logging
from collections import OrderedDict, deque
from typing import Any, Protocol

from api.errors import SharedStateUnavailable
from api.shared.redis_client import SharedRedis
from privacy import redact
from risk_classifier import Decision, GuardedDetector
from risk_classifier.conversation import WINDOW, ConversationRisk, TurnRisk, WindowScore

logger = logging.getLogger("relais.chat")

MAX_CONVERSATIONS = 10_000
RISK_TTL_SECONDS = 60 * 60  # Rasa's session_expiration_time (60 minutes)


class RiskStore(Protocol):
    def observe(
        self,
        conversation_id: str,
        text: str,
        decision: Decision,
        threshold: float,
        score: WindowScore,
    ) -> TurnRisk: ...

    def forget(self, conversation_id: str) -> None: ...


class MemoryRisks:
    def __init__(self, limit: int = MAX_CONVERSATIONS) -> None:
        self._limit = limit
        self._conversations: OrderedDict[str, ConversationRisk] = OrderedDict()

    def observe(
        self,
        conversation_id: str,
        text: str,
        decision: Decision,
        threshold: float,
        score: WindowScore,
    ) -> TurnRisk:
        risk = self._conversations.pop(conversation_id, None) or ConversationRisk(threshold)
        self._conversations[conversation_id] = risk
        while len(self._conversations) > self._limit:
            self._conversations.popitem(last=False)
        return risk.observe(text, decision, score)

    def forget(self, conversation_id: str) -> None:
        self._conversations.pop(conversation_id, None)


class RedisRisks:
    def __init__(self, shared: SharedRedis, ttl_seconds: int = RISK_TTL_SECONDS) -> None:
        self._shared = shared
        self._ttl = ttl_seconds

    def observe(
        self,
        conversation_id: str,
        text: str,
        decision: Decision,
        threshold: float,
        score: WindowScore,
    ) -> TurnRisk:
        key = self._shared.key("risk", conversation_id)

        def transaction(pipe: Any) -> TurnRisk:
            raw = pipe.get(key)
            risk = ConversationRisk(threshold)
            if raw:
                saved = json.loads(raw)
                risk.turns = deque(saved["turns"], maxlen=WINDOW)
                risk.at_risk = bool(saved["at_risk"])
            turn = risk.observe(text, decision, score)
            kept = {"turns": [redact(t) for t in risk.turns], "at_risk": risk.at_risk}
            pipe.multi()
            pipe.set(key, json.dumps(kept, ensure_ascii=False).encode("utf-8"), ex=self._ttl)
            return turn

        return self._shared.run(lambda r: r.transaction(transaction, key, value_from_callable=True))

    def forget(self, conversation_id: str) -> None:
        key = self._shared.key("risk", conversation_id)
        self._shared.run(lambda r: r.delete(key))


class ConversationRisks:
    def __init__(self, detector: GuardedDetector, store: RiskStore | None = None) -> None:
        self._detector = detector
        self._store: RiskStore = store or MemoryRisks()
        self._local = MemoryRisks()  # while the shared store is unavailable

    def observe(self, conversation_id: str, text: str, decision: Decision) -> TurnRisk:
        threshold, score = self._detector.window_threshold, self._detector.window_score
        try:
            return self._store.observe(conversation_id, text, decision, threshold, score)
        except SharedStateUnavailable:
            logger.warning(
                "conversation risk: shared state unavailable, this gateway's memory used"
            )
            return self._local.observe(conversation_id, text, decision, threshold, score)

    def forget(self, conversation_id: str) -> None:
        """The person erased the conversation: its risk window goes too (SharedStateUnavailable
        when Redis does not answer; the window then expires with the session)."""
        self._local.forget(conversation_id)
        self._store.forget(conversation_id)
