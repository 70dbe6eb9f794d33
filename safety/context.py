"""What surrounds risk words, as data: idioms, denials, professional usage,
jokes, distress, and who the subject of a sentence is.

Same conventions as `lexicon/language.py`: patterns match normalised text and are
written in normal spelling (`compile_pattern` reduces doubled letters).
"""

from __future__ import annotations

import re

from .lexicon import compile_pattern


def _any(*sources: str) -> re.Pattern[str]:
    return compile_pattern("|".join(f"(?:{s})" for s in sources))


# Things that "kill" or "die" only figuratively.
_THING = (
    r"(?:job|jobine|travail|shift|shifts|quart|quarts|tso|temps supplementaire|formulaire"
    r"|formulaires|paperasse|rapport|dossier|charge|stress|fatigue|garde|horaire|semaine|journee"
    r"|nuit|nuits|unite|etage|chaleur|froid|suspense|attente|informatique|logiciel|systeme"
    r"|trafic|boss|patron|patronne|gestionnaire|cheffe?|coordo|coordonnatrice|coordonnateur"
    r"|superviseure?|directeur|directrice|asi|dos|pied|pieds|genou|genoux|tete|migraine|courriels"
    r"|reunion|reunions|evaluation|examen|exam|cours|enfants|kids|meeting|deadline|form|work)"
)
_DEVICE = (
    r"(?:ordi|ordinateur|cell|cellulaire|telephone|imprimante|logiciel|systeme|application|app"
    r"|batterie|char|auto|voiture|portable|laptop|ecran|serveur|wifi|internet|plante|plantes"
    r"|phone|computer|printer)"
)

# People who may really threaten the writer ("mon chum va me tuer" is not an idiom).
_PEOPLE = (
    r"(?:chum|blonde|mari|femme|ex|conjointe?|pere|mere|frere|soeur|fils|fille|voisine?|gars"
    r"|homme|coloc|amie?|patiente?|usagere?|client|cliente|agresseur|pimp)"
)

# Words between a thing and "me tue": never a subject or a new clause ("si je le quitte IL va
# me tuer", "je le tue PIS je me tue" are not idioms).
_FILLER = r"(?: (?!(?:je|j|i|il|elle|ils|elles|on|puis|et|mais|si)\b)[a-z0-9]+)"
# Tasks one "kills" (= aces): "ma présentation demain, je vais la tuer".
_TASK = (
    r"(?:presentation|examen|exam|entrevue|oral|quiz|test|audition|show|spectacle|game|match"
    r"|course|evaluation|discours|conference|concours|karaoke)"
)

