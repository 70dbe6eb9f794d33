"""Someone else at risk, said through what they did or wrote rather than risk words.

Families:
* a message saying they are on a roof, a bridge or a ledge;
* pills swallowed and "je sais pas combien il en a pris";
* "il va faire une bêtise";
* a neighbour screaming for help.
"""

from __future__ import annotations

from .language import SUICIDE, THIRD, Rule, nothing_before, rules

# a farewell that is a departure (12q review)
_LEAVING = (
    r"carte|card|party|parties|fete|souper|diner|lunch|gateau|cake|retraite|retraitee?|retire\w*"
    r"|retirement|demenag\w*|moving|quitte|quitter|quit|leaving|depart|departs|nouvel emploi"
    r"|new job|poste|job|clsc|chien|chat|dog|cat|fax|machine|unite|equipe|team|conge|leave"
    r"|vacances|vacation|maternite|maternity|last day|dernier jour"
)
_LEDGE = r"(?:toit|pont|viaduc|rebord|parapet|falaise|roof|bridge|ledge)"

THIRD_PERSON_RULES: list[Rule] = [
    *rules(
        SUICIDE,
        "any",
        THIRD,
        r"(?:(?:a|ont|avait) (?:avale|gobe)|swallowed) (?:plein|beaucoup|un tas|un paquet|une poignee"
        r"|a bunch|a handful|a lot) (?:de |d |of )?(?:ses |mes |his |her |my )?(?:pilules|medicaments"
        r"|comprimes|cachets|pills|meds)",
    ),
    *rules(
        THIRD,
        "other",
        THIRD,
        # "elle m'écrit qu'elle est sur le pont"
        r"(?:message|texte|texto|ecrit|appelle|dit|dire|said|texted|says) (?:\w+ ){0,3}(?:que |qu"
        r" |that )?(?:il|elle|he|she|he s|she s|hes|shes) (?:est |is )?(?:rendue? )?(?:sur|au bord"
        rf" de|on|at the edge of) (?:le|la|du|de le|un|une|the|a) {_LEDGE}",
        r"(?:sais|sait) pas combien (?:il|elle|ils) en (?:a|ont|avait) (?:pris|avale|gobe)\b"
        r"(?! (?:de|d|du)\b)"
        r"|(?:know|sure) how many(?: \w+)? (?:he|she|they) (?:took|swallowed|has taken)",
        r"(?:hear|hearing|heard) (?:him|her|them|someone) (?:hitting|beating|choking|hurting|hit|beat)"
        r" (?:her|him|them)|(?:entends|entend|entendu) (?:\w+ ){0,2}(?:la|le|les) (?:frapper|battre"
        r"|etrangler)|(?:entends|entend|entendu) (?:des coups|quelqu un crier|crier)(?: \w+){0,4}"
        r" (?:a cote|chez (?:le|la|les|mes|mon|ma) voisin\w*|dans le (?:logement|appartement) d a cote)",
        r"\b(?:il|elle|he|she|<KIN>|<PARTNER>|collegue|ami|amie) (?:va|allait|is going to"
        r"|s going to|gonna) (?:faire|do) (?:une )?"
        r"(?:connerie|betise|niaiserie|something stupid)(?! (?:au|a le|dans|sur|avec|en)\b)",
    ),
    *rules(
        THIRD,
        "victim",
        None,
        r"(?:crie|criait|crient|hurle|hurlait|screaming|yelling|crying) (?:a le aide|au secours"
        r"|for help)",
    ),
    # --- goodbye posts, someone else's or the writer's own (12q: "she's been posting
    # goodbye-type stuff on Instagram since yesterday"); not a farewell card or party, a
    # retirement, a move, a new job, a pet, an old machine
    *rules(
        THIRD,
        "other",
        None,
        rf"{nothing_before(_LEAVING)}(?<!je ai )(?<!i )(?<!i ve )(?<!i have )(?:posting|posted|posts"
        r"|publie|publiait|a publie|postait|a poste|ecrit|a ecrit|texte|a texte|envoye|a envoye"
        r"|sending|she sent|he sent|wrote|writing) (?:\w+ ){0,4}(?:goodbye|good bye|farewell|adieu"
        rf"|adieux)\b(?!.*\b(?:{_LEAVING})\b)",
        rf"{nothing_before(_LEAVING)}(?:fait|faisait|faire) (?:ses|des) adieux (?:sur|on|a tout le"
        rf" monde|to everyone)(?!.*\b(?:{_LEAVING})\b)",
    ),
    *rules(
        SUICIDE,
        "self",
        None,
        rf"{nothing_before(_LEAVING)}(?:je ai|i|i ve|i have) (?:deja |already |just |juste )?(?:publie|poste|ecrit|texte"
        r"|envoye|posted|sent|wrote|written) (?:\w+ ){0,4}(?:goodbye|good bye|farewell|adieu|adieux)"
        rf"\b(?!.*\b(?:{_LEAVING})\b)",
        rf"{nothing_before(_LEAVING)}(?:je ai fait|je fais|fait) mes adieux(?!.*\b(?:{_LEAVING})\b)",
    ),
]
