"""Tell the callback team that a ticket is waiting: an Adaptive Card posted to a Teams Workflows
"when a Teams webhook request is received" flow (or a classic incoming webhook).

Privacy: the card carries the reference, the establishment, the time window and the time of the
request, and a link to the agent console. Never the person's name or contact: a Teams channel is
read by more people than the counsellors who call back, and keeps its messages. The webhook URL
carries its own signature: it is a secret and is never logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from tickets.models import TIME_WINDOW_LABELS

MONTREAL = ZoneInfo("America/Montreal")
_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


class NotificationFailed(Exception):
    """The webhook did not accept the card (network error or a non-2xx answer)."""


@dataclass(frozen=True)
class CardFacts:
    reference: str
    establishment_name: str
    time_window: str
    created_at: datetime  # aware


def french_date(moment: datetime) -> str:
    """ "15 décembre 2026", in Montréal time."""
    local = moment.astimezone(MONTREAL)
    return f"{local.day} {_MONTHS[local.month - 1]} {local.year}"


def french_datetime(moment: datetime) -> str:
    """ "15 décembre 2026 à 14 h 05", in Montréal time."""
    local = moment.astimezone(MONTREAL)
    return f"{french_date(local)} à {local.hour} h {local.minute:02d}"


def build_card(facts: CardFacts, console_url: str) -> dict[str, Any]:
    """The Workflows message: one Adaptive Card 1.4 attachment."""
    card = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": "1.4",
        "body": [
            {
                "type": "TextBlock",
                "text": "Nouvelle demande de rappel",
                "weight": "Bolder",
                "size": "Medium",
                "wrap": True,
            },
            {
                "type": "FactSet",
                "facts": [
                    {"title": "Référence", "value": facts.reference},
                    {"title": "Établissement", "value": facts.establishment_name},
                    {
                        "title": "Moment souhaité",
                        "value": TIME_WINDOW_LABELS.get(facts.time_window, facts.time_window),
                    },
                    {"title": "Reçue le", "value": french_datetime(facts.created_at)},
                ],
            },
            {
                "type": "TextBlock",
                "text": "Le prénom et les coordonnées sont dans la console des intervenants.",
                "wrap": True,
                "isSubtle": True,
            },
        ],
        "actions": [{"type": "Action.OpenUrl", "title": "Ouvrir la console", "url": console_url}],
    }
    return {
        "type": "message",
        "attachments": [
            {
                "contentType": "application/vnd.microsoft.card.adaptive",
                "contentUrl": None,
                "content": card,
            }
        ],
    }


class TeamsNotifier:
    def __init__(self, webhook_url: str, public_url: str, client: httpx.AsyncClient) -> None:
        self._webhook_url = webhook_url
        self.console_url = public_url.rstrip("/") + "/agent"
        self._client = client

    async def notify(self, facts: CardFacts) -> None:
        """Post the card; success is any 2xx (Workflows answers 202 Accepted)."""
        try:
            response = await self._client.post(
                self._webhook_url, json=build_card(facts, self.console_url)
            )
        except httpx.HTTPError as error:
            raise NotificationFailed(type(error).__name__) from None
        if not response.is_success:
            raise NotificationFailed(f"HTTP {response.status_code}")