# Figurative uses, erased before the crisis rules run ("idiom" context).
IDIOMS = _any(
    r"morte?s? de (?:rire|fatigue|peur|honte|froid|faim|soif|chaleur|ennui|stress)",
    r"(?:mourir|meurs|meurt|meure|mourrais) de (?:rire|fatigue|peur|honte|faim|soif|froid(?!(?: \w+){0,3}"
    r" (?:comme|douloureux|souffr\w*|fait mal|endormir|rapide))"
    r"|chaleur|ennui|jalousie|envie|impatience)",
    r"(?:plate|ennuyant|ennuyeux|ennuyeuse|beau|belle|bon|bonne|drole|long|longue|laid|laide)"
    r" a mourir",
    rf"(?:ca|ce|cela|cette|ces|le|la|les|mon|ma|mes|ton|ta|tes|son|sa|ses)\b{_FILLER}{{0,3}}"
    r" me tu(?:e|ent|es)\b",
    r"(?:tu|vous) me tu(?:es|ez)\b",
    rf"(?:ca|cela|(?:ce|cette|ces|le|la|les|mon|ma|mes) (?!{_PEOPLE}\b)[a-z]+){_FILLER}{{0,2}}"
    r" (?:va|vont|vais) (?:finir par )?me tuer",
    r"va me tuer si (?:je |j )?(?:\w+ )?(?:oublie|retard|rate|manque|perds|brise|renverse|mange"
    r"|envoie pas|remets pas|finis pas)",
    r"(?:me|se) tu(?:e|er|ent) (?:a|au) (?:la tache|le ouvrage|travailler|travail|te le dire"
    r"|vous le dire|le dire|le repeter|la job)",
    r"tu(?:er|e|ait) le temps",
    # "j'ai tué ça", "killing it": done brilliantly (2026-12-04, two false alarms of 12d)
    r"(?<!me )(?<!se )(?<!te )\btu(?:e|er|ait|ons|ez) ca\b",
    r"\bkill(?:ing|ed|s)? it\b",
    rf"{_TASK}(?: \w+){{0,6}} (?:je |on |tu )?(?:vais|va|vas|allons|allez) (?:la |le |les )?tuer\b",
    r"crise (?:du logement|de le logement|budgetaire|economique|financiere|politique|sanitaire"
    r"|climatique|des opioides|de la main de oeuvre|du personnel|des urgences|de nerfs"
    r"|de fou rire|de rire|existentielle|de la quarantaine|de ado)",
    r"(?:ce est|c est|cest) du suicide|mission suicide|suicide (?:professionnel|commercial"
    r"|politique|social|cellulaire|collectif)",
    r"(?:tirer|tire|tires|tirent|tirez|tirons|tirerais|tirerait|tirerai|tirera|tirais|tirait) une balle"
    r" dans (?:le|les) pieds?|shoot(?:ing|s)? (?:myself|yourself|ourselves|himself|herself|itself"
    r"|themselves) in the foot",
    rf"{_DEVICE}(?: [a-z0-9]+){{0,2}} (?:se suicide|est morte?|meurt|va mourir|me tue)\b",
    rf"(?:this|that|it|{_THING})(?: [a-z0-9]+){{0,2}} (?:is |are |s )?killing me",
    r"dying (?:to|for) |dying of laughter|\bi am dead\b|dead tired|killer",
    r"aide medicale a mourir|soins de fin de vie|mort subite|post mortem",
    r"pendaison de cremaillere",
    # drowning in work, a sight that "killed" the writer (2026-12-06, 12j's distress)
    r"(?:me|se|te|nous|vous) noy(?:er|e|es|ons|ez|ait|ais) dans (?:le |la |les |mon |ma |mes |du |de la"
    r" |un |une |ses |son |sa )?(?:\w+ )?(?:travail|job|ouvrage|paperasse|dossiers|courriels|emails"
    r"|taches|rapports|notes|details|responsabilites|demandes|plaintes|papiers|formulaires|work)",
    r"(?:ca|cela|ce) (?:me|m) (?:a|as) tue\w* (?:de|d) (?:voir|entendre|lire|apprendre)",
    # fear of an error that kills (exhaustion, not harm): the error is the subject, never the
    # writer ("c'est ma faute, je vais tuer quelqu'un" is not masked)
    r"(?:erreur|faute|gaffe|oubli|mistake|error)(?: (?!je\b|j\b|i\b|il\b|elle\b|on\b|tu\b)\w+){0,3}"
    r" (?:qui |that |which )?(?:va|pourrait|puisse|peut|pourra|risque de|could|might|will)"
    r" (?:\w+ )?(?:tuer|kill|blesser|hurt) (?:quelqu un|someone|un patient|une patiente|a patient)",
    r"(?:(?:si je fais une|la moindre|one) (?:erreur|faute|gaffe|mistake)(?: \w+){0,2} (?:et )?"
    r"|une (?:erreur|faute|gaffe|mistake) et )(?:je|i) (?:vais|pourrais|peux|risque de|could|might) (?:\w+ )?(?:tuer|kill|blesser|hurt)"
    r" (?:quelqu un|someone|un patient|une patiente|a patient)",
    r"sur le pont depuis",
    r"sauter (?:un repas|le diner|le dejeuner|le souper|la pause|ma pause|une etape|les etapes"
    r"|de joie|une coche|au plafond)",
)

