"""Self-harm: cutting, burning, hitting oneself, and deliberately stopping a vital treatment.

Families added for the fresh design batch (each needs a self-harm cue, not a body word alone):
* a blade, razor or scalpel on an arm, wrist or thigh; blades hidden "au cas où";
* hitting or burning oneself "exprès", "jusqu'à ce que ça saigne", "pour avoir mal";
* cutting again ("encore coupée ce soir", "I cut again tonight");
* arms "pleins de coupures"; self-punishment by starving;
* stopping insulin, dialysis, lithium or antidepressants on purpose ("tant pis", "j'm'en fous",
  "mon corps décidera");
* drinking to pass out on purpose.
"""

from __future__ import annotations

from .language import SELF_HARM, THIRD, Rule, nothing_before, nothing_before_in_sentence, rules

# body parts that self-harm is done to (not hands or fingers: kitchen and paper cuts)
_LIMB = (
    r"(?:bras|avant bras|poignets?|cuisses?|ventre|hanches?|arms?|forearms?|wrists?|thighs?"
    r"|stomach|peau|skin)"
)
_BLADE = r"(?:lames?|rasoirs?|razors?|blades?|bistouri|exacto|x acto|lames de rasoir)"
# deliberately stopping what keeps one alive
_STOP = (
    r"(?:arrete|arreter|cesse|cesser|saute|sauter|skip\w*|stopped|stop|lache|lacher|plus pris"
    r"|pas pris|plus prendre|plus prends|prends plus|prends pas|refuse|quit)"
)
_VITAL = (
    r"(?:lithium|insuline|insulin|dialyses?|medicaments|medications?|meds|antidepresseurs"
    r"|antidepressants|pilules|pills|traitements?|anticoagulants|coumadin|chimio|antirejets?"
    r"|anti rejets?)"
)
_ON_PURPOSE = (
    r"(?:(?<!pas )(?<!pas fait )expres|volontairement|on purpose|me en fous|me en fiche"
    r"|me en calice|tant puis|decidera|voir ce qui (?:arrive|va arriver|se passe)|que ca crash\w*"
    r"|i (?:dont|do not) care)"
)

# what a relapse is on (a relapse of the flu is not one)
_DRUGS = (
    r"(?:coke|cocaine|speed|crystal|meth|opio\w*|fentanyl|heroine|drogues?|pilules|ghb|oxy\w*"
    r"|percocets?|dilaudid)"
)
_ALCOHOL_CANNABIS = r"(?:alcool|boisson|biere|vin|pot|weed)"

# someone else's words reported: "mon patient m'a dit « je bois jusqu'à perdre la carte »" (12q)
_REPORTED = r"patiente?s?|usagere?s?|residente?s?|cliente?s?|dit|disait|says|said|told"

# blacking out from drink or drugs
_BLACKOUT = (
    r"perdre conaisance|perde conaisance|perdre la carte|black ?out|blacked out|pass out"
    r"|passed out|tomber dans les pommes"
)
# an itch, a rash, bites or a finger prick: scratching or pricking to blood that is not self-harm
_ITCH = (
    r"eczema|gale|scabies|piqures?|maringouins?|mosquito\w*|moustiques?|itch\w*|demangeaisons?"
    r"|demange|urticaire|hives|psoriasis|glucometre|glycemie|glucometer|glucose|secheresse|dry skin"
    r"|mains seches|poux|lice|allergie|allergy|rash|punaises?|bed ?bugs?"
)

