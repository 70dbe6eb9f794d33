"""Violence: harm the writer intends to others, and danger the writer (or someone) is in."""

from __future__ import annotations

from .language import DANGER, HARM, THIRD, Rule, rules

HARM_RULES: list[Rule] = [
    # --- harm to others ---------------------------------------------------------------
    *rules(
        HARM,
        "any",
        THIRD,
        r"(?:le|la|les|te|vous|leur|lui) (?:tuer|buter|descendre|etrangler|poignarder|egorger"
        r"|tirer dessus|faire la peau|(?:casser|peter|defoncer|arranger) (?:la gueule|la yeule|la face"
        r"|le portrait)|frapper"
        r"|battre|frappe|frappait|bat|battait|etrangle|viole)(?! (?:ce|cette|ces|le|la|les|mon|ma|ton|ta) (?:rapport|dossier|projet|examen"
        r"|exam|shift|quart|formulaire|travail|match|temps|game|jeu|test|bogue|bug|processus"
        r"|virus|moteur|fichier|document|presentation|quiz|cours|entrevue|oral)\b)",
        r"(?<!pas )(?<!jamais )(?:tuer|tue|buter|etrangler|etrangle|poignarder|egorger|tirer sur|frapper"
        r"|frappe|battre|bat|blesser|faire du mal a|faire mal a|secouer|massacrer|etouffer|noyer"
        r"|brasser|kill|hurt|shoot|stab)"
        r" (?:quelqu un|tout le monde|des gens|du monde|him|her|them|someone|somebody|everyone"
        r"|people|(?:mon|ma|mes|le|la|les|un|une|ce|cette|ces|son|sa|ses|notre|nos|my|the|a|his)"
        r" (?:\w+ )?<PERSON>)\b",
        r"faire un (?:malheur|carnage|massacre)|tirer dans le tas|shoot up",
        # a parent's urge to harm a baby or child ("le lancer contre le mur")
        r"(?:le|la|les) (?:lancer|garocher|pitcher|cogner|secouer|brasser) (?:contre|sur|par terre"
        r"|dans)(?: le| la| un)? (?:mur|plancher|sol|bain|lit|couchette)",
        r"(?:peur|envie|pensees?|idees?|tentee?|pulsions?) (?:\w+ ){0,5}(?:de |d )?(?:secouer"
        r"|frapper|etouffer|noyer|brasser|lancer|faire du mal a) (?:mon|ma|mes|le|la|notre)"
        r" (?:petite?|petits|bebe|enfant|garcon|nourrisson|bambin)\b",
        r"reponds? (?:plus|pas) de (?:moi|mes actes|mes gestes)",
        r"(?:veux|voudrais|aimerais|souhaite|espere) (?:que )?(?:il|elle|mon \w+|ma \w+) (?:meure"
        r"|creve|crever|mourir)\b",
        r"(?:images?|pensees?|idees?) (?:de |d )?(?:frapper|faire du mal a|tuer|secouer|noyer) (?:mon"
        r"|ma|mes|le|la|un|une|quelqu)",
        r"(?:comment|how to) (?:empoisonner|poison) |empoisonner (?:mon|ma|quelqu un|someone)",
        r"(?:bruler|mettre le feu a|mettre le feu dans) (?:sa|la|leur|ta|son) (?:maison|char|auto"
        r"|bureau|appartement|logement)",
        r"maltrait\w* (?:son|sa|ses|mon|ma|mes) ",
        r"\bje (?:le|la|les|te|vous) (?:tue|tuerais|tuerai|etrangle|etranglerais)\b",
        r"(?:amener|apporter|emmener|sortir|bring) (?:mon|ma|un|une|my|a) <WEAPON>(?: \w+){0,2}"
        r" (?:a la job|au travail|a le travail|a le hopital|au bureau|a le ecole|a la garderie"
        r"|demain|ici|to work)",
        r"faire (?:tout )?sauter (?:le |la |les )?(?:hopital|bureau|place|unite|departement|batisse"
        r"|edifice|cisss|ciusss|building)",
        r"pour que (?:il|elle|ils|elles) (?:meure|meurent|creve|crevent)",
    ),
]