# Every idiom contains one of these: skips the IDIOMS search for most messages.
IDIOM_HINT = compile_pattern(
    r"\b(?:mort|mour|meur|tu|crise|suicide|balle|kill|dying|dead|i am dead|pendaison|pont|sauter"
    r"|noy|erreur|faute|gaffe|oubli|mistake|error|in the foot)"
)

# Statements that deny risk, erased before the crisis rules run; they make the
# message DISTRESS at least.
DENIALS = _any(
    r"(?:suis|est|es|etais|etait|am|is) (?:vraiment )?(?:pas|not|jamais|plus) (?:suicidaire"
    r"|suicidal)",
    r"(?:pas|aucune|jamais|no|sans) (?:de |des |d )?(?:idees?|pensees?|thoughts?)"
    r" (?:suicidaires?|noires?|suicidal|of suicide)",
    r"(?:pense|songe) (?:pas|jamais|plus) (?:a|au) (?:me suicider|me tuer|suicide|le suicide"
    r"|mourir|en finir)",
    r"(?:veux|voudrais) pas (?:mourir|me tuer|me suicider|en finir|me faire (?:de|du) mal)",
    r"vais pas (?:me tuer|me suicider|faire de (?:niaiserie|betise|connerie))",
    r"(?:dont|do not|don t) want to (?:die|kill myself)",
    r"\b(?:not|pas) (?:suicidal|suicidaire)\b",
    r"(?:jamais|pas|never|not) (?:vraiment )?(?:pense|songe|eu (?:envie|le gout)|voulu|thought|considered)"
    r" (?:a |de |about )?(?:me faire (?:du |de )?mal|me blesser|me tuer|me suicider|mourir"
    r"|hurting myself|killing myself|suicide)",
    r"(?:not|never) (?:going to|gonna) (?:kill myself|hurt myself)",
)

# A death by suicide that already happened (grief, postvention), erased before the
# crisis rules run: "mon frère s'est suicidé", "endeuillés par suicide".
GRIEF = _any(
    r"se est suicid\w*|(?<!tentative de )suicide de (?:mon|ma|mes|son|sa|ses|notre|leur|un|une"
    r"|la|le|cet|cette)\b|endeuill\w* (?:par|apres) (?:le |un )?suicide"
    r"|(?:deces|mort|morts|decede\w*) (?:par|apres un) suicide",
    # the same past deaths in English ("we lost a colleague to suicide", "died by suicide")
    r"(?:lost|losing) (?:a|an|my|our|his|her|their|one of (?:my|our)) (?:\w+ ){0,2}to suicide"
    r"|(?:died|death|deaths|dead) (?:by|from|after a|after) suicide|(?:killed|took) (?:himself"
    r"|herself|themselves|his own life|her own life|their own life) (?:last|in|on|a|two|three"
    r"|\d+)\b|suicide of (?:my|our|a|an|his|her|their)\b",
)

# The people staff care for: a risk whose subject they are is clinical work.
PATIENTS = _any(
    r"\b(?:patiente?s?|usagere?s?|clientele|clientes?|beneficiaires?"
    r"|residente?s?(?! en (?:medecine|chirurgie|psychiatrie|pediatrie|anesthesie)))\b"
)

