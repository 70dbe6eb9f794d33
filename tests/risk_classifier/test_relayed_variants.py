"""The gateway relays the reply variant it chose; the bot must read back every variant the lexicon
can choose, the emergency one included (the classifier's head knows only four)."""

from __future__ import annotations

from risk_classifier.combined import Decision
from risk_classifier.relayed import METADATA_KEY, decision_metadata, relayed_decision
from safety import assess
from safety.reply_variant import EMERGENCY, VARIANTS, reply_variant


def test_an_emergency_decided_by_the_gateway_reaches_the_bot_as_an_emergency() -> None:
    variant = reply_variant(assess("y a le feu dans la buanderie pis un résident est pris dedans"))
    assert variant == EMERGENCY and variant not in VARIANTS
    metadata = {METADATA_KEY: decision_metadata(Decision(True, variant), classifier=True)}
    assert relayed_decision(metadata) == Decision(True, EMERGENCY)


def test_a_variant_nobody_knows_is_not_relayed() -> None:
    metadata = {METADATA_KEY: {"level": "crisis", "variant": "fire", "classifier": True}}
    assert relayed_decision(metadata) is None  # the bot decides on its own
