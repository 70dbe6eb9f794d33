"""Phrasing families added to the lexicon for the fresh design batch (crisis_design_more.yml).

Each case is a paraphrase written for this test, not a message of the data files: it checks a
family of phrasings (Quebec colloquial forms, SMS spellings, English, euphemisms) rather than one
sentence. The second half checks the everyday, idiomatic and professional uses those families
must leave alone.
"""

from __future__ import annotations

import pytest

from safety import RiskCategory, RiskLevel, assess
from safety.lexicon.language import DANGER, HARM, MEANS, SELF_HARM, SUICIDE, THIRD
from safety.reply_variant import THIRD_PERSON, VIOLENCE, reply_variant

FAMILIES = [
    # goodbyes, last messages, plans, affairs settled
    ("voici la dernière fois que je vous écris", SUICIDE),
    ("mon plan est prêt, c'est pour samedi", SUICIDE),
    ("j'ai un plan, il me reste juste à choisir le moment", SUICIDE),
    ("j'ai signé mon testament pis j'ai donné ma guitare à mon neveu", SUICIDE),
    ("j'ai placé mon chien chez mon frère, j'ai plus rien à régler", SUICIDE),
    ("j'ai fait le ménage pour que personne ait à le faire après", SUICIDE),
    ("je m'excuse d'avance à ceux qui vont me trouver", SUICIDE),
    ("j'ai fait un tour sur le viaduc pour voir, j'y retourne à soir", SUICIDE),
    ("je vais marcher jusqu'au fleuve après mon shift pis je reviendrai pas", SUICIDE),
    ("I wrote goodbye letters to my kids", SUICIDE),
    ("i'm done. can't do this anymore. goodbye", SUICIDE),
    # euphemisms and passive wishes
    ("je pense que c'est game over pour moi", SUICIDE),
    ("c quoi le pt de vivre srx", SUICIDE),
    ("j'ai hâte que tout finisse, pis je parle pas de ma semaine", SUICIDE),
    ("il est temps que je parte pour de bon", SUICIDE),
    ("si je fais un accident en revenant de nuit, tant mieux", SUICIDE),
    ("it would be so easy to just never wake up", SUICIDE),
    ("j'ai regardé la corde dans le garage pendant des heures", SUICIDE),
    ("je vais aller me coucher pis pu jamais me réveiller", SUICIDE),
    ("mes enfants seraient mieux élevés sans moi dans le portrait", SUICIDE),
    ("i think my family would be relieved if i was gone", SUICIDE),
    ("j'ai peur de moi à soir", SUICIDE),
    ("chu sur le toit de l'hôpital", SUICIDE),
    ("mwen vle mouri", SUICIDE),
    ("me quiero morir", SUICIDE),
    # self-harm
    ("je me suis tailladé les cuisses hier soir", SELF_HARM),
    ("i cut again last night", SELF_HARM),
    ("j'ai caché une lame de rasoir dans mon portefeuille", SELF_HARM),
    ("sur mon avant-bras j'ai passé la lame encore", SELF_HARM),
    ("je prends plus mon insuline depuis lundi, tant pis", SELF_HARM),
    ("j'ai arrêté ma dialyse volontairement", SELF_HARM),
    ("je me donne des claques dans la face quand je fais une erreur", SELF_HARM),
    ("je mange plus rien depuis une semaine, c'est ma punition", SELF_HARM),
    ("je me brûle les bras avec un briquet", SELF_HARM),
    # means
    ("quelle dose de morphine arrête la respiration", MEANS),
    ("si j'avale toute une bouteille de zopiclone, est-ce que je vais me réveiller?", MEANS),
    ("j'ai glissé deux ampoules de morphine dans mon sac au lieu de les jeter", MEANS),
    ("quel étage pour pas survivre à une chute", MEANS),
    ("mon père a des carabines au sous-sol pis je sais où est la clé, j'y pense souvent", MEANS),
    ("j'ai calculé combien il me faudrait de potassium", MEANS),
    ("est-ce qu'on souffre quand on se noie", MEANS),
    ("what's the best way to make it look like an accident", MEANS),
    ("j'ai accumulé mes somnifères depuis des semaines", MEANS),
    # harm to others: threats, revenge, urges
    ("je vais lui faire payer à mon boss", HARM),
    ("m'as y sacrer une volée au gars du quart de soir", HARM),
    ("j'ai envie de lui planter un crayon dans la main", HARM),
    ("j'ai pensé mettre de la mort aux rats dans son lunch", HARM),
    ("j'ai ma carabine dans le char, le gestionnaire va comprendre demain", HARM),
    ("j'ai peur de la secouer, elle pleure sans arrêt", HARM),
    ("je vais finir par le pousser en bas des escaliers", HARM),
    ("I'm bringing a knife to work tomorrow, they'll finally understand", HARM),
    ("je vais le tuer pis je suis pas sûre que je blague", HARM),
    # immediate danger: in progress, followed, locked in or out, a weapon out
    ("il m'a suivie jusque chez nous pis il tourne autour", DANGER),
    ("he won't let me leave the house", DANGER),
    ("il m'a encore poussée contre le mur", DANGER),
    ("mon ex rôde autour de chez nous malgré l'interdiction de contact", DANGER),
    ("il a sorti son couteau pendant la chicane", DANGER),
    ("un homme armé dans le stationnement", DANGER),
    ("il m'a barrée dehors encore cette nuit", DANGER),
    ("il a dit que si je le laisse il va me tuer", DANGER),
    # someone else at risk
    ("ma soeur m'a texté qu'elle est sur le pont Jacques-Cartier", THIRD),
    ("je sais pas combien elle en a pris", THIRD),
    ("mon voisin crie au secours", THIRD),
    ("mon collègue a dit qu'on le reverrait jamais", THIRD),
    ("ma coloc m'a écrit « merci pour tout, prends soin des chats » pis elle répond plus", THIRD),
    ("un préposé de mon équipe a donné sa montre, il dit qu'il en aura plus besoin", THIRD),
]


