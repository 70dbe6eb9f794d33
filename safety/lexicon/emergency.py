"""Danger now that is not violence: a fire, smoke, a gas leak, a carbon monoxide alarm.

Staff write from kitchens, basements and units; whoever is at risk, the first thing to say is
911 (the reply variant of immediate danger). Drills, procedures and cigarette smoke are not
fires: the patterns name a place or an event happening, not the topic.
"""

from __future__ import annotations

from .language import RiskCategory, Rule, rules

EMERGENCY = RiskCategory.EMERGENCY

# where a fire or smoke is ("dans la cuisine", "au 3e", "in the kitchen")
_PLACE = (
    r"(?:cuisine|local|chambre|salle|etage|unite|departement|batisse|edifice|immeuble|maison"
    r"|appartement|appart|logement|garage|sous sol|cafeteria|buanderie|bureau|corridor|couloir"
    r"|entrepot|poubelle|conteneur|auto|char|voiture|toit|cabanon|pavillon|aile|chsld|hopital"
    r"|matelas|lit|rideaux?|corbeille"
    r"|kitchen|room|building|house|basement|ward|unit|hallway|laundry|car|\d+ ?e|\d+\w*)"
)
# smoke that is only tobacco, cannabis or a barbecue
_NOT_FIRE_SMOKE = (
    r"(?! (?:de|du|d) (?:cigarette|cigarettes|cannabis|pot|joint|vape|vapoteuse|tabac|barbecue|bbq"
    r"|feu de camp|foyer|encens|poele|sauge|purification)| secondaire| purification| de purification"
    r"| (?:pour|de) (?:la )?ceremonie)"
)
# fires that are no danger ("feu de camp", "feu rouge", "feu sauvage" = a cold sore)
_NOT_FIRE = (
    r"(?! (?:de camp|de foyer|de joie|de artifice|d artifice|de paille|drill|alarm|sauvage|sauvages"
    r"|rouge|vert|jaune|de circulation|au lac|au cul|au derriere|aux fesses|de la action)\b)"
)
# a fire of the past ("a pris feu l'an passé") is a memory, not a danger now
_NOT_PAST = (
    r"(?!(?: \w+){0,5} (?:le an|la annee|la semaine|le mois|hier|avant hier|passe|passee"
    r"|dernier|derniere|il y a (?:\d+|deux|trois|quelques)|ca fait|last (?:year|week|month)|ago)\b)"
)
# a protocol or a case ("si le patient convulse", "when a resident is not breathing")
_NOT_IF = "".join(
    f"(?<!{word} {det})"
    for word in ("si", "quand", "lorsque", "if", "when", "whether")
    for det in ("", "le ", "la ", "un ", "une ", "mon ", "ma ", "the ", "a ", "my ", "your ")
)
_NOT_DRILL = (
    r"(?<!exercice de )(?<!exercice d )(?<!pratique de )(?<!simulation de )(?<!cas de )"
    r"(?<!cas d )(?<!plan )(?<!procedure )(?<!arme a )(?<!armes a )(?<!protection )"
    # a fire already named ("après l'incendie", "les cauchemars de l'incendie"), or set by
    # someone (harm to others, violence.py, where who says it decides)
    r"(?<!de le )(?<!du )(?<!depuis le )(?<!apres le )(?<!avant le )(?<!suite a le )(?<!suite au )"
    r"(?<!mettre le )(?<!mettrait le )(?<!foutre le )"
)

