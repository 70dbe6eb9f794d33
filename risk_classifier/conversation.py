"""Risk over a conversation, not one message at a time (issue 10).

- Evidence accumulates over the last turns: the last WINDOW turns, read together as one text, by
  the lexicon and the n-gram view of the classifier (no extra sentence embedding), so that
  preparation signs spread over turns ("j'ai donné mon chat", then "ma carte de guichet est chez
  ma cousine avec le NIP") add up. The window needs a higher probability than one message does.
- A crisis the lexicon finds in the window only in a frame (`Assessment.framed`: a training, a
  title spread over turns) needs the window's probability, like a window without risk words.
- Once risk is disclosed, it stays for the session: "je niaisais" or "ça va" does not clear it;
  the check-in continues and the lines stay visible (the caller shows them).

Pure state, no I/O: one `ConversationRisk` per conversation, fed every turn with the message's
own decision. Used by the gateway (api/chat/) and measured on the design conversations by the tests.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from risk_classifier.combined import Decision
from safety import assess
from safety.reply_variant import SELF, reply_variant

WINDOW = 3  # turns read together, the current one included
JOIN = " . "  # turns stay separate sentences for the lexicon's word windows


@dataclass(frozen=True)
class TurnRisk:
    decision: Decision  # this turn's decision, the window's evidence included
    from_window: bool  # crisis only because of the earlier turns
    at_risk: bool  # risk was disclosed at some turn of this session (never cleared)
    check_in: bool  # risk earlier, not this turn: keep checking in, keep the lines visible


# The window's crisis probability without a new embedding (RiskClassifier.ngram_crisis_probability);
# None when the classifier is unavailable (then the lexicon reads the window alone).
WindowScore = Callable[[str], "float | None"]


@dataclass
class ConversationRisk:
    window_threshold: float = 0.9
    turns: deque[str] = field(default_factory=lambda: deque(maxlen=WINDOW))
    at_risk: bool = False

    def observe(
        self, text: str, decision: Decision, window_score: WindowScore | None = None
    ) -> TurnRisk:
        self.turns.append(text)
        earlier = self.at_risk
        from_window = False
        # Already at risk: the check-in goes on; the window would only repeat the crisis reply.
        if not decision.is_crisis and not earlier and len(self.turns) > 1:
            window = JOIN.join(self.turns)
            assessment = assess(window)
            if assessment.is_crisis and not assessment.framed:
                decision, from_window = Decision(True, reply_variant(assessment)), True
            elif (assessment.context is None or assessment.framed) and window_score is not None:
                # a crisis the lexicon finds only in a frame across turns (a training, a title),
                # when no turn was a crisis on its own, needs the window's classifier evidence;
                # without a classifier the lexicon's crisis stands
                probability = window_score(window)
                if probability is None and assessment.framed:
                    probability = 1.0
                if probability is not None and probability >= self.window_threshold:
                    variant = reply_variant(assessment) if assessment.is_crisis else SELF
                    decision, from_window = Decision(True, variant), True
            elif assessment.is_crisis:
                decision, from_window = Decision(True, reply_variant(assessment)), True
        if decision.is_crisis:
            self.at_risk = True
        return TurnRisk(decision, from_window, self.at_risk, earlier and not decision.is_crisis)
