"""Knowledge answers: every question that is not a dialogue act reaches the knowledge base.

- action_answer_question: the topic intents, out_of_scope, nlu_fallback and picked articles.
  Below the calibrated confidence threshold it says it is not sure, offers up to three likely
  articles and a person; it never answers with an unrelated article. "Hors sujet" only when DIET
  said out_of_scope AND the search is not confident either.
- action_triage_manager: a manager's message DIET reads as refer_employee. A specific question
  ("comment préparer mon équipe à un changement?") gets its answer; "un employé ne va pas bien /
  comment le référer" (or the menu button) takes the guided path, which first asks about danger.
- action_default_fallback: when no rule applies, a message with content words is searched before
  saying the bot did not understand.

The gateway embeds each message once and relays its search results in the message's metadata
(knowledge_base/relayed.py): they are used when they fit, so the action server does not embed
the message again; it searches itself for a follow-up, another channel, or no relayed results.

The conversation's current article (slot kb_article) lets a short follow-up ("pis c'est
gratuit?") be read in its context, and the answer then says which program it is about. The
asker's audience comes from the message, the page or Teams profile (metadata), or the
conversation (slot kb_audience). Crisis messages never get here: CrisisOverride turns them into
the crisis intent, whose rules win.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.language import turn_language
from actions.settings import get_guides, get_knowledge_base, get_registry
from directory import render
from knowledge_base.answers import DISTRESS_LEAD, HEDGE, Answer, compose_answer, compose_unsure
from knowledge_base.audience import speaks_of_someone_else
from knowledge_base.conversation import (
    Turn,
    ask,
    has_content,
    looks_like_question,
    reply,
)
from knowledge_base.english import in_english
from knowledge_base.lexical import fold
from knowledge_base.relayed import relayed_turn
from knowledge_base.search import KnowledgeBase
from risk_classifier.relayed import relayed_decision
from safety import assess

logger = logging.getLogger(__name__)

CONTEXT_SLOT = "kb_article"
ACTION_LISTEN = "action_listen"
AUDIENCE_SLOT = "kb_audience"
ROUTE_SLOT = "manager_route"
MANAGER_GUIDE = "gestionnaire"
CRISIS_TOPIC = "crise"
# The crisis reply gives these topics' lines: no article of theirs follows it.
LINES_TOPICS = frozenset({CRISIS_TOPIC, "ecoute"})
# Besides the guided path's own articles, the ones that answer "un employé ne va pas bien, je
# fais quoi": when one of them is the best answer, the guided path (with its danger check) is
# the better answer. (Until 2026-12-04 it was "among the top three": through the gateway, 18 of
# 361 questions of data/kb/queries_2026_12.yml, a development set, went to the guided path,
# most of them a manager's specific question: recognition, one-on-ones, an irritable employee.)
STRUGGLING_EMPLOYEE_ARTICLES = frozenset(
    {
        "gestionnaire-suggerer-le-pae",  # merged with pae-orienter-un-employe
        "gestionnaire-employe-irritable",
        "gestionnaire-moments-difficiles-relation",
    }
)

# After a crisis reply, the conversation's current article (kb_article) is the one that goes
# with the reply (crisis_type), so the next question is read in its context: "est-ce que je
# dois avertir notre chef?" after "ma collègue m'a dit qu'elle pense au suicide", "is there a
# number I can text instead?" after "my partner is controlling and I'm scared of him". The
# first of a type's articles that the message's own search ranks in its top three, else the
# type's first. Through the gateway, the development sets' follow-ups to a crisis message (33 of
# 598) got another topic (the AMPQ's recommendations, how to reach the PAE...) 14 times.
CRISIS_CONTEXT_ARTICLES: dict[str, tuple[str, ...]] = {
    "self": ("crise-idees-suicidaires",),
    "third_person": (
        "crise-collegue-parle-de-suicide",
        "crise-danger-immediat-911",
        "crise-violence-conjugale",
    ),
    "violence": ("crise-danger-immediat-911", "crise-violence-conjugale"),
    "emergency": ("crise-danger-immediat-911",),
    "violence_staff": ("relations-travail-violence-usagers", "gestionnaire-apres-agression-employe"),
}

_CRISIS_CONTEXTS = frozenset(article for each in CRISIS_CONTEXT_ARTICLES.values() for article in each)

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

# The knowledge base's topic (its articles' folder) that each topic intent names.
INTENT_TOPICS: dict[str, str] = {
    "ask_pae": "pae",
    "ask_bqvt": "bqvt",
    "ask_listening": "ecoute",
    "ask_manager_help": "gestionnaire",
    "ask_work_health": "sante_au_travail",
    "ask_work_relations": "relations_de_travail",
    "ask_physician_help": "medecins",
    "ask_privacy": "confidentialite",
}
# Under the search's threshold, DIET naming the best article's topic with this confidence is a
# second, independent reading of the question: the article is sent, said to be likely. On the
# KB sets 12b-12g and data/kb (development; 1,360 questions that are not follow-ups, 195
# off-topic), this happened to 31 in-scope questions under the likely band, 30 with the right
# best article, and to no off-topic one (at 0.7: 32, 31 right, 2 off-topic).
TOPIC_AGREEMENT_CONFIDENCE = 0.8

# For the gateway's indicators: whether the answer was confident, and the nearest article.
CONFIDENT = {"answer": "confident"}


def unsure(turn: Turn) -> dict[str, str]:
    outcome = {"answer": "unsure"}
    if turn.result.hits:
        outcome["nearest"] = turn.result.hits[0].article.id
    return outcome


def unsure_reply(turn: Turn) -> tuple[Answer, dict[str, str]]:
    """"Je ne suis pas certain" with the turn's articles as buttons, and its outcome."""
    return compose_unsure([hit.article for hit in turn.result.hits]), unsure(turn)


