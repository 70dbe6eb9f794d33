"""Danger now that is not violence: a fire, smoke, a gas leak, a carbon monoxide alarm.

Staff write from kitchens, basements and units; whoever is at risk, the first thing to say is
911 (the reply variant of immediate danger). Drills, procedures and cigarette smoke are not
fires: the patterns name a place or an event happening, not the topic.
"""

from __future__ import annotations

from .language import RiskCategory, Rule, nothing_before, rules

EMERGENCY = RiskCategory.EMERGENCY

# where a fire or smoke is ("dans la cuisine", "au 3e", "in the kitchen")
_PLACE = (
    r"(?:cuisine|local|chambre|salle|etage|unite|departement|batisse|edifice|immeuble|maison"
    r"|appartement|appart|logement|garage|sous sol|cafeteria|buanderie|bureau|corridor|couloir"
    r"|entrepot|poubelle|conteneur|auto|char|voiture|toit|cabanon|pavillon|aile|chsld|hopital"
    r"|matelas|lit|rideaux?|corbeille|friteuse|hotte|four"
    r"|kitchen|room|building|house|basement|ward|unit|hallway|laundry|car|fryer|oven|stove"
    r"|\d+ ?e|\d+\w*)"
)
# what literally burns: "la cuisine est en feu" ("l'urgence est en feu" is a busy shift)
_BURNING = (
    r"(?:cuisine|local|chambre|salle|batisse|edifice|immeuble|maison|appartement|appart|logement"
    r"|garage|sous sol|cafeteria|buanderie|entrepot|poubelle|conteneur|auto|char|voiture|toit"
    r"|cabanon|matelas|lit|rideaux?|corbeille|chsld|pavillon|hopital|kitchen|room|building|house"
    r"|basement|laundry|car|friteuse|hotte|four|fryer|oven|stove)(?: \d+\w*)?"
)
# smoke that is only tobacco, cannabis, cooking, a ceremony or the OR's
_NOT_FIRE_SMOKE = (
    r"(?! (?:de|du|d) (?:cigarette|cigarettes|cannabis|pot|joint|vape|vapoteuse|tabac|barbecue|bbq"
    r"|feu de camp|foyer|encens|poele|sauge|purification|cauter\w*|bistouri)| secondaire"
    r"| purification| de purification| (?:pour|de) (?:la )?ceremonie| chirurgicale?s?| au bloc"
    r"| de le bloc| du bloc)"
)
# fires that are no danger here ("feu de camp", "feu rouge", "feu sauvage" = a cold sore)
_NOT_FIRE = (
    r"(?! (?:de camp|de foyer|de joie|de artifice|d artifice|de paille|de foret|de forets"
    r"|de broussailles|drill|alarm|sauvage|sauvages|rouge|vert|jaune|de circulation|au lac|au cul"
    r"|au derriere|aux fesses|de la action|aux poudres)\b)"
)
# a fire of the past ("a pris feu l'an passé", "en 2019", "quand j'avais 10 ans")
_NOT_PAST = (
    r"(?!(?: \w+){0,5} (?:(?:le an|la annee|la ane|la semaine|le mois|le ete|le hiver) passee?"
    r"|(?:semaine|mois|an|annee|ane|fois|hiver|ete|automne|printemps) derniere?|hier|avant hier"
    r"|il y a (?:\d+|deux|trois|quelques|des)|ca fait (?:\d+|deux|trois|quelques|des) (?:ans|anees"
    r"|annees|mois|semaines)|en (?:19|20)\d\d|quand (?:je avais|je etais|jetais)|when i was"
    r"|last (?:year|week|month)|ago|flashbacks?|cauchemars?|souvenirs?|traumatis\w*)\b)"
)
# a protocol or a case ("si le patient convulse", "quand un résident ne respire plus", "dans
# quel cas un patient convulse", "what if your patient is not breathing")
_NOT_IF = "".join(
    f"(?<!{word} {det})"
    for word in ("si", "si il y a", "quand", "quand il y a", "lorsque", "lorsque il y a", "if", "when",
                 "whether", "cas", "cas ou", "et que", "en presence de", "presence de")
    for det in ("", "le ", "la ", "les ", "un ", "une ", "mon ", "ma ", "mes ", "ton ", "ta ",
                "votre ", "vos ", "notre ", "nos ", "ce ", "cette ", "the ", "a ", "my ", "your ",
                "our ")
)
_NOT_DRILL = (
    r"(?<!exercice de )(?<!exercice d )(?<!pratique de )(?<!simulation de )(?<!cas de )"
    r"(?<!cas d )(?<!plan )(?<!procedure )(?<!arme a )(?<!armes a )(?<!protection )"
    r"(?<!si y a un )(?<!si ya un )(?<!quand y a un )(?<!quand ya un )"
    # a fire already named ("après l'incendie", "les cauchemars de l'incendie"), or set by
    # someone, literally or not ("ce courriel a mis le feu dans l'unité"): harm to others,
    # violence.py, where who says it decides, and the literal fires below
    r"(?<!de le )(?<!du )(?<!depuis le )(?<!apres le )(?<!avant le )(?<!suite a le )(?<!suite au )"
    r"(?<!mettre le )(?<!mettrait le )(?<!foutre le )(?<!mis le )(?<!met le )"
)
# smoke from cooking, the OR's cautery or a drill, said a few words later
_NOT_COOKING = (
    r"(?!(?: \w+){0,8} (?:cauteris\w*|bistouri|electrocaut\w*|toasts?|rotie|bacon|cuisson|grill\w*"
    r"|exercice|simulation|drill)\b)"
)
# a fire put out
_NOT_OUT = r"(?!(?: \w+){0,4} (?:eteint|eteinte|maitrise|sous controle|put out|is out)\b)"
# breathing that is only described ("respire plus facilement", "respire pas mal mieux")
_BREATHES_SOMEHOW = (
    r"bien|par|comme|normalement|fort|facilement|vite|mieux|lentement|aisement|rapidement"
    r"|difficilement|mal|profondement|calmement|librement"
)
# a person down, breathing badly, a chemical smell (12q)
_FALLEN = (
    r"(?:(?:est |sont )?(?:tombee?s?|efondree?s?) (?:par terre|au sol|a terre|on the floor)"
    r"|(?:est|sont) (?:tombee?s?|efondree?s?)|a chute|a fait une chute|(?:se|s) est efondree?"
    r"|sest efondree?|collapsed|fell (?:down|over|on the floor|to the floor|to the ground)|has fallen"
    r"|had a fall|on the (?:floor|ground)|(?:she|he|patient|resident|man|woman|lady|someone) fell)"
    r"(?! (?:enceinte|malade|en amour|amoureuse?|sur (?:le|la"
    r"|les|mon|ma|un|une) (?!sol\b|plancher\b)\w+|asleep|apart|behind|in love)\b)"
)
_BREATHES_BADLY = (
    r"(?:respire (?:pas bien|mal|difficilement|a peine|plus(?! <BREATHES_SOMEHOW>| pas)"
    r"|pas(?! mal\b| <BREATHES_SOMEHOW>))|de la misere a respirer|(?:breathing|breathes) (?:badly"
    r"|poorly|funny|weird|strangely)|not breathing(?! (?:well|right|normally) (?:since|for))"
    r"|barely breathing|cannot breathe|trouble breathing|struggling to breathe)"
).replace("<BREATHES_SOMEHOW>", f"(?:{_BREATHES_SOMEHOW})")
_SMELL = (
    r"(?:ca sent|ca pue|sent le|sent la|sentait|odeur (?:de|forte de)|smell of|smells like|smelled"
    r" like|fuite de|leak of|leaking|gas leak) (?:\w+ ){0,3}(?:gaz(?! de (?:le|la) patient)|produits?"
    r" chimiques?|chimique|chemicals?|chlore|chlorine|ammoniac|ammonia|solvants?|monoxyde|javel"
    r"|bleach|formol|formaldehyde|propane)\b"
)
_DOWN = (
    r"(?:est tombee?|sont tombee?s|(?:se|s) est efondree?|sest efondree?|a perdu conaisance"
    r"|perdu conaisance|sans conaisance|(?:se|s) est evanouie?|sest evanouie?|evanouie?"
    r"|collapsed|passed out|fainted|unconscious|(?:is|are|feel|feels) dizzy|etourdie?s?"
    r"|est a terre|sont a terre|respire mal|cannot breathe)\b"
)
_NOT_A_DRILL = nothing_before(
    r"formation|training|simulation|exercice|drill|quiz|mannequin|si (?:un|une|le|la|quelqu|il"
    r"|elle)|if (?:a|someone|he|she)|en cas|protocole|procedure|nouvelles|news|selon|radio canada"
)
# a fire or smoke that is not a danger now (12r review)
_NOT_TRAPPED_WORDS = (
    r"exercice|drill|formation|training|feu de camp|campfire|feux de foret|forest fires?|foyer"
    r"|fireplace|smoke break|pause cigarette|affiche|poster|si|if|question|hier|yesterday"
    r"|nouvelles|news|resto|restaurant|extincteur|classe k|couvercle|trafic|traffic|autoroute"
    r"|highway|bouchon|cigarettes?|fumeur|fumeuse|smoker|vape|tabac|joint|cannabis"
)
_NOT_TRAPPED = nothing_before(_NOT_TRAPPED_WORDS)
# trapped, and smoke or heat where one is
_TRAPPED_WHO = r"(?:je suis|on est|nous sommes|i am|we are|were|estoy|suis|chu)"
_TRAPPED = r"(?:coincee?s?|prise?s?|enfermee?s?|bloquee?s?|pognee?s?|trapped|stuck|atrapad\w*)"
_SMOKE_HERE = (
    r"de la fumee|la fumee|fumee partout|ca boucane|humo|smoke (?:is |coming|everywhere|under|in)"
    r"|la porte est chaude|door is hot"
)
_THERE_IS = rf"{_NOT_IF}(?:il y a|(?<!il )y a|ya|theres|there is)"

