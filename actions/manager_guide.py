"""The manager's guided path, after manager_form established that nobody is in immediate danger
(the danger branch is a static crisis reply in bot/rules/gestionnaire.yml, not an action).

action_guide_manager sends the steps of knowledge_base/guides/gestionnaire.yml, each tied to its
article, with the sources and their review dates; it needs the articles only, not the index.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.settings import get_guides
from knowledge_base.answers import HUMAN_BUTTON, article_button, source_entry, source_line
from knowledge_base.guides import Guide

logger = logging.getLogger(__name__)
GUIDE = "gestionnaire"


def compose_guide(guide: Guide) -> tuple[str, list[dict[str, str]], list[dict[str, str]]]:
    """The message text, its buttons (read an article in full, talk to a person), the sources."""
    steps = [f"{n}. {step.title} : {step.text}" for n, step in enumerate(guide.steps, start=1)]
    articles = guide.articles
    sources = [source_line(article) for article in articles]
    text = "\n\n".join([guide.intro, "\n".join(steps), guide.closing, "\n".join(sources)])
    buttons = [article_button(article) for article in articles[:3]] + [HUMAN_BUTTON]
    return text, buttons, [source_entry(article) for article in articles]


class ActionGuideManager(Action):
    def name(self) -> str:
        return "action_guide_manager"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        try:
            guide = get_guides()[GUIDE]
        except Exception:  # the content is missing or broken: say so, offer a person
            logger.exception("guided path %s unavailable", GUIDE)
            dispatcher.utter_message(response="utter_knowledge_unavailable")
            return [SlotSet("immediate_danger", None)]
        text, buttons, sources = compose_guide(guide)
        payload = {"relais": {"topic": "gestionnaire", "sources": sources}}
        dispatcher.utter_message(text=text, buttons=buttons, json_message=payload)
        return [SlotSet("immediate_danger", None)]


class ActionResetDangerCheck(Action):
    """After the danger branch: the next worried manager is asked again."""

    def name(self) -> str:
        return "action_reset_danger_check"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        return [SlotSet("immediate_danger", None)]