def _intent_confidence(tracker: Tracker) -> float:
    intent = (tracker.latest_message or {}).get("intent") or {}
    try:
        return float(intent.get("confidence") or 0.0)
    except (TypeError, ValueError):
        return 0.0


def topic_agreed(turn: Turn, intent: str, confidence: float) -> Answer | None:
    """Not confident, not likely: the best article all the same, said to be likely, when DIET
    names its topic with TOPIC_AGREEMENT_CONFIDENCE (never for a follow-up, whose ranking
    already leans on the conversation's topic); else None."""
    hits = turn.result.hits
    if turn.followup_of is not None or not hits or confidence < TOPIC_AGREEMENT_CONFIDENCE:
        return None
    if INTENT_TOPICS.get(intent) != hits[0].article.topic:
        return None
    return reply(turn, confident_only=False, lead=HEDGE)  # called when neither confident nor likely


def _message(tracker: Tracker) -> tuple[str, str, dict[str, Any]]:
    message = tracker.latest_message or {}
    intent = (message.get("intent") or {}).get("name") or ""
    return str(message.get("text") or ""), intent, message.get("metadata") or {}


def search_turn(
    knowledge_base: KnowledgeBase,
    tracker: Tracker,
    text: str,
    metadata: dict[str, Any],
    in_context: bool = True,
) -> Turn:
    """Search `text` as a turn of this conversation (its audience, its current article unless
    `in_context=False`): the results the gateway relayed in the metadata when they fit (it
    embedded the message once), else a search here (a follow-up in its context, another
    channel, no gateway results)."""
    known = {
        "audience": metadata.get("audience"),
        "remembered_audience": tracker.get_slot(AUDIENCE_SLOT),
        "context_id": tracker.get_slot(CONTEXT_SLOT) if in_context else None,
    }
    return relayed_turn(knowledge_base, text, metadata, **known) or ask(knowledge_base, text, **known)


def searched(
    tracker: Tracker, text: str, metadata: dict[str, Any], in_context: bool = True
) -> Turn | None:
    """`search_turn` on the shared knowledge base; None, logged, when the index is unavailable."""
    try:
        return search_turn(get_knowledge_base(), tracker, text, metadata, in_context)
    except Exception:
        logger.exception("knowledge base unavailable")
        return None


