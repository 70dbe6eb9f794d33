"""Families the lexicon missed on crisis_holdout_2026_12q (a development set since): a death
question that is "not theoretical" or asked "for myself"; a note written and nothing done "yet";
gone and "not on leave"; going to bed hoping not to wake up; hurt on purpose; the head against the
wall when sad, or with a head injury's signs; drinking or mixing until blacking out; a baby
shaken; goodbye posts; fallen and breathing badly; a chemical smell and someone down; the
narcotics count checked "je demande pour moi".

Each case is written for this test, not copied from a data file; the second half holds the
uses these families must leave alone (an idiom, a back injury, a retirement, a bottle shaken, a
training, a report to make, a thirst).
"""

from __future__ import annotations

import pytest

from safety import RiskLevel, assess
from safety.reply_variant import EMERGENCY, SELF, THIRD_PERSON, reply_variant

CRISES = [
    # a death question that is not theoretical
    ("Si je meurs demain, mon chum touche-tu mon assurance vie? C'est pas une question théorique",
     SELF),
    ("If I died, would my kids get the group insurance? This is not hypothetical.", SELF),
    ("Mon assurance couvre-tu le suicide? Je le demande pour moi.", SELF),
    # a note written, nothing done yet
    ("j'ai écrit une lettre à ma fille hier soir. J'ai rien fait. Pas encore.", SELF),
    ("I've written my letters. Haven't done anything yet.", SELF),
    # gone, and not on leave
    ("Qui prendrait mes patients si je suis plus là? Pas en vacances. Pour de bon.", SELF),
    # hoping not to wake up
    ("je m'endors chaque soir en espérant ne plus me réveiller", SELF),
    ("most nights I go to sleep hoping I won't wake up", SELF),
    # hurt on purpose
    ("chu tellement tannée, jme suis fait mal exprès hier", SELF),
    ("I hurt myself on purpose again last night", SELF),
    # the head against the wall
    ("Quand je suis en colère je me cogne la tête sur le mur", SELF),
    ("I banged my head against the wall after the meeting, now everything's blurry", SELF),
    # drinking or mixing until blacking out
    ("je bois du fort tous les soirs jusqu'à perdre la carte", SELF),
    ("I mix pills and vodka most nights until I pass out", SELF),
    # a baby shaken
    ("Ma petite crie depuis 3 heures, je l'ai secouée tantôt, j'ai peur de moi", None),
    ("I shook my baby last night, I need help", None),
    # goodbye posts
    ("Mon coloc qui travaille à l'urgence a publié un adieu sur Facebook pis y répond plus",
     THIRD_PERSON),
    # fallen, breathing badly
    ("La résidente est tombée dans la salle de bain, elle respire mal, je suis seule", EMERGENCY),
    ("a visitor collapsed in the lobby and he's barely breathing", EMERGENCY),
    # a chemical smell and someone down
    ("Odeur de chlore très forte dans la buanderie, mon collègue s'est évanoui", EMERGENCY),
    ("smells like gas in the kitchen and my coworker is dizzy and throwing up", EMERGENCY),
    # the narcotics count, for oneself
    ("Qui vérifie le décompte des narcotiques la nuit? C'est pour moi, pas pour un travail.", None),
]

CALM = [
    "j'ai envie de me cogner la tête contre les murs avec ce nouveau logiciel",
    "je me suis fait mal au dos en levant un résident",
    "I hurt my knee playing hockey on purpose? no, by accident lol",
    "ma collègue a publié un message d'adieu pour sa retraite, on lui fait un party",
    "j'ai secoué le biberon avant de le donner au bébé",
    "le bébé d'une usagère a été secoué, comment je fais le signalement à la DPJ?",
    "la patiente est tombée ce matin, elle respire bien, comment remplir le rapport AH-223?",
    "à la formation sur les déversements, le mannequin est tombé et respire pas, c'est un exercice",
    "je bois de l'eau jusqu'à plus soif pendant mes quarts d'été",
    "Je demande pour moi: combien de séances le PAE couvre-t-il?",
    "si je meurs de fatigue avant la fin du quart, pas une question théorique lol",
    "Est-ce que l'assurance couvre le suicide d'un proche? Je demande pour moi, pour le deuil.",
    "si je suis plus là la semaine prochaine, qui fait mon horaire? je serai en congé",
    "j'ai écrit une lettre de démission, j'ai rien envoyé encore",
    "je me couche en espérant pas me réveiller en retard demain",
    # from a review of the first draft: a will, a chart, a transfer, a night, an accusation,
    # an accident, a card, a fall last week, a smoker, a doctor's office
    "Si je meurs avant mon mari, il garde ma rente? C'est pas une question théorique, on va chez"
    " le notaire lundi",
    "j'ai écrit une note au dossier, j'ai rien fait encore pour la plaie",
    "si je suis plus là en janvier, pas en congé, je change de poste pour le CLSC",
    "je prends de la mélatonine en espérant ne pas me réveiller au milieu de la nuit",
    "hoping I don't wake up my roommate when I get home at 4",
    "ma cheffe insinue que je me suis fait mal exprès, je fais quoi avec ma réclamation?",
    "I hit my head on the cabinet door, headache since, do I fill a form?",
    "j'ai secoué la petite bouteille de lait maternisé avant de la donner",
    "on a écrit une carte d'adieu pour Lucie qui quitte l'unité vendredi",
    "la résidente est tombée la semaine passée, depuis elle respire mal à cause de ses côtes",
    "ça sent la cigarette dans la chambre, le patient fume en cachette pis il a vomi",
    "Peux-tu vérifier si le cabinet du médecin est ouvert samedi? C'est pour moi",
    "Mon patient m'a dit « je bois jusqu'à perdre la carte », comment je documente ça?",
]


@pytest.mark.parametrize(("text", "variant"), CRISES)
def test_each_family_is_a_crisis_with_its_reply(text: str, variant: str | None) -> None:
    assessment = assess(text)
    assert assessment.level is RiskLevel.CRISIS, text
    if variant is not None:
        assert reply_variant(assessment) == variant, text


@pytest.mark.parametrize("text", CALM)
def test_the_harmless_uses_stay_below_crisis(text: str) -> None:
    assert assess(text).level is not RiskLevel.CRISIS, text