_MACHINES = (
    r"(?:cell|cellulaire|telephone|phone|laptop|ordi|ordinateur|imprimante|printer|serveur|server"
    r"|systeme|logiciel|ecran|tablette|teams|outlook|wifi|reseau|app|application)"
)
# For the families of 12o: nothing before the match makes it a question, a lesson, a story or a
# machine ("si un patient est tombé et ne répond pas", "question d'examen", "dans le film", "mon
# cell est tombé et il répond plus"). Words, not positions: anywhere earlier in the message.
_STORIES = r"film|movie|serie|livre|roman|book|novel|reve|cauchemar|dream|nightmare"
_NOT_NOW = (
    r"si (?:un|une|le|la|les|ton|ta|tes|votre|vos|mon|ma|quelqu|il|elle|on)"
    r"|quand (?:un|une|quelqu|il|elle|on|le|la)|lorsque|en cas|if (?:a|an|the|someone|your|my"
    r"|somebody|he|she)|when (?:a|an|someone|the|your|somebody|he|she)|examen|exam|quiz|question"
    rf"|rcr|cpr|protocole|procedure|formation|training|simulation|exercice|drill|{_STORIES}"
    rf"|vacances|retraite|{_MACHINES}"
)
_NOTHING_BEFORE = nothing_before(_NOT_NOW) + rf"(?!(?:\w+ ){{0,2}}{_MACHINES}\b)"
# ... nor a guide or a home visit asked about ("un guide pour une visite chez un usager qui ne
# répond plus")
_NO_GUIDE_BEFORE = nothing_before(_NOT_NOW + r"|guide|existe|visite|marche a suivre|directive")
# a poster, a translation: "comment on dit rele anbilans en français?"
_NOT_TRANSLATED = nothing_before(
    r"affiche|poster|ecrit|veut dire|en francais|comment on dit|traduction|traduire|means|sign"
    r"|how do you say|translate"
)
# a film, a dream or a book told earlier in the message
_NOT_A_STORY = nothing_before(_STORIES)
# falls that are no accident ("tombée en panne", "tombé en amour", "tombé endormi")
_NOT_FIGURATIVE_FALL = (
    r"(?! (?:en panne|en amour|endormie?s?|enceinte|malade|amoureu\w*|dans le piege|sur"
    r" (?:le|la|les|un|une) (?:\w+ )?(?:dossier|article|nouvelle|annonce|courriel))\b)"
)
# a long time ago (unlike _NOT_PAST, "il y a des enfants" and "il y a 5 minutes" are now)
_NOT_LONG_AGO = (
    r"(?!(?: \w+){0,5} (?:(?:le an|la annee|la semaine|le mois|le ete|le hiver) passee?"
    r"|(?:semaine|mois|an|annee|hiver|ete|automne|printemps) derniere?|hier|avant hier"
    r"|il y a (?:\d+|deux|trois|quelques|des) (?:ans|annees|mois|semaines|jours)|(?:en|de) (?:19|20)\d\d"
    r"|quand (?:je avais|je etais)|when i was|last (?:year|week|month)|years ago|ago)\b)"
)