SELF_HARM_RULES: list[Rule] = [
    # --- self-harm ------------------------------------------------------------------
    *rules(
        SELF_HARM,
        "self",
        None,
        # the writer's own recent overdose ("cette semaine j'ai fait une surdose"), not one of years
        # ago said after it (an old one said before it still gets the reply), not a figure of speech
        r"(?:\bje ai (?:(?:encore|deja|presque|failli|refait|comme) )?(?:(?:fait|refait) (?:une|un) (?:surdose|overdose|od)"
        r"|overdose\b)"
        r"|\bi (?:have |just |nearly |almost |kind of )?(?:overdosed|oded|od)\b)"
        r"(?! (?:de|on) (?:travail|sucre|chocolat|cafe|cafeine|reunions?|informations?|bonbons|netflix|tele"
        r"|work|sugar|chocolate|coffee|caffeine|candy|tv|memes|series|shows?)\b)"
        r"(?!(?: \w+){0,6} (?:il y a (?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|vingt"
        r"|quelques|plusieurs) (?:ans|annees)|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty"
        r"|many|several|a few) years ago))",
        r"\bme (?:suis )?(?:re)?(?:scarifi\w*|mutil\w*)",
        # a relapse with a body in danger or a drive not remembered (12k, 12l)
        rf"(?:(?<!jamais )(?<!pas )(?<!never )(?:rechute\w*|relapsed?|relapsing)(?: \w+){{0,6}} (?:{_DRUGS}|{_ALCOHOL_CANNABIS}|consommation|sober"
        rf"|sobre|clean|pills)|retouche a(?:ux)? (?:la |le |les |l )?(?:{_DRUGS}|{_ALCOHOL_CANNABIS}|bouteille)"
        r"|reconsomme\w*|recommence a (?:consommer|boire)(?! du cafe| de le cafe| du the| de le eau"
        rf"| du jus)|recommence a prendre (?:de la |du |des |de le )?{_DRUGS})"
        r"(?: \w+| \.){0,16} (?:palpitations|coeur (?:qui )?(?:bat|fait|cogne|debat|serre)"
        r"|douleur (?:a|dans) la poitrine|mal a la poitrine|chest pain|heart (?:is )?(?:racing"
        r"|pounding)|(?:remember|rappelle) (?:pas |not )?(?:the drive|driving|du trajet|de la route)"
        r"|drove home|conduit (?:pour )?(?:rentrer|revenir)"
        # ... and drove after it (12p: "j'ai rechuté à la coke pis j'ai conduit après")
        r"|(?:je ai|jai|i|and|pis|et) (?:quand meme |still |even |then )?(?:conduit|drove|pris le"
        r" volant|pris le char|pris mon char|pris mon auto|chauffe))",
        # sleeping pills or opioids by the handful, in the first person (12p: "j'ai pris 6 Ativan
        # pour être capable de dormir"); a dose in mg or a number of days is not a count of pills,
        # nor what a nurse took from the Pyxis for patients or picked up as prescribed
        r"(?:je ai|jai|je|i|i ve|i have) (?:pris|prends|avale|avaler|took|take|taken|swallowed"
        r"|popped) (?:genre |like |about |environ |au moins |at least |comme |une )?(?:[4-9]|[1-9]\d"
        r"|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|dizaine|four|five|seven|eight|nine"
        r"|ten|twelve|fifteen|twenty)(?! (?:mg|ml|mcg|g|milligrammes?|gouttes|fois|jours|semaines"
        r"|days|weeks|times|ans|years|heures|hours|minutes|mois|months)\b) (?:de |d |of )?"
        r"(?:(?:comprimes|pilules|cachets|tablets|pills|capsules) (?:de |d |of )?|of my )?(?:\w+ )?"
        r"(?:ativans?|lorazepam|xanax|alprazolam|clonazepam|rivotril|valium|diazepam|seroquel"
        r"|quetiapine|zopiclones?|imovanes?|somniferes?|sleeping pills|benzos?|dilaudids?"
        r"|hydromorphone|oxy\w*|percocets?|morphine|codeine|gabapentin|lyrica|trazodone|desyrel)\b"
        r"(?!(?: \w+){0,6} (?:pyxis|omnicell|pharmacie|pharmacy|orders?|ordonnances?|prescrit\w*"
        r"|prescribed|mes patients|le patient|la patiente|les patients|my patients|the patient)\b)",
        # eating withheld to punish oneself (12k, 12l)
        r"me prive de (?:manger|nourriture|repas|bouffe)(?: \w+){0,6} (?:pour me punir|expres"
        r"|volontairement|punition|je (?:le )?merite)|(?:starving|starve) myself"
        r"|(?:mange|mangeais) (?:presque )?(?:plus|rien)(?! de | d )(?: \w+){0,5} (?:volontairement"
        r"|expres|pour me punir|on purpose)(?!(?: \w+){0,4} (?:a jeun|prise de sang|jeune|test"
        r"|examen|chirurgie|operation|coloscopie)\b)|(?:not eating|stopped eating) (?:on purpose"
        r"|to punish)",
        r"(?:<WANT>) <ADV>me (?:blesser|faire souffrir|punir physiquement)",
        r"je me (?:frappe|mords|griffe|brule|blesse)(?: \w+){0,3} (?:quand|pour|jusque|expres"
        r"|volontairement)",
        r"(?:envie|besoin|gout|pulsion|veux|voudrais|vais|pense a|recommence a|arreter de|arrete de"
        r"|continue a|tente de|expres de) (?:de )?me (?:faire|fais) (?:du |de )?mal\b"
        r"(?! (?:au|aux|a la|a le|a|en)\b)",
        r"je me (?:fais|fait) (?:du |de )?mal\b(?! (?:au|aux|a la|a le|a|en)\b)",
        r"me suis (?:fait|faite) (?:du|de) mal",
        r"me (?:suis )?brul\w* (?:\w+ ){0,3}(?:cigarette|briquet|expres|volontairement|pour"
        r" (?:sentir|me punir|me calmer))",
        r"(?:gratte|griffe|frappe|cogne|mords|pince)(?: \w+){0,6} jusque (?:a|au) (?:sang|saigner"
        r"|avoir des bleus|me faire mal|avoir mal)",
        r"(?:been |started |start )cutting(?! (?:back|costs|down|hair|the))|cutting again"
        r"|cut myself|cutting myself|hurt myself|hurting myself|burn myself|burned myself",
    ),
    *rules(
        SELF_HARM,
        "any",
        None,
        r"\bme suis <ADV>(?:coupee?|taillad\w*|lacer\w*|entaill\w*) (?:expres|volontairement"
        r"|encore(?! (?:avec|en|sur|dans|le|la|les|un|une|au)\b)|(?:les|mes) (?:bras|poignets|cuisses"
        r"|jambes|veines))|\bme suis recoupee?",
        r"\bme <ADV>(?:re)?(?:couper|coupe|coupais|taillad\w*|lacer\w*|entaill\w*)(?! (?:les cheveux"
        r"|le doigt|les ongles|du monde|de|des|du|en|un|une|la parole|au|le|la|mes)\b)",
    ),
    *rules(
        SELF_HARM,
        "any",
        THIRD,
        r"coupe\w* (?:\w+ ){0,2}(?:les |mes |ses )?(?:poignets|veines)",
        r"\bse (?:scarifi\w*|mutil\w*)",
        r"\bse (?:fait|faire|fasse|font|faisait) (?:du|de) mal",
        r"\bse (?:couper|coupe|coupait|taillad\w*)(?! (?:les cheveux|le doigt|du monde|de|en|au)\b)",
        r"(?:coupures|cicatrices|entailles|marques) (?:\w+ ){0,2}(?:sur les |aux )?(?:bras|poignets"
        r"|cuisses|jambes)",
        r"(?:cut|cutting|hurt|hurting|harming) (?:himself|herself|themselves)",
        r"\b(?:se|me) (?:fait|fais|faisait) des (?:coupures|entailles|brulures)",
    ),
    # --- families added for the fresh design batch ------------------------------------
    *rules(
        SELF_HARM,
        "self",
        None,
        # hitting, burning, hurting oneself on purpose
        r"\bme (?:frappe|cogne|tape|fesse) (?:la tete|le poing|les poings|la face) (?:contre|sur|dans)"
        r"(?: \w+){0,10} (?:quand je|jusque|pour (?:me|avoir|sentir)|expres|volontairement)",
        r"\bme (?:donne|sacre|crisse|fous|fiche) (?:des |un )?(?:coups?|claques?)(?: de (?:poing|pied"
        r"|tete))? (?:sur|dans|a) (?:les |mes |la |ma |le |mon )?(?:cuisses|bras|jambes|tete|ventre"
        r"|visage|face)",
        r"\bje me(?: \w+){1,10} jusque a ce que (?:ca|je|il|elle) (?:saigne|devienne (?:bleu|mauve"
        r"|noir)|bleuisse|fasse mal|aie mal|ait mal)",
        r"(?:voulais|veux|voulait|besoin de|envie de|want(?:ed)? to|needed to) (?:juste |just )?"
        r"(?:avoir mal|sentir (?:de la |la )?douleur|feel (?:the )?pain)(?= \.| ?$| physiquement"
        r"| expres| pour)",
        r"\bme suis <ADV>(?:claque|brule|coupe|frappe|cogne|blesse|ecrase|pince|mordu|griffe|gratte"
        r"|casse|fracture|taillade|ouvert)\w*(?: \w+){0,8} (?:(?<!pas )(?<!pas fait )expres"
        r"|volontairement"
        r"|on purpose|pour (?:avoir mal|me punir|sentir quelque chose))",
        # "je me suis infligé des brûlures", "I inflicted burns on myself" (12o); not an
        # accident ("en cuisinant", "au soleil", "un coup de soleil")
        r"(?:\bme (?:suis )?<ADV>inflig\w* (?:moi meme |moi |volontairement |expres )?(?:des |une"
        r" |plusieurs )?(?:brulures?|coupures?|entailles?|lacerations?)"
        r"|\binflict\w* (?:some |a few )?(?:burns?|cuts?|wounds?) (?:on|to) (?:myself|my (?:arms?"
        r"|legs?|thighs?|wrists?|stomach|skin))|\bself inflicted (?:burns?|cuts?|wounds?))"
        r"(?!(?: \w+){0,5} (?:de soleil|au soleil|par accident|accidentel\w*|sans faire expres"
        r"|sans le vouloir|by accident|cooking|shaving|en (?:cuisinant|courant|ouvrant|me rasant"
        r"|coupant|bricolant|jardinant|tombant)|a la plage|at the beach)\b)",
        r"\bme suis <ADV>taillad\w*|\bme suis encore coupee?\b(?! (?:le|la|les|au|avec|en|sur|dans"
        r"|un|une|de|du|des|pour|maudit|ostie|criss|tabarnak)\b)",
        r"\bme brul\w* (?:les|mes) (?:bras|poignets|cuisses|avant bras)|\bme (?:suis )?brul\w*"
        r"(?: \w+){0,5} (?:cigarettes?|briquet|allumettes?)",
        rf"\b(?:mes|my) {_LIMB} (?:sont|are|est|is) (?:\w+ )?(?:pleins?|couverts?|remplis?|full"
        r"|covered) (?:de|of|in|with) (?:coupures|cicatrices|entailles|brulures|cloques|cuts|scars"
        r"|burns)",
        # self-punishment by starving
        r"(?:mange|bois|dors|manger|boire|dormir) (?:plus|pas|rien)(?! de\b| d\b)(?: \w+){0,8}"
        r" (?:ma punition"
        r"|pour me punir|je le merite)",
        r"(?:pour me punir|ma punition)(?: \w+){0,6} (?:je )?(?:mange|bois|me prive|me frappe"
        r"|me brule|me coupe)",
        # drinking to pass out on purpose
        r"(?:bois|boire|drink|drinking)(?: \w+){0,3} jusque a (?:perdre connaissance|tomber"
        r"|black out|plus rien sentir|plus sentir|perdre la carte)(?: \w+){0,4} (?:expres"
        r"|volontairement|pour (?:pas|plus) (?:rien )?sentir|pour oublier|on purpose)",
        # English
        r"\bi (?:cut|burned|burnt)(?: myself)? (?:again|tonight|deeper|last night|today)\b"
        r"|\bcut (?:again|deeper)(?! (?:the|a|on|into|my|our|back)\b)",
    ),
    *rules(
        SELF_HARM,
        "any",
        None,
        # a blade on a limb, or hidden "just in case"
        rf"{_BLADE}(?: \w+){{0,8}} (?:sur|on|dans|into|across) (?:mon|mes|ma|my|le|les|ses|son|his"
        rf"|her) {_LIMB}",
        rf"(?:sur|on) (?:mon|mes|ma|my) {_LIMB}(?: \w+){{0,4}} (?:la |le |une |un |the |a |my )?"
        rf"{_BLADE}",
        r"(?:arms?|bras|poignets|wrists|cuisses|thighs)(?: \w+){0,8} (?:i )?used (?:the |a |my )?"
        r"(?:razor|blade)",
        rf"(?:cache|hid|hide|hiding)\w* (?:des |mes |une |la |un |my |some |a )?{_BLADE}"
        rf"|{_BLADE}(?: \w+){{0,6}} au cas ou(?= \.| ?$)",
        r"(?<!\ba )(?<!\best )(?:encore|re) ?coupee? (?:ce soir|cette nuit|aujourd hui|hier)"
        r"(?= \.| ?$)",
    ),
    *rules(
        SELF_HARM,
        "any",
        None,
        # deliberately stopping a vital treatment
        rf"{_STOP} (?:\w+ ){{0,3}}{_VITAL}(?: \w+| \.){{0,12}} {_ON_PURPOSE}",
        rf"{_ON_PURPOSE}(?: \w+){{0,6}} {_STOP} (?:\w+ ){{0,3}}{_VITAL}",
    ),
    # --- hurt on purpose, the head against the wall, drinking until blacking out (12q) -----
    *rules(
        SELF_HARM,
        "self",
        None,
        # "jme suis fait mal exprès encore" (not what a manager or the CNESST thinks of an injury)
        r"(?<!que )(?<!qu )(?<!that )(?<!says )(?<!think )(?<!thinks )(?:je me suis|je me) (?:fait"
        r"|faite|fais) (?:du |de )?mal (?:expres|volontairement)\b|(?<!that )(?<!says )(?<!think )"
        r"(?<!thinks )\bi (?:hurt|cut|burned|burnt) myself (?:on purpose|deliberately)\b",
        # the head against the wall, when sad or angry, or with a head injury's signs after it
        r"(?:quand|lorsque|when|whenever) (?:je suis|je me sens|je deviens|i m|im|i am|i get|i feel)"
        r" (?:\w+ ){0,2}(?:triste|fachee?|en colere|enragee?|angoissee?|anxieuse|anxieux|stressee?"
        r"|a bout|sad|angry|upset|overwhelmed|anxious)(?: \w+){0,2} (?:je|i) (?:me )?(?:frappe|cogne"
        r"|tape|bang|hit|slam) (?:ma|la|my) (?:tete|head) (?:contre|sur|against|on|into) (?:le|les"
        r"|un|the|a) (?:mur|murs|wall|walls)\b",
        r"(?:je|i) (?:me (?:suis )?)?(?:frappe|frappais|cogne|cognais|bang|banged|banging|hit|slam"
        r"|slammed|slamming|keep (?:banging|hitting|slamming)) (?:ma|la|my) (?:tete|head) (?:contre"
        r"|sur|against|on|into) (?:le|les|un|the|a) (?:mur|murs|wall|walls)\b(?:(?: \w+| \.){0,15}"
        r" (?:flou|floue|embrouille|blurry|dizzy|etourdie?|saign\w*|bled|bleed\w*|bosse|commotion"
        r"|concussion)\b| (?:quand|when|whenever|lorsque) (?:je suis|ca va pas|i m|im|i am|i get"
        r"|i feel|ca devient))",
        # alcohol or drugs until blacking out, the writer's own habit (not a patient's words)
        rf"{nothing_before_in_sentence(_REPORTED)}(?:je|i|jbois) (?:\w+ ){{0,3}}(?:bois|melange|mixe"
        r"|prends|consome|drink|drank|mix|mixing|use|saoule|sole) (?:\w+ ){0,12}?(?:alcol|boison|fort"
        r"|vin|biere|vodka|gin|rhum|fort|shots?|coke|cocaine|pilules|xanax|ativan|drogue|speed|crystal"
        r"|booze|wine|beer|liquor|pills|weed|pot)\b(?: \w+){0,8}? (?:jusque a|jusque au|until|till"
        rf"|to the point of|jusque a ce que je) (?:\w+ )?(?:{_BLACKOUT}|tomber sans conaisance"
        r"|blacking out|passing out|plus me rappeler de rien|plus me souvenir de rien|m out cold"
        r"|out cold)",
        rf"{nothing_before_in_sentence(_REPORTED)}(?:je bois|i drink|i drank|i got drunk|je me saoule"
        r"|je me soule|je me suis saoulee?)"
        r"(?: (?:encore|souvent|trop|again|often|tous les soirs|every night))? (?:jusque a|until"
        rf"|till|jusque a ce que je) (?:i )?(?:{_BLACKOUT})",
    ),
    # --- scratching until it bleeds (12r: "I scratch my arms with the pin of my name badge
    # until blood"), not an itch, eczema, bites or a glucometer
    *rules(
        SELF_HARM,
        "self",
        None,
        rf"{nothing_before(_ITCH)}(?:je me|je me suis|i|i ve been|ive been|i have been|i keep)"
        r" (?:\w+ )?(?:gratte|grafigne|grafignee?|griffe|griffee?|scratch|scratched|scratching"
        r"|scrape|scraped|scraping) (?:\w+ ){0,12}(?:jusque au sang|au sang|jusque a saigner"
        r"|jusque a ce que ca saigne|jusque a temps que ca saigne|until (?:it |they )?(?:blood"
        r"|bleeds|bleed|bled|i bleed)|till (?:it |they )?(?:blood|bleeds|bleed|bled)|to the blood)"
        rf"(?!.*\b(?:{_ITCH})\b)",
    ),
]
