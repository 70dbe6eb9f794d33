"""Which static crisis reply fits an assessment.

Shared by the Rasa component (which sets the `crisis_type` slot) and the gateway's fallback path,
so both pick the same reviewed response from `bot/domain/crise.yml`.
"""

from __future__ import annotations

from safety.assessment import Assessment, RiskCategory

SELF = "self"
THIRD_PERSON = "third_person"
VIOLENCE = "violence"
VIOLENCE_STAFF = "violence_staff"  # violence against staff: 911 and the establishment's code first
EMERGENCY = "emergency"  # a fire, a collapse, gas: 911 and what to do until help comes
# The classifier's variant head predicts these four (risk_classifier/train.py); EMERGENCY comes
# from the lexicon only (safety/lexicon/emergency.py).
VARIANTS = (SELF, THIRD_PERSON, VIOLENCE, VIOLENCE_STAFF)
REPLY_VARIANTS = (*VARIANTS, EMERGENCY)


def reply_variant(assessment: Assessment | None) -> str:
    """Violence against staff first (911, the establishment's emergency code, then the PAE and
    the BQVT), then violence and immediate danger (they add SOS violence conjugale), then an
    emergency that is nobody's violence (a fire, someone collapsed: 911 and what to do until help
    comes) unless the writer's own risk comes with it, then a third person."""
    if assessment is None:
        return SELF
    categories = assessment.categories
    if RiskCategory.VIOLENCE_STAFF in categories:
        return VIOLENCE_STAFF
    if categories & {RiskCategory.IMMEDIATE_DANGER, RiskCategory.HARM_TO_OTHERS}:
        return VIOLENCE
    if RiskCategory.EMERGENCY in categories:
        # the writer's own attempt ("j'ai ouvert le gaz, je veux pu vivre"): the suicide reply,
        # which ends with 911; someone else's attempt in progress gets the emergency reply, whose
        # second message names 1 866 APPELLE
        if categories & {RiskCategory.SUICIDE, RiskCategory.SELF_HARM, RiskCategory.MEANS}:
            return SELF
        return EMERGENCY
    if RiskCategory.THIRD_PERSON in categories:
        return THIRD_PERSON
    return SELF
