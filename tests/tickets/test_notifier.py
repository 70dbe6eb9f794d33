"""The Adaptive Card: what the team sees in Teams, and what it must never see."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from tickets.notifier import CardFacts, build_card, french_date, french_datetime

FACTS = CardFacts(
    reference="R-7K3Q9P",
    establishment_name="CIUSSS de la Capitale-Nationale",
    time_window="apres-midi",
    created_at=datetime(2026, 11, 20, 19, 5, tzinfo=UTC),
)


def test_the_card_is_a_workflows_message_with_one_adaptive_card() -> None:
    message = build_card(FACTS, "https://relais.exemple.ca/agent")
    assert message["type"] == "message"
    [attachment] = message["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    assert (card["type"], card["version"]) == ("AdaptiveCard", "1.4")
    facts = {fact["title"]: fact["value"] for fact in card["body"][1]["facts"]}
    assert facts == {
        "Référence": "R-7K3Q9P",
        "Établissement": "CIUSSS de la Capitale-Nationale",
        "Moment souhaité": "En après-midi (12 h à 17 h)",
        "Reçue le": "20 novembre 2026 à 14 h 05",  # Montréal time
    }
    assert card["actions"] == [
        {
            "type": "Action.OpenUrl",
            "title": "Ouvrir la console",
            "url": "https://relais.exemple.ca/agent",
        }
    ]
    json.dumps(message)  # serialisable as is


def test_card_fields_are_exactly_the_non_identifying_ones() -> None:
    # CardFacts has no field for a name or a contact: the card cannot carry them.
    assert set(CardFacts.__dataclass_fields__) == {
        "reference",
        "establishment_name",
        "time_window",
        "created_at",
    }


def test_french_dates_use_montreal_time() -> None:
    late_evening = datetime(2026, 12, 16, 3, 30, tzinfo=UTC)  # 22 h 30 on the 15th in Montréal
    assert french_date(late_evening) == "15 décembre 2026"
    assert french_datetime(late_evening) == "15 décembre 2026 à 22 h 30"