# Clinical, training and information talk: makes "generic" matches (no clear person
# at risk) harmless, and sets context "professional".
CLINICAL_TALK = _any(
    r"\b(?:formations?|sentinelles?|protocoles?|procedures?|politiques?|evaluer"
    r"|evaluation (?:du|de le) risque"
    r"|estimation|estimer|depistage|grille|echelle|outils?|intervention|intervenir"
    r"|intervenante?s?|prevention|postvention|statistiques?|taux|etude|recherche|conference"
    r"|atelier|webinaire|guide|lignes directrices|note de service|asist|signalement|signaler"
    r"|declaration|declarer|psychiatrique|diagnostic|dpj|traduit|traduire|traduction|translate"
    r"|infolettre|affiche|depliant|kiosque|serie|personnage|episode|roman|emission|chanson"
    r"|reference|referer|ideation|simulation|exercice|drill|scenario)\b",
    r"note au dossier|pour (?:mettre|publier) dans (?:notre|la|le|mon|une|un)\b"
    r"|(?:femme|homme|personne|usagere?|cliente?) (?:\w+ ){0,6}que je (?:suis|accompagne|vois|rencontre)"
    r" (?:en|au|a|depuis)\b",
    r"risque suicidaire|cellule de crise|gestion de crise|ligne (?:de|d)\b|1 866|\b988\b"
    r"|numero (?:de|du|des)|(?:quel|ce est quoi) (?:est )?le numero"
    r"|suicide ca|aqps|code (?:blanc|rose|orange|bleu|noir|argent|vert)|(?:a|de|en) le urgence"
    r"|urgentologue|suicide assiste|difference entre|definition|(?:que|qu) est ce que (?:le|la|les"
    r"|un|une)\b|comment (?:parler|aborder|en parler|reagir|reconnaitre|prevenir|depister"
    r"|detecter|evaluer|intervenir)|article|livre|reportage|documentaire|balado|podcast|film"
    r"|risque de suicide|(?:plus|moins|a) risque|quels sont les|quelles sont les|ressources pour"
    r"|chez (?:un|une|le|la|les|des|mes|nos|ses) (?:patiente?s?|usagere?s?|clientes?|residente?s?)"
    r"|(?:les|des) (?:hommes|femmes|jeunes|ados|aines|infirmieres|medecins)\b"
    r"|facteurs? de (?:risque|protection)|signes? (?:que|qu|de|d|avant|avant coureurs|precurseurs"
    r"|de detresse|d alarme)|documentation|chez les (?:aines|ados|adolescents|jeunes|hommes"
    r"|femmes|infirmieres|medecins|travailleurs|employes|preposes|autochtones)",
)

# Risk vocabulary: with PROFESSIONAL, sets context "professional" even when no rule fired.
RISK_TOPIC = _any(
    r"su[iy]?(?:c|s|sc)[iy]?d|crise|automutil|scarifi|violence|detresse|\bmort|deces|tuer"
    r"|tentative|idees noires|overdose|surdose|intoxication|danger|agression|abus|maltraitance"
    r"|homicid|menace"
)

# Marks a threat as a joke ("je vais le tuer lol"): only harm-to-others is dropped.
JOKE = _any(
    r"\b(?:lol|lmao|mdr|ptdr|hihi|hehe|xd|jk|ha(?:ha)+|(?<!que )(?<!si )je (?:niaise|blague|rigole|joke)"
    r"(?! pas)|farce|facon de parler|au sens figure)\b"
)
JOKE_EMOJI = re.compile(
    "[\U0001f602\U0001f923\U0001f606\U0001f605\U0001f61c\U0001f61d"
    "\U0001f61b\U0001f643\U0001f609]|[:;]-?[)pPD]"
)

