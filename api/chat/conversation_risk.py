"""Risk over each conversation, in the gateway's memory (risk_classifier.conversation).

One `ConversationRisk` per conversation id, the least recently used dropped past
MAX_CONVERSATIONS. The state lives in this gateway process: a restart forgets it, and several
gateway processes would each see part of a conversation (Rasa's own `at_risk` slot still holds on
the bot's side). The last turns' texts stay in memory only, never logged or stored.
"""

from __future__ import annotations

from collections import OrderedDict

from risk_classifier import Decision, GuardedDetector
from risk_classifier.conversation import ConversationRisk, TurnRisk

MAX_CONVERSATIONS = 10_000


class ConversationRisks:
    def __init__(self, detector: GuardedDetector, limit: int = MAX_CONVERSATIONS) -> None:
        self._detector = detector
        self._limit = limit
        self._conversations: OrderedDict[str, ConversationRisk] = OrderedDict()

    def observe(self, conversation_id: str, text: str, decision: Decision) -> TurnRisk:
        risk = self._conversations.pop(conversation_id, None) or ConversationRisk(
            self._detector.window_threshold
        )
        self._conversations[conversation_id] = risk
        while len(self._conversations) > self._limit:
            self._conversations.popitem(last=False)
        return risk.observe(text, decision, self._detector.window_score)
