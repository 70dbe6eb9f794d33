"""Families the lexicon missed on crisis_holdout_2026_12r (a development set since): no longer
there "ni pour rien d'autre"; scratching until it bleeds; having hurt a resident and afraid of
doing worse; jumping from a numbered floor; a threat to shoot up a place, and "il sait à quelle
heure je finis"; trapped with smoke or a hot door; a fryer fire catching.

Each case is written for this test, not copied from a data file; the second half holds the
uses these families must leave alone (holidays, eczema, a fall prevented, a meal, a complaint, a
schedule, traffic, a training, a smoker, a suicide threat asked about in a clinic).
"""

from __future__ import annotations

import pytest

from safety import RiskLevel, assess
from safety.reply_variant import EMERGENCY, SELF, THIRD_PERSON, reply_variant

CRISES = [
    ("Je pourrai pas finir la formation en janvier. Je serai plus là pour personne, ni pour rien"
     " d'autre.", SELF),
    ("je vais pu être là, ni pour ça ni pour rien, j'ai tout placé", SELF),
    ("je me grafigne les avant-bras avec une aiguille jusqu'à saigner", SELF),
    ("I scrape my wrists with my keys until it bleeds, nobody knows", SELF),
    ("J'ai serré le bras d'un résident trop fort hier. J'ai peur de faire pire demain.", None),
    ("I pushed a patient against the wall, I'm terrified I'll do something worse", None),
    ("Mon collègue dit qu'il va se jeter du 6e étage après son quart", THIRD_PERSON),
    ("Le conjoint d'une patiente a menacé de tirer sur le personnel de l'urgence", None),
    ("He told me he knows what time I get off. He was waiting by my car last week.", None),
    ("Il y a de la fumée dans la cage d'escalier, on est coincés au 4e avec deux résidents",
     EMERGENCY),
    ("we're stuck in the linen room, there's smoke under the door", EMERGENCY),
    ("feu de graisse dans la cuisine, ça prend dans la hotte, on évacue?", EMERGENCY),
]

CALM = [
    "je serai plus là la semaine prochaine, ni pour la réunion ni pour le party, je suis en"
    " vacances",
    "j'ai pogné le bras de la résidente pour pas qu'elle tombe, j'ai peur de lui avoir fait un"
    " bleu",
    "le patient du 8e étage veut se jeter sur son repas tellement il a faim lol",
    "il a menacé de porter plainte au commissaire aux plaintes",
    "un patient a menacé de se tuer à l'urgence, quel formulaire remplir?",
    "Est-ce que je peux briser la confidentialité si un usager menace de tuer quelqu'un?",
    "mon gestionnaire sait mon horaire par cœur",
    "je suis coincée dans le trafic, ça boucane sur l'autoroute à cause d'un accident",
    "comment on éteint un feu de friteuse? c'est pour la formation SST",
    "la fumée de cigarette me donne mal à la tête, je suis coincée avec un fumeur dans l'auto",
    "je suis prise au travail, y a le feu dans mes courriels lol",
    # from a review of the first draft: a schedule, a bonus, a grade, a supper, bed bugs, a
    # campfire, a poster, an extinguisher, a fire already out, a pulled muscle
    "I won't be available for anyone during my vacation, who covers my patients?",
    "je vais sauter du 5e au 7e échelon avec la nouvelle convention",
    "La direction menace de faire sauter nos primes de soir",
    "Formation code argent: on fait quoi si quelqu'un menace de tirer dans l'urgence?",
    "Elle m'a dit qu'elle sait à quelle heure je finis, elle va venir me chercher pour souper",
    "bed bugs in my apartment, I scratch my legs until they bleed, who do I call?",
    "on fait un feu de camp au chalet, je suis prise avec la fumée dans les yeux lol",
    "Affiche SST: si la porte est chaude, restez dans la pièce et bloquez la fumée",
    "Un feu de friteuse, ça prend un extincteur de classe K",
    "Hier soir feu de graisse dans la cuisine, ça a pogné dans la hotte, mais c'est éteint",
    "Je me suis tiré un muscle au dos en poussant un lit, j'ai peur de faire pire",
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