# Emotional distress without risk.
DISTRESS = _any(
    r"\b(?:epuis\w*|brulee?|burn ?out\w*|a bout\w*|a boute|bout du rouleau|en peux plus"
    r"|peux plus|plus capable|pas capable|fatigu\w*|crevee?|videe?|a terre|a plat|deprim\w*"
    r"|depression|trist\w*|de la peine|pleur\w*|braill\w*|larmes|anxi\w*|angoiss\w*|panique"
    r"|stress\w*|perdu (?:mon|ma|un|une)|(?:suis|sens|sentir|retrouve) (?:\w+ )?seule?|toute? seule?"
    r"|isolee?|conflit|harcel\w*"
    r"|intimid\w*|insomnie|dors (?:plus|pas)|dormi|cauchemar\w*|flashbacks?|trauma\w*|choc"
    r"|ebranle\w*|secoue\w*|decourag\w*|demotiv\w*|surmen\w*|sous le eau"
    r"|ecoeur\w*|tanne\w*|marre|ras le bol|file pas|va pas|va mal|moton|gruge|ronge"
    r"|capote|craqu\w*|coche|honte|coupable|culpabil\w*|nulle?|inutile|moins que rien|couler"
    r"|coquille vide|palpitations|mal dormi|detresse|souffr\w*|besoin de parler"
    r"|sens (?:vraiment |tellement )?mal|suis pas bien|sens pas bien|depasse\w*|chaos"
    r"|misere|en veux|coeur (?:en miettes|brise)|sais (?:plus|pas) quoi faire|tombe dessus"
    r"|donner de la tete|tout lacher|peur de retourner|erreur"
    r"|(?:pas|plus) le moral|moral a terre|suis (?:\w+ )?debordee?"
    r"|(?:suis|vis|vit|vivre|traverse) (?:\w+ )?(?:un )?deuil|en deuil"
    r"|(?:mon|ma|mes|notre|my) (?:\w+ ){1,2}(?:est |sont |a |is )?(?:decedee?s?|morte?s?|died"
    r"|passed away)|(?:est|sont|is) en fin de vie"
    r"|overwhelm\w*|stressed|anxious|exhausted|tired|crying|cry|panic|grief|depressed"
    r"|sad|lonely|down|failure|can ?not cope|cant sleep|worn out|burned out)\b",
    # sleep, body, work overload
    r"\b(?:dors (?:mal|\d+ heures?|juste)|nuits? blanches?|(?:mon|manque de|pas de) sommeil"
    r"|(?:arrive (?:pas|plus) a )?decrocher du travail|zombie|me lache"
    r"|mal partout|bout de (?:mes )?forces|tiens plus debout|boule au ventre|estomac noue"
    r"|coeur qui bat|noie dans|submergee?|insoutenable|intenable|trop lourd|charge de travail"
    r"|tete pleine|oublie tout|concentrer|irritable|reconnais plus|plus de (?:motivation|energie)"
    r"|plus denergie|(?:suis|sens) usee?|(?:suis|sens|coeur est) (?:\w+ )?brisee?|a petit feu|demissionner|lacher ma job"
    r"|me reveiller dans (?:\w+ ){0,2}(?:semaines?|jours|mois)|dormir pendant (?:une|deux|des) "
    r"(?:semaines?|jours|mois))\b",
    # relations at work and at home, self-worth, grief, trauma
    r"\b(?:rabaiss\w*|me parle mal|humili\w*|exclue?|mepris\w*|crie (?:apres|dessus)|traitee? de"
    r"|personne me comprend|pas a ma place|personne a qui parler|incompetente?|pas a la hauteur"
    r"|imposteur|divorce|separation|chicane|rupture|(?:est|suis|sont|tombee?) malade|abandonnee?"
    r"|(?:mon|ma|mes) (?:\w+ )?malade|coquille|surveillee?"
    r"|temoin|revois (?:le|la|les) (?:visage|scene|images?|corps)|mal au coeur"
    r"|peur de me tromper|periode difficile|(?:ce est|c est) dur|ventiler|en peux? plus)\b",
    r"\b(?:drained|running on empty|empty|struggling|not coping|cope|alone|bullied|cried"
    r"|nightmares|overwhelmed|quit my job|lost my (?:mom|dad|mother|father|son|daughter|wife"
    r"|husband|friend|patient|baby|job))\b",
)
# Figurative deaths that still say something about the writer (IDIOMS erases them).
DISTRESS_IDIOMS = _any(r"morte? de (?:fatigue|stress|peur)|dead tired|finir par me tuer")


