"""Suicide: wishes, intents, plans, acts — the writer's or someone else's."""

from __future__ import annotations

from .language import DANGER, SELF_HARM, SUICIDE, THIRD, Rule, nothing_before, rules

# "this is not a hypothetical question", "pour moi, pas pour un patient": asked for oneself (12q);
# not a will, a pension or a beneficiary, which are asked for oneself too
_NOT_IN_THEORY = (
    r"(?:(?:ce est |cest |c est |c )?pas (?:une question )?(?:theorique|hypothetique)"
    r"|(?:pour moi|for me|for myself)(?: \.)? (?:pas|not) (?:pour|for) (?:un|une|a|mon|ma|my) \w+"
    r"|(?:its|it s|this is|thats|that s|this isnt|isnt|is not) (?:not )?(?:a )?(?:hypothetical"
    r"|theoretical)|not (?:a |just )?(?:hypothetical|theoretical))\b"
)
_MOVES = (
    r"poste|job|position|transfer\w*|mutation|mutee?|formation|training|demenag\w*"
    r"|retraite|retire\w*|unite|clsc|nouvel emploi|new job|contrat|remplacement"
)
_ESTATE = (
    r"testament|notaire|succession|heritage|heritier\w*|beneficiaire\w*|rente|rregop|retraite"
    r"|pension|reer|will|estate|notary|beneficiar\w*|retire\w*|mandat"
)

