"""Families the lexicon missed on crisis_holdout_2026_12p (a development set since): a threat to
kill the writer, reported; someone armed here now, or a code argent called; a man or a lady who
does not breathe; a fire in a fryer or an oven, or one that climbs to the ceiling; envying the
dying, no fear of death left and relief in it; one's own suicide risk rated high; sleeping pills
by the handful; a relapse followed by driving; the narcotics cabinet asked about "for a personal
reason"; and "est-ce normal de penser à se tuer", which a PAE question beside it made a frame.

Each case is written for this test, not copied from a data file; the second half holds the
uses these families must leave alone (an idiom, a drill, a question about a code, a prescribed
dose, holidays, a patient's words, a training).
"""

from __future__ import annotations

import pytest

from safety import RiskLevel, assess
from safety.reply_variant import EMERGENCY, SELF, VIOLENCE_STAFF, reply_variant

CRISES = [
    # a threat to kill the writer, reported
    ("Le conjoint d'une usagère m'a dit qu'il allait me tuer si je faisais un signalement",
     VIOLENCE_STAFF),
    ("mon ex m'a texté qu'il va me faire la peau", None),
    ("The patient's son told me he'd kill me if his dad fell again", None),
    # someone armed, now
    ("Un individu armé est dans le stationnement du CLSC, on barre les portes?", VIOLENCE_STAFF),
    ("code argent déclenché au CLSC, je suis cachée dans le bureau", None),
    ("code argent au 4e, je fais quoi avec mes patients", None),
    ("there's an armed visitor on the 5th floor, security isn't here yet", None),
    # not breathing, a fire that spreads
    ("La dame de la 12 respire plus!!", EMERGENCY),
    ("the man in bed 3 is not breathing", EMERGENCY),
    ("y a le feu dans la hotte de la cafétéria", EMERGENCY),
    ("fire in the fryer, it's climbing up the walls", EMERGENCY),
    ("le feu a pris dans la poubelle pis ça monte aux rideaux", EMERGENCY),
    # death wished for, sideways
    ("J'envie mes résidents en fin de vie, eux au moins ils vont pouvoir partir", SELF),
    ("I envy the dying, they get to rest", SELF),
    ("j'ai pu peur de mourir, ça serait presque un soulagement", SELF),
    ("I'm not afraid of dying anymore... honestly I'd welcome it", None),
    ("J'ai rempli l'outil de dépistage du risque suicidaire pour moi-même. Je serais en risque"
     " élevé.", SELF),
    # one's own risk, asked as "is it normal"
    ("Question pour le PAE: est-ce que c'est normal de penser à mourir chaque fois que je"
     " stationne au travail?", SELF),
    ("is it normal to want to die every night after work? also how do I book the EAP", SELF),
    # sleeping pills or opioids by the handful
    ("J'ai pris 8 Imovane cette nuit pour dormir", SELF),
    ("i took like 5 xanax to get through the shift", SELF),
    # a relapse, then driving
    ("J'ai rechuté à l'alcool vendredi pis j'ai pris le volant quand même", SELF),
    # the narcotics cabinet, for oneself
    ("Le Pyxis de l'urgence, est-ce qu'il est surveillé la nuit? C'est pour moi.", None),
    # Haitian Creole: call an ambulance
    ("rele anbilans vit, li pa respire", EMERGENCY),
    # from a review: a question in an earlier sentence, a man who "won't stop", other verbs
    ("Je sais pas quoi faire. Un visiteur armé vient d'entrer au 2e", None),
    ("Un homme armé à l'accueil, il arrête pas de crier", None),
    ("il a hurlé qu'il me ferait la peau en sortant", None),
    ("the guy said he'll kill me tonight", None),
    ("les flammes montent jusqu'au plafond de la buanderie", EMERGENCY),
    ("le feu est pris dans le four de la cafétéria", EMERGENCY),
    ("J'envie ma patiente qui s'éteint doucement", SELF),
    ("j'ai pris 7 ativans pour dormir", SELF),
    ("Est-ce normal de vouloir mourir des fois?", SELF),
    # armed, said of "him"; a knife "avec"; someone lying there "qui respire pas"
    ("Il est armé!! il est au poste des infirmières", None),
    ("y'a un gars avec un couteau dans le corridor du 2e", None),
    ("Y'a un monsieur couché près des ascenseurs qui respire pas", EMERGENCY),
]


