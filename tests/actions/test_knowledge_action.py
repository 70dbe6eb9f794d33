"""action_answer_question, run the way rasa-sdk runs it: a Tracker, a CollectingDispatcher."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.knowledge as knowledge_action
from embeddings.models import create_embedder
from knowledge_base.answers import DISTRESS_LEAD, HEDGE
from knowledge_base.conversation import Turn
from knowledge_base.loader import load_articles
from knowledge_base.search import KnowledgeBase, SearchResult, SearchSettings

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = load_articles(ROOT / "knowledge_base" / "articles")


def tracker(
    text: str,
    intent: str,
    entities: list[dict[str, Any]] | None = None,
    confidence: float = 1.0,
    **slots: Any,
) -> Tracker:
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "entities": entities or [],
        "metadata": {"audience": "employee"},
    }
    return Tracker("test", slots, message, [], False, None, {}, "action_listen")


def provide(kb: KnowledgeBase | Exception, monkeypatch: pytest.MonkeyPatch) -> None:
    """The actions' knowledge base is `kb`, or unavailable (`kb` raised)."""

    def get() -> KnowledgeBase:
        if isinstance(kb, Exception):
            raise kb
        return kb

    monkeypatch.setattr(knowledge_action, "get_knowledge_base", get)


def run(kb: KnowledgeBase | Exception, monkeypatch: pytest.MonkeyPatch, tracker_: Tracker) -> list[dict]:
    provide(kb, monkeypatch)
    dispatcher = CollectingDispatcher()
    asyncio.run(knowledge_action.ActionAnswerQuestion().run(dispatcher, tracker_, {}))
    return dispatcher.messages


def knowledge_base(threshold: float) -> KnowledgeBase:
    settings = SearchSettings(threshold=threshold, lexical_weight=0.3)
    return KnowledgeBase.from_articles(ARTICLES, create_embedder("hashing"), settings)


def test_picked_article_is_answered_with_source_and_date(monkeypatch: pytest.MonkeyPatch) -> None:
    article = next(a for a in ARTICLES if a.id == "pae-gratuit-et-confidentiel")
    entities = [{"entity": "article_id", "value": article.id}]
    messages = run(knowledge_base(0.0), monkeypatch, tracker("/ask_article", "ask_article", entities))
    answer = messages[0]
    assert answer["text"].startswith(article.summary)
    assert f"Source : {article.title} (révisée le {article.last_reviewed.isoformat()})" in answer["text"]
    assert answer["custom"]["relais"]["sources"][0]["id"] == article.id
    assert answer["custom"]["relais"]["topic"] == "pae"
    assert answer["custom"]["relais"]["answer"] == "confident"  # for the indicators
    assert {"title": "Parler à quelqu'un", "payload": "/request_human"} in answer["buttons"]


def test_confident_search_answers_from_the_best_article(monkeypatch: pytest.MonkeyPatch) -> None:
    messages = run(knowledge_base(-1.0), monkeypatch, tracker("PAE gratuit confidentiel", "ask_pae"))
    answer = messages[0]
    source = answer["custom"]["relais"]["sources"][0]
    assert f"Source : {source['title']}" in answer["text"]
    assert len(answer["buttons"]) <= 3
    assert answer["custom"]["relais"]["answer"] == "confident"


def test_unsure_offers_articles_and_a_person_never_an_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    messages = run(knowledge_base(2.0), monkeypatch, tracker("truc bizarre", "nlu_fallback"))
    answer = messages[0]
    assert "pas certain" in answer["text"]
    assert "Source :" not in answer["text"]
    assert answer["custom"]["relais"]["sources"] == []
    assert 1 <= len(answer["buttons"]) <= 4
    assert answer["buttons"][-1]["payload"] == "/request_human"
    assert all(b["payload"].startswith("/ask_article") for b in answer["buttons"][:-1])
    # For the indicators: unsure, and the nearest article (the first one offered).
    assert answer["custom"]["relais"]["answer"] == "unsure"
    assert answer["custom"]["relais"]["nearest"] in answer["buttons"][0]["payload"]


