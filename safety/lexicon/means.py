"""Questions about methods and means: always a crisis, whoever asks and why."""

from __future__ import annotations

from .language import MEANS, Rule, rules

# what gives access to means at work or at home
_ACCESS_OBJ = (
    r"(?:<DRUG>|fusils?|armes?|carabines?|guns?|pyxis|omnicell|cabinet(?: des narcotiques)?"
    r"|narcotics(?: cabinet)?|narcotiques|cadenas|coffre)"
)

# taken home, or into a bag or a locker, "pas pour" what it is for at work
_HOME_NOT_FOR_ITS_USE = (
    r"(?:chez (?:moi|nous)|a la maison|dans mon (?:sac|casier|auto|char))(?: \.)? pas pour"
    r" (?:cuisiner|couper|travailler|soigner|le travail|la job|la cuisine|les bonnes raisons)"
)

# the narcotics cabinet, and "it's for me" (12p)
_CABINET = r"(?:armoire|cabinet|pyxis|omnicell|narcotiques|stupefiants|opioides|narcotics)"
_FOR_ONESELF = (
    r"(?:pour une raison personnelle|pour des raisons personnelles|raison personnelle"
    r"|personal reasons?|ce est pour moi|cest pour moi|ce pour moi|c pour moi|for myself"
    r"|pas pour un patient|not for a patient|pour mon usage personnel|usage personnel|personal use"
    r"|its for me|it s for me|pour moi(?: \.)? pas pour (?:un|une|le|la|mon|ma) \w+"
    r"|for me(?: \.)? not for (?:a|the|my) \w+)\b"
)

