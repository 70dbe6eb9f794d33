"""action_answer_question: answers from the knowledge base, with its source and review date.

Below the calibrated confidence threshold it says it is not sure, offers up to three likely
articles and a person; it never answers with an unrelated article.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.settings import get_knowledge_base, get_registry
from directory import render
from knowledge_base.answers import Answer, compose_answer, compose_unsure
from knowledge_base.search import KnowledgeBase

logger = logging.getLogger(__name__)

# What a menu button (a bare intent payload such as "/ask_pae") is asking about.
TOPIC_QUESTIONS: dict[str, str] = {
    "ask_pae": "Qu'est-ce que le programme d'aide aux employés (PAE)?",
    "ask_bqvt": "Qu'est-ce que le bureau de la qualité de vie au travail (BQVT)?",
    "ask_listening": "À qui parler maintenant : lignes d'écoute et pairs aidants",
    "ask_manager_help": "Je suis gestionnaire : comment suggérer le PAE à un employé?",
    "ask_work_health": "Signes d'épuisement professionnel",
    "ask_work_relations": "Conflit avec un collègue : que faire?",
    "ask_physician_help": "Programme d'aide aux médecins du Québec (PAMQ)",
    "ask_privacy": "Relais est-il anonyme? Qu'est-ce qui est conservé?",
}

CONFIDENT = {"answer": "confident"}


class ActionAnswerQuestion(Action):
    def name(self) -> str:
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name") or ""
        try:
            knowledge_base = get_knowledge_base()
            answer, outcome = self._answer(knowledge_base, tracker, message, intent)
        except Exception:  # the index is missing or broken: say so, offer a person
            logger.exception("knowledge base unavailable")
            dispatcher.utter_message(response="utter_knowledge_unavailable")
            return []
        if answer is None:
            dispatcher.utter_message(response="utter_out_of_scope")
        else:
            # `outcome` is for the gateway's indicators: confident or unsure, and the nearest article.
            payload = {"relais": {"topic": answer.topic or None, "sources": answer.sources, **outcome}}
            dispatcher.utter_message(text=answer.text, buttons=answer.buttons, json_message=payload)
        if tracker.get_slot("at_risk"):
            dispatcher.utter_message(text=render.risk_reminder(get_registry()))
        return []

    @staticmethod
    def _answer(
        knowledge_base: KnowledgeBase, tracker: Tracker, message: dict[str, Any], intent: str
    ) -> tuple[Answer | None, dict[str, str]]:
        article_id = next(tracker.get_latest_entity_values("article_id"), None)
        if intent == "ask_article" and article_id:
            article = knowledge_base.article(article_id)
            if article is not None:
                return compose_answer(knowledge_base.lead_hit(article), related=[]), CONFIDENT
        text = str(message.get("text") or "")
        query = TOPIC_QUESTIONS.get(intent, text) if text.startswith("/") else text
        audience = (message.get("metadata") or {}).get("audience")
        result = knowledge_base.search(query, audience=audience, k=3)
        if result.confident and result.hits:
            related = [hit.article for hit in result.hits[1:]]
            return compose_answer(result.hits[0], related=related), CONFIDENT
        if intent == "out_of_scope":
            return None, {}
        unsure = {"answer": "unsure"}
        if result.hits:
            unsure["nearest"] = result.hits[0].article.id
        return compose_unsure([hit.article for hit in result.hits]), unsure