EMERGENCY_RULES: list[Rule] = [
    *rules(
        EMERGENCY,
        "always",
        None,
        # smoke coming out, filling a place
        rf"(?<!avec )(?<!y a )(?<!ya )(?<!avec de )(?<!y a de )(?<!ya de )(?:de la|la|beaucoup de"
        rf"|plein de|pas mal de) (?:fumee|boucane){_NOT_FIRE_SMOKE}{_NOT_COOKING}(?: (?:noire|epaisse|grise|blanche|dense|toxique|encore|vraiment|tres"
        r"|qui))? (?:qui sort|sort|sortait|qui rentre|partout|envahit|remplit|se repand|monte"
        r"|sous la porte|epaisse|noire|dans (?:le|la|les|mon|ma|notre)|au|a le|a la)",
        rf"{_THERE_IS} (?:de la |beaucoup de |plein de )?(?:fumee|boucane|smoke){_NOT_FIRE_SMOKE}"
        rf"{_NOT_PAST}{_NOT_COOKING}",
        # flames
        rf"{_THERE_IS} des (?:flammes|flames)|(?:flammes|flames) (?:partout|everywhere|qui sortent"
        r"|sortent|dans (?:le|la|les)|coming out)",
        r"smoke (?:coming|pouring|everywhere|filling)|(?:full of|filling with|filled with) smoke",
        # a fire now
        rf"{_THERE_IS} (?:un |le |a )?(?:feu|incendie|fire){_NOT_FIRE}{_NOT_PAST}",
        rf"{_NOT_DRILL}{_NOT_IF}\b(?:feu|incendie|fire){_NOT_FIRE} (?:est )?(?:pris|en cours|commence"
        rf"|a commence|a eclate|a pris|dans|au|a le|a la|sur|in|on) (?:le |la |les |mon |ma |notre |son"
        rf" |sa |ses |leur |the |my |our )?{_PLACE}\b{_NOT_PAST}{_NOT_OUT}",
        rf"(?:a|ont|avait|vient de) (?:pris|pogne|poigne) (?:en )?feu{_NOT_PAST}"
        r"|(?<!peut )(?<!pourrait )(?<!peuvent )prend feu(?! facilement| vite| rapidement| a| au"
        r"| si| quand| en presence| avec)|(?:caught|catching) fire" + _NOT_PAST,
        # someone set a fire to a thing (the patient's mattress, a bin)
        rf"(?:a|ont|vient de|viennent de) (?:mis|mettre) le feu (?:a|au|a le|a la|dans) (?:son |sa |ses"
        rf" |le |la |les |un |une |mon |ma )?{_BURNING}\b{_NOT_PAST}",
        rf"{_NOT_A_STORY}{_BURNING} (?:est |sont |is |are )?(?:en feu|en flammes?|on fire|in flames)"
        rf"{_NOT_PAST}"
        r"(?! (?:today|tonight|lately|this week|aujourd hui|ce soir|a soir|ce matin|ce midi"
        r"|cet apres midi|ce apres midi|cette semaine"
        r"|cette nuit|lol|haha|mdr|depuis|encore|comme)\b)",
        r"(?:pleine?s?|remplie?s?|full|filled) (?:de |of |with )(?:fumee|boucane|smoke)",
        r"(?:(?<=^ )|(?<= \. ))au feu(?= \.| ?$)|\bfire fire\b",
        # a medical emergency now: not breathing, seizing, collapsed and not answering, a throat
        # closing (12k, 12l); "si le patient convulse" is a protocol question
        rf"{_NOT_IF}(?:il|elle|he|she|hes|shes|patient\w*|residente?|usagere?|client\w*|collegue|bebe"
        r"|baby|enfant|child|<KIN>|<PARTNER>|voisine?|coworker|colleague|son|daughter|mom|dad|mother"
        r"|father|friend|resident|monsieur|madame|mme|dame|homme|man|woman|lady|guy|quelqu un"
        r"|someone|somebody|someones|somebodys)(?: \w+){0,3}"
        rf" (?:respire (?:pas|plus|presque pas|a peine)(?! (?:{_BREATHES_SOMEHOW})\b)"
        r"|(?:is )?not breathing(?! a word| (?:well|easily|normally|properly))|isnt breathing(?! a"
        r" word)|stopped breathing|convulse(?! souvent| parfois| quand"
        r"| lorsque| a chaque| si)|is seizing|seizing|having a seizure"
        r"|(?:vient de |just )(?:perdre connaissance|collapsed|passed out|se effondrer|tomber)"
        r"|(?:est |is )?(?:bleue?|blue) (?:et|and|pis))",
        rf"{_NOTHING_BEFORE}(?:(?<= \. )|(?<=^ )|{_NOT_IF}(?:ma|mon|la|le|une|un|notre|my|the|our)"
        r" (?:\w+ )?)"
        rf"(?:\w+ )?(?:tombee?{_NOT_FIGURATIVE_FALL}|par terre|fell|collapsed|perdu connaissance)"
        rf"{_NOT_PAST}(?: \w+| \.){{0,6}} (?:il |elle |he |she |hes |shes |is )?(?:repond|bouge"
        r"|responding|moving|respire|breathing) (?:pas|plus|not)\b(?! (?:son|sa|ses|le|la|les|his"
        r"|her|the|mon|ma|mes|aux|au|a|quand|bien|comme|to)\b)",
        # "y'a un homme couché dans l'entrée qui respire pas" (12p review)
        rf"{_NO_GUIDE_BEFORE}(?:homme|femme|dame|monsieur|madame|quelqu un|personne|patiente?"
        r"|residente?|usagere?|bebe|enfant|collegue|man|woman|lady|guy|someone|person|baby|child)"
        r"(?: \w+){0,6} (?:qui|who) (?:ne |n )?(?:respire|repond|is not breathing|isnt breathing"
        r"|is not responding|isnt responding)(?: (?:pas|plus|pu))?(?<!respire)(?<!repond)"
        rf"(?! (?:{_BREATHES_SOMEHOW}|beaucoup|trop|souvent|jamais|a word|a le|au|aux|a|quand|well"
        r"|easily|normally|properly|to|much)\b)",
        rf"{_NOT_IF}(?:sa|ma|la|his|her|my|the) (?:gorge|langue|throat|tongue)(?: de (?:ma|mon|la|le|sa"
        r"|son) \w+)? (?:gonfle|enfle|se ferme|is swelling|is closing|swells|swelling)"
        r"(?!(?: \w+){0,4} (?:quand|avec|depuis|chaque|souvent|parfois|when|with|each|every)\b)",
        # an unconscious person now, with what says it is happening (alone, help, blue lips...)
        rf"{_NOT_IF}(?:la|le|ma|mon|notre|une|un|my|the|our) (?:\w+ )?(?:cliente?|patiente?|usagere?"
        r"|residente?|collegue|mere|pere|fils|fille|chum|blonde|mari|femme|bebe|enfant|voisine?"
        r"|coworker|colleague|client|patient|resident) (?:est|is) (?:\w+ )?(?:inconsciente?"
        r"|sans connaissance|unconscious|unresponsive)\b(?! depuis (?:le|la|l|sa|son)\b)"
        r"(?!(?: \w+| \.){0,8} (?:normal|anesthesi\w*|sedation|sedate\w*|coma|intube\w*|protocole"
        r"|procedure)\b)",
        # someone collapsed, fell or was electrocuted and does not answer, move or wake now (12o):
        # "elle s'est effondrée dans le stationnement, elle bouge plus", "il s'est fait
        # électrocuter, il est par terre, il réagit pas", "he collapsed and he's not breathing"
        rf"{_NOTHING_BEFORE}(?:(?:se est|est|sont|vient de|vient de se) (?:\w+ )?(?:effondree?s?"
        rf"|ecroulee?s?|tombee?s?{_NOT_FIGURATIVE_FALL}|evanouie?s?|fait electrocuter|electrocutee?s?"
        r"|par terre)|(?:collapsed|got electrocuted|was electrocuted|been electrocuted|fainted"
        rf"|fell|passed out|is on the floor)){_NOT_LONG_AGO}"
        r"(?: (?!(?:it|its|ca|cela)\b)\w+| \.){0,10} (?:(?:(?:il|elle|y|a|he|she|et|and|mais|but"
        r"|pis) )(?:(?:ne|n) )?(?:(?:repond|bouge|reagit|reagis|respire) (?:pas|plus|pu)\b(?! (?:a"
        r"|au|aux|comme|quand|bien)\b)|(?:se )?reveille (?:pas|plus|pu)\b|(?:wont|won t|will not)"
        r" wake up)|(?:(?:he|she|and|but) )?(?:is |s )?(?:not|isnt|isn t|no longer) (?:responding"
        r"|moving|breathing|responsive|waking up)\b)",
        # a fire with people inside ("the house is on fire and there are kids inside")
        rf"{_NOTHING_BEFORE}(?<!urgence est )(?<!urgence etait )(?<!er is )(?<!er was )"
        r"(?<!plancher est )(?<!unite est )(?<!departement est )(?<!floor is )(?<!unit is )"
        r"(?:on fire|en feu|en flammes|in flames|incendie|brule|brulent|passe au feu|is burning"
        r"|are burning|feu est (?:pogne|poigne|pris)|(?:a|ont) (?:pogne|poigne|pris) feu)"
        rf"{_NOT_LONG_AGO}{_NOT_COOKING}(?: \w+| \.){{0,8}}"
        r" (?:(?:des |les |du |de |a |the |some )?(?:kids|children|people|someone|somebody|enfants"
        r"|monde|personnes?|quelqu un|gens|patients?|residents?|residentes?|bebes?|babys?|babies"
        r"|family|famille|voisine?|madame|monsieur|neighbou?rs?|<KIN>)|(?:mon|ma|mes|my|his|her"
        r"|their|notre|nos|leur|leurs) (?:\w+ )?(?:<KIN>|voisine?|neighbou?rs?|chats?|chiens?"
        r"|coloc|petit frere|petite soeur))"
        r"(?: (?!etaient|etait|was|were|avaient)\w+){0,3} (?:inside|in there|still in|dedans"
        r"|encore la|a le interieur|trapped|pris|prise|prises|pogne\w*|coinces?|coincees?|bloques?"
        r"|bloquees?|stuck|en haut)\b(?!(?: \w+| \.){0,10} (?:depuis|for hours|since|civieres?"
        r"|stretchers?)\b)",
        rf"{_NOTHING_BEFORE}(?:on fire|en feu|en flammes|in flames|incendie|brule|brulent"
        rf"|is burning|are burning){_NOT_LONG_AGO}(?: \w+| \.){{0,6}} il reste (?:encore )?"
        r"(?:une?|des|du|quelqu un|mon|ma|mes|la|le) (?:\w+ )?(?:madame|monsieur|personnes?"
        r"|monde|enfants?|bebe|patiente?s?|residente?s?|voisine?|<KIN>)\b",
        # someone found unconscious or hanging, or not breathing among pills or blood: 911 now
        # (until 2026-12-06 filed as immediate danger, which a workplace word turned into the
        # assault reply)
        r"(?:trouve|trouver|retrouve|retrouver) (?:\w+ ){0,3}(?:inconsciente?|sans connaissance"
        r"|pendue?)(?! de\b)|(?:respire|repond) (?:pas|plus) (?:\w+ ){0,3}(?:pilules|medicaments"
        r"|sang)",
        # a fire that spreads (12p): "les flammes montent au plafond", "the fire is climbing the
        # walls" ("l'urgence en feu ce soir, ça monte au plafond" is a busy shift)
        rf"{_NOTHING_BEFORE}(?:le feu|les flammes|the fire|the flames|fire|flames|feu){_NOT_LONG_AGO}"
        r" (?:\w+ ){0,2}(?:pogne|poigne|prend|monte|montent|se propage|gagne|atteint|atteignent"
        r"|touche|touchent|leche|lechent|est rendu|sont rendues|spread\w*|reach\w*|is (?:spreading"
        r"|reaching|climbing)|climb\w*|touch\w*) (?:au|aux|dans le|a le|jusque au|jusque a le"
        r"|le|les|to the|into the|up the|the) (?:plafond|murs?|toit|grenier|hotte|rideaux|ceiling"
        r"|walls?|roof|attic|curtains)\b",
        # an oven, fryer or grease fire now ("oven fire in the staff kitchen")
        rf"{_NOTHING_BEFORE}(?:oven|stove|fryer|grease|kitchen|garbage|trash|electrical|dryer)"
        rf" fire\b{_NOT_FIRE}{_NOT_LONG_AGO}",
        # the fire caught in a place ("le feu est pris dans le four")
        rf"{_NOT_DRILL}{_NOT_IF}\b(?:feu|fire) (?:est |a )?pris (?:dans|au|a le|a la) (?:le |la |les )?"
        rf"{_PLACE}\b{_NOT_PAST}{_NOT_OUT}",
        # Haitian Creole: "rele anbilans!" (call an ambulance); not a poster or a translation
        rf"{_NOT_TRANSLATED}rele (?:anbilans|ambilans|ambulans|anbulans|lanbilans|911|polis|lapolis)\b",
        # gas and carbon monoxide
        r"(?<!cas de )(?<!cas d )(?<!si vous sentez )(?<!si vous sentez une )(?<!si on sent une )"
        r"(?<!si tu sens une )(?<!si on sent )(?<!si il y a une )(?<!quand il y a une )"
        r"(?<!en cas de une )(?:odeur|senteur|fuite|smell|smells|smelling|leak|leaking)"
        r" (?:\w+ ){0,2}(?:de |du |of )?(?:gaz|gas|propane)\b(?! sanguins?\b| intestin\w*)"
        r"|(?:ca|ici|il) sent (?:le )?(?:gaz|propane)\b|\bsmells? (?:like )?gas\b"
        r"|(?:gaz|gas|propane) (?:leak|qui fuit|fuit)\b",
        r"(?<!test de le )(?<!test de la )(?<!test du )(?:detecteur|alarme|alarm|detector) (?:de |d |du"
        r" |of )?(?:monoxyde|co|carbon monoxide)"
        r"(?: \w+){0,3} (?:sonne|sonnait|part|partait|going off|goes off|beeping|went off)"
        r"(?!(?: \w+){0,6} (?:test|tests|exercice|pile|piles|batterie|drill|battery)\b)",
    ),
    # --- fallen and breathing badly; a chemical smell and someone down (12q) -----------------
    *rules(
        EMERGENCY,
        "always",
        None,
        # "Monsieur chambre 312 tombé par terre, il respire pas bien, personne au poste"; not a fall
        # last week, breathing that is only described, a mask dropped on the floor, a drill
        rf"{_NOT_A_DRILL}{_FALLEN}{_NOT_LONG_AGO}(?: \w+| \.){{0,8}} {_BREATHES_BADLY}",
        rf"{_NOT_A_DRILL}{_BREATHES_BADLY}(?: \w+| \.){{0,6}} {_FALLEN}{_NOT_LONG_AGO}",
        # "ça sent très fort le produit chimique au labo, ma collègue est tombée" (not a smoker, a
        # barbecue, a patient's gas; not the news or last week)
        rf"{_NOT_A_DRILL}{_SMELL}{_NOT_LONG_AGO}(?: \w+| \.){{0,20}} {_DOWN}",
        rf"{_NOT_A_DRILL}{_DOWN}{_NOT_LONG_AGO}(?: \w+| \.){{0,12}} {_SMELL}",
    ),
    # --- trapped with smoke or a hot door; a fryer fire catching (12r) -----------------------
    *rules(
        EMERGENCY,
        "always",
        None,
        # "hay humo en el sous-sol, la porte est chaude, je suis coincée dans le local", in one
        # sentence; not a drill, a campfire, forest fires, a smoke break, a poster
        rf"{_NOT_TRAPPED}{_TRAPPED_WHO} (?:{_TRAPPED}|prisonier\w*)(?: \w+){{0,10}} (?:{_SMOKE_HERE}"
        r"|i smell smoke|ca sent la fumee|(?:la )?poignee (?:de porte )?est (?:chaude|brulante)"
        rf"|door handle is hot)\b(?!.*\b(?:{_NOT_TRAPPED_WORDS})\b)",
        rf"{_NOT_TRAPPED}(?:(?:la )?poignee (?:de (?:la )?porte )?est (?:chaude|brulante)|(?:the )?door"
        r" (?:handle )?is (?:hot|burning))(?: \w+){0,10} (?:on peut pas sortir|peut pas sortir"
        r"|we are stuck|were stuck|we are trapped|were trapped|cannot get out|on est (?:coinces|pris"
        r"|bloques|enfermes))\b",
        rf"{_NOT_TRAPPED}(?:{_SMOKE_HERE})(?! (?:des|de|du|from|of) (?:the )?(?:feux|feu|incendies?"
        rf"|forest|wild)\w*)(?: \w+){{0,10}} {_TRAPPED_WHO} {_TRAPPED}\b"
        rf"(?!.*\b(?:{_NOT_TRAPPED_WORDS})\b)",
        # "feu de friteuse dans la cuisine du CHSLD, ça pogne dans la hotte" (not "ça prend un
        # extincteur", a fire last night, a restaurant in the news)
        rf"{_NOT_TRAPPED}(?:feu de|feu dans la|un feu de) (?:friteuse|graise|hotte|cuisiniere|four)"
        r"(?: \w+| \.){0,10} (?:ca pogne|pogne|se propage|monte|montent|les flammes|evacu\w*"
        rf"|dans la hotte)\b(?!.*\b(?:{_NOT_TRAPPED_WORDS}|eteint|eteinte|etait)\b)",
    ),
]