@lru_cache(maxsize=64)
def menu_turn(knowledge_base: KnowledgeBase, query: str, audience: str | None) -> Turn:
    """A menu button's fixed question: searched once per audience, then remembered."""
    return ask(knowledge_base, query, audience=audience)


def answer_of(turn: Turn, likely: bool = True) -> Answer | None:
    """The answer when the search is confident or, said to be likely, just under its threshold
    (`likely=False`: confident only); else None. The evaluation (knowledge_base/calibration.py)
    measures this very text; what depends on DIET (topic_agreed, the distress article, the
    manager's triage) only bench/kb_gateway.py sees."""
    return reply(turn, likely=likely)


def outcome_of(turn: Turn) -> dict[str, str]:
    """For the indicators: a likely answer counts as unsure (its nearest article is the one sent)."""
    return CONFIDENT if turn.result.confident else unsure(turn)


def send(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    answer: Answer,
    outcome: dict[str, str],
    reminder: bool = True,
) -> None:
    """`answer` in the person's language; after a risk earlier in the conversation, the lines
    follow it (`reminder=False`: right after the crisis reply, which gave them)."""
    language = turn_language(tracker)
    if language == "en":
        answer = in_english(answer)
    payload = {"relais": {"topic": answer.topic or None, "sources": answer.sources, **outcome}}
    dispatcher.utter_message(text=answer.text, buttons=answer.buttons, json_message=payload)
    if reminder and tracker.get_slot("at_risk"):
        dispatcher.utter_message(text=render.risk_reminder(get_registry(), language))


def remember(turn: Turn | None, answer: Answer | None) -> list[dict[str, Any]]:
    """Slots after an answer: its article becomes the context; a known audience is kept."""
    events = []
    if answer is not None and answer.sources:
        events.append(SlotSet(CONTEXT_SLOT, answer.sources[0]["id"]))
    if turn is not None and turn.audience is not None:
        events.append(SlotSet(AUDIENCE_SLOT, turn.audience))
    return events


class ActionAnswerQuestion(Action):
    def name(self) -> str:
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        text, intent, metadata = _message(tracker)
        try:
            knowledge_base = get_knowledge_base()
            turn, answer, outcome = self._answer(knowledge_base, tracker, text, intent, metadata)
        except Exception:  # the index is missing or broken: say so, offer a person
            logger.exception("knowledge base unavailable")
            dispatcher.utter_message(response="utter_knowledge_unavailable")
            return []
        if answer is None:
            dispatcher.utter_message(response="utter_out_of_scope")
        else:
            send(dispatcher, tracker, answer, outcome)
        return remember(turn, answer)

    @staticmethod
    def _answer(
        knowledge_base: KnowledgeBase,
        tracker: Tracker,
        text: str,
        intent: str,
        metadata: dict[str, Any],
    ) -> tuple[Turn | None, Answer | None, dict[str, str]]:
        article_id = next(tracker.get_latest_entity_values("article_id"), None)
        if intent == "ask_article" and article_id:
            article = knowledge_base.article(article_id)
            if article is not None:
                return None, compose_answer(knowledge_base.lead_hit(article), related=[]), CONFIDENT
        if text.startswith("/"):  # a menu button: its topic question, no follow-up context
            query = TOPIC_QUESTIONS.get(intent, text)
            turn = menu_turn(knowledge_base, query, metadata.get("audience"))
        else:
            turn = search_turn(knowledge_base, tracker, text, metadata)
        answer = answer_of(turn) or topic_agreed(turn, intent, _intent_confidence(tracker))
        if answer is not None:
            return turn, answer, outcome_of(turn)
        if intent == "out_of_scope":
            return turn, None, {}
        return turn, *unsure_reply(turn)