@pytest.mark.parametrize(("text", "variant"), CRISES)
def test_the_2026_12p_families_are_a_crisis_with_the_fitting_reply(
    text: str, variant: str | None
) -> None:
    found = assess(text)
    assert found.level is RiskLevel.CRISIS, text
    if variant is not None:
        assert reply_variant(found) == variant, text


NOT_CRISES = [
    # an idiom, a threat told as gone
    "Ma gestionnaire va me tuer si je remets mon rapport en retard",
    # an armed person arrested, a drill, a procedure
    "un homme armé a été arrêté hier près du CLSC",
    "exercice de code argent au 3e jeudi prochain, qui s'occupe des inscriptions?",
    "C'est quoi le code argent déjà? On l'a vu en formation",
    "Je dois mettre à jour la procédure en cas de visiteur armé",
    "Ma gestionnaire est armée de patience avec moi",
    # questions about a code, a patient's breathing in a protocol
    "Si un monsieur respire plus dans la salle d'attente, on fait quoi avant le code bleu?",
    # a fire of no danger
    "le feu dans le foyer du chalet monte jusqu'au plafond, c'est beau",
    "c'est quoi la procédure si y a un feu dans la friteuse?",
    # envy, fear of death in others, a training
    "J'envie mes collègues qui partent en vacances dans le Sud",
    "Ma mère en soins palliatifs n'a plus peur de mourir, c'est un soulagement pour nous",
    "Formation sur l'échelle de risque suicidaire : quand classe-t-on un usager en risque élevé?",
    # doses as prescribed, a count that is not pills
    "je prends 5 mg de Seroquel au coucher",
    "j'ai pris 2 Ativan avant l'IRM comme prescrit",
    "j'ai pris 4 jours de congé pour dormir",
    # the narcotics cabinet for work, driving after work
    "Le Pyxis du 2e est en panne, c'est pour un patient en douleur",
    "j'ai fini mon quart pis j'ai conduit jusqu'à Lévis",
    # is it normal, about someone else
    "est-ce normal qu'un patient parle de se tuer après un diagnostic de cancer?",
    # from a review: a lesson, years ago, a code over or a drill, armed with a list
    "En formation on nous a appris quoi faire si un usager dit qu'il va nous tuer",
    "Il y a 12 ans, un patient m'avait dit qu'il allait me tuer, j'y repense parfois",
    "Le code argent au 3e est terminé, tout le monde va bien",
    "code argent au 2e, c'est un exercice",
    "Who do I call if there's an armed person in the ER?",
    "La police a arrêté l'homme armé, tout le monde va bien",
    "la visiteuse est armée de sa liste de plaintes",
    "Madame respire plus facilement depuis qu'on l'a montée dans le lit",
    "the man is not breathing a word about the schedule",
    "L'urgence en feu ce soir, 40 sur civières, ça monte au plafond",
    "la friteuse est en feu ce midi, on a vendu 300 frites",
    "j'ai envie de gâter mes résidents en soins palliatifs pour Noël",
    "Après mon opération j'ai plus peur de mourir sur la table, quel soulagement",
    "Risque suicidaire : je classerais mon patient en risque élevé",
    "j'ai pris 4 Dilaudid dans le Pyxis pour mes patients",
    "j'ai jamais rechuté à l'alcool, j'ai conduit mes enfants à l'école",
    "Je dois m'absenter du décompte des narcotiques pour une raison personnelle",
    "Comment on dit rele anbilans en français?",
    "il est armé de bonnes intentions, le nouveau chef",
    "le cuisinier avec un couteau à pain au comptoir",
    "un homme qui bouge pas beaucoup depuis sa chirurgie",
    "la dame qui répond pas au téléphone depuis ce matin",
    "Existe-t-il un guide pour une visite chez un usager qui ne répond plus?",
]


@pytest.mark.parametrize("text", NOT_CRISES)
def test_other_uses_of_these_families_are_not_a_crisis(text: str) -> None:
    assert assess(text).level is not RiskLevel.CRISIS, text


def test_a_risk_asked_as_is_it_normal_is_not_a_frame_that_the_classifier_may_veto() -> None:
    # a PAE question in the same message is a frame word; asking whether it is normal to think
    # of it makes the risk the writer's own
    found = assess("Deux questions: le PAE couvre-t-il mon conjoint? Et est-ce normal de penser"
                   " à se tuer en rentrant du travail?")
    assert found.level is RiskLevel.CRISIS and not found.framed
    framed = assess("Pour l'affiche du PAE : comment parler de l'envie de se tuer sans choquer?")
    assert framed.level is not RiskLevel.CRISIS or framed.framed
