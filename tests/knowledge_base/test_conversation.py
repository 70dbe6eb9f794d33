"""Audience from the message, follow-ups read in context, what counts as a question."""

from __future__ import annotations

import pytest

from knowledge_base.audience import infer_audience, resolve_audience, speaks_of_someone_else
from knowledge_base.conversation import is_followup, looks_like_question
from knowledge_base.loader import load_articles
from tests.knowledge_base.conftest import ARTICLES

PAE = next(a for a in load_articles(ARTICLES) if a.id == "pae-c-est-quoi")


@pytest.mark.parametrize(
    "text",
    [
        "Mon employé ne va pas bien",
        "une de mes infirmières pleure au poste",
        "je suis gestionnaire, le PAE c'est pour moi aussi?",
        "en tant que cheffe d'unité, que faire?",
        "comment préparer mon équipe à un changement",
        "I'm a manager, what can I do for my team?",
        "je suis gestionnaire par intérim",
    ],
)
def test_a_manager_is_recognised_from_the_message(text: str) -> None:
    assert infer_audience(text) == "manager"


@pytest.mark.parametrize(
    "text",
    ["mon gestionnaire va-tu le savoir?", "ma cheffe me harcèle", "c'est quoi le PAE", "my boss"],
)
def test_an_employee_speaking_of_their_manager_is_not_a_manager(text: str) -> None:
    assert infer_audience(text) is None


def test_the_message_wins_over_the_profile_then_the_conversation() -> None:
    assert resolve_audience("mon équipe est épuisée", given="employee") == "manager"
    assert resolve_audience("c'est gratuit?", given="employee", remembered="manager") == "employee"
    assert resolve_audience("c'est gratuit?", remembered="manager") == "manager"
    assert resolve_audience("c'est gratuit?") is None


@pytest.mark.parametrize(
    "text",
    [
        "une de mes infirmières pleure au poste",
        "comment aborder cet employé",
        "comment la référer au PAE?",
        "il ne dort plus, je fais quoi?",
        "un gars de mon équipe boit au travail",
        "mon éducatrice a l'air épuisée",
        "How do I refer an employee to the EAP?",
        "she keeps crying in the break room",
    ],
)
def test_a_referral_speaks_of_someone_else(text: str) -> None:
    assert speaks_of_someone_else(text)


@pytest.mark.parametrize(
    "text",
    [
        "Je suis stagiaire, pas encore employée. Puis-je utiliser le PAE?",
        "As a retired nurse coming back to work, do I qualify for the EAP?",
        "Le PAE s'étend-il aux enfants?",
        "je suis une infirmière de nuit, le PAE c'est pour moi aussi?",
        "ma fille est malade, le PAE peut m'aider?",
        "c'est quoi la gestion de proximité?",
    ],
)
def test_a_question_about_oneself_or_a_program_speaks_of_no_one_else(text: str) -> None:
    assert not speaks_of_someone_else(text)


def test_follow_ups_need_a_context_and_no_other_program() -> None:
    assert is_followup("pis c'est gratuit?", PAE)
    assert is_followup("et pour ma famille, est-ce qu'ils sont couverts aussi?", PAE)
    assert not is_followup("pis c'est gratuit?", None)
    assert not is_followup("c'est quoi le BQVT?", PAE)
    assert not is_followup("je travaille de nuit et je dors vraiment mal depuis des mois", PAE)


def test_a_question_pointing_back_is_a_follow_up_when_it_is_not_long() -> None:
    assert is_followup("combien de fois par année je peux y aller?", PAE)
    assert is_followup("comment j'en trouve un dans mon établissement?", PAE)
    assert is_followup("does it cover my kids and my wife too?", PAE)
    assert not is_followup("combien de fois par année je peux consulter un psychologue?", PAE)
    assert not is_followup(
        "ça fait des semaines que je dors mal et que je pleure en rentrant du travail le soir",
        PAE,
    )


def test_questions_beyond_greetings() -> None:
    assert looks_like_question("Bonjour, c'est quoi le PAE?")
    assert looks_like_question("comment référer un employé")
    assert not looks_like_question("Bonjour!")
    assert not looks_like_question("merci beaucoup")
    assert not looks_like_question("/ask_pae")