# Words of a person asking for a person, a call, a contact or help (folded, apostrophes as
# spaces): such a message always gets the hand-off (who can talk now), whatever the search says.
# Wide on purpose: a word caught here only costs the hand-off the message had before.
ASKS_FOR_A_PERSON = re.compile(
    r"\b(?:quelqu ?(?:un|1)|qq ?u?n|kelk ?un|humaine?s?|humans?|personne (?:dispo\w*|reelle|en chair)"
    r"|vraie? (?:personne|monde)|real person|a person|some ?(?:one|body)|any ?(?:one|body)|parl\w*"
    r"|jas\w*|talk\w*|speak\w*|chat\w*|clavard\w*|intervenant\w*|counsell?or\w*|conseill\w*|psy\w*"
    r"|therap\w*|infirmi\w*|travailleu\w* social\w*|ts|social worker\w*|agent\w*|r?appel\w*"
    r"|call\w*|contact\w*|joindre|rejoindre|aide|aider|aidez|help\w*)\b"
)
HANDOFF_ROUTE_SLOT = "handoff_route"


class ActionTriageRequestHuman(Action):
    """request_human: the hand-off (the establishment, then who can talk now), except for a
    question DIET took for it that speaks of no person, call, contact or help, outside a risk
    in the conversation, and that the knowledge base answers with confidence, read in the
    conversation's context, on another topic than crisis and the listening lines (the hand-off
    gives those lines and more): "quels signes montrent qu'une personne s'épuise au travail?".
    On the development sets through the gateway, 10 of 990 questions were asked for their
    establishment, 5 of them such questions."""

    def name(self) -> str:
        return "action_triage_request_human"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        text, _, metadata = _message(tracker)
        handoff = [SlotSet(HANDOFF_ROUTE_SLOT, "form")]
        if text.startswith("/") or not looks_like_question(text) or tracker.get_slot("at_risk"):
            return handoff  # after a risk, a request for a person is always one
        if ASKS_FOR_A_PERSON.search(fold(text).replace("'", " ").replace("’", " ")):
            return handoff
        turn = searched(tracker, text, metadata)
        if turn is None:
            return handoff
        answer = answer_of(turn, likely=False)
        if answer is None or answer.topic in LINES_TOPICS:
            return handoff
        send(dispatcher, tracker, answer, outcome_of(turn))
        return [SlotSet(HANDOFF_ROUTE_SLOT, "answer"), *remember(turn, answer)]


class ActionTriageManager(Action):
    """refer_employee: the guided path for "un employé ne va pas bien / comment le référer",
    the answer for a manager's specific question."""

    def name(self) -> str:
        return "action_triage_manager"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        text, _, metadata = _message(tracker)
        guide = [SlotSet(ROUTE_SLOT, "guide"), SlotSet(AUDIENCE_SLOT, "manager")]
        if text.startswith("/"):
            return guide
        try:
            knowledge_base = get_knowledge_base()
            referral = {article.id for article in get_guides()[MANAGER_GUIDE].articles}
            referral |= STRUGGLING_EMPLOYEE_ARTICLES
            known = {"audience": "manager", "context_id": tracker.get_slot(CONTEXT_SLOT)}
            turn = relayed_turn(knowledge_base, text, metadata, **known) or ask(
                knowledge_base, text, **known
            )
            answer = answer_of(turn)  # a likely one too: 10 of 11 right on the development sets
            if answer is None or turn.result.hits[0].article.id in referral:
                own = self._own_question(knowledge_base, tracker, text, metadata, referral)
                if own is None:
                    return guide
                turn, answer = own
        except Exception:  # the guided path needs no index
            logger.exception("knowledge base unavailable for the manager's triage")
            return guide
        if answer is None:
            return guide
        send(dispatcher, tracker, answer, outcome_of(turn))
        return [SlotSet(ROUTE_SLOT, "answer"), *remember(turn, answer)]

    @staticmethod
    def _own_question(
        knowledge_base: KnowledgeBase,
        tracker: Tracker,
        text: str,
        metadata: dict[str, Any],
        referral: set[str],
    ) -> tuple[Turn, Answer] | None:
        """The turn and answer of a message that speaks of nobody else, searched as any
        question, when it is answered (confident or likely) and none of its three articles is
        about a struggling employee or a crisis; else None (the guided path and its danger
        check).

        The danger check asks about "cette personne": DIET also reads as a referral messages
        that speak of no one, such as an employee's question about their own access
        ("stagiaire, puis-je utiliser le service d'aide du personnel?", "hired through an
        agency, can I use the EAP?"). On kb_test_2026_12k and 12m through the gateway
        (development, 660 questions), 3 such questions now get their answer. Anything unsure
        keeps the danger check: a review found managers' worries the third-person words miss
        ("quelqu'un de mon équipe a l'air à boutte", "I'm worried about one of my nurses")."""
        if speaks_of_someone_else(text):
            return None
        turn = search_turn(knowledge_base, tracker, text, metadata)
        answer = answer_of(turn)
        if answer is None:
            return None
        if any(hit.article.id in referral or hit.article.topic == CRISIS_TOPIC for hit in turn.result.hits):
            return None
        return turn, answer


