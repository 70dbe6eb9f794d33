"""The gateway's crisis decision, relayed to the bot in the message's metadata (issue 13: one
embedding per message).

The gateway embeds each message once, decides with the classifier, and sends the decision to
Rasa; the bot's CrisisOverride uses it instead of embedding the message again, keeps the
lexicon as its own guard (a crisis is never demoted: `with_lexicon`), and runs its own
classifier only when no decision was relayed (a channel that does not go through the
gateway) or when the gateway decided without its classifier (it failed to load).

    {"level": "crisis" | "distress" | "none", "variant": "self", "classifier": true}

No score and no vector travel, only the decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from risk_classifier.combined import Decision, lexicon_decision, lexicon_settles
from safety import Assessment
from safety.reply_variant import REPLY_VARIANTS, SELF

METADATA_KEY = "relais_crisis"
LEVELS = ("crisis", "distress", "none")


def decision_metadata(decision: Decision, classifier: bool) -> dict[str, Any]:
    """What the gateway relays; `classifier`: whether its classifier took part."""
    return {"level": decision.level, "variant": decision.variant, "classifier": classifier}


def relayed_decision(metadata: Mapping[str, Any] | None) -> Decision | None:
    """The gateway's decision from a message's metadata; None when there is none, when it is
    malformed, or when the gateway's classifier did not take part (the bot's own decides)."""
    relayed = (metadata or {}).get(METADATA_KEY)
    if not isinstance(relayed, Mapping) or relayed.get("classifier") is not True:
        return None
    level, variant = relayed.get("level"), relayed.get("variant")
    if level not in LEVELS or variant not in REPLY_VARIANTS:
        return None
    if level == "crisis":
        return Decision(True, str(variant))
    return Decision(False, SELF, level == "distress")


def with_lexicon(relayed: Decision, assessment: Assessment) -> Decision:
    """The relayed decision, guarded by the lexicon's reading of the text the bot received: a
    crisis from either side stays a crisis, except a crisis the lexicon found only in a frame
    (`Assessment.framed`), which the gateway's classifier already weighed. Distress is the
    relayed one: the gateway's decision already weighed the lexicon's distress against the
    classifier's (a lexicon "distress" counts only when the classifier agrees), as the
    component's own decision does."""
    if relayed.is_crisis:
        return relayed
    if lexicon_settles(assessment):
        return lexicon_decision(assessment)
    return Decision(False, SELF, relayed.distress)
