"""Goodbyes, plans and settled affairs: suicide said without risk words.

Families (most patterns combine two cues; one alone is everyday talk):
* a farewell ("merci pour tout", "prends soin des patients", "dis-leur que je les aime") and
  someone who no longer answers, or a second farewell;
* a last message, "vous me reverrez plus", "ceux qui vont me trouver";
* a plan with a date ("mon plan est fait, c'est pour vendredi", "she has a plan and it's
  this weekend"); everything organised "pour que personne ait à le faire après";
* affairs settled (will, beneficiaries, pets placed) and a gift, a letter or "plus rien à régler";
* a place scouted (bridge, river, quay) and a return planned, or no return;
* a passive wish through an accident ("si je m'endors au volant, tant mieux");
* how easy not waking up would be; a window or a beam looked at "toute la soirée";
* Quebec and SMS euphemisms ("c'est le end game pour moi", "c quoi le pt de continuer",
  "que je parte pour de bon", "sortir par la porte d'en arrière").
"""

from __future__ import annotations

from .language import SUICIDE, THIRD, Rule, nothing_before, rules

_DAY = (
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|ce soir|cette nuit|demain"
    r"|(?:la|cette) fin de semaine|this weekend|tonight|tomorrow|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|ma fete|noel)"
)
# a last instruction or thanks, said as a goodbye ("prenez soin de vous" alone is a polite close)
_FAREWELL = (
    r"(?:merci pour tout|(?:prends|prenez) soin (?!de (?:toi|vous)\b)(?:de|des|du)"
    r"|(?:bien )?(?:se|te|vous) occuper (?:de|des) (?:mes |nos |ses |les )?(?:enfants|kids|chats?"
    r"|chiens?|patients|filles|gars)|(?:que )?(?:il|elle|je) (?:les|vous) aime"
    r"|je vous aime (?:tous|toutes|fort)|pardonnez? moi|adieu|take care of (?:the|my|them)"
    r"|oubliez moi|oublie moi|forget (?:about )?me|goodbye everyone|bye everyone|farewell everyone"
    r"|(?:au revoir|adieu|bye) tout le monde)"
)
_UNREACHABLE = (
    r"(?:(?:il|elle) (?:me )?(?:repond (?:plus|pas)|raccroche|a ferme son (?:cell|cellulaire"
    r"|telephone)|est introuvable|est parti\w* avec son (?:char|auto))|(?:sais|sait) pas ou (?:il|elle)"
    r" est|(?:he|she|he s|she s|hes|shes) (?:not|isn t|isnt|won t|wont) (?:answering|picking up)"
    r"|(?:he|she) doesn t answer|(?:hasnt|has not|didnt|did not)"
    r" (?:shown up|show up|come in|answered|replied)|(?:il|elle) (?:est|etait) (?:pas|jamais)"
    r" (?:venue?|rentree?|arrivee?|revenue?))"
)
_SETTLE = (
    r"(?:fait|fini|signe|prepare|mis a jour|ecrit|redige|change|modifie|refait|made|updated|wrote)"
    r" (?:mon|mes|ma|son|ses|sa|my|his|her) (?:testament|beneficiaires|mandat de inaptitude"
    r"|arrangements funeraires|will|beneficiaries)"
)
_PLACE = r"(?:pont|viaduc|toit|quai|falaise|track|rails|riviere|fleuve|lac|bridge|roof|river)"

# a leaving that is no farewell: a holiday, a move, a transfer, a retirement, a new job (12o)
_LEAVING = (
    r"(?:vacances|conge|transfer\w*|transf|demenag\w*|mutation|mute\w*|retraite|retire\w*"
    r"|voyage|nouveau poste|nouvelle job|new job|oncolog\w*|vacation|holiday\w*|moving|move)"
)
_NO_LEAVING_BEFORE = nothing_before(_LEAVING)
_NOT_LEAVING_AFTER = rf"(?!(?: \w+| \.){{0,14}} {_LEAVING}\b)"

