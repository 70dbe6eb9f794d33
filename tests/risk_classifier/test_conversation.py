"""Risk over a conversation (risk_classifier/conversation.py): evidence over the last turns, and
a risk disclosed once is never cleared for the session.

Rule tests use scripted decisions and window scores; the figures use the real detector and the
committed weights on the design conversations (the turn where the risk appears and every safe
turn were training examples: in-sample) and on the newest held-out batch's conversations (counts
only; skipped when there is no held-out batch).
"""

from __future__ import annotations

import pytest

from risk_classifier import Decision, GuardedDetector
from risk_classifier.conversation import ConversationRisk
from safety.reply_variant import SELF
from tests.crisis_dataset import (
    CONVERSATION_TARGETS,
    HOLDOUT,
    conversation_flags,
    load_conversations,
    measure_conversations,
    set_label,
    skip_without_holdout,
)

CALM = Decision(False, SELF)
CRISIS = Decision(True, SELF)


def test_a_disclosed_risk_is_not_cleared_by_a_reassurance() -> None:
    risk = ConversationRisk()
    assert risk.observe("je veux mourir", CRISIS).decision.is_crisis
    for text in ("je niaisais", "ça va", "merci"):
        turn = risk.observe(text, CALM)
        assert turn.at_risk and turn.check_in and not turn.decision.is_crisis


def test_signs_spread_over_turns_add_up_in_the_window() -> None:
    def window_score(text: str) -> float:
        return 0.95 if "chat" in text and "nip" in text else 0.1

    risk = ConversationRisk(window_threshold=0.9)
    assert not risk.observe("j'ai donné mon chat", CALM, window_score).decision.is_crisis
    turn = risk.observe("ma cousine a ma carte avec le nip", CALM, window_score)
    assert turn.decision.is_crisis and turn.from_window and turn.at_risk


def test_the_window_forgets_turns_older_than_its_length() -> None:
    def window_score(text: str) -> float:
        return 0.95 if "chat" in text and "nip" in text else 0.1

    risk = ConversationRisk(window_threshold=0.9)
    for text in ("j'ai donné mon chat", "bonjour", "il fait beau", "le nip de ma carte"):
        turn = risk.observe(text, CALM, window_score)
    assert not turn.decision.is_crisis and not turn.at_risk


def test_a_calm_conversation_is_never_flagged() -> None:
    risk = ConversationRisk()
    turns = [risk.observe(text, CALM, lambda _: 0.2) for text in ("bonjour", "le PAE?", "merci")]
    assert not any(t.decision.is_crisis or t.check_in for t in turns)


@pytest.fixture(scope="module")
def detector(crisis_detector: GuardedDetector) -> GuardedDetector:
    """GuardedDetector.load() as the gateway loaded it (tests/conftest.py)."""
    return crisis_detector


@pytest.mark.slow
@pytest.mark.parametrize(  # the design conversations are in-sample: `make insample`
    "set_name", [pytest.param("design", marks=pytest.mark.insample), HOLDOUT]
)
def test_conversation_figures(detector: GuardedDetector, set_name: str) -> None:
    skip_without_holdout(set_name)
    assert detector.classifier_available
    conversations = load_conversations(set_name)
    if not conversations:
        pytest.skip(f"{set_label(set_name)} has no conversations")
    figures = measure_conversations(conversations, conversation_flags(detector))
    print("\n" + figures.report(f"conversations, {set_label(set_name)}"))
    target = CONVERSATION_TARGETS[set_name]
    if target is None:  # issue 10's target: every crisis conversation in time, no false alarm
        target = (figures.crisis, 0)
    assert figures.in_time >= target[0], f"{len(figures.late)} crisis conversations flagged late"
    assert len(figures.false_alarms) <= target[1], (
        "false alarms on safe conversations (counts only)"
    )


def test_a_framed_crisis_across_turns_needs_the_windows_probability() -> None:
    # a title in one turn, its frame in the one before; each turn's own decision (the classifier
    # vetoed the title) is not a crisis, the window's lexicon crisis is framed
    turns = ["On choisit le titre du mois au club de lecture", "on hésite avec « Les Suicidées »"]
    calm = ConversationRisk(window_threshold=0.9)
    for turn in turns:
        flagged = calm.observe(turn, Decision(False, SELF), lambda _: 0.2)
    assert not flagged.decision.is_crisis
    alarmed = ConversationRisk(window_threshold=0.9)
    for turn in turns:
        flagged = alarmed.observe(turn, Decision(False, SELF), lambda _: 0.95)
    assert flagged.decision.is_crisis
    lexicon_only = ConversationRisk(window_threshold=0.9)  # no classifier: the lexicon's crisis
    for turn in turns:
        flagged = lexicon_only.observe(turn, Decision(False, SELF), lambda _: None)
    assert flagged.decision.is_crisis