class ActionDistressArticle(Action):
    """express_distress: after the support reply (utter_distress, a static response sent even
    when this server is down), the article nearest to what the person describes (a PAB's strain,
    night work, a caseload), offered as "de l'information qui pourrait vous être utile" when the
    search is not confident; nothing when that article is a crisis one: the support reply already
    gives the lines. The message is searched on its own, never as a follow-up of the last answer.
    A message DIET reads as distress is about strain, which the knowledge base covers: on the
    KB sets 12b-12g and data/kb (development, 1,551 questions), 101 such questions had a best
    article that was not a crisis one, right for 40/40 confident, 20/20 likely and 37/41 under
    (2 of 195 off-topic questions were read as distress). Until 2026-12-04 only a confident
    article was sent: 11 of 330 questions of kb_test_2026_12g got the support reply alone."""

    def name(self) -> str:
        return "action_distress_article"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        text, _, metadata = _message(tracker)
        if not has_content(text) or text.startswith("/"):
            return []
        # Not read as a follow-up: "je suis à bout" after an answer about privacy is about the
        # person, not that article (an unsure article is sent here, whatever its cosine).
        turn = searched(tracker, text, metadata, in_context=False)
        if turn is None:  # the support reply is already sent: nothing more to say
            return []
        answer = reply(turn, confident_only=False, likely=False, lead=DISTRESS_LEAD)
        if answer is None or answer.topic == CRISIS_TOPIC:
            return []
        send(dispatcher, tracker, answer, outcome_of(turn))
        return remember(turn, answer)


# Dialogue acts a question is sometimes taken for (DIET read "C'est quoi leur numéro?" as "are
# you a bot?"), and the static response each one gets otherwise.
DIALOGUE_ACT_RESPONSES = {
    "bot_challenge": "utter_iamabot",
    "ask_help": "utter_help_menu",
    "confirm_safe": "utter_glad_safe",  # outside a crisis only: inside one, static rules answer
    "goodbye": "utter_goodbye",
}
# Under this intent confidence, a question DIET took for a dialogue act that the search is not
# sure of gets "pas certain" with its articles rather than the act's reply: "On partage le même
# ordi, la prochaine personne va-t-elle voir ce que j'ai écrit?" read as goodbye (0.52), "Mon
# boss pourrait-il voir ce que j'ai tapé ici?" as ask_help (0.63), a follow-up "lequel a un
# clavardage?" as bot_challenge (0.78): kb_test_2026_12q, through the gateway.
DIALOGUE_ACT_SURE = 0.8
# A question about who answers always gets the static reply: saying plainly that this is an
# automated assistant is not left to a search, whatever the conversation's context.
# A machine, a computer, a program or an assistant only when the question is whether one answers
# ("es-tu un programme?", "c'est un ordi qui me répond?"): "la prochaine personne sur l'ordi du
# poste va-t-elle voir ce que j'ai écrit?" and "mon assistante-chef" are questions for the
# search (kb_test_2026_12q), as are human resources.
ABOUT_THE_ASSISTANT = re.compile(
    r"\b(?:robot|bot|chatbot|chatgpt|gpt|(?<!ressources )humaine?s?|(?<!human )human(?! resources)"
    r"|vraie? personne|vrai monde|real person|ia|(?<!j )ai(?! je| tu| il| elle)|intelligence artificielle"
    r"|artificial|automat\w*|derriere (?:le|l) ecran|behind the screen"
    r"|(?:es tu|etes vous|t es|tu es|vous etes|are you|c est|cest|est ce (?:un|une)|is (?:it|this|that)"
    r"|am i|parle a|parle avec|parler a|parler avec|jase\w* avec|ecri\w* a|talking to|speaking to"
    r"|chatting with|texting|texte avec)(?: \w+){0,2} (?:un |une |a |an )(?:machine|ordi|ordinateur"
    r"|computer|programme|program|logiciel|software|assistant(?!e)\w*)(?! for| pour| that| qui| de| d"
    r"| gratuit| free| sur| on)"
    r"|qui (?:me |m )?(?:repond|parle|ecrit|lit)|who (?:am i|is|are you)|are you real"
    r"|(?:es tu|etes vous) (?:un |une )?(?:vrai|vraie|reel|reelle)|qui (?:es tu|etes vous)"
    r"|t es qui|tu es qui|vous etes qui|c est qui)\b"
)