FAREWELL_RULES: list[Rule] = [
    *rules(
        SUICIDE,
        "any",
        THIRD,
        # a farewell and silence, or two farewells
        rf"{_FAREWELL}(?: \w+| \.){{0,12}} {_UNREACHABLE}",
        # a goodbye "just in case" ("elle m'a appelée pour me dire au revoir, au cas où")
        r"(?:dire|dit|dis|say|said|saying) (?:au revoir|adieu|bye|goodbye)(?: \w+){0,3} (?:au cas ou"
        r"|juste au cas|just in case|in case|une derniere fois|pour la derniere fois|one last time)"
        r"(?!(?: \w+){0,4} (?:avant (?:son|sa|ses|le|la|les|mon|ma|mes|noel|les fetes)|before|on se"
        r" (?:voit|revoit|reparle|croise)|de ma retraite|de mon depart)\b)",
        rf"{_UNREACHABLE}(?: \w+| \.){{0,12}} {_FAREWELL}",
        r"(?:se|te|vous) occuper (?:de|des) (?:mes |nos |ses |les )?(?:enfants|kids)(?: \w+| \.){0,6}"
        r" (?:ce est mieux (?:comme ca|ainsi)|pardonne\w* moi|adieu)(?= \.| ?$)",
        # a last message; "on me reverra plus"
        r"(?:ce est|voici) la derniere fois que (?:je (?:te |vous |leur |lui )?(?:ecris|parle|texte"
        r"|appelle|contacte)|vous (?:aurez|entendrez)|tu (?:auras|entendras))(?! (?:pour|a propos"
        r"|au sujet|de|avant|cette|ce|aujourd hui|sur|par)\b)(?!(?: \w+| \.){0,8} (?:poste|job|emploi"
        r"|retraite|demenag\w*|quitte|depart|equipe|unite))",
        # a last shift "not because I quit", a goodnight "for real this time" (12o); not before
        # a holiday, a move, a transfer or a retirement, said anywhere in the message
        rf"{_NO_LEAVING_BEFORE}(?:derniere fois|dernier quart|derniere nuit|derniere journee"
        rf"|dernier shift|last time|last shift|last night shift)(?: (?!{_LEAVING}\b)\w+| \.){{0,12}}"
        r" (?:et |and )?"
        r"(?:pas|not|non) (?:parce que|parce qu|pcq|a cause que|because|bc|b c|cause|cuz) (?:je|j|i"
        r"|ma|mon|my) (?:\w+ )?(?:demission\w*|quitte|lache\w*|pars|part|quit\w*|resign\w*"
        rf"|leav\w*|m en vais){_NOT_LEAVING_AFTER}(?!(?: \w+| \.){{0,6}} (?:mais|but) )",
        rf"{_NO_LEAVING_BEFORE}(?:bonne nuit|bonne soiree|bye|salut|au revoir|good night|goodnight"
        rf"|goodbye)(?: (?!{_LEAVING}\b)\w+| \.){{0,4}} (?:pour de vrai cette fois|pour vrai cette fois|for real this"
        rf" time|pour de bon(?: cette fois)?(?! \w)|for good(?! \w)){_NOT_LEAVING_AFTER}"
        r"(?!(?: \w+| \.){0,10} (?:dors|dormir|coucher|couche|bed|sleep|sleeping|texter|texting"
        r"|lol|haha|mdr|xd)\b)",
        r"this is the last time (?:i (?:write|text|talk)|you (?:hear|will hear))(?! (?:about|for)\b)",
        r"(?:dit|dire|ecrit|texte|said|told) (?:\w+ ){0,2}(?:que |qu |that )?(?:on|vous|tu|we|you)"
        r" (?:me |le |la )?(?:reverra|reverrait|reverrez|reverras|verra|verrait|verrez|verras) (?:plus"
        r"|jamais)(?! (?:ici|au|a|dans|sur|comme|avant|a le)\b)(?!(?: \w+| \.){0,8} (?:poste|job"
        r"|emploi|retraite|demenag\w*|quitte|depart))|never see (?:me|him|her) again",
        r"(?:goodbye|farewell) (?:texts?|letters?|notes?|messages?|emails?|videos?)"
        r"(?!(?: \w+){0,6} (?:retire\w*|retirement|party|coworker|leaving|farewell party))",
        # a plan with a date, or a moment to choose
        r"(?:ai|a|have|has) (?:mon|son|sa|un|my|his|her|a) plan(?! de| d| pour (?:le|la|les|mon|ma"
        r"|des))(?: \w+| \.){0,8} (?:choisir|fixer|reste a|juste a|pick|choose) (?:le|la|the)"
        r" (?:moment|date|jour|day|time)",
        r"(?:mon|my|son|sa|her|his) plan(?! de| d| pour (?:le|la|les|mon|ma|des)| for (?:the|my))"
        r"(?: est| is)?(?: fait| pret| prete| ready| set| made| decide| clair)?(?: \.)?"
        rf"(?: \w+){{0,2}} (?:ce est|ce sera|its|it is|and its|and it is) (?:pour |for )?{_DAY}",
        r"(?:has|have|had|ai|a|avait) (?:un |a )plan(?! de| d| pour (?:le|la|les|mon|ma|des|son|sa)"
        r"| for (?:the|my|his|her))(?: \w+){0,3} (?:ce est|its|it is|et ce est|and its|and it is)"
        rf" (?:pour |for )?{_DAY}",
        # affairs settled and a gift, a letter, or nothing left to settle
        rf"{_SETTLE}(?: \w+| \.){{0,14}} (?:<GIVE>|(?:une |un |des )?(?:lettres?|mots?|notes?"
        r"|enveloppes?) (?:pour|a) |(?:ce est|c est|mieux) (?:mieux )?(?:comme ca|ainsi))",
        rf"<GIVE>(?: \w+| \.){{0,12}} {_SETTLE}",
        r"(?:chats?|chiens?|animaux|animal|perroquet|lapin) (?:est|sont) (?:placee?s?|donnee?s?"
        r"|adoptee?s?|chez)(?: \w+| \.){0,16} (?:ai |a )?plus rien a regler(?= \.| ?$)",
        r"trouve (?:quelqu un|une famille|un foyer) pour (?:prendre|adopter) (?:mes|mon|ma)"
        r" (?:\w+ )?(?:chats?|chiens?|animaux)(?: (?!semaine|vacances|voyage|pendant|jusque|conge)\w+)"
        r"{0,3} (?:comme ca )?(?:ce est|tout est)"
        r" regle(?= \.| ?$)",
        r"(?:enveloppes?|lettres?) (?:pour|a) (?:chacun|chacune) de (?:mes|ses) <KIN>",
        r"<GIVE>(?: \w+| \.){0,14} <FINAL>",
        r"<GIVE>(?: \w+| \.){0,14} (?:ai |a )?plus rien a regler(?= \.| ?$| maintenant)",
        r"<GIVE>(?: \w+| \.){0,14} (?:dit|ecrit|pense|says|said) (?:que |qu )?(?:il|elle) (?:en )?"
        r"aura (?:plus|pas|jamais) besoin\b(?! (?:avec|parce|car|puisque|que|pour (?:le|un) moment)\b)",
        # a place scouted; no return
        r"(?:fait un tour|alle|allee|passe|roule|marche|repere|reperer|went|drove)(?: \w+){0,3}"
        r" (?:au|sur le|a le|jusque au|jusque a le|to the) (?:pont|viaduc|toit|quai|falaise|track"
        r"|rails|bridge|roof)(?: \w+){0,8} (?:pour voir"
        r"(?! (?:le|la|les|des|un|une|si|comment|mon|ma)\b)|y retourne|y retournerai|vais y retourner"
        r"|going back|en pensant (?:juste )?a ca)",
        rf"{_PLACE}(?: \w+){{0,6}} (?:puis |et )?(?:je )?(?:reviendrai|rentrerai|reviens) (?:pas|plus"
        r"|jamais)(?! (?:avant|tant|de|a|au|en|pour|sur|chez|tout|tot|demain|ce soir|cette)\b)",
        r"pas (?:rentrer|revenir|retourner) (?:a la maison|a maison|chez nous|chez moi|home)"
        r"(?: \w+){0,3}(?: \.)? (?:ni|et|puis) (?:jamais|plus jamais)\b",
        # "je parle pas de mon quart": the end meant is not the shift's
        r"(?:finisse|fini|finir|fin|termine|arrete)(?: \w+){0,4} (?:puis |et |mais )?je parle (?:pas"
        r"|plus) (?:de|du) (?:mon |ma |la |le )?(?:quart|shift|job|travail|journee|semaine|contrat)",
        r"(?:ai|avoir) (?:\w+ ){0,2}hate que tout (?:finisse|arrete|se termine|soit fini)(?! (?:\w+ )?"
        r"(?:cette|ce|ces|cet|la|le|les|mon|ma|mes|avec|pour)\b)",
        # a last goodbye
        r"(?:i am done|(?:can t|cant|cannot) do this anymore|je suis plus capable|en peux plus)"
        r"(?: \w+| \.){0,6} (?:goodbye|adieu|farewell|bye (?:tout le monde|everyone))(?= \.| ?$)",
        # euphemisms
        r"(?:ce est|its|it is|this is) (?:le |the )?(?:end game|game over|la fin du chemin|le bout du"
        r" chemin|end of the line|end of the road) (?:pour moi|for me)(?! (?:dans|ici|a|au|avec"
        r"|comme|at|here)\b)",
        r"(?:ce est )?quoi le (?:interet|point|pt|but|sens) (?:de|a|to) (?:continuer|vivre|me lever"
        r"|exister|me battre|me reveiller|mettre (?:mon|le|un) (?:cadran|reveil|alarme))(?! (?:le|la"
        r"|les|ce|cette|mon|ma|mes|un|une|de|du|des|a|au|dans|ici|avec)\b)",
        r"(?:a quoi bon|pourquoi|why) (?:mettre|setter|regler|set) (?:mon|le|un|my|an) (?:cadran"
        r"|reveil|alarme|alarm)(?!(?: \w+| \.){0,6} (?:conge|vacances|off|fin de semaine|samedi"
        r"|dimanche|pas travailler))",
        r"(?:plus|pas|aucune?) (?:de |d )?(?:bonne )?raisons? (?:de |pour )rester(?= \.| ?$| ici"
        r"| sur (?:cette )?terre| en vie)",
        r"(?:plus|pas) capable de la vie(?= \.| ?$| je| puis| et)",
        r"(?:plus|pas|aucune) (?:envie|le gout|gout|desir) (?:de |d )?(?:etre|rester) vivante?",
        r"(?:easy|easier|nice|peaceful|simple|facile|doux|tentant|tempting)(?: it)? (?:would be"
        r"|d be|serait|ce serait) (?:to |de )?<ADV><DIE>",
        r"(?:serait|would be) (?:\w+ ){0,2}(?:facile|simple|doux|reposant|tentant|easy|nice"
        r"|peaceful|tempting) (?:de |to )?<ADV><DIE>",
        r"(?:regarde|fixe|regardais|fixais|regarder|staring at|looking at|look at) (?:\w+ ){0,3}"
        r"(?:poutre|corde|rallonge|crochet|rails|track|fusil|beam|rope)(?: \w+){0,6} (?:toute la"
        r" (?:soiree|nuit|journee)|pendant des heures|depuis des heures|longtemps|all night"
        r"|for hours)",
        r"(?:fenetre|balcon|toit|pont|viaduc|etage|\d+e)(?: \w+){0,12} (?:me dis|pense|se dire"
        r"|i think) (?:que |that )?(?:ca |ce |it )?(?:serait|sera|would be) (?:rapide|vite fait"
        r"|facile|quick|easy)(?= \.| ?$)",
        r"(?:me demande|question) (?:juste |seulement )?(?:comment|quand) (?:plus|pas) si(?= \.| ?$)"
        r"|(?:plus|pas|not) (?:si|if) (?:mais|but) (?:comment|quand|how|when)(?= \.| ?$)",
        r"(?:vais|va) (?:tout|toute) (?:arreter|finir|terminer|lacher|stopper)(?: ca)? (?:ce soir"
        r"|cette nuit)(?! (?:pour|et|puis|au|a)\b)",
        r"comme si je (?:etais|suis) deja (?:partie?|morte?|plus la|gone|dead)(?! (?:en|pour|a|au|de"
        r"|du|chez)\b)",
        r"il reste (?:juste|seulement|plus que) a le faire pour (?:vrai|de bon)",
        r"(?:vide|ramasse) (?:mon|son) (?:casier|bureau)(?: \w+| \.){0,12} (?:ce etait|ce est|ce sera)"
        r" (?:mon|son|ma|sa) derni\w+ (?:shift|quart|journee|nuit) pour (?:vrai|de bon)(?!(?: \w+"
        r"| \.){0,8} (?:retraite|demission|nouvelle job|nouvel emploi|poste|conge))",
        r"(?:aurai|aurais) (?:pas|plus) besoin (?:de |d )?(?:\w+ ){1,3}(?:bien |tres )?longtemps"
        r"(?: \w+){0,4} (?:decide|derniere?)",
    ),
    *rules(
        SUICIDE,
        "self",
        None,
        r"(?:ceux|celui|celle|celles|la personne|the person|whoever) (?:qui )?(?:vont|va|will"
        r"|is going to) (?:me trouver|find me)(?! (?:un|une|du|de|des|a|au|en|quelque|le|la|les|ca"
        r"|ce|cette|cute|drole|belle|beau)\b)",
        r"(?:pour que|so that) personne (?:ait|aie|a|has) (?:a|to) (?:le faire|faire|ramasser"
        r"|nettoyer|vider|me chercher|clean up)(?: \w+){0,4} (?:apres|after)(?= \.| ?$)",
        r"(?:serait|seraient|serais|would be) (?:\w+ ){0,4}mieux(?: \w+){0,5} (?:sans moi|que avec"
        r" moi)",
        r"(?:better|easier|mieux|relieved|happier|soulage\w*) (?:\w+ ){0,4}if i (?:just )?(?:was"
        r"|were|died|disappeared|vanished|was gone|wasnt here|wasn t here|killed myself)",
        r"si je (?:me endors|me endormais|meurs|mourais|ai un accident|avais un accident"
        r"|fais un accident|faisais un accident|crash\w*|me fais frapper|me faisais frapper"
        r"|y reste|y restais)(?: \w+){0,8} (?:tant mieux|ce serait (?:pas grave|correct|parfait)"
        r"|je serais (?:soulagee?|contente?)|so be it)",
        r"si je (?:mourais|meurs|partais|disparaissais)(?: \w+){0,4} (?:ce )?(?:serait|sera)"
        r" (?:une delivrance|un soulagement|la paix)",
        r"(?:je ai|i am|me fais) (?:\w+ )?(?:peur|afraid|scared) (?:de|of) (?:moi(?: meme)?|myself"
        r"|ce que je (?:pourrais|vais|peux|risque de) (?:faire|me faire))(?= \.| ?$| ce soir"
        r"| cette nuit| aujourd hui| demain"
        r"| en ce moment| right now| tonight)",
        r"me suis (?:achete|procure|trouve|commande) (?:tout )?ce (?:que il|qui) (?:faut|fallait"
        r"|me faut)(?: \w+| \.){0,10} (?:attends?|seule?|ce soir|cette nuit|le moment)",
        r"(?:si jamais|au cas ou|au cas que) je (?:\w+ ){0,2}(?:pas|plus)(?: \w+){0,8} (?:(?:ce etait"
        r"|etait) pas (?:de )?(?:leur|ta|votre|vos|sa|ma) faute|je (?:vous|les|te) aime)",
        r"(?:dire|dit) (?:merci|au revoir|bye) a quelqu un(?: \w+){0,3}"
        r" avant de (?:partir|me en aller|y aller)(?= \.| ?$)",
    ),
]