# Who the sentence is about: the writer, or someone else.
FIRST_SUBJECT = compile_pattern(r"\b(?:je|moi|i)\b")
CLOSE = (
    r"(?:collegues?|coworkers?|colleagues?|amie?s?|friends?|chum|blonde|mari|femme|conjointe?"
    r"|partner|husband|wife|boyfriend|girlfriend|ex|fils|fille|filles|enfants?|ado|adolescente?"
    r"|bebe|daughter|kids?|child|soeur|frere|sister|brother|mere|pere|mom|mother|dad|father"
    r"|parents?|coloc|colocataire|roommate|voisine?|neighbou?r|cousine?|oncle|tante|grand mere"
    r"|grand pere|proches?|amoureux|amoureuse|copain|copine|niece|neveu|famille"
    # people the writer works with (not patients)
    r"|employee?s?|employes|pab|preposee?s?|infirmiere?s?|infirmiers?|intervenante?s?|intervenants"
    r"|gestionnaire|cheffe?|boss|superviseure?|agente?s?|techniciennes?|techniciens?"
    r"|residente? en medecine|medecin|docteur)"
)
THIRD_SUBJECT = compile_pattern(
    r"\b(?:il(?! (?:faut|fallait|faudrait|y|semble|parait|reste))|elle|ils|elles|on|he|hes|she"
    r"|shes|hed|shed|they|theyd|quelqu un|someone|somebody|une personne|patiente?|usagere?|cliente?|gars|homme"
    r"|individu|inconnue?|monsieur|madame|guy|man|woman|personnage|heros|heroine|acteur|actrice"
    r"|character"
    rf"|residente?|{CLOSE})\b"
)
# A preposition (and a determiner) before a noun make it an object, not a subject:
# "le décès DE MON patient".
PREPOSITIONS = frozenset(
    {"de", "du", "des", "a", "au", "aux", "avec", "pour", "par", "chez", "sur", "contre"}
    | {"envers", "of", "with", "for", "to", "about"}
)
DETERMINERS = frozenset(
    {"le", "la", "les", "un", "une", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses"}
    | {"notre", "nos", "votre", "vos", "leur", "leurs", "ce", "cette", "ces", "my", "the", "his"}
    | {"her", "our"}
)

# Someone close to the writer: makes a third-person risk a crisis even in a
# professional context ("ma collègue a fait la formation sentinelle et...").
CLOSE_PERSON = compile_pattern(
    rf"\b(?:mon|ma|mes|notre|nos|my|our|(?:un|une) de (?:mes|nos)|one of my|je ai (?:un|une)"
    rf"|je connais (?:un|une)|a friend of mine|(?:un|une) {CLOSE} a moi"
    rf"|i have a)(?: \w+)? {CLOSE}\b|\b(?:un|une) {CLOSE} de (?:mon|ma|notre|nos|my|our)"
    r" (?:equipe|unite|departement|service|team|gang)\b"
)

# Violence against staff (issue 10): a danger or threat found with one of these gets the staff
# reply (911 and the establishment's emergency code first) unless an intimate partner or family
# member is named (then the conjugal-violence reply, with SOS violence conjugale).
WORKPLACE = _any(
    r"\b(?:patiente?s?|usagere?s?|residente?s?|beneficiaires?|collegues?|coworkers?|co workers?"
    r"|gestionnaires?|superviseure?s?|supervisors?|managers?|cheff?e? d unite|boss|cadres?"
    r"|poste des infirmieres|poste infirmier|nursing station|code blanc|code white|code gris"
    r"|agente? de securite|gardes? de securite|security guards?|securite|security"
    r"|au travail|at work|sur le plancher|sur l unite|a l urgence|in the er|on the unit"
    r"|casiers?|lockers?|stationnement de l hopital|hospital parking|chsld|cisss|ciusss"
    r"|employee?s? (?:de|du|qui)|ex employee?|clients?|clientes?|clsc|dpj|centre jeunesse"
    r"|soins a domicile|soutien a domicile)\b"
)
INTIMATE = _any(
    r"\b(?:mon chum|ma blonde|mon conjoint|ma conjointe|mon mari|ma femme|mon ex|mon copain"
    r"|ma copine|my husband|my wife|my boyfriend|my girlfriend|my partner|my ex)\b"
)

# Frames in which risk words are a topic rather than a disclosure (issue 10, false alarms of the
# lexicon on messages nobody here wrote): documentation and charting, training and studies,
# protocols and policies, research and sources, questions about the crisis services, postvention,
# titles of works. A crisis found in such a frame, or in a message naming someone else (a patient,
# a colleague), with nothing about the writer or someone close to them, is `Assessment.framed`:
# the classifier may veto it when it is confident (detector.py).
FRAME = _any(
    CLINICAL_TALK.pattern,
    r"\b(?:(?:ma|la|une|notre|sa|mes|les) notes?(?! (?:de|d) adieu)|notes? (?:infirmiere|de evolution"
    r"|evolutive|au dossier|de quart)|noter|note|documente\w*|consigne\w*|au dossier"
    r"|dossier (?:de le|du) (?:patiente?|usagere?|residente?)|declar\w*|signal\w*|rapport\w*"
    r"|report(?:ed|ing)?|aviser qui|informer qui|dme|plan de soins|plan therapeutique|abreviation"
    r"|terminologie|formulaire|gabarit|aide memoire|chart|charting|document\w*|nursing note"
    r"|progress note|incident)\b",
    r"\b(?:etudiante?s?|stagiaires?|stage|cours|travail de session|travail de fin|memoire|these"
    r"|examen|jeu de role|jeux de role|mise en situation|role play|roleplay|training|course"
    r"|student|students|paper|essay|thesis|assignment|lecture|class|workshop|module)\b",
    r"\b(?:sources?|references|bibliographie|recherches?|research|study|studies|statistics|data"
    r"|literature|litterature|revue|journal|survey|sondage)\b",
    r"\b(?:protocol|policy|policies|procedure|guidelines?|assessment|screening|triage|grid|tool"
    r"|scale|form|checklist|intranet|code of conduct|politique de|directive|lignes? directrices"
    r"|retour au travail|return to work|postvention|apres (?:le|un) suicide|after (?:a|the) suicide"
    r"|(?:death|died|deces|mort|morte|decede|decedee) (?:by|par) suicide|warning signs|risk factors"
    r"|team meeting|slide|slides|allowed to|confidential|confidentialite|confidentiel"
    r"|after (?:his|her|their) suicide|deces (?:de|du|de le) (?:un|une|notre|la|le)? ?collegue)\b",
    r"\b(?:hotline|helpline|crisis line|ligne de crise|ligne (?:de|d) ecoute|1 866 appelle|suicide ca"
    r"|811|9 8 8|centre de prevention|cps|pae|eap)\b",
    r"\b(?:film|films|movie|movies|livre|livres|book|books|roman|novel|piece de theatre|piece"
    r"|play|chanson|song|album|serie|series|show|balado|podcast|titre|title|club de lecture"
    r"|book club|auteure?|author|personnage|character|oeuvre|spectacle)\b",
)
# The writer asks whether what they feel is normal ("est-ce que c'est normal de penser à se tuer
# tous les soirs", "is it normal to think about dying"): the risk that follows is theirs, never a
# frame (12p: a PAE question in the same message made it one, and the classifier vetoed it).
SELF_QUESTION = compile_pattern(
    r"\b(?:est ce (?:que )?(?:ce est |cest |ca est )?|ce est tu |cest tu |ce tu |ce est |cest"
    r" |is it |its |it s )normal (?:de|d|to) (?:penser|vouloir|avoir|songer|rever|think|want"
    r"|wanting|thinking|have|feel|dream)\b"
    r"|\b(?:est ce (?:que )?(?:ce est |cest |ca est )?|ce est tu |cest tu |ce tu |is it |its"
    r" |it s )normal (?:que je|que jai|que je ai|if i|that i)\b"
)
# The writer speaks of themselves: a risk with no subject named is then theirs (unless the
# message names someone else: detector.py).
FIRST_PERSON = compile_pattern(r"\b(?:je|j|moi|me|mon|ma|mes|i|im|my|me|myself)\b")
# The web address of the suicide prevention service, written as one ("suicide.ca", no space after
# the dot): a question about the service, not a word about suicide. "Je pense au suicide. Ça
# revient" keeps its space and stays a crisis. Replaced in the raw text, before normalising.
SERVICE_ADDRESS = re.compile(r"\bsuicide\.ca\b", re.IGNORECASE)
# Quoted words (titles, reported speech, a role play's lines): «...», "...", “...”.
QUOTED = re.compile(r"«[^»]{1,200}»|\"[^\"]{1,200}\"|“[^”]{1,200}”|‘[^’]{1,200}’")