MEANS_RULES: list[Rule] = [
    # --- methods and means: always a crisis -------------------------------------------
    *rules(
        MEANS,
        "always",
        None,
        # on a bridge or a roof and unable to leave, looking down
        r"(?:sur|au bord|en haut|on|at the edge)(?: de| du| of)?(?: le| la| un| une| the| a)? (?:pont|viaduc"
        r"|toit|quai(?! de)|falaise|rebord|bridge|roof|ledge)(?: \w+| \.){0,10} (?:arrive pas a"
        r" (?:repartir|partir|bouger|redescendre|me en aller)|peux pas (?:repartir|partir|redescendre)"
        r"|regarde (?:en bas|le vide|le eau|la eau)|(?:can t|cant|canot|cannot) (?:leave|move|get down)"
        r"|looking down)(?! avant| tant que| before| until)",
        # a means taken home "not for" its use ("j'en ai ramené un chez nous, pas pour cuisiner"),
        # the means named before or after the verb
        rf"(?:<WEAPON>|couteaux|<DRUG>|cordes?|rope)(?: \w+| \.){{0,12}} (?:ramene|rapporte|apporte"
        rf"|pris|cache|garde|vole|sorti)(?: \w+){{0,3}} {_HOME_NOT_FOR_ITS_USE}",
        rf"(?:ramene|rapporte|apporte|pris|cache|vole|sorti)(?: \w+){{0,3}} (?:<WEAPON>|couteaux|<DRUG>"
        rf"|cordes?)(?: \w+){{0,4}} {_HOME_NOT_FOR_ITS_USE}",
        r"<PAIN>(?: (?:tu|il|on|ce|ca|vraiment|beaucoup|longtemps|quand|si|de|a|en|par|to|when"
        r"|if|you|really))* <METHOD>\b",
        r"\b<METHOD>(?: \w+){0,4} (?:painful|douloureux|douloureuse|hurt|hurts|<PAIN>"
        r"|fait souffrir|sans douleur|painless)",
        r"(?:meurt|mourir|mort|meurent|dies?) (?:\w+ ){0,2}en (?:se|me) (?:pendant|noyant|jetant"
        r"|tirant|coupant|etouffant)",
        r"(?:dose|quantite|combien|how much|how many)(?: \w+){0,6} (?:peut|peuvent|pourrait|can"
        r"|could|would|will) (?:tuer|kill|etre mortel\w*)",
        r"(?:quantite|dose|combien) de (?:\w+ ){0,2}(?:que |qu )?(?:il )?(?:faudrait|faudra)",
        r"(?:pills|pilules|comprimes|cachets|medicaments)(?: \w+){0,3} (?:enough|assez|suffisant\w*"
        r"|suffirai\w*|suffit)",
        r"(?:pilules|medicaments|comprimes|ativan|pills|meds)(?: \w+){0,4} (?:alcool|alcohol)"
        r"(?: \w+){0,6} (?:mourir|<LETHAL>|tuer|kill|die)",
        r"(?:quel|quelle|which|what) (?:\w+ )?(?:pont|bridge)(?: \w+){0,4} (?:plus haut|highest"
        r"|tallest)",
        r"(?:pilules|medicaments|comprimes|cachets|pills)(?: \w+){0,6} combien (?:il )?en"
        r" (?:faudrait|faut|prendre|avaler|prends)",
        r"(?:medicaments|pilules)(?: \w+){0,4} (?:dangereux|mortels?) en (?:grande|forte)"
        r" (?:quantite|dose)",
        r"(?:dangereux|dangereuse|mortel\w*|toxique) (?:a|en) (?:haute|forte|grosse|grande)"
        r" (?:dose|quantite)|(?:dangereux|dangereuse|mortel\w*) en (?:surdose|overdose)",
        r"combien (?:de |d )?(?:pilules|comprimes|cachets|medicaments|tylenol|advil|ativan)"
        r"(?: \w+){0,3} (?:ce est|c est|devient) (?:dangereux|mortel|fatal)",
        r"(?:hauteur|haut) (?:du|de le) pont|how (?:high|tall) is (?:the )?(?:\w+ ){0,2}bridge",
        r"(?:quel|quelle|what|which|comment|how)(?: \w+){0,4} (?:poison|empoisonn\w*|indetectable"
        r"|undetectable)",
        r"(?:moyen|facon|methode|way) (?:le |la )?(?:moins|least|plus|most) (?:douloureu\w*|painful"
        r"|painless|rapide|sur|efficace)(?= \.| ?$)",
        r"how long (?:does it|would it|do you|to) (?:take )?(?:to )?(?:die|bleed out|drown|overdose)",
        r"painless (?:way|ways|method|methods) to (?:go|die|end it)|(?:way|ways) to go painlessly",
        r"(?:dose|doses|dosage|dosages|quantite|combien|how (?:many|much)) (?:\w+ ){0,6}?"
        r"(?:<LETHAL>|pour (?:pas|plus|jamais) (?:se |me |te )?reveill\w*|pour mourir|pour en finir"
        r"|pour (?:me|se) tuer|to die|to overdose|to od|to kill|to not wake up|to never wake up"
        r"|pour faire une (?:overdose|surdose))",
        r"(?:combien|how many) (?:de |d |of )?(?:pilules|comprimes|cachets|pills|capsules|tylenol"
        r"|advil|ativan)(?!(?: \w+){0,8} (?:par jour|maximum|max|per day|a day|par dose|toutes les"
        r"|aux \d|par boite|la commande|en stock|reste|donner|administrer|prescri\w*|enceinte"
        r"|par semaine|fois par|allaite|grossesse|pharmacie|mg|mcg|ml|grammes?|dans (?:un|une|la|le)"
        r"))",
        r"(?:prends|prendre|pris|avale|avaler|took|take|taking) (?:\d{2,}|une vingtaine|une trentaine"
        r"|toute la boite|toute la bouteille) (?:de |d |of )?(?:\w+ )?(?:pilules|comprimes|cachets"
        r"|pills|ativan|tylenol|advil|somniferes|seroquel|morphine)",
        r"(?:facon|maniere|moyen|methode|way|method)s?(?: (?:la|le|les|plus|most|least|moins|rapide"
        r"|simple|facile|efficace|sure|doux|douce|paisible|propre|painless|easiest|quickest|best"
        r"|fastest|bonne"
        r"|meilleure?))* (?:de|d|to|pour) (?:mourir|me tuer|se tuer|me suicider|se suicider"
        r"|en finir|partir(?! (?:en|a|au|aux|de|du|pour|vers|chez|avec|sans|tot|plus)\b)"
        r"|die|go(?! (?:to|home|back|out|there|with|on)\b)|kill (?:myself|yourself)|end it"
        r"|commit suicide)",
        r"(?:facons?|moyens?|methodes?|ways?) (?:de |d |to )?(?:partir|mourir|go|die) (?:sans (?:souffrir"
        r"|douleur|mal)|painlessly|doucement)",
        r"(?:sans douleur|painless|sans souffrir)(?: \w+){0,2} (?:mourir|die|suicide|me tuer"
        r"|se tuer)|(?:mourir|die) (?:sans douleur|painlessly|sans souffrir)",
        r"comment (?:on |je |tu |faire pour |faut (?:il )?faire pour |peut on |on fait pour )?"
        r"(?:se suicider|me suicider|se tuer|me tuer|mourir(?! de)|en finir"
        r"|se pendre|me pendre|faire un noeud coulant|se noyer|overdoser|faire une (?:overdose"
        r"|surdose))",
        r"(?:peut on|on peut|je peux|can you|can i|could i|can someone) (?:overdose|od|faire une"
        r" (?:overdose|surdose)|mourir (?:en prenant|avec|de trop|de une (?:overdose|surdose)))",
        r"(?:quel|quelle|which|what) (?:\w+ )?(?:pont|edifice|immeuble|toit|bridge|building|falaise)"
        r"(?: \w+){0,6} (?:pour |to )?(?:sauter|jump|mourir|die)",
        r"(?:quel|quelle|quels|quelles|which|what|combien|how many|how much)(?: \w+){0,5} pour"
        r" (?:pas|plus|jamais) (?:se |me |te )?reveill\w*(?! <WAKE_OK>| la nuit)",
        r"how (?:to|do i|can i|do you|would i) (?:kill myself|kill yourself|die|commit suicide"
        r"|end it|hang myself|overdose)",
        r"(?:melange|melanger|mixer|mix|combine|prendre)(?: \w+){0,5} (?:alcool|boisson|alcohol)"
        r"(?: \w+){0,6} (?:mourir|<LETHAL>|me tuer|die|kill me)",
        r"(?:hauteur|height)(?: \w+){0,5} (?:<LETHAL>|mourir|die)",
        r"(?:etages?|floors|storeys)(?: \w+){0,5} <LETHAL>",
        # a question about watching or opening the narcotics cabinet, "pour une raison
        # personnelle" (12p); not leaving the count for a personal reason, nor a training
        rf"(?:{_CABINET}|controlled substances)(?: \w+){{0,8}} (?:verifiee?s?|surveillee?s?|compte"
        r"|comptee?s?|baree?s?|fermee?s?|acces|code|codes|ouvr\w*|prendre|sortir|checked|monitored"
        rf"|watched|locked|audited|counted|access|open\w*)\b(?: \w+| \.){{0,20}} {_FOR_ONESELF}",
        r"(?:acces|access|code|ouvrir|open|sortir|get (?:\w+ ){0,3}out of|prendre|avoir) (?:\w+ ){0,4}"
        rf"(?:{_CABINET}|narco)(?: \w+| \.){{0,15}} {_FOR_ONESELF}",
        # the narcotics count checked, "je demande pour moi, pas pour un projet" (12q)
        r"(?:verifie|verifier|surveille|surveiller|compte|checks?|checking|monitors?|audits?|counts?)"
        r" (?:\w+ ){0,4}(?:decompte des narcotiques|narcotiques|stupefiants|opioides|narcos?|narcs"
        r"|narcotics|controlled substances)(?: \w+| \.){0,15} (?:pour moi|for me|for myself)"
        r"(?: \.)? (?:pas|not) (?:pour|for) (?:un|une|le|la|mon|ma|a|the|my) \w+",
    ),
    # --- families added for the fresh design batch ------------------------------------
    *rules(
        MEANS,
        "always",
        None,
        # what stops breathing or the heart; not surviving a fall
        r"(?:dose|quantite|combien|ca prend|it takes|how much|how many)(?: \w+){0,8} (?:qui |pour"
        r" |to )?(?:arrete|arreter|couper|stopper|stop|stops) (?:la respiration|de respirer|le coeur"
        r"|breathing|the heart|your breathing)",
        r"(?:hauteur|etages?|height|floors|haut)(?: \w+){0,6} (?:pour |to )?(?:pas|plus|not|never)"
        r" (?:survivre|survive)|pour (?:pas|plus) survivre a (?:une|la) (?:chute|overdose|surdose)",
        # a whole bottle: does one wake up?
        r"(?:prend|prends|prendre|avale|avaler|took|take|swallow)(?: \w+)? (?:tout un|toute une"
        r"|tout le|toute la|un|une|a whole|the whole) (?:pot|boite|bouteille|plaquette|flacon|tube"
        r"|bottle|box|pack)(?: \w+){0,10} (?:se reveill\w*|reveiller(?! <WAKE_OK>| avec)|meurt"
        r"|mourir|mortel\w*|dangereux|survit|survivre|wake up|die|dead|fatal)",
        r"(?:assez|enough) (?:pour|to) (?:pas|plus|jamais|not|never) (?:se |me |te )?(?:reveill\w*"
        r"(?! <WAKE_OK>)|wake up)|enough to (?:die|kill (?:me|myself))",
        r"(?:\d{2,}|une centaine|plein de|beaucoup de) (?:comprimes|pilules|cachets|pills)(?: \w+){0,8}"
        r" (?:assez|suffisant\w*|enough)(?= \.| ?$| pour (?:pas|plus|mourir|en finir))",
        # drugs taken off the unit
        r"(?:mis|mets|glisse|ramene|garde|garder|empoche|sorti|sors|pris|vole|voler|subtilise"
        r"|ramasse)\w* (?:\w+ ){0,2}(?:fioles?|ampoules?|restants?|doses?|timbres?|comprimes) (?:de |d )?"
        r"<DRUG>(?: \w+){0,4} (?:dans (?:ma|mon) (?:poche|sac|sacoche|casier|char|auto)|chez (?:moi"
        r"|nous)|a la maison|au lieu de (?:les |le |la )?(?:jeter|gaspiller|detruire|retourner"
        r"|faire le gaspillage))",
        r"<DRUG>(?: \w+){0,12} besoin pour mon plan(?! de| d)",
        r"(?:remarquer|s apercevoir|voir|savoir|notice|compter)\w*(?: \w+){0,3} si je (?:sors|prends"
        r"|vole|ramene|garde|empoche|subtilise|take|steal)(?: \w+){0,3} (?:fioles?|ampoules?|doses?"
        r"|comprimes|seringues?|bouteilles?|pills|vials)",
        # access at hand and an intent cue
        rf"(?:acces|accede|access|la cle|le code|connais le code|combinaison|sais ou)(?: \w+){{0,4}}"
        rf" {_ACCESS_OBJ}(?: \w+){{0,12}} <TEMPTED>",
        rf"{_ACCESS_OBJ}(?: \w+| \.){{0,12}} (?:le code|la cle|cadenas|combinaison|acces|access)"
        r"(?: \w+| \.){0,10} (?:y pense|y penser|y songe|thinking about it|think about it|tentant)",
        # a dose calculated "for me"
        r"(?:<DRUG>|fioles?|ampoules?)(?: \w+| \.){0,14} (?:sais|calcule)(?: \w+){0,2} (?:ce que"
        r"|combien|quelle dose)(?: \w+){0,4} (?:me prendrait|me faudrait|me en faudrait|il me faut)",
        r"(?:sais|calcule)(?: \w+){0,2} (?:ce que|combien|quelle dose)(?: \w+){0,4} (?:me prendrait"
        r"|me faudrait|me en faudrait) <DRUG>",
        r"(?:kcl|potassium|insuline|morphine|fentanyl|dilaudid|hydromorphone|midazolam|propofol"
        r"|mortel\w*|letal\w*|iv direct|surdose|overdose)(?: \w+| \.){0,12} (?:je (?:le )?demande"
        r" (?:ca )?pour moi(?: meme)?"
        r"|asking for myself)(?= \.| ?$)",
        # what one feels; cold, gas, air
        r"(?:ressent|sent|souffre|feel|suffer|conscient|aware|se rend compte)(?: \w+){0,4} (?:quand"
        r"|lorsque|si|when|if) (?:on|tu|je|you|we) (?:se |me |te )?(?:pend|pends|noie|noies"
        r"|tire une balle|overdose|hang|hangs|drown|od)\b",
        r"(?:mourir|meurt|meurent|die|dying|freeze to death|mort) (?:de froid|de hypothermie|gele"
        r"|of (?:cold|hypothermia))(?: \w+){0,4} (?:comme|douloureux|douloureuse|souffr\w*|fait mal"
        r"|endormir|rapide|painful|like|long)",
        r"(?:combien de temps|how long)(?: \w+){0,8} (?:garage (?:ferme|closed)|monoxyde"
        r"|carbon monoxide|exhaust)",
        r"(?:se|me|te|s) (?:injecte\w*|injecter|injectait) (?:de le |du |de l )?air"
        r"|inject\w* air (?:into|in) (?:a|my|your|the) vein",
        r"(?:make|faire) (?:it|ca|that|ma mort|mon suicide) (?:look|passer|paraitre|ressembler)"
        r"(?: like| pour| a)? (?:an |un |a )?(?:accident|natural|naturel\w*)(?! (?:de|du|at)\b)"
        r"|faire passer (?:ca|ma mort|mon suicide|le tout) pour (?:un )?accident(?! (?:de|du)\b)",
        r"(?:moyen|facon|methode|way) (?:le |la )?(?:moins|least|plus|most) (?:douloureu\w*|painful"
        r"|painless|rapide|sur|efficace) (?:serieusement|serieux|pour vrai|honnetement|for real"
        r"|seriously)(?= \.| ?$)",
        # means acquired or stockpiled
        r"(?:achete|acheter|trouve|commande|procure|bought|got) (?:une|la|ma|un|mon|des|de la|a|some)"
        r" (?:corde(?! a (?:linge|danser))|rope|gun|fusil|arme|carabine|pistolet|lames de rasoir)"
        r"(?!(?: \w+){0,6} (?:pour (?:la|le) (?:chasse|camping|club|tir|cours|bateau|peche)|hunting"
        r"|camping))",
        r"(?:accumule|stocke|amasse|mis de cote|saved|stockpiled|hoarded)\w* (?:\w+ ){0,3}(?:pilules"
        r"|medicaments|medocs|comprimes|cachets|pills|meds|somniferes|benzos?|ativan|seroquel|tylenol"
        r"|opioides|sleeping pills)(?!(?: \w+){0,4} (?:pour (?:le|la|mon|ma)"
        r" (?:voyage|chalet|patient)|perimes?|expires?))",
    ),
]
