"""Families the lexicon missed on crisis_holdout_2026_12n (a development set since): a death
threat received by staff, even from a patient in psychiatry or the ER; the writer's own recent
overdose; the English "scared of what I'll do to her"; "je me tire une balle", told from the idiom
"dans le pied".

Each case is written for this test, not copied from a data file; the second half holds the
uses these families must leave alone (a procedure, an old overdose, a patient's, a danger over).
"""

from __future__ import annotations

import pytest

from safety import RiskLevel, assess
from safety.reply_variant import SELF, VIOLENCE, VIOLENCE_STAFF, reply_variant

CRISES = [
    # a death threat received: the clinical setting must not hide it
    ("Un usager de l'urgence psychiatrique m'a menacé de mort en sortant, je finis à minuit",
     VIOLENCE_STAFF),
    ("le fils d'une résidente m'a menacée de mort au poste ce midi", VIOLENCE_STAFF),
    ("J'ai encore reçu des menaces de mort d'un client du CLSC", VIOLENCE_STAFF),
    ("A patient threatened to kill me when I left the ER tonight", VIOLENCE_STAFF),
    ("I got death threats from a patient's brother on my cell", VIOLENCE_STAFF),
    ("mon voisin m'a menacé de mort hier soir", VIOLENCE),
    # the writer's own recent overdose
    ("samedi j'ai fait une surdose pis je suis rentrée travailler lundi comme si de rien", SELF),
    ("I overdosed on my days off and nobody at work knows", SELF),
    ("jai fait une od la semaine passée", SELF),
    # afraid of what the writer will do to someone
    ("I'm scared of what I'll do to him if he yells at me again", None),
    ("afraid of what I might do to my kids tonight", None),
    # found by a review: a danger growing is not a danger over, "arrêté" is also parked, other forms
    ("Un patient m'a menacée de mort, pis on dirait qu'il y a de plus en plus de danger ici", None),
    ("Un usager m'a menacée de mort et là son char est arrêté devant chez nous", None),
    ("Le chum de ma patiente m'a fait des menaces de mort hier", None),
    ("J'ai fait une OD hier soir, ça faisait des années que j'étais clean", SELF),
    ("j'ai fait un overdose samedi", SELF),
    ("I'm scared of what I'd do to him", None),
]


@pytest.mark.parametrize(("text", "variant"), CRISES)
def test_the_2026_12n_families_are_a_crisis_with_the_fitting_reply(
    text: str, variant: str | None
) -> None:
    found = assess(text)
    assert found.level is RiskLevel.CRISIS, text
    if variant is not None:
        assert reply_variant(found) == variant, text


NOT_CRISES = [
    # a procedure or training about threats, said in general
    "Quelle est la procédure quand on reçoit des menaces de mort au travail?",
    "formation sur la gestion des menaces de mort à l'urgence",
    # a threat whose danger is said to be over
    "un patient m'a menacée de mort le mois passé, il a été transféré depuis, il n'y a plus de"
    " danger, mais j'en rêve encore",
    # an overdose long ago, a patient's, or a figure of speech
    "J'ai fait une surdose il y a 12 ans, je suis sobre depuis et j'aimerais aider mes collègues",
    "I overdosed ten years ago and I'm a peer helper now",
    "le patient du 12 a fait une surdose cette nuit, on a donné la naloxone",
    "j'ai fait une surdose de réunions cette semaine",
    # a fear about an exam or one's back, not about a person
    "I'm scared of what I'll do if I fail the licensing exam",
    "scared of what I'll do to my back if I keep lifting patients alone",
    # found by a review: a procedure in general, a client's overdose, a figure of speech, a ball
    "What is the procedure when employees get death threats?",
    "A client I followed overdosed last night, I found out this morning",
    "I overdosed on Netflix this weekend",
    "Je tire une balle à mon chien au parc après mon quart",
    "je me tire une balle tellement c'est plate ce meeting lol",
]


@pytest.mark.parametrize("text", NOT_CRISES)
def test_other_uses_of_these_families_are_not_a_crisis(text: str) -> None:
    assert assess(text).level is not RiskLevel.CRISIS, text


def test_shooting_oneself_is_told_from_the_idiom() -> None:
    # the present and the conditional are a crisis; "dans le pied" and a joke are not
    for text in ("je me tire une balle dans la tête", "je me tirerais une balle si je dois rentrer"):
        assert assess(text).level is RiskLevel.CRISIS, text
    for text in (
        "si j'accepte le poste de soir je me tire une balle dans le pied, non?",
        "I'd be shooting myself in the foot if I took the night position",
        "si la cloche de la 7 sonne encore je me tire une balle lol",
    ):
        found = assess(text)
        assert found.level is not RiskLevel.CRISIS, text