DANGER_RULES: list[Rule] = [
    # --- immediate danger: violence against the writer -------------------------------------
    *rules(
        DANGER,
        "victim",
        None,
        r"\b(?:me|m) (?:a |ai )?(?:frapp\w*|bat|battait|battue?|tape(?! sur les nerfs)|tapait|pousse(?! a)"
        r"|etrangl\w*|viole|violee?|brasse|brassee?|lance|bouscul\w*|agress\w*|blesse|blessee?"
        r"|(?:pogne|pognee|prise?|serre|serree?|tenu|tenue) (?:par le cou|a la gorge|la gorge|le cou)"
        r"|enferm\w*|poignard\w*|traqu\w*|suit(?! de pres| dans| sur| le| la| les| mon| ma| bien)|etouff\w*|mordu\w*|donne (?:un|des) coups? de (?:poing|pied|couteau|tete)"
        r"|casse (?:le|la|les|mon|ma|mes) (?:bras|nez|cotes?|jambe|machoire|dents?|poignet)|tire les cheveux|tord le bras"
        r"|crache dessus|menac\w*(?! (?:de|d) (?:partir|me quitter|divorcer|un|une|me (?:congedier|renvoyer|suspendre|mettre"
        r" dehors|mettre a la porte|rapporter|denoncer|poursuivre)|porter plainte|plainte|grief"
        r"|congediement|suspension|avis|mesure|sanction|poursuite|mise a pied)))",
        r"\b(?:hits|hit|hitting|beats|beat|beating|chokes|choked|choking|strangled|threatened"
        r"|threatens|threatening|raped|hurts|hurting|pushed|pushes|attacking|attacked) me\b",
    ),
    *rules(
        DANGER,
        "victim",
        None,
        # someone else does it to the writer (or the children); dropped for "je"
        r"leve la main sur (?:moi|nous|les enfants|mes enfants)",
        r"(?:servir|utiliser)(?: \w+){0,2} contre (?:moi|nous)\b",
        r"control\w* (?:mon argent|mes sorties|mon cel\w*|mes finances|mes comptes|tout ce que je"
        r"|qui je vois|ma vie|mes messages)",
        r"(?:casse|brise|lance|pitche|garoche) (?:tout(?! le temps| ce que| ca)|des (?:affaires"
        r"|objets|choses|assiettes))",
    ),
    *rules(
        DANGER,
        "self",
        None,
        r"(?:me |je me )(?:fais|fait|suis fait|suis faite) (?:battre|frapper|violenter|agresser"
        r"|violer|tabasser|brasser|menacer|etrangler)(?! par (?:une|un|la|le) (?:auto|voiture|char"
        r"|camion|velo|ballon|balle|porte|vague|objet))",
        # assaulted (by a patient at work: distress, as for "un patient m'a frappée")
        r"(?:ete|suis|me suis fait|me suis faite) (?:\w+ )?(?:agressee?|violee?|attaquee?|battue?"
        r"|tabassee?|etranglee?)(?! verbal\w*| par (?:un|une|le|la|des) (?:patiente?|usagere?"
        r"|residente?|cliente?|beneficiaire))",
    ),
    *rules(
        DANGER,
        "any",
        THIRD,
        r"\bse (?:fait|font|faisait|faire) (?:battre|frapper|violenter|agresser|violer|tabasser"
        r"|brasser|menacer|etrangler)",
        r"(?:suis|sommes|sens|est|sont|es|am|is|are|feel) (?:(?!pas |plus |jamais |not )\w+ )?en danger(?! de)",
        r"(?:est|sont|se fait|me fait|suis|etre) (?:\w+ )?maltrait\w*",
        r"menaces? de mort|death threats?",
        r"menac\w* (?:ma|mon|mes) (?:famille|enfants|fils|fille|vie|bebe)",
        r"(?:touche|touchait|attouchement\w*|abus\w* sexuel\w*|agress\w* sexuel\w*)(?: \w+){0,4}"
        r" (?:mon|ma|mes|son|sa|ses) (?:enfant|enfants|fils|fille|filles|ado|bebe|petite?s?)"
        r"|(?:mon|ma|mes) (?:enfant|enfants|fils|fille|ado|petite?s?)(?: \w+){0,8} (?:touche|touchait"
        r"|attouchement\w*|abus\w* sexuel\w*)",
        r"(?:vis|subis|victime de|vit|subit|vivent|experiencing|victim of) (?:de la |la |de |une"
        r" |of )?(?:violence|abus|agression|domestic violence|abuse)",
    ),
    *rules(
        DANGER,
        "always",
        None,
        r"(?:peur|crainte|afraid|scared)(?: \w+){0,3} (?:que )?(?:il|elle|he|hes|she|shes"
        r"|<PARTNER>)(?: \w+){0,2} (?:me|nous|m) (?:tue|tu|tuer|frappe|frapper|batte|battre"
        r"|fasse du mal)",
        r"(?:afraid|scared) (?:that )?(?:he|hes|she|shes)(?: \w+){0,3} (?:kill|hurt|beat|hit) me",
        r"(?:peur|afraid|scared) (?:de|of) (?:(?:lui|him)(?! [a-z]+(?:er|ir|re)\b)|(?:mon|my) <PARTNER>"
        r"|rentrer chez (?:moi|nous)|retourner chez (?:moi|nous)|going home"
        r"|rentrer(?! (?:au|a le|travailler|a la|sur|en|de|dans)\b))",
        r"<PARTNER>(?: \w+){0,8}? (?:me|m) (?:a )?(?:harcel\w*|control\w*|suit|surveille|enferm\w*"
        r"|menac\w*|(?:envoye|ecrit|texte) (?:des )?(?:menaces|(?:textos|messages) de menaces?))",
        r"(?:vis|habite|reste|live) (?:avec|with) (?:un|une|a) (?:\w+ )?(?:violente?|dangereuse?"
        r"|abusi\w+|violent)",
        r"coups? de (?:poing|pied|couteau|tete) (?:de|par) (?:mon|ma) <PARTNER>",
        r"\b(?:he|hes|she|shes|he is|she is|he will|she will)(?: \w+){0,3} (?:kill|hurt|beat|hit"
        r"|strangle|choke) (?:me|us)\b",
        r"(?:mon|ma|my) <PARTNER> (?:me |m )?control\w* (?:tout|mon argent|mes|ma vie|everything)",
        r"(?:mon|ma|my) <PARTNER>(?: \w+){0,4} (?:est|etait|devient|is|gets|becomes) (?:\w+ )?"
        r"(?:violente?|dangereuse?"
        r"|abusi(?:f|ve)|agressi(?:f|ve)|abusive)",
        r"(?:menace|menacee?|threatened) (?:de |d )?(?:me |m )(?:tuer|frapper|battre|kill)",
        r"(?:menac\w*|attend|attendent|suit|poursuit|cache|frappe|pointe|vise|armee?|court apres"
        r"|revenir|reviens|revient|venir|arriver|entrer|rentrer)"
        r"(?: \w+){0,6} (?:avec|with) (?:un|une|son|sa|a|his|her) <WEAPON>",
        r"\b(?:il|elle|he|she|hes|shes) (?:a|avait|tient|sort|has|got) (?:un|une|son|sa|a|his"
        r"|her) <WEAPON>",
        r"defonc\w* la porte|break\w* (?:down )?the door",
        r"(?:peur|afraid|crains|fear) (?:pour|for) (?:ma|my) (?:vie|life|securite|safety)",
        r"bleus (?:\w+ ){0,4}(?:a cause de|par|de) (?:mon|ma) <PARTNER>",
        r"(?:il|elle|mon ex|ma ex) (?:\w+ ){0,2}(?:est|attend) devant (?:ma porte|chez (?:moi|nous))"
        r"(?: \w+){0,3} (?:crie|frappe|cogne|menace|veut entrer|essaie de rentrer|refuse)",
        r"(?:outside|at) my door right now",
        r"(?:trouve|retrouve) (?:\w+ ){0,3}(?:inconsciente?|sans connaissance|pendue?)(?! de\b)"
        r"|(?:respire|repond) (?:pas|plus) (?:\w+ ){0,3}(?:pilules|medicaments|sang)",
        r"force\w* a (?:avoir des relations|coucher|faire des choses)|sans mon consentement",
        r"(?:pas|plus) en securite (?:chez moi|chez nous|a la maison|avec lui|avec elle"
        r"|avec (?:mon|ma) <PARTNER>)"
        r"|(?:not|dont feel|don t feel) safe (?:at home|with him|with her)",
        r"(?:barree?|barricadee?|cachee?|enfermee?) (?:\w+ ){0,2}dans (?:la|ma|le|mon) (?:salle de bain"
        r"|toilette|chambre|garde robe|char|auto|sous sol)(?!(?: \w+){0,5} pour (?:pleurer|manger"
        r"|dormir|me calmer|respirer))",
        r"je (?:suis|me sens) en (?:pleine )?crise(?! (?:de|d)\b)",
    ),
]
