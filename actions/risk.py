"""Bookkeeping after a crisis reply. The replies themselves are static responses (bot/domain/crise.yml);
if this server is down the rules keep checking in, which is the safe way to fail."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher


class ActionMarkReassured(Action):
    def name(self) -> str:
        return "action_mark_reassured"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        return [SlotSet("risk_reassured", True)]


class ActionClearRisk(Action):
    def name(self) -> str:
        return "action_clear_risk"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        return [SlotSet("at_risk", False), SlotSet("risk_reassured", False)]