EMERGENCY_RULES: list[Rule] = [
    *rules(
        EMERGENCY,
        "always",
        None,
        # smoke coming out, filling a place
        rf"(?<!avec )(?:de la|la|beaucoup de|plein de|pas mal de) (?:fumee|boucane){_NOT_FIRE_SMOKE}"
        r"(?: (?:noire|epaisse|grise|blanche|dense|toxique|encore|vraiment|tres|qui))?"
        r" (?:qui sort|sort|sortait|qui rentre|partout|envahit|remplit|se repand|monte|sous la porte"
        r"|epaisse|noire|dans (?:le|la|les|mon|ma|notre)|au|a le|a la)",
        rf"(?:il y a|y a|ya|ca fait|there s|there is) (?:de la |beaucoup de |plein de )?(?:fumee"
        rf"|boucane|smoke){_NOT_FIRE_SMOKE}{_NOT_PAST}",
        r"smoke (?:coming|pouring|everywhere|filling)|(?:full of|filling with|filled with) smoke",
        # a fire now
        rf"(?:il y a|y a|ya|there s|there is) (?:un |le |a )?(?:feu|incendie|fire){_NOT_FIRE}"
        rf"{_NOT_PAST}",
        rf"{_NOT_DRILL}\b(?:feu|incendie|fire){_NOT_FIRE} (?:est )?(?:pris|en cours|commence|a commence"
        rf"|a eclate|a pris|dans|au|a le|a la|sur|in|on) (?:le |la |les |mon |ma |notre |son |sa |ses"
        rf" |leur |the |my |our )?{_PLACE}\b{_NOT_PAST}",
        rf"(?:a|ont|avait|vient de) (?:pris|pogne|poigne) (?:en )?feu{_NOT_PAST}|prend feu"
        rf"|(?:caught|catching) fire{_NOT_PAST}",
        # "l'urgence est en feu aujourd'hui", "the floor is on fire today lol": only busy
        rf"{_PLACE} (?:est |sont |is |are )?(?:en feu|en flammes?|on fire|in flames){_NOT_PAST}"
        r"(?! (?:today|tonight|lately|this week|aujourd hui|ce soir|a soir|lol|haha|mdr|depuis)\b)",
        r"(?:pleine?s?|remplie?s?|full|filled) (?:de |of |with )(?:fumee|boucane|smoke)",
        r"\bau feu(?= \.| ?$)|\bfire fire\b",
        # a medical emergency now: not breathing, seizing, collapsed and not answering, a throat
        # closing (12k, 12l); "si le patient convulse" is a protocol question
        rf"{_NOT_IF}(?:il|elle|he|she|patient\w*|residente?|usagere?|client\w*|collegue|bebe|baby"
        r"|enfant|child|<KIN>|<PARTNER>|voisine?|coworker|colleague|son|daughter|mom|dad|mother"
        r"|father|friend|resident)(?: \w+){0,3}"
        r" (?:respire (?:pas|plus|presque pas|a peine)(?! (?:bien|par|comme|normalement|fort)\b)"
        r"|(?:is |s )?not breathing|stopped breathing|convulse|is seizing|s seizing|having a seizure"
        r"|(?:vient de |just )(?:perdre connaissance|collapsed|passed out|s effondrer|tomber)"
        r"|(?:est |is )?(?:bleue?|blue) (?:et|and|pis))",
        rf"(?:(?<= \. )|(?<=^ )|{_NOT_IF}(?:ma|mon|la|le|une|un|notre|my|the|our) (?:\w+ )?)"
        r"(?:\w+ )?(?:tombee?|par terre|fell|collapsed|perdu connaissance)(?: \w+| \.){0,6}"
        r" (?:il |elle |he |she |is |s )?(?:repond|bouge|responding|moving|respire|breathing)"
        r" (?:pas|plus|not)\b",
        rf"{_NOT_IF}(?:sa|ma|la|his|her|my|the) (?:gorge|langue|throat|tongue)(?: de (?:ma|mon|la|le|sa"
        r"|son) \w+)? (?:gonfle|enfle|se ferme"
        r"|is swelling|is closing|swells|swelling)",
        # gas and carbon monoxide
        r"(?<!cas de )(?<!cas d )(?<!si vous sentez )(?<!si vous sentez une )(?<!si on sent une )"
        r"(?<!si tu sens une )(?<!si on sent )(?:odeur|senteur|fuite|smell|smells|smelling"
        r"|leak|leaking) (?:\w+ ){0,2}(?:de |du |of )?(?:gaz|gas|propane)\b(?! sanguins?\b)"
        r"|(?:ca|ici|il) sent (?:le )?(?:gaz|propane)\b|\bsmells? (?:like )?gas\b"
        r"|(?:gaz|gas|propane) (?:leak|qui fuit|fuit)\b",
        r"(?:detecteur|alarme|alarm|detector) (?:de |d |du |of )?(?:monoxyde|co|carbon monoxide)"
        r"(?: \w+){0,3} (?:sonne|sonnait|part|partait|going off|goes off|beeping|went off)",
    ),
]