def test_under_the_threshold_diet_naming_the_best_articles_topic_sends_it_said_likely(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "PAE gratuit confidentiel"
    kb = knowledge_base(2.0)  # never confident, never likely
    best = kb.search(text, "employee", k=3).hits[0].article
    assert best.topic == "pae"
    agreed = run(kb, monkeypatch, tracker(text, "ask_pae", confidence=0.9))[0]
    assert agreed["custom"]["relais"]["sources"][0]["id"] == best.id
    assert agreed["text"].startswith(HEDGE) and agreed["custom"]["relais"]["answer"] == "unsure"
    # DIET unsure of its reading, or naming another topic: "pas certain", as before.
    for intent, confidence in (("ask_pae", 0.6), ("ask_bqvt", 0.99), ("nlu_fallback", 0.99)):
        answer = run(kb, monkeypatch, tracker(text, intent, confidence=confidence))[0]
        assert "pas certain" in answer["text"] and answer["custom"]["relais"]["sources"] == []


def test_a_follow_up_is_never_sent_on_the_topic_agreement_alone() -> None:
    kb = knowledge_base(2.0)
    result = kb.search("PAE gratuit confidentiel", "employee", k=3)
    assert result.hits[0].article.topic == "pae"
    context = kb.article("pae-c-est-quoi")
    assert knowledge_action.topic_agreed(Turn(result, "employee", None), "ask_pae", 0.99) is not None
    assert knowledge_action.topic_agreed(Turn(result, "employee", context), "ask_pae", 0.99) is None


def test_distress_after_an_answer_is_not_read_as_its_follow_up(monkeypatch: pytest.MonkeyPatch) -> None:
    kb = knowledge_base(2.0)
    monkeypatch.setattr(knowledge_action, "get_knowledge_base", lambda: kb)
    dispatcher = CollectingDispatcher()
    after_privacy = tracker("je suis à bout", "express_distress", kb_article="confidentialite-anonymat")
    asyncio.run(knowledge_action.ActionDistressArticle().run(dispatcher, after_privacy, {}))
    alone = kb.search("je suis à bout", "employee", k=3).hits[0].article.id
    assert [m["custom"]["relais"]["sources"][0]["id"] for m in dispatcher.messages] == [alone]


def test_out_of_scope_without_a_confident_match_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    messages = run(knowledge_base(2.0), monkeypatch, tracker("score du Canadien hier", "out_of_scope"))
    assert messages[0]["response"] == "utter_out_of_scope"


def test_menu_button_asks_the_topic_question(monkeypatch: pytest.MonkeyPatch) -> None:
    messages = run(knowledge_base(-1.0), monkeypatch, tracker("/ask_bqvt", "ask_bqvt"))
    assert messages[0]["custom"]["relais"]["sources"]


def test_risk_reminder_follows_answers_after_a_crisis(monkeypatch: pytest.MonkeyPatch) -> None:
    messages = run(knowledge_base(-1.0), monkeypatch, tracker("le PAE", "ask_pae", at_risk=True))
    assert "1 866 277-3553" in messages[-1]["text"]


def test_missing_index_is_said_plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    messages = run(FileNotFoundError("var/index"), monkeypatch, tracker("le PAE", "ask_pae"))
    assert messages == [messages[0]] and messages[0]["response"] == "utter_knowledge_unavailable"


def test_a_confident_answer_becomes_the_conversation_context(monkeypatch: pytest.MonkeyPatch) -> None:
    dispatcher = CollectingDispatcher()
    monkeypatch.setattr(knowledge_action, "get_knowledge_base", lambda: knowledge_base(-1.0))
    events = asyncio.run(
        knowledge_action.ActionAnswerQuestion().run(
            dispatcher, tracker("PAE gratuit confidentiel", "ask_pae"), {}
        )
    )
    answered = dispatcher.messages[0]["custom"]["relais"]["sources"][0]["id"]
    assert {"event": "slot", "name": "kb_article", "value": answered, "timestamp": None} in events


def test_a_short_follow_up_says_which_program_it_is_about(monkeypatch: pytest.MonkeyPatch) -> None:
    messages = run(
        knowledge_base(-1.0),
        monkeypatch,
        tracker("pis c'est gratuit?", "nlu_fallback", kb_article="pae-c-est-quoi"),
    )
    assert messages[0]["text"].startswith("Au sujet du PAE")
    assert messages[0]["custom"]["relais"]["topic"] == "pae"


def test_a_new_question_is_not_read_as_a_follow_up(monkeypatch: pytest.MonkeyPatch) -> None:
    messages = run(
        knowledge_base(-1.0),
        monkeypatch,
        tracker("c'est quoi le BQVT?", "ask_bqvt", kb_article="pae-c-est-quoi"),
    )
    assert not messages[0]["text"].startswith("Au sujet")


def triage(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[list, list]:
    monkeypatch.setattr(knowledge_action, "get_knowledge_base", lambda: kb)
    dispatcher = CollectingDispatcher()
    events = asyncio.run(
        knowledge_action.ActionTriageManager().run(dispatcher, tracker(text, "refer_employee"), {})
    )
    return dispatcher.messages, events


def route(events: list[dict]) -> str:
    return next(e["value"] for e in events if e.get("name") == "manager_route")


def test_the_menu_button_takes_the_guided_path(monkeypatch: pytest.MonkeyPatch) -> None:
    messages, events = triage(knowledge_base(-1.0), monkeypatch, "/refer_employee")
    assert messages == [] and route(events) == "guide"


def test_referring_an_employee_takes_the_guided_path(monkeypatch: pytest.MonkeyPatch) -> None:
    messages, events = triage(
        knowledge_base(-1.0), monkeypatch, "comment suggérer le PAE à un employé en détresse"
    )
    assert messages == [] and route(events) == "guide"


def test_a_specific_manager_question_is_answered(monkeypatch: pytest.MonkeyPatch) -> None:
    messages, events = triage(
        knowledge_base(-1.0), monkeypatch, "comment annoncer le décès d'une collègue à l'équipe"
    )
    assert route(events) == "answer"
    assert messages[0]["custom"]["relais"]["sources"][0]["id"] == "gestionnaire-annoncer-un-deces"


def test_a_specific_question_is_answered_with_a_referral_article_as_runner_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # With this index a referral article (the guided path's) comes third: only the best answer
    # decides, so the one-on-one question gets its article, not the danger check.
    text = "comment mener une rencontre individuelle avec un employé"
    runners_up = [hit.article.id for hit in knowledge_base(-1.0).search(text, "manager", k=3).hits]
    assert "gestionnaire-moments-difficiles-relation" in runners_up[1:]
    messages, events = triage(knowledge_base(-1.0), monkeypatch, text)
    assert route(events) == "answer"
    assert messages[0]["custom"]["relais"]["sources"][0]["id"] == "gestionnaire-rencontres-individuelles"


def test_a_specific_manager_question_just_under_the_threshold_is_answered_said_likely(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    always_likely = KnowledgeBase.from_articles(
        ARTICLES, create_embedder("hashing"), SearchSettings(threshold=2.0, lexical_weight=0.3, hedge_margin=9.0)
    )
    messages, events = triage(always_likely, monkeypatch, "comment annoncer le décès d'une collègue à l'équipe")
    assert route(events) == "answer" and messages[0]["text"].startswith(HEDGE)
    assert messages[0]["custom"]["relais"]["sources"][0]["id"] == "gestionnaire-annoncer-un-deces"
    # ... but a referral article, likely or confident, still takes the guided path and its danger check.
    messages, events = triage(always_likely, monkeypatch, "comment suggérer le PAE à un employé en détresse")
    assert messages == [] and route(events) == "guide"


def test_an_unsure_manager_question_takes_the_guided_path(monkeypatch: pytest.MonkeyPatch) -> None:
    messages, events = triage(knowledge_base(2.0), monkeypatch, "mon employé ne va pas bien")
    assert messages == [] and route(events) == "guide"


def own_access(
    monkeypatch: pytest.MonkeyPatch, text: str, own_ids: list[str], confident: bool = True
) -> tuple[list, list]:
    """The triage when the manager's search gives a referral article and the question searched
    as any question gives `own_ids`."""
    kb = knowledge_base(-1.0)
    referral = kb.lead_hit(kb.article("gestionnaire-suggerer-le-pae"))
    monkeypatch.setattr(
        knowledge_action, "ask", lambda *_, **__: Turn(SearchResult((referral,), True), "manager", None)
    )
    own = tuple(kb.lead_hit(kb.article(i)) for i in own_ids)
    monkeypatch.setattr(
        knowledge_action, "search_turn", lambda *_, **__: Turn(SearchResult(own, confident), "employee", None)
    )
    return triage(kb, monkeypatch, text)


def test_a_question_about_ones_own_access_read_as_a_referral_is_answered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # DIET reads it as refer_employee and the manager's search finds the referral article; it
    # speaks of no one else, so no danger check about "cette personne": its own answer.
    text = "je suis stagiaire, est-ce que j'ai droit au PAE"
    messages, events = own_access(monkeypatch, text, ["pae-admissibilite", "pae-famille-conjoint"])
    assert route(events) == "answer"
    assert messages[0]["custom"]["relais"]["sources"][0]["id"] == "pae-admissibilite"


@pytest.mark.parametrize(
    ("text", "own_ids", "confident"),
    [
        # Speaking of someone: the danger check, whatever the search says.
        ("ma collègue a droit au PAE?", ["pae-admissibilite"], True),
        # Unsure: the danger check (managers' worries the words miss must keep it).
        ("je suis stagiaire, est-ce que j'ai droit au PAE", ["pae-admissibilite"], False),
        # A crisis or referral article among the three: the danger check.
        ("ça va pas pantoute, qui peut aider?", ["pae-joindre", "crise-ressources-24-7"], True),
        ("comment on fait ça, le PAE?", ["pae-joindre", "gestionnaire-employe-irritable"], True),
    ],
)
def test_a_referral_keeps_the_danger_check_unless_its_own_answer_is_clear(
    monkeypatch: pytest.MonkeyPatch, text: str, own_ids: list[str], confident: bool
) -> None:
    messages, events = own_access(monkeypatch, text, own_ids, confident)
    assert messages == [] and route(events) == "guide"


def test_an_unsure_referral_speaking_of_someone_keeps_the_danger_check_on_any_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # From an employee page (the tracker's metadata), with no manager's words either.
    for text in ("ma collègue pleure tout le temps, je fais quoi", "comment la référer au PAE?"):
        messages, events = triage(knowledge_base(2.0), monkeypatch, text)
        assert messages == [] and route(events) == "guide"


def fallback(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, text: str) -> list[dict]:
    monkeypatch.setattr(knowledge_action, "get_knowledge_base", lambda: kb)
    dispatcher = CollectingDispatcher()
    asyncio.run(
        knowledge_action.ActionDefaultFallback().run(dispatcher, tracker(text, "affirm"), {})
    )
    return dispatcher.messages


def test_the_default_fallback_searches_a_question(monkeypatch: pytest.MonkeyPatch) -> None:
    messages = fallback(knowledge_base(-1.0), monkeypatch, "le PAE est-il gratuit?")
    assert messages[0]["custom"]["relais"]["sources"]


def test_the_default_fallback_without_content_says_it_did_not_understand(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert fallback(knowledge_base(-1.0), monkeypatch, "ok")[0]["response"] == "utter_default"
    assert fallback(knowledge_base(2.0), monkeypatch, "bof")[0]["response"] == "utter_default"


def after_distress(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[list, list]:
    monkeypatch.setattr(knowledge_action, "get_knowledge_base", lambda: kb)
    dispatcher = CollectingDispatcher()
    events = asyncio.run(
        knowledge_action.ActionDistressArticle().run(
            dispatcher, tracker(text, "express_distress"), {}
        )
    )
    return dispatcher.messages, events


def test_distress_is_followed_by_the_article_that_fits(monkeypatch: pytest.MonkeyPatch) -> None:
    messages, events = after_distress(
        knowledge_base(-1.0), monkeypatch, "je suis préposée en CHSLD, épuisée, j'ai mal au dos et au moral"
    )
    assert [m["custom"]["relais"]["sources"][0]["id"] for m in messages] == ["sante-travail-stress-pab"]
    assert any(e.get("name") == "kb_article" for e in events)  # a follow-up reads it in context


def test_an_unsure_article_after_distress_is_offered_not_said_to_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "je suis préposée en CHSLD, épuisée, j'ai mal au dos et au moral"
    confident, _ = after_distress(knowledge_base(-1.0), monkeypatch, text)
    unsure, events = after_distress(knowledge_base(2.0), monkeypatch, text)
    # The same article, introduced as information that may help, never as the answer to a question.
    assert unsure[0]["custom"]["relais"]["sources"] == confident[0]["custom"]["relais"]["sources"]
    assert unsure[0]["text"].startswith(DISTRESS_LEAD) and not confident[0]["text"].startswith(DISTRESS_LEAD)
    assert unsure[0]["custom"]["relais"]["answer"] == "unsure"
    assert any(e.get("name") == "kb_article" for e in events)


def test_no_crisis_article_after_distress_confident_or_not(monkeypatch: pytest.MonkeyPatch) -> None:
    # The support reply already gives the lines: a crisis article would repeat it.
    text = "idées suicidaires ligne de prévention du suicide"
    assert after_distress(knowledge_base(-1.0), monkeypatch, text)[0] == []
    assert after_distress(knowledge_base(2.0), monkeypatch, text)[0] == []


def dialogue_act(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, text: str, intent: str) -> tuple[list, list]:
    monkeypatch.setattr(knowledge_action, "get_knowledge_base", lambda: kb)
    dispatcher = CollectingDispatcher()
    events = asyncio.run(
        knowledge_action.ActionQuestionOrDialogueAct().run(dispatcher, tracker(text, intent), {})
    )
    return dispatcher.messages, events


def test_a_question_taken_for_a_dialogue_act_is_answered(monkeypatch: pytest.MonkeyPatch) -> None:
    messages, events = dialogue_act(
        knowledge_base(-1.0), monkeypatch, "c'est quoi le numéro du PAE?", "bot_challenge"
    )
    assert messages[0]["custom"]["relais"]["answer"] == "confident"
    assert messages[0]["custom"]["relais"]["sources"]
    assert any(e.get("name") == "kb_article" for e in events)


def test_a_dialogue_act_keeps_its_static_response(monkeypatch: pytest.MonkeyPatch) -> None:
    unsure = knowledge_base(2.0)  # nothing is confident
    robot, _ = dialogue_act(unsure, monkeypatch, "es-tu un vrai humain?", "bot_challenge")
    menu, _ = dialogue_act(knowledge_base(-1.0), monkeypatch, "/ask_help", "ask_help")
    short, _ = dialogue_act(knowledge_base(-1.0), monkeypatch, "aide", "ask_help")
    assert [m["response"] for m in robot] == ["utter_iamabot"]
    assert [m["response"] for m in menu + short] == ["utter_help_menu", "utter_help_menu"]


def test_a_dialogue_act_is_not_replaced_by_a_likely_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    # "qu'est-ce que tu peux faire?" is just under the threshold of some article: the menu stays.
    always_likely = KnowledgeBase.from_articles(
        ARTICLES, create_embedder("hashing"), SearchSettings(threshold=2.0, lexical_weight=0.3, hedge_margin=9.0)
    )
    question = "qu'est-ce que tu peux faire pour moi?"
    helped, _ = dialogue_act(always_likely, monkeypatch, question, "ask_help")
    robot, _ = dialogue_act(always_likely, monkeypatch, question, "bot_challenge")
    assert [m["response"] for m in helped + robot] == ["utter_help_menu", "utter_iamabot"]


def test_outside_a_crisis_a_question_taken_for_i_am_safe_is_answered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question = "si quelqu'un est en danger immédiat, quel numéro faut-il faire?"
    answered, _ = dialogue_act(knowledge_base(-1.0), monkeypatch, question, "confirm_safe")
    assert answered[0]["custom"]["relais"]["sources"]
    # Saying it, not asking it, keeps the static reply, confident search or not.
    safe, _ = dialogue_act(knowledge_base(-1.0), monkeypatch, "je vais bien, merci", "confirm_safe")
    assert [m["response"] for m in safe] == ["utter_glad_safe"]
    # A question it is not sure of: "pas certain" and its articles, never "merci de me rassurer".
    unsure, _ = dialogue_act(knowledge_base(2.0), monkeypatch, question, "confirm_safe")
    assert unsure[0].get("response") != "utter_glad_safe"
    assert unsure[0]["custom"]["relais"]["answer"] == "unsure" and unsure[0]["buttons"]


@pytest.mark.parametrize(
    ("intent", "static"),
    [("goodbye", "utter_goodbye"), ("ask_help", "utter_help_menu"), ("bot_challenge", "utter_iamabot")],
)
def test_a_question_diet_is_unsure_is_an_act_gets_pas_certain_and_its_articles(
    monkeypatch: pytest.MonkeyPatch, intent: str, static: str
) -> None:
    """"La prochaine personne va-t-elle voir ce que j'ai écrit?" read as goodbye at 0.52: not
    "Prenez soin de vous", but the articles the search found; read so with confidence, the act's
    reply stays (nothing is confident in this base)."""
    question = "la prochaine personne sur l'ordi du poste va-t-elle voir ce que j'ai écrit?"
    monkeypatch.setattr(knowledge_action, "get_knowledge_base", lambda: knowledge_base(2.0))
    replies = {}
    for confidence in (0.52, 0.95):
        dispatcher = CollectingDispatcher()
        asyncio.run(
            knowledge_action.ActionQuestionOrDialogueAct().run(
                dispatcher, tracker(question, intent, confidence=confidence), {}
            )
        )
        replies[confidence] = dispatcher.messages
    unsure = replies[0.52][0]
    assert unsure.get("response") != static
    assert unsure["custom"]["relais"]["answer"] == "unsure" and unsure["buttons"]
    assert [m["response"] for m in replies[0.95]] == [static]


def test_distress_taken_for_i_am_safe_gets_the_support_reply_and_its_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "je ne me reconnais plus, je dors mal et je n'ai plus de plaisir au travail"
    monkeypatch.setattr(knowledge_action, "get_knowledge_base", lambda: knowledge_base(2.0))
    distress = {"level": "distress", "variant": "self", "classifier": True}
    replies = {}
    for level, relayed in (("distress", distress), ("none", {**distress, "level": "none"})):
        message = {"text": text, "intent": {"name": "confirm_safe", "confidence": 0.9},
                   "entities": [], "metadata": {"audience": "employee", "relais_crisis": relayed}}  # fmt: skip
        dispatcher = CollectingDispatcher()
        events = asyncio.run(
            knowledge_action.ActionQuestionOrDialogueAct().run(
                dispatcher, Tracker("t", {}, message, [], False, None, {}, "action_listen"), {}
            )
        )
        replies[level] = (dispatcher.messages, events)
    messages, events = replies["distress"]
    assert messages[0]["response"] == "utter_distress"
    assert messages[1]["custom"]["relais"]["sources"]  # the nearest article, said to be information
    assert replies["none"][0][0]["response"] == "utter_glad_safe"  # said, not asked, no distress


@pytest.mark.parametrize(
    "text",
    [
        "es-tu un vrai humain?",
        "y'a-tu quelqu'un de vrai qui me répond?",
        "Est-ce que je parle à une IA?",
        "am I talking to a bot?",
        "qui êtes-vous?",
    ],
)
def test_a_question_about_who_answers_is_always_told_it_is_an_assistant(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    # Every search is confident here, and the conversation has a current article: the
    # disclosure still does not depend on the search.
    kb = knowledge_base(-1.0)
    monkeypatch.setattr(knowledge_action, "get_knowledge_base", lambda: kb)
    dispatcher = CollectingDispatcher()
    context = tracker(text, "bot_challenge", kb_article="pae-c-est-quoi")
    asyncio.run(knowledge_action.ActionQuestionOrDialogueAct().run(dispatcher, context, {}))
    assert [m["response"] for m in dispatcher.messages] == ["utter_iamabot"]


def after_crisis(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[list, list]:
    monkeypatch.setattr(knowledge_action, "get_knowledge_base", lambda: kb)
    dispatcher = CollectingDispatcher()
    # As after the crisis rule: the intent is crisis and at_risk was just set.
    events = asyncio.run(
        knowledge_action.ActionAnswerAfterCrisis().run(dispatcher, tracker(text, "crisis", at_risk=True), {})
    )
    return dispatcher.messages, events


def test_after_a_crisis_reply_the_question_also_asked_is_answered_without_repeating_the_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    messages, events = after_crisis(knowledge_base(-1.0), monkeypatch, "pis mes messages, ils restent stockés où?")
    assert messages[0]["response"] == "utter_answer_after_crisis"
    assert len(messages) == 2 and messages[1]["custom"]["relais"]["sources"]
    assert messages[1]["custom"]["relais"]["topic"] != "crise"
    assert any(e.get("name") == "kb_article" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "je veux mourir, est-ce que le PAE est confidentiel?",  # the writer's own risk: the reply is all
        # someone else's risk, in words: an article could read as "it is only fatigue"
        "un collègue a parlé de se tuer, c'est tu juste de la fatigue du travail de nuit?",
        "merci",  # not a question
    ],
)
def test_after_a_crisis_reply_nothing_more_for_the_writers_risk_or_no_question(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    assert after_crisis(knowledge_base(-1.0), monkeypatch, text) == ([], [])


def test_after_a_crisis_reply_no_unsure_answer_and_no_crisis_article(monkeypatch: pytest.MonkeyPatch) -> None:
    assert after_crisis(knowledge_base(2.0), monkeypatch, "pis mes messages, ils restent stockés où?") == ([], [])
    only_crisis = KnowledgeBase.from_articles(
        [a for a in ARTICLES if a.topic == "crise"], create_embedder("hashing"), SearchSettings(threshold=-1.0)
    )
    assert after_crisis(only_crisis, monkeypatch, "c'est quoi le numéro à appeler la nuit?") == ([], [])


def crisis_turn(text: str, crisis_type: str, metadata: dict[str, Any] | None = None) -> Tracker:
    message = {
        "text": text,
        "intent": {"name": "crisis", "confidence": 1.0},
        "entities": [],
        "metadata": metadata or {"audience": "employee"},
    }
    slots = {"at_risk": True, "crisis_type": crisis_type}
    return Tracker("test", slots, message, [], False, None, {}, "action_listen")


def context_after_crisis(
    kb: KnowledgeBase | Exception, monkeypatch: pytest.MonkeyPatch, turn: Tracker
) -> tuple[list, list]:
    provide(kb, monkeypatch)
    dispatcher = CollectingDispatcher()
    events = asyncio.run(knowledge_action.ActionAnswerAfterCrisis().run(dispatcher, turn, {}))
    return dispatcher.messages, events


def test_every_crisis_type_has_articles_to_be_the_context_of_the_next_question() -> None:
    import yaml

    domain = yaml.safe_load((ROOT / "bot" / "domain" / "crise.yml").read_text(encoding="utf-8"))
    types = domain["slots"]["crisis_type"]["values"]
    assert sorted(knowledge_action.CRISIS_CONTEXT_ARTICLES) == sorted(types)
    ids = {article.id for article in ARTICLES}
    for articles in knowledge_action.CRISIS_CONTEXT_ARTICLES.values():
        assert articles and set(articles) <= ids


@pytest.mark.parametrize(
    ("text", "crisis_type", "article"),
    [
        ("je pense à en finir", "self", "crise-idees-suicidaires"),
        ("ma collègue m'a dit qu'elle pense au suicide", "third_person", "crise-collegue-parle-de-suicide"),
        # the writer's own risk with a question: the reply is all, the context still follows it
        ("je veux mourir, est-ce que le PAE est confidentiel?", "self", "crise-idees-suicidaires"),
        ("/crisis", "violence", "crise-danger-immediat-911"),  # the crisis button: no message of its own
    ],
)
def test_after_a_crisis_reply_its_article_becomes_the_context_of_the_next_question(
    monkeypatch: pytest.MonkeyPatch, text: str, crisis_type: str, article: str
) -> None:
    messages, events = context_after_crisis(knowledge_base(-1.0), monkeypatch, crisis_turn(text, crisis_type))
    assert messages == []
    assert events == [{"event": "slot", "timestamp": None, "name": "kb_article", "value": article}]


def test_after_a_crisis_reply_the_context_is_the_crisis_types_article_the_message_is_nearest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.actions.test_relayed_search import gateway_metadata

    kb = knowledge_base(-1.0)
    text = "mon chum me frappe, la violence conjugale"
    metadata = gateway_metadata(kb, text, "employee")
    ranked = [hit["article"] for hit in metadata["relais_search"]["results"]["employee"]["hits"]]
    assert "crise-violence-conjugale" in ranked and "crise-danger-immediat-911" not in ranked
    _, events = context_after_crisis(kb, monkeypatch, crisis_turn(text, "violence", metadata))
    assert [e["value"] for e in events if e["name"] == "kb_article"] == ["crise-violence-conjugale"]
    # without the gateway's results (its lexicon saw the crisis), searched here
    _, events = context_after_crisis(kb, monkeypatch, crisis_turn(text, "violence"))
    assert [e["value"] for e in events if e["name"] == "kb_article"] == ["crise-violence-conjugale"]
    # and with the index unavailable, the type's first article
    _, events = context_after_crisis(RuntimeError("no index"), monkeypatch, crisis_turn(text, "violence"))
    assert [e["value"] for e in events if e["name"] == "kb_article"] == ["crise-danger-immediat-911"]


def test_a_question_after_a_crisis_reply_is_read_in_its_articles_context(monkeypatch: pytest.MonkeyPatch) -> None:
    kb = knowledge_base(-1.0)
    _, events = context_after_crisis(kb, monkeypatch, crisis_turn("ma collègue m'a dit qu'elle pense au suicide", "third_person"))
    context = events[0]["value"]
    turn = knowledge_action.search_turn(kb, tracker("pis si elle refuse?", "nlu_fallback", kb_article=context), "pis si elle refuse?", {})
    assert turn.followup_of is not None and turn.followup_of.id == "crise-collegue-parle-de-suicide"


def request_human(
    kb: KnowledgeBase | Exception, monkeypatch: pytest.MonkeyPatch, text: str, **slots: Any
) -> tuple[list, list]:
    provide(kb, monkeypatch)
    dispatcher = CollectingDispatcher()
    events = asyncio.run(
        knowledge_action.ActionTriageRequestHuman().run(dispatcher, tracker(text, "request_human", **slots), {})
    )
    return dispatcher.messages, events


def handoff_route(events: list) -> list:
    return [e["value"] for e in events if e["name"] == "handoff_route"]


@pytest.mark.parametrize(
    "text",
    [
        "je veux parler à quelqu'un",
        "y a-t-il quelqu'un de vivant?",
        "Is there someone I can talk to right now? I just finished a terrible night shift.",
        "besoin de parler a quelquun maintenant svp",
        "est-ce qu'un intervenant peut me rappeler ce soir?",
        "/request_human",
        "un humain",
        "Pouvez-vous m'appeler ce soir?",
        "Je voudrais qu'on me rappelle, c'est possible?",
        "Y a-tu du vrai monde qui répond à soir?",
        "Can I get a person?",
        "J'ai besoin d'aide maintenant, je suis à bout",
        "est-ce qu'une travailleuse sociale est disponible?",
    ],
)
def test_asking_for_a_person_always_gets_the_handoff(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    # Every search is confident here: the hand-off still does not depend on it.
    messages, events = request_human(knowledge_base(-1.0), monkeypatch, text, kb_article="pae-c-est-quoi")
    assert messages == [] and handoff_route(events) == ["form"]


def test_a_question_taken_for_asking_for_a_person_is_answered_when_the_search_is_confident(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question = "quels signes montrent qu'une personne s'épuise au travail?"
    messages, events = request_human(knowledge_base(-1.0), monkeypatch, question)
    assert handoff_route(events) == ["answer"]
    assert messages[0]["custom"]["relais"]["sources"]
    assert any(e["name"] == "kb_article" for e in events)
    # unsure: the hand-off, never "pas certain" in its place
    messages, events = request_human(knowledge_base(2.0), monkeypatch, question)
    assert messages == [] and handoff_route(events) == ["form"]


def test_a_question_taken_for_asking_for_a_person_on_the_listening_lines_gets_the_handoff(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    only_lines = KnowledgeBase.from_articles(
        [a for a in ARTICLES if a.topic == "ecoute"], create_embedder("hashing"), SearchSettings(threshold=-1.0)
    )
    messages, events = request_human(only_lines, monkeypatch, "c'est quoi le numéro à appeler ce soir?")
    assert messages == [] and handoff_route(events) == ["form"]


def test_after_a_risk_a_request_for_a_person_always_gets_the_handoff(monkeypatch: pytest.MonkeyPatch) -> None:
    # After a crisis reply the current article is a crisis article and a short question reads
    # as its follow-up: the hand-off (the establishment's numbers, call back, live chat) stays.
    question = "quels signes montrent qu'une personne s'épuise au travail?"
    messages, events = request_human(
        knowledge_base(-1.0), monkeypatch, question, at_risk=True, kb_article="crise-idees-suicidaires"
    )
    assert messages == [] and handoff_route(events) == ["form"]


def test_a_request_for_a_person_gets_the_handoff_when_the_index_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    question = "quels signes montrent qu'une personne s'épuise au travail?"
    messages, events = request_human(RuntimeError("no index"), monkeypatch, question)
    assert messages == [] and handoff_route(events) == ["form"]


def test_the_crisis_button_keeps_a_crisis_context_already_set(monkeypatch: pytest.MonkeyPatch) -> None:
    # "Revoir les numéros" after a colleague's crisis sends /crisis{"crisis_type":"self"}: the
    # next "pis si elle refuse?" is still about the colleague.
    turn = crisis_turn("/crisis", "self")
    turn.slots["kb_article"] = "crise-collegue-parle-de-suicide"
    assert context_after_crisis(knowledge_base(-1.0), monkeypatch, turn) == ([], [])


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("es-tu une IA?", True),
        ("are you an AI or a real person?", True),
        ("t'es-tu un robot?", True),
        ("est-ce un programme automatique qui me répond?", True),
        ("faut-tu que je le déclare même si j'ai pas de blessure?", False),
        ("j'ai besoin d'aide, c'est quoi le programme d'aide aux employés?", False),
        ("c'est-tu un ordi qui me répond?", True),
        ("am I talking to a computer program?", True),
        ("la prochaine personne sur l'ordi du poste va-t-elle voir ce que j'ai écrit?", False),
        ("les ressources humaines peuvent-elles lire ce que j'écris ici?", False),
        ("mon assistante-chef peut-elle me référer au PAE?", False),
        ("Is this a machine?", True),
        ("est-ce automatisé?", True),
        ("Je jase avec une machine?", True),
        ("C'est ChatGPT?", True),
        ("Je parle-tu à un vrai monde?", True),
        ("Is it a program for nurses?", False),
        ("Is this program confidential?", False),
        ("Est-ce un programme gratuit?", False),
        ("Ai-je droit à des congés?", False),
        ("J'écris à mon assistant-chef ou à ma gestionnaire?", False),
    ],
)
def test_a_question_about_who_answers_is_told_apart(text: str, about: bool) -> None:
    assert knowledge_action._about_the_assistant(text) is about