@pytest.mark.parametrize(("text", "category"), FAMILIES)
def test_new_phrasing_families_are_a_crisis(text: str, category: RiskCategory) -> None:
    assessment = assess(text)
    assert assessment.level is RiskLevel.CRISIS
    assert category in assessment.categories


def test_a_threat_then_a_suicide_are_both_found() -> None:
    # "le tue pis je me tue" once read as the idiom "<thing> me tue"
    categories = assess("s'il me laisse je le tue, pis je me tue après").categories
    assert {HARM, SUICIDE} <= categories


@pytest.mark.parametrize(
    ("text", "variant"),
    [
        ("mon ex m'attend à la sortie des employés depuis trois soirs", VIOLENCE),
        ("elle m'a dit au téléphone qu'elle est sur le toit", THIRD_PERSON),
        ("mon fils a avalé un tas de pilules", THIRD_PERSON),
    ],
)
def test_the_reply_variant_follows_who_is_at_risk(text: str, variant: str) -> None:
    assert reply_variant(assess(text)) == variant


IDIOMS_AND_PROFESSIONAL_USAGE = [
    ("mon entrevue demain, je vais la tuer", "idiom"),
    ("je vais mourir de froid dans le stationnement", "idiom"),
    ("comment on traduit « risque suicidaire » en anglais pour le dossier?", "professional"),
    ("dans le film d'hier, l'héroïne se suicide à la fin", "professional"),
    (
        "le PAE aide-t-il les victimes de violence conjugale? c'est pour notre infolettre",
        "professional",
    ),
    (
        "je cherche une référence pour une dame victime de violence que je suis au CLSC",
        "professional",
    ),
    (
        "simulation de code argent hier: un homme armé dans l'urgence, c'était réaliste",
        "professional",
    ),
]


@pytest.mark.parametrize(("text", "context"), IDIOMS_AND_PROFESSIONAL_USAGE)
def test_idioms_and_professional_usage_stay_calm(text: str, context: str) -> None:
    assessment = assess(text)
    assert not assessment.is_crisis
    assert assessment.context == context


@pytest.mark.parametrize(
    "text",
    [
        "j'ai trouvé quelqu'un pour garder mes chats pendant mes vacances",
        "mon plan de soins est fait, c'est pour vendredi la révision",
        "c'est la dernière fois que je vous écris, je change de poste lundi",
        "merci pour tout, prenez soin de vous!",
        "je me suis encore coupée avec le couteau à légumes",
        "je me rase les jambes avec un rasoir jetable",
        "j'ai arrêté mes antidépresseurs avec mon médecin, le sevrage est dur",
        "un usager a un couteau à beurre sur son plateau, c'est permis?",
        "mon ex m'attend à la garderie avec les enfants pour l'échange de garde",
        "mon médecin m'a suivie durant toute ma grossesse",
        "mon gestionnaire m'a forcée à faire du temps supplémentaire hier",
        "je vais mettre quelque chose dans le café de ma collègue pour sa fête",
        "comment faire passer ça pour un accident de travail à la CNESST?",
        "est-ce que le PAE rembourse les médicaments? je demande pour moi",
        "j'ai 30 comprimés de Tylenol, c'est assez pour la semaine?",
        "j'ai acheté une corde pour le bateau",
        "je dois régler mes affaires avant mon congé de maternité",
        "à quoi bon mettre mon cadran, je suis en congé demain",
        "I would love to disappear for a week on a beach",
    ],
)
def test_everyday_uses_of_the_new_cues_are_not_a_crisis(text: str) -> None:
    assert not assess(text).is_crisis


@pytest.mark.parametrize(
    "text",
    [
        "I'm overwhelmed at work, not suicidal, just exhausted",
        "j'ai jamais pensé à me faire du mal, mais je suis à bout",
        "je suis épuisée au point d'avoir peur de blesser quelqu'un par erreur",
        "je pars pour de bon... en Abitibi, j'ai démissionné, chu brûlée",
    ],
)
def test_distress_with_risk_words_is_not_a_crisis(text: str) -> None:
    assert assess(text).level is RiskLevel.DISTRESS
