"""Harm to others said as a threat, a plan or an urge, without "tuer" or "frapper".

Families:
* revenge promised: "je vais lui faire payer", "make that charge nurse pay", and a preparation
  (a weapon, a list of names, knowing where she lives, waiting by his car) followed by
  "il va comprendre", "ils vont tous y goûter", "they'll finally listen";
* joual blows: "m'as y casser la gueule", "je lui crève les pneus pis la face", "lui planter mes
  ciseaux dans la main", "la pousser dans l'escalier";
* poison in a colleague's coffee; an overdose given to a patient on purpose;
* a weapon carried "si il me cherche encore"; imagining walking into the boss's office with it;
* a parent's fear of shaking the baby; taking the children along "quand je vais partir";
* enjoying hurting a resident.
"""

from __future__ import annotations

from .language import HARM, THIRD, Rule, rules

_PAYBACK = (
    r"(?:(?:va|vont|will|ll|theyll|hell|shell) (?:tous |toutes |finally |enfin )?(?:comprendre"
    r"|regretter|payer|y gouter|listen|learn|pay|regret|understand)(?! (?:que|pourquoi|comment|le"
    r"|la|les|mon|ma|de|a|pour|the|to|how|why)\b)|(?:sait|savent|know|knows) pas (?:de quoi|ce que)"
    r" je suis capable|(?:has|have) no idea what s coming)"
)
_PREPARATION = (
    r"(?:<WEAPON>|carabine|liste (?:des|de) (?:gens|noms|personnes)|(?:a|made a) list"
    r"|je sais ou (?:il|elle|ils|elles) (?:reste|habite|demeure|vit|stationne|travaille)"
    r"|(?:attendre|guetter) (?:le|la|mon|ma|son|sa) <PERSON>|faire payer)"
)
_BLOW = r"(?:la face|la gueule|la yeule|le portrait|les yeux|les dents|une volee|son compte)"