# Not French "j'ai" ("ai"), nor "programme d'aide" ("programme"): every question with either was
# taken for one about who answers and got the static reply (found on kb_test_2026_12p).
def _about_the_assistant(text: str) -> bool:
    return ABOUT_THE_ASSISTANT.search(fold(text).replace("-", " ").replace("'", " ")) is not None


class ActionQuestionOrDialogueAct(Action):
    """bot_challenge, ask_help, goodbye, confirm_safe outside a crisis: a message that asks something the
    knowledge base answers with confidence (read in the conversation's context, like any
    question) gets that answer; any other, and always a question about who answers
    (ABOUT_THE_ASSISTANT), gets the act's static response ("je suis un assistant", the menu,
    "merci de me rassurer"). On the 12f set through the gateway, 7 of 330 questions got one of
    the first two instead of their answer, mostly short follow-ups; on 12h, 3 got the third.
    "Merci de me rassurer" was also the reply to distress DIET took for confirm_safe ("je ne me
    reconnais plus, je dors mal...", 2 of kb_test_2026_12p's 300) and to a question it was not
    sure of (1): distress the gateway's detector saw now gets the support reply and its article,
    and such a question the "pas certain" reply with its articles; so does a question taken for
    another act with an intent confidence under DIALOGUE_ACT_SURE."""

    def name(self) -> str:
        return "action_question_or_dialogue_act"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        text, intent, metadata = _message(tracker)
        unsure_of_the_act = _intent_confidence(tracker) < DIALOGUE_ACT_SURE
        turn = None
        # A goodbye that reads as a question is searched only when DIET is not sure of it:
        # "Merci! Je vais appeler Info-Social ce soir. Bye" gets the goodbye, not the article again.
        if (
            looks_like_question(text)
            and not _about_the_assistant(text)
            and (intent != "goodbye" or unsure_of_the_act)
        ):
            turn = searched(tracker, text, metadata)
        answer = answer_of(turn, likely=False) if turn is not None else None
        if turn is not None and answer is not None:
            send(dispatcher, tracker, answer, outcome_of(turn))
            return remember(turn, answer)
        if intent == "confirm_safe":
            decision = relayed_decision(metadata)
            if decision is not None and decision.distress:
                # "Je ne me reconnais plus, je dors mal..." taken for "je suis en sécurité":
                # the support reply and the article that fits, as for express_distress.
                dispatcher.utter_message(response="utter_distress")
                return await ActionDistressArticle().run(dispatcher, tracker, domain)
        if turn is not None and turn.result.hits and (intent == "confirm_safe" or unsure_of_the_act):
            # a question the search is not sure of, and DIET not sure it is the act
            send(dispatcher, tracker, *unsure_reply(turn))
            return []
        dispatcher.utter_message(response=DIALOGUE_ACT_RESPONSES.get(intent, "utter_help_menu"))
        return []


