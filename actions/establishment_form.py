"""The establishment, asked once per conversation (establishment_form), so the hand-off gives the
right local numbers.

- action_read_establishment: the gateway's `establishment` field (message metadata) pre-fills
  the slot, so the form does not ask what the page already knows.
- validate_establishment_form: recognises what the person typed ("CIUSSS du Centre-Sud", "le
  CHUM"), offers buttons when a region has several, and never traps anyone: "je ne sais pas",
  "non" or a second miss moves on with the national resources. Its messages are not questions:
  the form asks again right after them (utter_ask_establishment).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.language import turn_language
from actions.settings import allows_fictional_establishments, get_registry
from directory.matching import match_establishments, normalize
from directory.models import Establishment

NOT_SAID = "aucun"  # the person preferred not to say, or we could not recognise it
DECLINES = ("sais pas", "prefere ne pas", "prefere pas", "pas le dire", "passer", "aucune idee",
            "peu importe", "pas important", "dont know", "don t know", "not sure", "rather not")  # fmt: skip
MAX_CHOICES = 8


def known_establishments() -> list[Establishment]:
    allowed = allows_fictional_establishments()
    return [e for e in get_registry().establishments if allowed or not e.fictional]


class ActionReadEstablishment(Action):
    def name(self) -> str:
        return "action_read_establishment"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        metadata = (tracker.latest_message or {}).get("metadata") or {}
        wanted = metadata.get("establishment")
        if wanted and any(e.id == wanted for e in known_establishments()):
            return [SlotSet("establishment", wanted)]
        return []


class ValidateEstablishmentForm(FormValidationAction):
    def name(self) -> str:
        return "validate_establishment_form"

    def validate_establishment(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        text = str(slot_value or "")
        establishments = known_establishments()
        if text == NOT_SAID or any(e.id == text for e in establishments):
            return {"establishment": text}
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        if intent == "deny" or any(phrase in normalize(text) for phrase in DECLINES):
            return {"establishment": NOT_SAID, "establishment_misses": 0}
        says = TEXTS[turn_language(tracker)]
        found = match_establishments(establishments, text)
        if len(found) == 1:
            dispatcher.utter_message(text=says["noted"].format(name=found[0].name))
            return {"establishment": found[0].id, "establishment_misses": 0}
        if len(found) > 1:
            dispatcher.utter_message(
                text=says["several"],
                buttons=[{"title": e.name, "payload": e.name} for e in found[:MAX_CHOICES]],
            )
            return {"establishment": None}
        misses = int(tracker.get_slot("establishment_misses") or 0) + 1
        if misses >= 2:
            dispatcher.utter_message(text=says["gave_up"])
            return {"establishment": NOT_SAID, "establishment_misses": 0}
        dispatcher.utter_message(text=says["not_recognised"])
        return {"establishment": None, "establishment_misses": misses}


# What the form says, in the language the gateway read the message in (api/chat/language.py).
TEXTS = {
    "fr": {
        "noted": "C'est noté : {name}.",
        "several": "Plusieurs établissements correspondent : choisissez le vôtre ci-dessous.",
        "gave_up": "Je n'arrive pas à le reconnaître, désolé. Je vous donne les ressources "
        "offertes partout au Québec.",
        "not_recognised": "Je n'ai pas reconnu cet établissement. Essayez son nom complet, ou "
        "répondez « je ne sais pas » : je vous donnerai les ressources offertes partout au Québec.",
    },
    "en": {
        "noted": "Noted: {name}.",
        "several": "Several facilities match: choose yours below.",
        "gave_up": "Sorry, I can't recognise it. Here are the resources offered everywhere in "
        "Quebec.",
        "not_recognised": "I didn't recognise that facility. Try its full name, or answer \"I don't "
        "know\": I'll give you the resources offered everywhere in Quebec.",
    },
}
