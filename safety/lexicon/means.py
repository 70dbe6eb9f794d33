"""Questions about methods and means: always a crisis, whoever asks and why."""

from __future__ import annotations

from .language import MEANS, Rule, rules

MEANS_RULES: list[Rule] = [
    # --- methods and means: always a crisis -------------------------------------------
    *rules(
        MEANS,
        "always",
        None,
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
    ),
]
