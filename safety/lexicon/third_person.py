"""Someone else at risk, said through what they did or wrote rather than risk words.

Families:
* a message saying they are on a roof, a bridge or a ledge;
* pills swallowed and "je sais pas combien il en a pris";
* "il va faire une bêtise";
* a neighbour screaming for help.
"""

from __future__ import annotations

from .language import SUICIDE, THIRD, Rule, rules

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
    # --- goodbye posts, someone else's or the writer's own (12q: "she's been posting goodbye-type stuff on
    # Instagram since yesterday"); not a farewell party, a retirement, a last day at work
    *rules(
        SUICIDE,
        "any",
        THIRD,
        r"(?:posting|posted|posts|post|publie|publiait|a publie|poste|postait|a poste|ecrit|a ecrit"
        r"|texte|a texte|envoye|sent|sending|wrote|writing|met|mis) (?:\w+ ){0,3}(?:goodbye|good bye"
        r"|farewell|adieu|adieux)\b(?! (?:party|parties|lunch|souper|diner|party|cake|gateau|card"
        r"|carte|fete|au travail|a le equipe|to (?:the|her|his) (?:team|job|colleagues))\b)"
        r"(?!(?: \w+){0,8} (?:retraite|retirement|last day|dernier jour|demenage|moving|depart"
        r"|nouvel emploi|new job)\b)",
    ),
]
