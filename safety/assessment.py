"""The result type of the crisis detector."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class RiskLevel(str, Enum):
    CRISIS = "crisis"
    DISTRESS = "distress"
    NONE = "none"


class RiskCategory(str, Enum):
    SUICIDE = "suicide"  # ideation, intent or plan
    SELF_HARM = "self_harm"
    HARM_TO_OTHERS = "harm_to_others"
    IMMEDIATE_DANGER = "immediate_danger"  # in danger now, incl. partner violence, threats
    THIRD_PERSON = "third_person"  # someone else (colleague, spouse, child...) is at risk
    MEANS = "means"  # asks about methods, doses, "does it hurt to..."
    VIOLENCE_STAFF = "violence_staff"  # violence against staff, threatened or in progress
    EMERGENCY = "emergency"  # danger now that is not violence: fire, smoke, gas


# Values of Assessment.context
PROFESSIONAL = "professional"  # clinical/training usage: a patient's risk, sentinel training...
IDIOM = "idiom"  # "mort de rire", "ce formulaire me tue", "crise du logement"


@dataclass(frozen=True)
class Assessment:
    """What `assess()` found in one message.

    `categories` is empty unless the level is CRISIS. `context` explains why risk
    vocabulary did not make the message a crisis ("professional" or "idiom"); it is
    None for a crisis and for messages without such vocabulary. `framed`: see below.
    """

    level: RiskLevel
    categories: frozenset[RiskCategory] = frozenset()
    context: str | None = None
    # A crisis found only as talk about the subject or about someone else (a patient, a colleague,
    # training, a policy, a title, a role play's quoted line...), with no match about the writer
    # (a risk with no subject and nobody else named is theirs), someone close to
    # them, means, danger now or violence against staff: the classifier may veto it when it says
    # "none" with confidence (risk_classifier/combined.py). Always False when the level is not
    # CRISIS.
    framed: bool = False

    @property
    def is_crisis(self) -> bool:
        return self.level is RiskLevel.CRISIS