SUICIDE_RULES: list[Rule] = [
    *rules(
        SUICIDE,
        "any",
        THIRD,
        # a state without a subject, at the start of a sentence: "suicidaire depuis la mort de mon
        # patient" (nobody named: dropped in clinical talk, "Note d'évolution: suicidaire depuis
        # l'admission")
        r"(?<![a-z] )(?:suicidaire|suicidal) (?:depuis|since|for|encore|again)\b",
    ),
    # --- suicide: wishes, intents, plans ------------------------------------------
    *rules(
        SUICIDE,
        "any",
        THIRD,
        r"<WANT> <ADV><DIE>",
        # "je me tire une balle dans la tête", said in the present or the conditional (not "dans le
        # pied", not followed by a joke marker)
        r"\bje me (?:tire|tirerais|tirerai|vais tirer) une balle(?! dans (?:le|les) pieds?)"
        r"(?!(?: \w+){0,8} (?:lol|mdr|ptdr|ha(?:ha)+h?|jk|hihi|xd)\b)",
        r"suicid\w*(?: \w+| \.){0,25} (?:quand|when|si|if) (?:ce est|c est|it s|its|it is) (?:moi|me)"
        r"(?= \.| ?$)",
        # no future seen alive ("je me vois pas vivante à Noël", "can't see myself alive")
        r"(?:me vois|me imagine|m imagine|see myself|picture myself) (?:pas|plus|jamais|not)"
        r" (?:encore )?(?:vivante?|en vie|alive)\b",
        r"(?:can t|cant|cannot|don t|dont) (?:see|picture) myself (?:alive|still alive|being alive)",
        r"(?:vie|vivre|existence)(?: \w+){0,2} (?:vaut|valent|vaux) (?:plus|pas|rien|jamais)",
        r"vaut (?:plus|pas) la peine (?:de )?(?:vivre|continuer a vivre|rester en vie)",
        # warning signs: a decision taken, a farewell, affairs settled
        r"(?:pris|prise) ma decision(?: \w+){0,6} (?:calme|paix|soulag\w*|enfin|serein\w*)"
        r"|(?:en paix|calme|sereine?) (?:avec|depuis) (?:ma|que je ai pris ma) decision"
        r"|made (?:my )?peace with (?:my|the) decision",
        r"(?:annule|donne|vendu|rendu)(?: \w+){0,6} <FINAL>",
        r"debarrass\w* de moi|rid of me",
        r"(?:not|won t|will not|not going to) be (?:around|here) (?:much )?(?:longer|for long|anymore)",
        r"acces (?:a|aux) (?:la |le |des )?(?:morphine|medicaments|narcotiques|opioides|pilules"
        r"|armes?|fusil)(?: \w+){0,8} (?:y pense|tente|tentant|tentation|facile)",
        r"(?:<WANT>|<INTENT>) <ADV>(?:<KILL_ANY>|<KILL_WISH>)",
        r"<KILL_ANY>",
        r"<KILL_SE>",
        r"(?:idees?|pensees?|thoughts?|flash) (?:noires?|sombres|suicidaires?|de mort|de suicide"
        r"|suicidal|of (?:suicide|death|dying))",
        r"(?:pense|pensee|pensees|penser|songe|obsede\w*|thinking|parle|parlait|parlent|talks)"
        r" (?:\w+ ){0,2}(?:a la mort|de la mort"
        r"|au suicide|a mourir|a ma mort|a en finir|a mes funerailles|about death|about dying)",
        r"(?:lettres?|letter|note) (?:de |d )?(?:adieux?|goodbye)",
        r"passer a le acte",
        r"(?:suis|sens|sentais|devenue?|est|es|etait|semble|devient|is|am|feel|seems) (?:\w+ ){0,2}"
        r"(?:suicid\w*|sucid\w*)",
        r"(?:message|mot|texto|post|publication|video) (?:de |d )?adieux?(?!(?: \w+){0,8}"
        r" (?:retraite|depart|demenag\w*|party|conge|bureau))",
        r"(?:a laisse|laisse|laissait) (?:une|un) (?:note|lettre|mot)(?: \w+){0,8} (?:trouve pas"
        r"|trouvons pas|repond (?:pas|plus)|disparu|introuvable|sais pas ou)",
        r"en (?:peux|peut|pouvait|pouvais|pourra|pourrait) (?:plus|pas) de (?:vivre|la vie|exister)",
        r"enferm\w* (?:\w+ ){0,6}avec (?:des|une|un|ses|mes|sa|ma|son|mon) (?:lames?|couteau|pilules"
        r"|corde|rasoir|medicaments|arme|fusil|gun)",
        r"(?:tout arreter|tout lacher|tout finir|lacher prise|abandonner) (?:pour de bon|pour toujours"
        r"|definitivement|une fois pour toutes)(?! (?:le|la|les|ce|cette|mon|ma|mes|son|sa|ses|du|de)\b)",
        r"(?:<WANT>) <ADV>(?:arreter|cesser) de souffrir|(?:arreter|cesser|stop) (?:de souffrir"
        r"|suffering) (?:pour toujours|pour de bon|forever)",
        r"(?:voir|revoir|serrer|embrasser|parler a|entendre|appeler|see|hug|talk to|call) (?:mes|ma"
        r"|mon|my|vous|te|toi|tout le monde|everyone)(?: \w+){0,2} (?:une derniere fois"
        r"|pour la derniere fois|one last time|for the last time)",
        r"(?:moteur|char|auto|car)(?: \w+){0,4} (?:tourne|en marche|running)(?: \w+){0,4} garage"
        r"(?!(?: \w+| \.){0,10} (?:rechauff\w*|degivr\w*|mecanicien|garagiste|warm up))"
        r"|garage(?: \w+){0,6} (?:moteur|char|auto|car) (?:qui )?(?:tourne|en marche|running)",
        r"(?:ecrit|ecrire|laisse|prepare|fini|termine) (?:mes|des) lettres(?! (?:de|d|du|des)\b)",
        r"(?:je ai|me a|il a|elle a|vais|veux|voulu|venue?|viens) (?:te |vous |leur |lui )?"
        r"(?:dit|dire) adieu\b(?!(?: \w+){0,6} (?:retraite|depart|demenag\w*|party|conge))",
        r"(?:achete|acheter|trouve|prepare|cache|commande) (?:une|la|ma|un|mon|des|de la) (?:corde"
        r"(?! a (?:linge|danser))|gun|fusil|arme|carabine|pistolet|lames de rasoir)(?!(?: \w+){0,6}"
        r" (?:pour (?:la|le) (?:chasse|camping|club|tir|cours|bateau|peche)|hunting|camping))",
        r"(?:ramasse|accumule|stocke|cache|mis de cote|amasse) (?:\w+ ){0,2}(?:pilules"
        r"|medicaments|medocs|comprimes|pills)",
        r"(?:pris|avale|avaler|took|taken|swallowed) (?:toutes? (?:mes|ses|les)"
        r"|une poignee de|trop de|une boite de|toute la bouteille|la bouteille|un paquet de"
        r"|all (?:my|his|her|the)|a bunch of|too many)(?: \w+){0,2}(?: de)? ?(?:pilules"
        r"|medicaments|comprimes|pills|ativan|tylenol|advil|somniferes|seroquel|morphine|dilaudid)",
        r"(?:serait|serais|serai|seraient|would be|be) (?:mieux|better off) (?:mort|morte|morts|dead)"
        r"|better off dead",
        r"(?:fait|faite|fais) (?:une |des |ma |mes )?tentatives?(?! (?:de|d|pour|avec|sur)"
        r" (?!suicide))",
        r"(?:plus|pas|aucune?|no|any|zero) (?:de |bonne |bonnes )?(?:raisons?|reasons?) (?:de|pour"
        r"|to) (?:vivre|me battre|me lever|continuer(?! (?:le|la|les|ce|cette|mon|ma|mes|un|une|de|du"
        r"|des)\b)"
        r"|rester en vie|exister|live|keep living|keep going|go on|stay alive)",
        r"(?:plus|pas|jamais|perdu le|aucun|no) (?:le |de |du )?(?:gout|envie|desir|will)"
        r" (?:de |a |to )?(?:vivre|la vie|live|etre la|etre en vie|exister"
        r"|me reveiller(?! <WAKE_OK>))",
        r"tente (?:plus|pas|jamais) (?:de )?(?:vivre|exister|etre la|etre en vie)",
        r"(?:plus|pas|aucun|no) (?:le |de |d )?(?:interet|point|but) (?:de|a|to|in) (?:continuer\b(?!"
        r" (?:le|la|les|ce|cette|mon|ma|mes|un|une|de|du|des))|vivre|exister|living|going on)",
        r"mieux sans (?:lui|elle)|better off without (?:him|her)",
        r"(?:ce soir|cette nuit|tantot|demain) je (?:vais )?(?:prends|prendre|avale|avaler) toutes?"
        r" (?:mes|ma)",
        r"(?:saved|stockpiled|hoarding|hoarded|collected) (?:up )?(?:\w+ )?pills|pills saved"
        r"|stockpil\w*",
        r"(?:servir|utiliser|retourner)(?: \w+){0,2} contre (?:lui|elle)(?: meme)?\b",
        r"(?:plus|pas) (?:capable|able) de (?:vivre|continuer a vivre|exister)",
        r"(?:fatiguee?|tannee?|ecoeuree?|lassee?|tired|sick|assez|marre|ras le bol) (?:de|of) (?:vivre|la vie(?! de\b| d\b| chere?| en\b| au\b| a\b| professionnelle)"
        r"|exister|etre en vie"
        r"|living|being alive|rester en vie|me battre pour (?:rester en vie|vivre))",
        r"<PARTIR>",
    ),
    *rules(
        SUICIDE,
        "mention",
        None,
        r"\bsu[iy]?(?:c|s|sc)[iy]?d\w*",  # suicide, suicidaire, sucide
    ),
    *rules(
        SELF_HARM,
        "mention",
        None,
        r"scarification|automutil\w*|self ?harm\w*",
    ),
    *rules(
        SUICIDE,
        "any",
        None,
        r"(?:pas|plus|jamais|not) (?:\w+ ){0,5}?(?:passer|toffer|tenir|survivre|me rendre|rendre"
        r"|make it)(?: a travers| through)? (?:la nuit|la soiree|la fin de semaine|cette nuit"
        r"|ce soir|jusque a demain|jusque a ce soir|a demain|demain|the night|tomorrow)"
        r"(?! (?:a|au|ici|chez|dehors|debout|sur|dans|avec|sans|en)\b)",
        r"(?:passerai|tiendrai|toffrai|survivrai|rendrai) (?:pas|plus|jamais) (?:\w+ ){0,2}?"
        r"(?:la nuit|jusque a demain|a demain|demain|ce soir|cette nuit)"
        r"(?! (?:a|au|ici|chez|dehors|debout|sur|dans|avec|sans|en)\b)",
    ),
    *rules(
        SUICIDE,
        "self",
        DANGER,
        r"<KILL_ME>",
    ),
    *rules(
        SUICIDE,
        "self",
        None,
        r"(?:mieux|better off|better|happier|plus heureux|plus heureuse|plus heureuses)"
        r" (?:sans moi|without me)",
        r"(?:dont|do not|no longer) (?:want|wanna) (?:to )?(?:be here (?:anymore|any more)"
        r"|be alive|live|exist|wake up|go on)",
        r"<BETTER>(?: \w+){0,4} si je <GONE>",
        r"si je <GONE>(?: \w+){0,4} <BETTER>",
        r"si je (?:mourais|meurs|disparaissais|disparais|partais|crevais|me tuais|saute|sautais|me jette"
        r"|me jetais|me pends|me pendais)(?: \w+){0,5}"
        r" (?:personne|rien|changerait|remarquer\w*|rendrait compte|manquer\w*|mieux|soulag\w*"
        r"|reglerait)",
        r"personne (?:\w+ ){0,5}si je (?:mourais|disparaissais|partais|etais plus la)",
        r"(?:better|easier|mieux) (?:\w+ ){0,4}if i (?:was|were|died)|if i (?:was|were) (?:dead|gone)",
        r"(?:aurais|aurait) (?:aime|voulu|prefere) (?:jamais|pas) (?:etre )?(?:naitre|nee?)",
        r"(?:vois|imagine) (?:pas|plus) (?:\w+ ){0,2}(?:continuer a vivre|vivre encore|vieillir)",
        r"(?:suis|sens|sentir) (?:\w+ )?de trop(?! dans (?:cette|ce|la|le|les) (?:reunion|equipe"
        r"|groupe|conversation|meeting|party|fete|bureau|salle|photo|file))",
        r"si je me (?:tue|suicide|tuais|suicidais|tuerais)",
        r"(?:de|a) (?:plus|jamais) (?:me|se) reveill\w*(?! <WAKE_OK>)",
        r"want (?:it all|everything|it) to (?:stop|end)",
        r"hope (?:i )?(?:never|dont|do not|won t|wont) wake up",
        r"(?:personne|nobody|no one)(?: \w+){0,2} (?:miss me|se ennuier\w* de moi|se ennuyer de moi"
        r"|me regrett\w*|notice)",
        r"que mon coeur (?:arrete|lache|se arrete|arreterait)",
        r"(?:plus|pas|aucun) (?:de )?sens (?:a|de) (?:ma vie|vivre)|ma vie (?:a )?(?:plus|pas|aucun)"
        r" (?:de )?sens",
        r"(?:mort|mourir|crever) (?:serait|sera|serais) (?:un soulagement|une delivrance"
        r"|plus facile|plus simple|mieux)",
        r"a quoi (?:bon|ca sert)(?: de)? (?:<ADV>)?(?:continuer(?! (?:le|la|les|ce|cette|mon|ma|mes"
        r"|un|une|de|du|des)\b)|vivre|exister|me lever|me battre|rester en vie|essayer encore)",
        r"(?:plus|pas|aucune?|no|any) (?:de |d )?(?:autre )?(?:issue(?! de secours)"
        r"|porte de sortie|sortie(?! de secours| a\b| au\b| pour\b| de le\b| du\b)|way out)",
        r"(?:commettre|faire|poser) (?:le |un )?(?:irreparable|geste (?:irreparable|fatal|definitif))",
        r"(?:plus|pas|aucun|perdu) (?:de |d |tout |le |mon )?espoir(?! (?:de|d) [a-z]+(?:er|ir|re"
        r"|oir)\b| que| pour)|hopeless|no hope left",
        r"(?:veux|peux) (?:pas|plus) continuer(?! (?:a|de|comme|le|la|les|ce|cette|mon|ma|mes|dans"
        r"|ici|avec|sans)\b)",
        r"feel like (?:dying|i want to die)|(?:going to|gonna) do something stupid",
        r"(?:seule?|only|derniere) (?:solution|issue|option|facon|chose|moyen|porte de sortie"
        r"|way out|way)(?: \w+){0,8} (?:mourir|me tuer|disparaitre|die|end it|en finir"
        r"|partir pour de bon|la mort)",
        r"(?:rien|personne) (?:\w+ )?qui me (?:retient|retiens|rattache)(?!(?: \w+){0,6} (?:job|emploi"
        r"|poste|appliquer|postuler|region|ville|demenag\w*|equipe|unite|travail))",
        r"(?:merite|meriterais|deserve) (?:pas|plus|not) (?:de |to )?(?:vivre|live|be alive|exister)",
        r"(?:merite|meriterais|deserve) (?:de |to )?(?:mourir|disparaitre|crever|die|be dead)",
        r"(?:veux|voudrais|aimerais|souhaite|want) (?:juste |seulement |just )?(?:que )?(?:tout"
        r"|everything) (?:se |s )?(?:arrete|finisse|termine|stop|stops|end|ends)",
        r"(?:veux|voudrais|aimerais|souhaite) (?:juste )?que (?:ca|tout|la douleur|la souffrance"
        r"|le mal|cette douleur) (?:se )?(?:arrete|finisse|termine)",
        r"que (?:ca|la douleur|la souffrance) (?:se |s )?(?:arrete|finisse) pour (?:de bon|toujours)",
        r"(?:espere|souhaite|prie|hope|aimerais) (?:que )?je (?:me )?reveill\w* (?:pas|plus|jamais)",
        r"si (?:un|une) (?:autobus|bus|camion|char|auto|voiture|train|truck) me (?:frappait|frappe"
        r"|rentrait dedans|ecrasait)",
        r"(?:donne|donner|vendu|distribue) toutes? mes (?:affaires|choses|biens|trucs)",
        r"au cas (?:ou|que) je (?:serais|serai|suis|sois) (?:plus|pas) la",
        r"(?:regle|mis en ordre|mis de le ordre dans|mettre de le ordre dans|mettre en ordre|regler"
        r"|prepare) (?:\w+ ){0,2}(?:mes affaires|mes papiers|mes comptes|mon testament)(?!(?: \w+){0,3}"
        r" (?:avant|pour) (?:mon|ma|le|la|mes|les) (?:conge|depart|demenagement|voyage|retraite"
        r"|vacances|maternite|chirurgie|operation))",
        r"(?:mis|mettre|mets) (?:toutes )?(?:mes|ses) (?:affaires|choses|papiers) en ordre(?!(?: \w+){0,6}"
        r" (?:casier|bureau|avant (?:mon|le) (?:conge|depart|demenagement)|retraite))",
        r"(?:plus|pas) (?:faire )?partie (?:de ce monde|du monde|de la vie)",
        r"(?:veux|voudrais|aimerais) (?:pas|plus) voir (?:demain|le matin|un autre jour)",
        r"wish (?:i|id|i would|i d) (?:never|not) (?:wake up|been born|exist)",
        r"nothing (?:left )?to live for|plus rien pour (?:quoi|qui) vivre|rien pour quoi vivre",
        r"(?:life|living) (?:is not|isnt|isn t|aint) worth (?:it|living)|not worth living",
        r"want (?:it|this|everything) to be over",
        r"(?:foncer|rentrer|fesser|crasher) (?:volontairement |expres )?dans (?:un|une) (?:mur|arbre"
        r"|poteau|pilier|viaduc|camion|truck)",
        r"(?:ce est|c est) la fin (?:pour moi|de ma vie|for me)(?! (?:a|au|dans|ici|comme|avec)\b)",
        r"(?:serai|serais|vais etre) (?:plus|pas|jamais plus) (?:un probleme|un poids|un fardeau"
        r"|dans vos jambes|dans ton chemin|a charge)",
        r"(?:aurez|aurais|aura|auront|aurai) plus (?:a )?(?:vous |te |se )?(?:occuper|endurer"
        r"|supporter|inquieter|soucier|tolerer) (?:de )?moi"
        r"|(?:won t|wont|will not) have to (?:deal with|worry about|put up with) me",
        r"(?:ce serait|serait|ca serait|imagine|pense|reve|fantasme|demande|wonder)(?: \w+){0,4}"
        r" (?:de )?(?:plus|jamais plus) (?:exister|vivre|etre en vie)",
        r"planifi\w* (?:ma mort|mon suicide|ma fin)|(?:planning|planned) my (?:death|suicide)",
        r"(?:plus|pas|aucune?) (?:la |de |d )?(?:force|energie|courage) (?:de |pour |to )?"
        r"(?:continuer a vivre|vivre|rester en vie|exister)",
        r"(?:plus|pas|jamais|sais pas|sais plus)(?: \w+){0,4} continuer a vivre",
        r"(?:sais pas|sais plus|doute|demande|not sure) si (?:je |i )?(?:veux|vais|want|wanna|to)"
        r" (?:encore |toujours |still )?(?:vivre|continuer|rester en vie|me reveiller|live|go on"
        r"|be alive)",
        r"giving away (?:my|all my) (?:stuff|things|belongings|possessions)",
        r"(?:think|thinking|thought) about (?:dying|death|suicide|killing myself|ending (?:it|my life))",
        r"(?:what s|whats|what is) the point (?:of|in) (?:living|life|going on)|point of living",
        r"(?:cant|cannot|can t) (?:keep|go on) living",
        r"(?:dit|dire|fait|faire) (?:mes )?(?:au revoir|adieux?) a tout le monde",
        r"(?:excuse|pardon|desole|desolee|sorry)(?: \w+){0,4} (?:pour tout|for everything)"
        r"(?: \w+){0,6} (?:prenez soin|prends soin|take care|je vous aime|adieu|goodbye)",
        r"(?:avale|pris) tout ce que (?:je )?(?:avais|trouvais)",
        r"suis (?:\w+ ){0,2}(?:au bord|sur le bord) (?:du|de le|de un) (?:pont|toit|viaduc|quai"
        r"|falaise)",
        r"je (?:serai|serais) plus la (?:demain|bientot|ce soir|pour (?:longtemps|noel|toi))",
        r"(?:vous|tu) (?:me )?(?:verrez|verras|reverrez|reverras) plus",
        r"derniere nuit(?: \w+){0,3} (?:merci pour tout|adieu|prenez soin|je vous aime|pardon)",
        r"(?:ce est|c est) (?:fini|termine) pour moi(?! (?:les|le|la|ce|cette)\b)",
        r"done with (?:life|living|everything)|no reason to live",
        r"(?:wish|wished) (?:i|that i) (?:was|were|could be) (?:dead|never born|gone)",
        r"(?:regrette|regret) (?:de |d )?(?:etre|being) (?:born|en vie|alive)",
        r"(?:veux|voudrais|aimerais|souhaite)(?: \w+){0,4} que tout (?:soit|serait|se) (?:fini|termine"
        r"|arrete)",
        r"(?:fermer les yeux|dormir|endormir|partir|mourir|disparaitre)(?: \w+){0,4} (?:et )?que"
        r" (?:ce|ca|tout) (?:soit|serait) (?:fini|termine)",
        r"(?:sert|servirait) (?:a )?rien (?:que je|de) (?:reste|rester|continue|continuer|vive|vivre"
        r"|me batte|me battre)",
        r"bought (?:a|some) (?:rope|gun)|(?:standing|sitting|am) on (?:the|a) (?:bridge|roof|ledge)",
        r"(?:dont|do not|don t) think (?:i ll|i will|il) (?:be alive|make it|be here)|won t be alive",
        r"(?:decue?|deception|fachee?) (?:de |d )?(?:etre |me reveiller )?(?:encore |toujours )?en vie"
        r"|disappointed to (?:still )?be alive",
        r"me donne (?:jusque a|jusque au|encore) (?:\w+ ){0,2}(?=\.|$)",
        r"(?:pilules|medicaments|comprimes|pills)(?: \w+){0,8} (?:garde|ramasse|accumule|cache)\w*"
        r"(?: \w+){0,3} (?:toutes|pour le moment venu|au cas ou)",
        r"aurais (?:jamais|pas) du naitre|never been born",
        r"(?:mort|morte|decede|decedee|deces|suicide|parti|partie|au ciel|perdu) (?:\w+ ){0,12}?"
        r"(?:le|la|les|lui|leur) rejoindre",
        r"(?:vais|va|sens que je vais|suis sur le point de|about to) faire (?:une )?(?:connerie"
        r"|betise|niaiserie)(?! (?:au|a le|dans|sur|avec)\b)",
    ),
    # --- death wished for, said sideways (12p) ------------------------------------------
    *rules(
        SUICIDE,
        "any",
        THIRD,
        # envying the dying: "je commence à envier mes patients. Eux, au moins, ils ont le droit
        # de partir", "I envy my dying patients" ("j'ai envie de gâter mes résidents" is a wish)
        r"(?:je envie|jenvie|envier|je jalouse|jalouser|jaloux de|jalouse de|i envy|envious of"
        r"|jealous of) (?:(?!de\b|d\b)\w+ )?(?:(?:mes|les|ces|nos|ma|mon|cette|ce|la|le|the|my|our"
        r"|those) (?:\w+ )?(?:patients?|patientes?|residents?|residentes?|morts|defunts|mourants"
        r"|dead|dying)|(?:ceux|celles|those|the ones) (?:qui|who) (?:meurent|partent|seteignent"
        r"|se eteignent|die|are dying))"
        r"(?:(?: \w+| \.){0,15} (?:partir|part|partent|mourir|meurt|meurent|mort|morts|die|dies"
        r"|dying|dead|death|fin de vie|palliati\w*|en finir|eteint|seteint|get to go|gets to go"
        r"|get to rest|gets to rest|leave this world|hospice)\b|(?<=mourants)|(?<=dying)|(?<=dead)"
        r"|(?<=morts)|(?<=defunts)|(?<=meurent)|(?<=partent)|(?<=die)|(?<=eteignent))",
    ),
    *rules(
        SUICIDE,
        "always",
        None,
        # no fear of death left, and relief in it, the writer's own: "I've stopped being scared of
        # dying. Lately it almost feels like relief" (a mother in palliative care is not, nor
        # "plus peur de mourir sur la table" after surgery)
        r"\b(?:je|i|ive|im|id)(?: \w+){0,3} (?:plus|pu|no longer|stopped being|not|never been less)"
        r" (?:\w+ )?(?:peur|scared|afraid) (?:de|of) (?:mourir|la mort|dying|death)"
        r"(?! (?:sur|de|d|du|pendant|during|from|on|en|as|in|at)\b)(?: \w+| \.){0,15}"
        r" (?:soulagement|soulageant|delivrance|hate|relief|look forward|looking forward|welcome"
        r"|bienvenue|a hate)\b",
        r"(?:la mort|mourir|death|dying) (?:me fait|doesnt scare|does not scare|dont scare"
        r"|no longer scares|doesn t scare) (?:plus |pu |me )?(?:peur|anymore|me anymore)"
        r"(?: \w+| \.){0,15} (?:soulagement|delivrance|hate|relief|look forward|welcome"
        r"|bienvenue)\b",
        r"(?:je ai|jai|i m|im|i am) (?:pas|not) (?:peur|scared|afraid) (?:de|of) (?:mourir|dying)"
        r"(?: \.)? (?:je ai |jai |i m |im |i am )?(?:hate|looking forward)(?! de| a| que| to)\b",
        # asking whether wanting to die is normal: "est-ce normal de vouloir mourir des fois?"
        r"normal (?:de|d|to) (?:vouloir|penser a|songer a|avoir envie de|want to|think about"
        r"|wanting to|thinking about) (?:mourir|me tuer|se tuer|en finir|die|dying|kill myself"
        r"|killing myself|end it all|end my life)\b",
        # the writer rates their own suicide risk high: "je me suis fait ma propre évaluation du
        # risque suicidaire... je me classerais en risque élevé" (not "je classerais mon patient")
        r"suicid\w*(?: \w+| \.){0,30} (?:je me (?:classe|classerais|situe|situerais|place"
        r"|placerais|mets|mettrais|score\w*)|je (?:suis|serais|tombe|tomberais)|i (?:would|d)"
        r" (?:rate|score|put|place) myself|i rate myself|i (?:am|m|would be|d be)|(?:i|id) (?:would )?score)"
        r"(?: \w+){0,3} (?:risque |risk )?(?:eleve|tres eleve|high|haut|imminent|rouge|red)\b",
    ),
    # --- a death question that is not theoretical, a note written, gone and not on leave (12q) --
    *rules(
        SUICIDE,
        "always",
        None,
        # "si je meurs, est-ce que mes enfants gardent l'assurance? Ce n'est pas une question
        # théorique"; the suicide clause of a life insurance "pour moi, pas pour un patient"
        rf"{nothing_before(_ESTATE)}(?:si (?:jamais )?je (?:meurs|mourais|mourrais|decede|decedais|me suicide"
        r"|me suicidais|me tue|me tuais|me enleve la vie)|if i (?:die|died|were to die|killed myself"
        r"|kill myself)|(?:clause|exclusion|couvre|couvert|paie|paye|pays|covers?|covered)"
        r"(?: \w+){0,6} suicide(?! (?:de|du|d|des|of|chez)\b))(?: \w+| \.){0,20} "
        rf"{_NOT_IN_THEORY}(?!.*\b(?:{_ESTATE})\b)",
        # a note written, then nothing done "yet": "I wrote a note last night. I didn't do
        # anything. Yet." (not a note in the chart, a cover letter, a resignation)
        r"(?:i wrote|i ve written|ive written|i have written|je ai ecrit|je ai redige|je ai laise)"
        r" (?:a|my|the|une|ma|la|mes) (?:(?!cover |reference |resignation |de )\w+ )?(?:note|notes"
        r"|lettre|lettres|letter|letters)(?! (?:de|d|du|des|of|pour|for|au|dans|in|on|about|sur"
        r"|to (?:the|my) (?:chart|file|manager|boss|team))\b)(?: \w+| \.){0,15} (?:(?:did not"
        r"|didnt|havent|have not) (?:do|done) anything|(?:je )?ai (?:encore )?rien fait"
        r"|ai pas (?:encore )?(?:rien )?fait|rien fait|did nothing|done nothing)(?: \.)? (?:yet"
        r"|encore|pas encore|not yet)(?= \.| ?$)",
        # gone, and not on leave: "ça dérange quelqu'un si je ne suis plus là? Pas en congé. Plus
        # là." (not a new post, a transfer, a training elsewhere)
        rf"{nothing_before(_MOVES)}si je (?:suis|serais|etais) plus la(?: \w+| \.){{0,4}} (?:pas en"
        r" (?:conge|vacances?|arret|maladie|maternite))(?: \.)? (?:plus la|pour de bon|pour toujours"
        rf"|for good)(?= \.| ?$)(?!.*\b(?:{_MOVES})\b)",
        # going to bed hoping not to wake up (not in the middle of the night, late, with a migraine)
        r"(?:en esperant|esperant|en souhaitant|en priant pour|en priant) (?:de )?(?:ne )?(?:pas|plus"
        r"|jamais) me reveiler(?! <WAKE_OK>| au milieu| la nuit| pendant| avec| a \w+ heures| de la"
        r" nuit| dans la nuit| en pleine)|(?:en esperant|en souhaitant|en priant pour) que je (?:ne )?"
        r"me reveille (?:pas|plus|jamais)(?! <WAKE_OK>| au milieu| la nuit| pendant| avec)",
        # "I go to bed hoping I don't wake up" (the French is <WANT> "en espérant" <DIE>)
        r"(?:hoping|hope|wish|wishing|praying|pray) (?:that )?(?:i |to )?(?:dont|do not|wont|will not"
        r"|would not|wouldnt|never|not|not to) wake up(?: (?:again|ever|anymore|tomorrow|at all"
        r"|this time|one day|one morning))?(?= \.| ?$)",
    ),
    # --- no longer there "ni pour rien d'autre" (12r: "je ne serai plus là pour les prendre, ni
    # pour rien d'autre"); "plus disponible", "for anyone this weekend" are schedules
    *rules(
        SUICIDE,
        "self",
        None,
        r"(?:je serai|je serais|je vais (?:pas|plus|pu) etre|bientot je serai|je serai bientot)"
        r" (?:plus |pu )?la(?: \w+){0,5} (?:ni pour rien (?:de )?autre|ni pour ca ni pour rien"
        r"|pour personne ni pour rien)\b",
    ),
]