THREAT_RULES: list[Rule] = [
    *rules(
        HARM,
        "any",
        THIRD,
        r"(?:vais|va|vas) (?:lui|leur|te|vous|le|la|les|y) faire payer(?! (?:le|la|les|un|une|son|sa"
        r"|ses|ce|cette|des|du|pour|cher pour|la facture)\b)",
        r"make (?:him|her|them|that (?:\w+ )?\w+|the \w+) pay\b(?! (?:for|off|attention)\b)",
        rf"{_PREPARATION}(?: \w+| \.){{0,14}} {_PAYBACK}",
        r"(?:lui|leur|y|te|vous|le|la) (?:casser|peter|defoncer|arranger|sacrer|crisser|calisser"
        r"|creve|crever|pete|casse|defonce|arrache|arracher)\w* (?:\w+ ){0,4}" + _BLOW,
        r"(?:lui|leur|y|te|vous) (?:planter|enfoncer|rentrer|crisser|sacrer|pitcher|garocher|lancer)"
        r" (?:mes |un |une |mon |ma |des |le |la |son |sa )?(?:ciseaux|couteau|crayon|stylo"
        r"|fourchette|aiguille|seringue|chaise|agrafeuse|<WEAPON>)",
        r"(?:le|la|les|lui) (?:pousser|garocher|pitcher|lancer|sacrer|crisser) (?:dans|en bas de"
        r"|en bas des|down) (?:le |les |l |the )?(?:escaliers?|marches|stairs)",
        r"(?:mettre|mis|mets|glisser|glisse|verser|verse|put|slip)\w* (?:quelque chose(?! de bon)"
        r"|something"
        r"|de le poison|du poison|poison|de la mort aux rats|mort aux rats|laxatifs?|des laxatifs"
        r"|de la drogue|des pilules|somniferes|antigel) (?:dans|in|into) (?:le|la|son|sa|leur|his"
        r"|her|their|the) (?:cafe|the|verre|boisson|repas|lunch|bouffe|soupe|drink|coffee|tea|food"
        r"|bouteille)(?!(?: \w+){0,5} (?:pour (?:sa|son|la) fete|anniversaire|surprise|sucre|lait"
        r"|creme))",
        r"<WEAPON> (?:dans|sur|in) (?:mon|ma|moi|my)(?: \w+){0,12} (?:si|quand|if|when"
        r"|la prochaine fois) (?:que )?(?:il|elle|ils|quelqu un|he|she|they|someone) (?:me|m|touches"
        r"|comes)\b",
        r"(?:imagine|vois|pense a|reve de|fantasme)\w* (?:\w+ ){0,3}(?:rentrer|entrer|arriver"
        r"|debarquer|aller) (?:dans|a|au|a le) (?:son|sa|leur|le|la) (?:bureau|unite|poste|maison"
        r"|job|travail|reunion)(?: \w+){0,3} avec(?= \.| ?$| (?:ca|une arme|mon arme|le fusil"
        r"|mon fusil|<WEAPON>)\b)",
        r"la prochaine fois (?:que (?:\w+ ){1,5})?je (?:(?:le |la |les |lui |y )?(?:tue|etrangle"
        r"|poignarde)|(?:le|la|les|lui|y) (?:frappe|fesse|etouffe|creve|pete|casse|ecrase|defonce))\b",
        r"(?<=\bje )(?:le|la|les|te|vous) (?:tue|etouffe|etoufferais|egorge|poignarde|poignarderais"
        r"|creve|noie|ecrase)\b",
        r"(?:donner|injecter|administrer|give|inject) (?:une |un |a )?(?:surdose|overdose|dose"
        r" mortelle|dose letale|lethal dose|trop de \w+) (?:a|au|to) (?:un|une|mon|ma|le|la|ce|cette"
        r"|a|the|my|mes|des) (?:\w+ )?<PERSON>(?!(?: \w+){0,4} (?:par erreur|par accident"
        r"|accidentellement|by mistake))",
        r"(?:peur|envie|tentee?|pulsions?|idees?) (?:de |d )?(?:le|la|les) (?:secouer|brasser"
        r"|frapper|etouffer|noyer)(?! (?:a|au|sur|dans|par|pour|un|une|le|la|les|en|avec|sans)\b)",
        r"(?:imagine\w*|envie|veux|voudrais|vais|fantasme\w*|reve\w*|planifie\w*|pense a)"
        r" (?:(?!pas |jamais |plus )\w+ ){0,4}(?:le|la|les|lui|leur) (?:blesser|faire (?:du )?mal"
        r"|faire souffrir)(?! (?:en|sans|par|au|aux|a|si|quand)\b)",
        r"(?:regler (?:ca|son compte|ses comptes)|faire payer|take care of) (?:avec )?(?:son|sa|ses"
        r"|his|her) <PARTNER>(?: \w+| \.){0,10} (?:arme|fusil|gun|<WEAPON>)",
        r"(?:bringing|brought|taking|took) (?:my|a|his|her) <WEAPON>(?: \w+){0,2} (?:to work|to the"
        r" (?:hospital|unit|office)|tomorrow)",
    ),
    *rules(
        HARM,
        "self",
        None,
        r"(?:amener|emmener|apporter|prendre|take|bring) (?:mes|les|my) (?:enfants|kids|petits"
        r"|bebes?|filles|fils|gars|children) avec moi(?: \w+){0,4} (?:quand|lorsque|si|when|if) je"
        r" (?:vais partir|pars|partirai|meurs|vais mourir|me tue|me en vais|go)(?! (?:en|a|au|aux"
        r"|pour|de|du|chez|vers|avec|travailler|demain|on|to|for)\b)",
        r"(?:serre|pince|brasse|bouscule|frappe|tape|secoue|pousse|brusque)\w* (?:\w+ ){0,4}"
        r"(?:residente?|patiente?|usagere?|bebe|enfant)(?: \w+){0,8} (?:aime ca|ai aime|plaisir"
        r"|fait du bien|enjoyed it|liked it)",
        r"peur de ce que je (?:vais|pourrais|risque de) (?:lui |leur )faire",
        # the English form: "scared of what I'll do to her next time"
        r"(?:scared|afraid|terrified|frightened) (?:of )?what (?:il|id|i will|i would|i might|i could"
        r"|i may|i am going to|i am gonna) do (?:to (?:her|him|them|someone|somebody|my (?:wife|husband"
        r"|partner|kids?|children|son|daughter|baby|boyfriend|girlfriend|coworker|colleague|boss"
        r"|patient|ex|mother|father|mom|dad))\b|next time (?:he|she|they|i see (?:him|her|them))\b)",
    ),
]
