"""The pattern language of the lexicon: macros, compilation, and the Rule type.

Patterns match the output of `normalize.normalize()`: lowercase, no accents,
elisions expanded ("j'ai" → "je ai", "l'air" → "le air", "qu'il" → "que il"),
"ne" dropped, words separated by one space, " . " between sentences. They are
written in normal spelling; `compile_pattern()` reduces doubled letters the same
way the text is reduced ("balle" → "bale"), so "mourrir" matches "mourir".

`<NAME>` inserts the macro NAME (macros may use other macros).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..assessment import RiskCategory

# Short names the rule files use for the categories.
SUICIDE = RiskCategory.SUICIDE
SELF_HARM = RiskCategory.SELF_HARM
HARM = RiskCategory.HARM_TO_OTHERS
DANGER = RiskCategory.IMMEDIATE_DANGER
THIRD = RiskCategory.THIRD_PERSON
MEANS = RiskCategory.MEANS

MACROS = {
    # up to three softening adverbs: "je veux JUSTE mourir", "j'ai TELLEMENT envie"
    "ADV": r"(?:(?:juste|vraiment|tellement|seulement|simplement|ben|bien|meme|presque|souvent"
    r"|parfois|des fois|encore|toujours|serieusement|serieux|sincerement|honnetement|ca|comme"
    r"|tout|toute|deja|aller|really|just|so|honestly|seriously|sometimes|kinda|kind of) ){0,3}",
    # wanting / thinking of / talking about, every person ("veux", "veut", "ai envie de")
    "WANT": r"(?:veux|veut|voulait|voudrais|voudrait|aimerais|aimerait|souhaite|souhaiterais"
    r"|espere|prie pour|reve de|(?:pense|pensais|pensait|pensee|songe|songeais|reve) <ADV>a"
    r"|envisage de|prefere|prefererais|suis pret a|suis prete a|suis rendue? a|suis tentee? de"
    r"|ai decide de|decide de|parle de|parlait de|parle juste de|(?:ai|a|avais|avait) <ADV>"
    r"(?:envie|le gout|gout|hate|besoin) de|envie de|le gout de|gout de|hate de"
    r"|want to|wants to|wanted to|wish i could|would rather|need to|going to|plan to|planning to"
    # deciding how: "I've been planning how to end things", "je planifie comment en finir"
    r"|(?:planning|planned|plan|figuring out|figured out|deciding|decided|thinking about|thought about"
    r"|researching|looked up|looking up) (?:how|when|where) to"
    r"|(?:planifie|planifiais|prepare|preparais|reflechis a|reflechissais a|cherche|cherchais"
    r"|regarde|regardais) (?:comment|quand|ou)(?: je (?:vais|pourrais|pourrai))?"
    r"|about to|thinking about|thinking of|think about|ready to|decided to|talks about"
    r"|talking about|talked about|plan (?:ce est |est )?de|hope to|hope i|menace de|menacait de"
    r"|threatening to|threatens to)",
    # intending, every person ("vais", "va", "allait")
    "INTENT": r"(?:vais|va|vas|allais|allait|compte|comptait|devrais|pourrais|dois|veux|veut"
    r"|m en vais|going to|will|should|am about to)",
    # falling or jumping from a height or in front of a vehicle
    "DROP": r"(?:en bas(?: du| de la| de le| de un| de une)?|du haut|dans le vide|dans le fleuve"
    r"|par la fenetre|dans la riviere|dans le lac|sur (?:la track|les rails|la voie)"
    r"|(?:sous|devant) (?:le|la|un|une) (?:train|metro|autobus|bus|camion|char|auto|voiture|truck"
    r"|trafic|char)"
    r"|(?:du|de la|de le|de un|de une) (?:pont|toit|balcon|fenetre|edifice|immeuble|viaduc"
    r"|falaise|stationnement|quai|haut|\d+ ?(?:e|eme|ieme) etage|(?:premier|deuxieme|troisieme"
    r"|quatrieme|cinquieme|sixieme|septieme|huitieme|neuvieme|dixieme|onzieme|douzieme|quinzieme"
    r"|vingtieme|dernier) etage))",
    # a passive wish to be dead, after <WANT>
    "DIE": r"(?:mourir(?! de\b| d\b| a la maison| a domicile| chez (?:elle|lui|soi|nous)"
    r"| dans la dignite)|crever|etre morte?|plus etre la|pas etre la|plus etre en vie"
    r"|plus exister|pas exister|exister plus|plus vivre|pas vivre|vivre plus"
    r"|disparaitre(?! (?:sous|dans|quelques|pour (?:la|le|une|quelques)|en vacances|une|un|sur|au|aux"
    r"|loin|pendant|de la|en|quelque)\b)"
    r"|sortir par la porte (?:de )?en arriere"
    r"|dormir pour (?:toujours|de bon|le eternite)|<PARTIR>"
    r"|(?:me )?(?:endormir|dormir|coucher) (?:pour (?:toujours|de bon)|(?:et |puis )?(?:plus |pas |jamais )+"
    r"me reveill\w*)"
    r"|(?:plus|pas|jamais) (?:me|se) reveill\w*(?! <WAKE_OK>)|avoir un accident|rejoindre <DEAD>"
    r"|fermer les yeux (?:pour toujours|pour de bon|a jamais)|(?:go to )?sleep and (?:never|not) wake up"
    r"|die|be dead|not exist|not wake up|never wake up|sleep forever|stop existing"
    r"|disappear(?! for (?:a|the|some|\d)| on (?:a|vacation)| to\b| from (?:work|social))"
    r"|sleep and (?:never|not) wake up|go to sleep forever|quitter (?:ce monde|la vie|cette vie"
    r"|la terre)|leave this world|rejoindre (?:les anges|le ciel|mon ange)"
    r"|arreter de (?:exister|vivre|respirer)|stop breathing|me eteindre|me effacer(?! (?:dans|en|devant|pendant|lors|au|aux)\b)"
    r"|plus souffrir(?! de\b| au\b| a\b)"
    r"|not be alive|not live)",
    "PARTIR": r"(?:partir|parte|partirai|partirais|go|me en aller|me en aille|se en aller"
    r"|(?:je suis|vais etre|serai|serais|etre) partie?) (?:pour de bon|pour toujours|forever)(?! (?:de|d|du|des|en|a|au|aux"
    r"|vers|chez|loin|ailleurs)\b)",
    # a better world without the writer: "ce serait mieux si je partais"
    # warning signs: giving away or cancelling, then a finality cue (lexicon/signs.py)
    "GIVE": r"(?:donne|donner|vendu|vendre|distribue|legue|fait adopter|place|annule|debarrasse\w*"
    r"|transfer\w*|ceder|cede"
    r"|(?:trouve|cherche) (?:une |un )?(?:nouvelle |nouveau )?(?:famille|maison|foyer) pour)"
    r"(?: \w+){0,3} (?:chats?|chiens?|animaux|animal|perroquet|oiseau|poissons?|lapin|affaires"
    r"|montre|cadeaux"
    r"|biens|choses|meubles|outils|bijoux|char|auto|voiture|guitare|collection|rendez vous"
    r"|abonnement|cours|voyage|reservations?|billets?|plans|tout|vacances|journees|conges"
    r"|banque)\b",
    "FINAL": r"(?:souvenir de moi|(?:en )?aurai (?:plus|pas|jamais) besoin\b(?! (?:avec|parce|car|puisque|vu"
    r"|depuis|maintenant|a cause|grace|quand|tant que|pour (?:le|un) moment|cet|cette|que)\b)"
    r"|(?:vais|vas) (?:plus|pas|jamais) en avoir besoin\b(?!(?: \w+){0,6} (?:retraite|conge|maternite"
    r"|paternite|demenag\w*|nouvelle job|nouvel emploi|parce|car|puisque|avec|finalement"
    r"|cette (?:annee|ane|semaine|fin de semaine|saison|session)|cet (?:ete|hiver|automne)"
    r"|ca va mieux|pour le moment|this year|anymore at work)\b)"
    r"|(?:quand|une fois que|lorsque) je (?:serai|serais|vais etre) (?:plus|pas) la"
    r"|la ou je (?:vais|me en vais)|where i am going|mieux (?:\w+ ){0,3}que moi"
    r"|(?:tout )?seule? apres(?= \.| ?$)|apres moi|sans moi|il reste (?:juste|seulement|plus que) a)",
    "KIN": r"(?:enfants|fils|fille|filles|mere|pere|soeur|soeurs|frere|freres|chum|blonde|mari"
    r"|gars|kids|ados|petits"
    r"|femme|famille|proches|parents|amis?|amies?|petits enfants|conjointe?)",
    "DRUG": r"(?:le |la |les |au |aux |a la |a le |des |du |de la |de |a )?(?:morphine|fentanyl"
    r"|dilaudid|hydromorphone|narcotiques|opioides|stupefiants|medicaments|pilules|potassium|kcl"
    r"|insuline|propofol|benzos?|ativan|midazolam|ketamine|pharmacie|armoire|pyxis|omnicell"
    r"|drogues?|tout ce que il faut|somniferes|comprimes|medocs|seroquel|tylenol|advil|dodo"
    r"|zopiclone|imovane|amitriptyline|quetiapine|oxycodone|methadone|clonazepam|rivotril"
    r"|lorazepam|narcotics|opioids)",
    "TEMPTED": r"(?:y pense|y penser|y songe|y songer|tentant|tentation|me en garder|en garder"
    r"|thinking about it|think about it"
    r"|(?<!nouveau )(?<!nouvelle )(?<!important )(?<!difficile )(?<!facile )(?<!stressant )pour moi"
    r"|pour en finir|me en servir|sais (?:exactement )?(?:quoi|combien|quelle dose))",
    "BETTER": r"(?:plus simple|plus facile|mieux|regler\w*|soulag\w*|personne|debarras|happier"
    r"|changerait rien)",
    "GONE": r"(?:(?:etais|serais|existais|etait) (?:plus|pas|morte?|partie?)|partais|mourais"
    r"|disparaissais|me tuais|me endormais pour toujours|dormais pour toujours)",
    "WAKE_OK": r"(?:en retard|trop tard|a temps|pour|avant|quand|a \d|aussi tot|si tot|tot|de bonne heure|le matin pour)",
    "DEAD": r"(?:mon pere|ma mere|mon frere|ma soeur|mon fils|ma fille|mon chum|ma blonde|mon mari"
    r"|ma femme) (?:au ciel|de le autre bord|dans la mort)",
    # active suicidal acts with the writer as object ("me tuer"); the subject decides
    # whether it is suicide (je) or a threat (il va me tuer)
    "KILL_ME": r"(?:me suicid\w*|me tuer\w*|me enlever la vie|me oter la vie|me supprimer"
    r"|mettre fin a (?:mes jours|ma vie|mon existence|ma souffrance|mes souffrances)"
    r"|me (?:foutre|sacrer|crisser|calisser|criser) en le air|me flinguer|me pendre|me noyer"
    r"|me (?:jeter|lancer|garocher|crisser|calisser|sacrer|pitcher|mettre|placer|coucher) <DROP>"
    r"|me (?:tirer|mettre|sacrer|crisser) une balle(?! dans le pied)|me faire sauter la cervelle"
    r"|me tirer (?:dans la tete|avec (?:\w+ ){0,2}<WEAPON>)|me laisser mourir|me (?:ouvrir|couper|trancher|taillader) les veines"
    r"|me empoisonner|me intoxiquer|kill myself|hang myself|unalive myself|off myself"
    r"|shoot myself|end my (?:own )?life|take my (?:own )?life|killing myself|ending my life)",
    # active suicidal acts without a pronoun ("en finir", "sauter du pont")
    "KILL_ANY": r"(?:en (?:finir?s?|terminer)\b(?! <FINISH_OK>)|mettre fin a tout(?: ca)?|sauter <DROP>"
    r"|faire une (?:overdose|surdose)|avaler tou\w* (?:le|la|les|ma|mes|mon) (?:pot|bouteille|boite"
    r"|plaquette|pharmacie|pilules|medicaments|comprimes)|end it all|ending it all|ending my life"
    r"|jump off (?:a|the) (?:bridge|roof|building))",
    # acts that are suicidal only when wished or intended ("j'ai envie de sauter")
    "KILL_WISH": r"(?:sauter(?= \.| ?$| pis| puis| et| ce soir| cette nuit| bientot)"
    r"|prendre (?:toutes? )?mes (?:pilules|medicaments|pills)|take (?:all )?(?:my|the) (?:pills|meds)"
    r"|donner un coup de volant(?! pour)|(?:foncer|rentrer|fesser|crasher|crash|drive) (?:dans|into)"
    r" (?:un|le|la|une|a|the) (?:mur|arbre|camion|poteau"
    r"|pilier|viaduc|train|truck|autobus|tree|wall|pole)|end everything|(?:end|ending) (?:it|things|this)"
    r"(?! with| between| off| project| meeting| shift| call| conversation| relationship| on time"
    r"| early| before| by| for (?:the|this|today))|jump)",
    "FINISH_OK": r"(?:avec (?:ce|cette|ces|le|la|les|mon|ma|mes|un|une|son|sa|ses|notre|nos|du"
    r"|de la|de le)\b(?! (?:vie|souffrance|douleur|existence|jours)))",
    # the same acts with a third-person reflexive ("se tuer", "kill himself")
    "KILL_SE": r"(?:se suicid\w*|se tuer|se tue|se enlever la vie|se oter la vie"
    r"|se (?:foutre|sacrer|crisser) en le air|se flinguer|se pendre|se noyer"
    r"|se (?:jeter|lancer|garocher) <DROP>|se tirer une balle|mettre fin a ses jours"
    r"|kill (?:himself|herself|themselves|themself)|hang (?:himself|herself)"
    r"|end (?:his|her|their) (?:own )?life|take (?:his|her|their) (?:own )?life)",
    # people: partners (domestic violence), close people, people harmed
    "PARTNER": r"(?:chum|blonde|mari|femme|conjoint|conjointe|ex|amoureux|amoureuse|copain|copine"
    r"|husband|wife|boyfriend|girlfriend|partner)",
    "PERSON": r"(?:<PARTNER>|boss|patron|patronne|gestionnaire|cheffe?|superviseure?|collegues?"
    r"|patiente?s?|usagere?s?|clientes?|residente?s?|enfants?|bebe|fils|fille|mere|pere|voisine?"
    r"|coloc|gars|madame|monsieur|infirmieres?|medecin|docteur|preposee?s?|agent|gardien|famille"
    r"|kids?|baby|coworkers?|manager|neighbou?r|guy|personne|monde|gens)",
    "WEAPON": r"(?:couteau(?! a (?:beurre|steak|pain|legumes))|arme|armes|fusils?|guns?|pistolet|carabine|knife|machette|hache|batte"
    r"|baton(?! de (?:hockey|golf|marche|ski|pop))|bat de baseball|barre de fer)",
    "LETHAL": r"(?:mortel|mortelle|mortels|mortelles|letal|letale|letaux|fatal|fatale|lethal"
    r"|deadly)",
    "PAIN": r"(?:fait (?:tu )?mal(?! (?:au|aux|a la|a le)\b)|fais mal|ferait mal|fera mal|douloureux|douloureuse|souffre"
    r"|hurt|hurts|painful|rapide)",
    "METHOD": r"(?:mourir (?:de |d )?(?:une |un )?(?:surdose|overdose|pendaison|noyade|hypothermie"
    r"|asphyxie|intoxication)|mourir(?! (?:du|de la|de le|de un|de une|d|de)\b)|se pendre|me pendre|pendre|se noyer|me noyer|sauter|se jeter|me jeter"
    r"|se tirer|me tirer|se tuer|me tuer|se suicider|me suicider|se ouvrir les veines"
    r"|me ouvrir les veines|se couper les veines|me couper les veines|overdose|surdose|se noie|noye"
    r"|monoxyde"
    r"|die|hang|hanging|drown|drowning|jump|overdos\w*|bleed out)",
}


@dataclass(frozen=True)
class Rule:
    """One crisis pattern.

    kind says who is at risk:
      "any":    the nearest subject before the match decides: the writer → category;
                someone else → `third` (dropped when None); no subject → category,
                ignored in a professional context.
      "self":   the writer by construction ("me tuer", "mieux sans moi"); when the
                nearest subject is someone else, the category becomes `third` if set
                ("il va me tuer" → immediate danger).
      "victim": the writer suffers it ("me frappe"); dropped when the subject is "je".
      "other":  someone else by construction ("je sais pas combien IL en a pris"):
                `third` (or the category), whatever subject precedes the match.
      "always": no subject needed (methods questions).
      "mention": a risk word alone ("suicide"): a crisis unless the message is
                clinical or training talk.
    """

    category: RiskCategory
    pattern: re.Pattern[str]
    kind: str = "any"
    third: RiskCategory | None = RiskCategory.THIRD_PERSON


def rules(
    category: RiskCategory, kind: str, third: RiskCategory | None, *sources: str
) -> list[Rule]:
    """One Rule per pattern source, sharing category, kind and third-person category."""
    return [Rule(category, compile_pattern(s), kind, third) for s in sources]


def nothing_before(words: str) -> str:
    """A prefix for a pattern: none of `words` (an alternation) anywhere earlier in the message,
    whatever the distance ("si un patient est tombé… et ne répond pas"); the pattern then starts
    at a word. Fixed-width lookbehinds cannot say "anywhere before"."""
    return rf"(?<=^ )(?:(?!\b(?:{words})\b).)*?\b"


def nothing_before_in_sentence(words: str, in_message: str | None = None) -> str:
    """As `nothing_before`, from the start of the match's sentence only ("Je sais pas quoi faire.
    Un visiteur armé est entré": the question ended with its sentence); `in_message`: words that
    may not appear anywhere earlier in the message either ("Simulation hier : un homme armé…")."""
    if in_message is None:
        return rf"(?:(?<=^ )|(?<= \. ))(?:(?! \.|\b(?:{words})\b).)*?\b"
    return (
        rf"(?<=^ )(?:(?!\b(?:{in_message})\b).)*?(?:(?<=^ )|(?<= \. ))"
        rf"(?:(?! \.|\b(?:{in_message}|{words})\b).)*?\b"
    )


def expand(source: str) -> str:
    """Replace <NAME> macros, recursively."""
    while True:
        expanded = re.sub(r"<([A-Z_]+)>", lambda m: MACROS[m.group(1)], source)
        if expanded == source:
            return expanded
        source = expanded


def compile_pattern(source: str) -> re.Pattern[str]:
    """Expand macros, reduce doubled letters like the normalised text, end the word
    before each negative lookahead ("tentatives?(?! pour)" must not stop inside
    "tentatives pour"), and anchor on the space before the first word (the
    normalised text has one before every word; a literal prefix is fast to scan)."""
    source = re.sub(r"(?<!\\)([a-z])\1+", r"\1", expand(source))
    source = re.sub(r"(?<=[\w)*?+])\(\?!", r"\\b(?!", source)
    if source.startswith("\\b"):
        source = source[2:]
    return re.compile(f" (?:{source})")
