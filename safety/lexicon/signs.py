"""Warning signs and euphemisms: risk said without the usual risk words.

Families (each pattern is a combination, not one message):
* settling affairs or giving things away + a finality cue ("j'en aurai pu besoin",
  "quand je serai plus là", "là où je m'en vais");
* farewells, last messages, a date chosen, calm after a decision;
* a burden, or no longer one ("je vais plus déranger personne");
* not being alive or around for long, said in passing ("pas être là encore longtemps");
* joining a dead person; finality metaphors ("fermer les yeux pour toujours");
* means at hand (drugs on the unit, a service weapon) + an intent cue;
* an overdose in progress; English slang ("don't see the point anymore");
* wanting someone to kill you; being on a bridge or a roof, said as the whole message.
"""

from __future__ import annotations

from .language import SUICIDE, THIRD, Rule, rules

SIGNS_RULES: list[Rule] = [
    *rules(
        SUICIDE,
        "any",
        THIRD,
        # giving away / settling + finality
        r"<GIVE>(?: \w+){0,14} <FINAL>",
        r"<FINAL>(?: \w+){0,8} <GIVE>",
    ),
    *rules(
        SUICIDE,
        "self",
        THIRD,
        # giving away, then "je n'en aurai plus besoin" in the next sentence: the writer's own,
        # even after "c'est quoi la procédure pour transférer mes vacances"
        r"<GIVE>(?: \w+| \.){0,14} je <FINAL>",
    ),
    *rules(
        SUICIDE,
        "any",
        THIRD,
        r"(?:aurai|aura|ai|a) (?:plus|pas|jamais) besoin(?: \w+){0,3} (?:la ou|ou je|ou il|ou elle)"
        r" (?:vais|va|me en vais|se en va)",
        # a letter or a note "for after" (12l: a document titled so on a colleague's screen)
        r"(?:lettre|letter|mot|note|document) (?:pour |for )(?:apres|after)(?= \.| ?$| (?:elle|il|it|she"
        r"|he|dans|sur|et|pis|mais|que|qui|est|is|in|on)\b)",
        # letters to loved ones, funeral arrangements, a last message
        r"(?:ecrit|ecrire|laisse|fini de ecrire|redige) (?:une |des |mes |ses )?lettres? (?:a|pour)"
        r" (?:(?:chacun de |chacune de |tous )?(?:mes|ma|mon|ses|sa|son) <KIN>|tout le monde)"
        r"(?!(?: \w+){0,5} (?:fete|anniversaire|noel|remerci\w*|felicit\w*|plainte|demande"
        r"|recommandation|conge|horaire))",
        r"(?:instructions|directives|volontes|consignes) (?:pour|sur|concernant) (?:mes|ses)"
        r" funerailles|(?:frais|arrangements) funeraires(?: \w+){0,4} pour moi",
        r"(?:ce est|voici) mon dernier (?:message|texto|courriel|mot)(?! (?:de la|de le|avant)\b)",
        r"derniere fois que (?:vous|tu|tout le monde|on) (?:aurez|auras|aura|entendrez|entendras)"
        r" (?:de mes nouvelles|parler de moi)",
        r"(?:fait|faire|faits|ecris|ecrit|ecrire|redige|prepare|pense a) mes adieux\b(?!(?: \w+){0,8} (?:retraite|depart|demenag\w*|party"
        r"|conge|bureau|equipe|collegues))",
        r"(?:dire|dit) au revoir(?: \w+){0,3} merci pour tout",
        # a decision taken: a date chosen, calm, "plan B"
        r"(?:choisi|fixe|decide) (?:la|le) (?:date|jour|moment)(?= \.| ?$| ce sera| ce est)",
        # a wish to be killed; on a bridge or a roof, now (said last: "chu sur le toit")
        r"(?:veux|voudrais|aimerais|souhaite|prie pour|want|wish|pray) (?:juste )?(?:que )?(?:quelqu un"
        r"|dieu|le bon dieu|someone|something|god) (?:vienne )?(?:me tue|me prenne|would kill me|to kill me"
        r"|kills me|takes me)",
        r"(?:suis|am|im|je suis) (?:\w+ )?(?:sur|on) (?:le|la|un|the|a) (?:toit|pont|viaduc|rebord|bridge"
        r"|roof|ledge)(?: (?:de|du|de le|of the) \w+(?: \w+)?)?(?: la| right now| en ce moment"
        r"| maintenant| now)?(?= \.| ?$)",
        r"(?:calme|paix|soulagee?|sereine?)(?: \w+){0,10} (?:sais|sait) (?:comment|quand) (?:ca|tout)"
        r" va finir",
        r"plan (?:b|c|de secours) (?:ce est |est )?(?:de )?<DIE>",
        r"(?:il )?reste (?:juste|seulement|plus que) a passer a le (?:acte|action)",
        # burden, or no longer one
        r"(?:suis|sens|sens comme|devenue?|est|etait|am|is|feel like) <ADV>(?:un|une|a|such a)"
        r" (?:fardeau|poids|poid|boulet|burden)(?! (?:pour|on|to|a) (?:le |la |mon |ma |mes |my |the )?"
        r"(?:equipe|unite|service|departement|collegues|team|coworkers|colleagues)\b)",
        r"(?:plus|pas) etre (?:un|une) (?:fardeau|poids|probleme) pour personne",
        r"(?:vais|va) (?:plus|jamais plus) (?:deranger|deranger|embeter|achaler|deranger) personne",
        # not there for long, said in passing
        r"(?:pense|crois|me vois|vois|imagine|intention de) (?:pas|plus) (?:que je )?(?:etre|serai"
        r"|serais|vais etre|rester) (?:encore |toujours )?(?:en vie|vivante?)",
        r"(?:pense|crois|me vois|vois|imagine|intention de) (?:pas|plus) (?:que je )?(?:etre|serai"
        r"|serais|vais etre|rester) (?:la |ici )?(?:encore )?(?:ben |bien |tres |si )?longtemps"
        r"(?! (?:a|au|dans|sur|chez|en|avec)\b)",
        r"me (?:vois|imagine) (?:pas|plus) (?:etre )?(?:encore|toujours) (?:la|en vie|vivante?)",
        r"(?:quand|lorsque|une fois que) je (?:serai|vais etre|serais) (?:plus|pas) la"
        r"(?! (?:pour|a|au|en|dans|le|les|la|ce|cette|lundi|mardi|mercredi|jeudi|vendredi)\b)",
        r"je (?:serai|serais|vais (?:plus|pas) etre) plus la(?= \.| ?$)",
        r"(?:pas|plus) (?:le |l )?intention de (?:rester|etre la|vivre)(?: \w+)? (?:encore )?"
        r"(?:ben |bien |tres )?longtemps",
        # joining a dead person; finality metaphors
        r"(?:rejoindre|retrouver|revoir) (?:mon|ma|mes|son|sa|ses) (?:\w+ ){1,2}(?:au ciel"
        r"|de le autre bord|la haut|au paradis|decedee?s?|defunte?s?|morte?s?)",
        r"(?:rejoindre|retrouver) (?:mon|ma|mes) <KIN>(?: elle| il| ils| elles)? (?:me|me en)"
        r" (?:manque|manquent)",
        r"(?:fermer les yeux|disparaitre|me effacer|me eteindre|me endormir|dormir) (?:pour toujours"
        r"|pour de bon|a jamais|definitivement|forever)",
        r"(?:pense|songe|envie|pret|prete|rever?) (?:\w+ ){0,4}(?:au|le) grand saut"
        r"(?! (?:et|pis|puis|dans|vers|en|a|au|chez|pour)\b)",
        r"(?:pont|viaduc|falaise|fleuve|track|rails)(?: \w+){0,6} (?:reviendrai|rentrerai|revien)"
        r" (?:pas|plus|jamais)",
        r"(?:arreter|finir|terminer) ma vie|me (?:endormir|coucher) dans la neige",
        r"(?:arreter|cesser) (?:mes|ses) (?:medicaments|traitements?|dialyse|insuline|pilules)"
        r"(?: \w+){0,3} pour (?:partir|mourir|en finir|plus etre la|(?:aller )?rejoindre)",
        r"pour (?:plus|pas|jamais) (?:se|me) reveill\w*(?! <WAKE_OK>| la nuit)",
        r"(?:coucher|endormir|dormir)(?: \w+){0,2} (?:et |puis )?(?:plus jamais|jamais plus) (?:me |se )?"
        r"reveill\w*(?! <WAKE_OK>)",
        # means at hand, at work or at home, with an intent cue
        r"(?:acces|accede|la cle)(?: \w+){0,3} <DRUG>(?: \w+){0,10} <TEMPTED>",
        r"<TEMPTED>(?: \w+){0,6} acces(?: \w+){0,3} <DRUG>",
        r"(?:ramene|vole|garde|cache|subtilise|detourne|mis de cote)\w* (?:\w+ ){0,3}(?:fioles?"
        r"|ampoules?|doses?|seringues?|comprimes|bouteilles?) de <DRUG>",
        r"(?:garde|ramasse|accumule|stocke|amasse)\w* (?:\w+ ){0,2}<DRUG> de cote"
        r"|<DRUG>(?: \w+){0,6} (?:en )?ai (?:une |ma )?(?:bonne |grosse |belle )?(?:reserve|provision)",
        # an overdose in progress
        r"(?:pris|prendre|avale|avaler|gobe|took|taken|swallowed|ate) (?:toute? (?:ma|mes|la|les|sa"
        r"|ses) (?:boite|bouteille|pot|plaquette|reserve|pharmacie|pilules|medicaments|meds|pills)"
        r"|all (?:my|his|her|the) (?:meds|pills|medication)|une (?:vingtaine|trentaine|cinquantaine)"
        r" de)",
        r"tout (?:pris|avale) ce (?:que|qui) (?:il y avait|je avais|restait)",
        r"(?:en train de|viens de) faire une (?:od|overdose|surdose)",
        # English
        r"(?:dont|do not|don t|cant|can t|cannot|no longer) see (?:the|any) point(?= \.| ?$"
        r"| anymore| any more| in (?:living|life|anything|going on)| of (?:living|life|anything))",
        r"no (?:point|reason) (?:in |to )?(?:living|going on|keep going|anymore|carry on)",
        r"giving (?:away )?(?:my|all my) (?:stuff|things|belongings|possessions) away"
        r"|(?:wont|will not) need (?:it|them|anything) where i (?:am|m) going",
        r"(?:<WANT>|<INTENT>) <ADV>me (?:tue|suicide)(?= \.| ?$| ce soir| cette nuit| puis| et)",
        r"(?<=\bje )me (?:tue|suicide) (?:apres|ensuite|ce soir|cette nuit|demain)\b",
    ),
    *rules(
        SUICIDE,
        "self",
        None,
        r"saura (?:quoi|comment) faire apres|sauront (?:quoi|comment) faire apres",
        r"mieux sans (?:un|une) (?:\w+ ){0,2}comme moi",
        r"arme de service(?: \w+){0,12} (?:y penser|y pense|pour moi|me en servir|la prendre)",
    ),
]
