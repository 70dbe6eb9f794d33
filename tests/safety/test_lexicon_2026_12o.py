"""Families the lexicon missed on crisis_holdout_2026_12o (a development set since): someone who
collapsed and does not respond now; a fire with people inside; a threatening person who says he
knows where the writer lives or parks; the urge to tamper with a patient's dose or pump; burns or
cuts "infligées" to oneself; a last shift "not because I quit", a goodnight "for real this time".

Each case is written for this test, not copied from a data file; the second half holds the
uses these families must leave alone (a protocol question, a drill, a carpool, a prescribed
change, a retirement).
"""

from __future__ import annotations

import pytest

from safety import RiskLevel, assess
from safety.reply_variant import EMERGENCY, SELF, VIOLENCE_STAFF, reply_variant

CRISES = [
    # collapsed, fell or electrocuted, and not responding now
    ("Mon collègue est tombé dans l'escalier du sous-sol, il bouge plus, venez vite", EMERGENCY),
    ("un patient s'est effondré dans le corridor de l'aile B et il réagit pas", None),
    ("Ma mère s'est évanouie dans la cuisine, elle respire pu", None),
    ("l'électricien s'est fait électrocuter dans la salle mécanique, il est par terre il répond pas",
     None),
    ("He collapsed in the hallway and he's not breathing", None),
    ("mon père est tombé il y a 5 minutes et il répond plus", None),
    ("my dad fell down the stairs and he won't wake up", None),
    ("il est tombé pis il bouge pu, je fais quoi??", None),
    # a fire with people inside
    ("La maison d'à côté est en feu pis y a des enfants dedans!", EMERGENCY),
    ("The building across the street is on fire, people are trapped on the 3rd floor", None),
    ("le triplex d'en face brûle pis ma voisine est encore dedans", None),
    ("Le feu est pogné dans le bloc, y a du monde de pogné en haut", None),
    # a threat that follows the writer home
    ("Le père d'un usager m'a engueulée, il m'a dit qu'il savait où j'habite", VIOLENCE_STAFF),
    ("Un client du CLSC m'a crié dessus et a dit qu'il sait où je stationne mon char",
     VIOLENCE_STAFF),
    ("A patient's brother followed me to the bus stop and said he knows where I live", None),
    ("le conjoint d'une cliente m'a écrit qu'il sait où je reste", None),
    # the urge to harm a patient through the treatment
    ("Des fois j'ai envie de doubler le débit de sa pompe, personne le saurait", None),
    ("I was tempted to mess with his insulin after what he said to me", None),
    ("j'ai le goût d'augmenter sa morphine pour qu'il arrête de sonner", None),
    # burns or cuts inflicted on oneself
    ("Je me suis infligé des coupures hier soir avec un scalpel", SELF),
    ("I inflicted burns on myself after my shift", SELF),
    ("je me suis infligée moi-même des brûlures avec le fer", SELF),
    # a last shift that is no resignation; a goodnight for good
    ("C'est mon dernier quart ce soir. Pas parce que je démissionne.", SELF),
    ("bonne nuit tlm pour de vrai cette fois", SELF),
    ("Good night everyone, for real this time", SELF),
    ("last shift tonight, not bc I quit", SELF),
]


@pytest.mark.parametrize(("text", "variant"), CRISES)
def test_the_2026_12o_families_are_a_crisis_with_the_fitting_reply(
    text: str, variant: str | None
) -> None:
    found = assess(text)
    assert found.level is RiskLevel.CRISIS, text
    if variant is not None:
        assert reply_variant(found) == variant, text


NOT_CRISES = [
    # a protocol question, something in the past, over
    "Si un patient est tombé et ne répond pas, on fait quoi en attendant l'équipe?",
    "My coworker fainted last week and was not responding for a minute, then she was fine",
    # a machine, a figure of speech
    "Mon cell est tombé dans la toilette pis il répond plus",
    "L'imprimante est tombée en panne, elle répond pas",
    "my laptop fell off the cart and it's not responding",
    "Le patient est tombé endormi, il ne répond plus quand on l'appelle, il ronfle",
    # a drill, a busy ER, a film, a past fire
    "Exercice d'incendie jeudi : des patients seront coincés dans l'aile B (simulation)",
    "L'urgence est en feu à soir, y a du monde pris sur des civières depuis 6h",
    "On a regardé un film où la maison est en feu avec des enfants pris à l'intérieur",
    "Si un incendie se déclare, les résidents pris dans leur chambre, on les évacue comment?",
    # someone who knows where the writer lives, without a threat
    "Ma soeur sait où je travaille, elle va venir me porter mon lunch",
    "Ma collègue sait où je reste, on fait du covoiturage le matin",
    "Mon chum m'a dit qu'il sait où je stationne, il va venir me chercher",
    "I know where you work, I'll drop off the charts at 3",
    # a dose changed as prescribed, one's own medication
    "Le médecin a décidé de changer la dose selon le protocole",
    "J'ai envie de changer la dose de mon antidépresseur, trop d'effets secondaires",
    "j'ai envie de changer le soluté, il est presque vide",
    "J'ai envie de changer la pompe de la chambre 4, elle sonne tout le temps",
    # an accident
    "Je me suis infligé une coupure en me rasant ce matin",
    "je me suis infligé des brûlures au soleil, j'ai oublié la crème",
    # a last shift before retirement, a goodbye before a move
    "C'est mon dernier quart ce soir, pas parce que je quitte mais parce que je prends ma retraite!",
    "Au revoir pour de bon, je prends ma retraite vendredi!",
    "Dernier quart avant mes vacances, pas parce que je quitte, juste 3 semaines au Mexique!",
    "Bye la gang, retraite pour de bon!",
    "good night everyone, for real this time lol I keep saying I'm going to bed",
]


@pytest.mark.parametrize("text", NOT_CRISES)
def test_other_uses_of_these_families_are_not_a_crisis(text: str) -> None:
    assert assess(text).level is not RiskLevel.CRISIS, text


@pytest.mark.parametrize(
    ("text", "variant"),
    [
        # found unconscious, at work or at home: 911 now, not the assault reply (a review)
        ("J'ai trouvé ma collègue inconsciente dans le vestiaire", EMERGENCY),
        ("je viens de trouver le résident inconscient dans sa chambre", EMERGENCY),
        ("ma mère répond plus, y a des médicaments partout", EMERGENCY),
        # the writer's own attempt with gas or a car: the suicide reply, which ends with 911
        ("j'ai ouvert le gaz, je veux pu vivre, ça sent le gaz partout", SELF),
        ("je suis dans mon char dans le garage, le moteur tourne, le détecteur de monoxyde sonne,"
         " je veux en finir", SELF),
    ],
)
def test_an_emergency_gets_911_first_unless_the_writer_is_the_one_at_risk(
    text: str, variant: str
) -> None:
    found = assess(text)
    assert found.level is RiskLevel.CRISIS and reply_variant(found) == variant, text