class ActionAnswerAfterCrisis(Action):
    """After a crisis reply (the rules send it first, static, whatever happens here): the
    question the message also asked, when the knowledge base answers it with confidence, on
    another topic than crisis (the reply gave those lines). A false alarm ("pis mes messages,
    ils restent où?", "moi pis ma collègue on se pile sur les pieds depuis des mois, ça marche
    plus") then gets its answer under the lines, and a person in crisis who asked something
    ("est-ce que le PAE est confidentiel?") gets that answer too. Only when the classifier
    alone saw the crisis: when the lexicon finds risk, about the writer or someone else ("un
    collègue a parlé de se tuer, c'est tu juste de la fatigue?"), the crisis reply is the whole
    answer (an article there could read as "it is only fatigue"). Never an article of the
    topics whose lines the crisis reply already gives (crisis, listening lines).
    On kb_test_2026_12k and 12m through the gateway (development, 660 questions), 17 got the
    crisis reply alone where another topic was expected; with this guard 12 still do."""

    def name(self) -> str:
        return "action_answer_after_crisis"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        text, _, metadata = _message(tracker)
        if text.startswith("/"):  # a button ("Revoir les numéros"): the crisis context stays
            if tracker.get_slot(CONTEXT_SLOT) in _CRISIS_CONTEXTS:
                return []
            return _crisis_context(tracker, None)
        if not looks_like_question(text) or assess(text).is_crisis:
            return _crisis_context(tracker, None, text, metadata)
        turn = searched(tracker, text, metadata)
        answer = answer_of(turn, likely=False) if turn is not None else None
        if answer is None or answer.topic in LINES_TOPICS:
            return _crisis_context(tracker, turn)
        dispatcher.utter_message(response="utter_answer_after_crisis")
        send(dispatcher, tracker, answer, CONFIDENT, reminder=False)
        return remember(turn, answer)


def _crisis_context(
    tracker: Tracker,
    turn: Turn | None,
    text: str | None = None,
    metadata: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """The crisis reply's article as the conversation's current article (CRISIS_CONTEXT_ARTICLES):
    of the crisis type's articles, the first among the message's top hits, else the first. With
    no `turn` yet and a choice to make, `text` is searched out of context (`searched`: the
    gateway's relayed results when they fit, else one embedding here, as for a message its
    lexicon called a crisis, which the gateway does not search)."""
    candidates = CRISIS_CONTEXT_ARTICLES.get(tracker.get_slot("crisis_type") or "")
    if not candidates:
        return []
    if turn is None and text is not None and len(candidates) > 1:
        turn = searched(tracker, text, metadata or {}, in_context=False)
    ranked = [hit.article.id for hit in turn.result.hits] if turn is not None else []
    chosen = next((article for article in ranked if article in candidates), candidates[0])
    return [SlotSet(CONTEXT_SLOT, chosen)]


class ActionDefaultFallback(Action):
    """No rule applies (RulePolicy's core fallback): search before saying "pas compris".

    It ends the turn (FollowupAction listen): Rasa's own fallback does so by reverting the
    message, which this one keeps (it may answer it). Without it, when no policy is confident
    after it either (a first message naming an establishment: "CISSS de Laval"), the fallback
    was predicted again and again, the same reply sent up to ten times, until Rasa's circuit
    breaker stopped it."""

    def name(self) -> str:
        return "action_default_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        text, _, metadata = _message(tracker)
        turn = searched(tracker, text, metadata) if has_content(text) else None
        if turn is not None:
            answer, outcome = answer_of(turn), outcome_of(turn)
            if answer is None and looks_like_question(text) and turn.result.hits:
                answer, outcome = unsure_reply(turn)
            if answer is not None:
                send(dispatcher, tracker, answer, outcome)
                return [*remember(turn, answer), FollowupAction(ACTION_LISTEN)]
        dispatcher.utter_message(response="utter_default")
        return [FollowupAction(ACTION_LISTEN)]
