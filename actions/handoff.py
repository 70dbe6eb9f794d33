"""action_list_human_resources: who can talk now, for this person and establishment.

Open resources first, each with tap-to-call and hours, then the 24/7 lines; when the
establishment has no local numbers configured yet, the answer says so. The establishment comes
from the gateway's field or from establishment_form. The gateway's `handoff`
field is filled from the `relais.handoff` payload.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.establishment_form import NOT_SAID
from actions.language import turn_language
from actions.settings import get_registry
from directory import render
from directory.opening_hours import TIMEZONE

logger = logging.getLogger(__name__)

NOT_CONFIGURED = (
    "Les numéros locaux de votre établissement (PAE, bureau de la qualité de vie au travail, "
    "ligne d'écoute) ne sont pas encore configurés ici : vous les trouverez dans l'intranet ou "
    "auprès des ressources humaines."
)
UNKNOWN_ESTABLISHMENT = "Je ne connais pas encore votre établissement : voici les ressources offertes partout au Québec."
NOT_SAID_TEXT = (
    "Ce sont les ressources offertes partout au Québec; les numéros propres à votre établissement "
    "sont dans l'intranet."
)
LEAD = "Voici qui peut vous parler, en commençant par ce qui est ouvert maintenant :"
# The same, to someone who writes in English (the gateway's reading: api/chat/language.py).
ENGLISH = {
    LEAD: "Here is who can talk with you, starting with what is open now:",
    NOT_CONFIGURED: "Your facility's local numbers (EAP, workplace quality-of-life office, "
    "listening line) are not configured here yet: you will find them on the intranet or from "
    "human resources.",
    UNKNOWN_ESTABLISHMENT: "I don't know your facility yet: here are the resources offered "
    "everywhere in Quebec.",
    NOT_SAID_TEXT: "These are the resources offered everywhere in Quebec; your facility's own "
    "numbers are on the intranet.",
}
# What the page offers under the list: a call back (consented form) and a live chat with a
# counsellor; the gateway drops live_chat when no counsellor is signed in.
OFFERS = ["live_chat", "callback"]


class ActionListHumanResources(Action):
    def name(self) -> str:
        return "action_list_human_resources"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        metadata = (tracker.latest_message or {}).get("metadata") or {}
        establishment_id = metadata.get("establishment") or tracker.get_slot("establishment")
        audience = metadata.get("audience") or "employee"
        registry = get_registry()
        rows = registry.who_can_talk_now(establishment_id, datetime.now(TIMEZONE), audience)
        language = turn_language(tracker)
        lines = [LEAD] + [render.describe_availability(row, language) for row in rows]
        if establishment_id == NOT_SAID:
            lines.append(NOT_SAID_TEXT)
        elif registry.establishment(establishment_id) is None:
            lines.append(UNKNOWN_ESTABLISHMENT)
        elif not registry.local_configured(establishment_id):
            lines.append(NOT_CONFIGURED)
        if language == "en":
            lines = [ENGLISH.get(line, line) for line in lines]
        handoff = {"resources": [render.availability_entry(row) for row in rows]}
        payload = {"relais": {"handoff": handoff, "offers": OFFERS}}
        dispatcher.utter_message(text="\n".join(lines), json_message=payload)
        return [SlotSet("establishment", establishment_id)] if establishment_id else []
