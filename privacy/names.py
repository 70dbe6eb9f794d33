"""Finds people's names in a message with patterns (spaCy runs only in the Rasa runtime).

A name is masked when it follows a cue ("je m'appelle", "mon nom est", "moi c'est", "my name
is", "nom :"; "c'est X qui", "je suis X", "ici X", "X ici"; a title such as "Dre", "M.",
"madame"; a relation such as "ma gestionnaire", "mon collègue", "mon chum"), when it signs the
message ("Merci, Karine", "— Jocelyn", a last line of one to three capitalised words), or when it
starts with a common first name (privacy/data/first_names.txt) followed by capitalised words, or
is a frequent family name (privacy/data/last_names.txt) written with a capital.
Words in lower case are taken only after a strong cue, never from the common vocabulary.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

FIRST_NAMES_FILE = Path(__file__).resolve().parent / "data" / "first_names.txt"
LAST_NAMES_FILE = Path(__file__).resolve().parent / "data" / "last_names.txt"
# Names of many origins (privacy/build_names.py): first names count like first_names.txt; family
# names only in a name's shape (after a first name, a title or a capitalised word), never alone.
FIRST_NAMES_WORLD_FILE = Path(__file__).resolve().parent / "data" / "first_names_world.txt"
LAST_NAMES_WORLD_FILE = Path(__file__).resolve().parent / "data" / "last_names_world.txt"
LABEL = "[nom]"

# One word of a name: letters, inner apostrophes and hyphens (O'Brien, Côté-Roy, St-Pierre).
_WORD = r"[^\W\d_](?:[\w]|['’](?=[^\W\d_])|-(?=[^\W\d_]))*"
_WORD_RE = re.compile(_WORD)
_TITLE = r"(?:Dre?\.?|Mme|Mlle|M\.|Mr\.?|Mrs\.?|Ms\.?|madame|monsieur|docteure?)"
# First-person cues: the words after them are a name even in lower case ("je m'appelle julie").
_STRONG_CUE = re.compile(
    r"(?i:\b(?:je\s+m['’]\s*|j['’]?\s*m['’]\s*|je\s+m|jm)appel(?:le)?s?|\bje\s+mapel+e?s?|\bmon\s+nom\s+(?:de\s+famille\s+)?(?:est|c['’]est|:)"
    r"|\bje\s+me\s+nomme|\bmy\s+name\s+is|(?<![\w'’])(?:nom|pr[ée]nom|name)\s*:)\s*"
)
# Cues after which a lower-case word is a name only when it is a common first name.
_SOFT_CUE = re.compile(
    r"(?i:\bmoi\s+c['’]est|\bc['’]est\s+moi|\bc\s*moi|\bappelle[sz]?-moi|\bcall\s+me|\bs['’]appelle|(?<![\w'’])sign[ée]\s*:)\s*"
)
_WEAK_CUE = re.compile(
    r"(?i:\bc['’]est|(?<![\w'’])c|\bje\s+suis|\bici|\bthis\s+is|\bi['’]m|\bi\s+am|\bit['’]s"
    r"|\bavec|\bde|\bpour|\bà\s+cause\s+de)\s+"
)
# Someone the person is sent to or speaks of: "demandez à X", "parlez à X", "ask X", "talk to X",
# "call X", "je remplace X", "merci X", "rédigé par X": a capitalised run, or a common first name
# in lower case. ("vient de", "from", "peur de" are left out: "from Laval", "vient de Gatineau".)
_ADDRESSEE = re.compile(
    r"(?i:\bdemande[rz]?\s+(?:à|a)|\bparle[rz]?\s+(?:à|a)|\bavertir|\bavertissez|\bdites\s+(?:à|a)"
    r"|\bje\s+remplace|\bremplacer|\bask|\btalk\s+to|\bspeak\s+to|\bcall|\btell|\btext|\bmerci"
    r"|\br[ée]dig[ée]e?\s+par|\bwritten\s+by)\s+"
)
_RELATION = re.compile(
    r"(?i:\b(?:ma|mon|la|le|notre|my|our|his|her)\s+(?:[\w-]+\s+)?"
    r"(?:gestionnaire|coll[èe]gue|chef|conjointe?|chum|blonde|ex|s(?:oe|œ)ur|fr[èe]re|p[èe]re|m[èe]re"
    r"|fille|fils|amie?|boss|patronne?|superviseur(?:e)?|voisine?|coordonnat(?:eur|rice)"
    r"|infirmi[èe]re-chef|r[ée]sidente?|m[ée]decin|cousine?|tante|oncle|mari|femme|conjoint"
    r"|manager|colleague|supervisor|husband|wife|boyfriend|girlfriend|friend|sister|brother"
    r"|mother|father|coworker|co-worker|nurse|doctor|co[ée]quipi[èe]re?|partenaire|voisine?\s+de\s+\w+)(?:\s+de)?)\s*,?\s+"
)
_CLOSING = re.compile(
    r"(?i:(?:merci(?:\s+beaucoup|\s+pour\s+tout)?|thanks|thank\s+you|cordialement|salutations"
    r"|bonne\s+(?:journ[ée]e|soir[ée]e|nuit)|à\s*\+|a\s*\+|bye|ciao|regards|best)[\s,.!:-]*"
    r"|(?:^|\s)[-—–]\s*)"
)


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Capitalised words that start sentences or name places and services, never people; and English
# words that are first names too ("Guy just threatened me"): never hide a risk to mask a name.
_NOT_NAMES = _word_set(
    """bonjour bonsoir salut allo hello hi merci thanks je j tu il elle on nous vous ils elles le la
    les un une des mon ma mes ton ta son sa c ce cette ici oui non ok pis mais et ou donc car si
    quand comment pourquoi est qui que quoi dans sur avec pour par sans chez au aux du de en
    sante quebec montreal laval canada chum chu cisss ciusss clsc chsld pae bqvt rh urgence hopital
    i'm i'll i've i'd noel paques lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai
    juin juillet aout septembre octobre novembre decembre gestionnaire infirmiere infirmier
    preposee prepose cadre medecin residente resident patient patiente info social sos pamq eap the i my is
    guy guys will may mark bill nam nas courriel telephone adresse suicide action tel-aide jeunes ligne
    interligne info-sante info-social call ask tell text talk merci hopital pavillon centre"""
)
# First names of the list that are also words in lower case (a French word in Debian's wfrench
# list, or shorter than 4 letters: "pierre", "marc", "line", "eve"): never taken in lower case
# without a strong cue.
_AMBIGUOUS_LOWER = _word_set(
    """adele aicha alexandra ali amadou amy angelique anh bao benjamin benoit bernard charlotte
    chi claude clement constance del denis diane elise eva eve florence guillaume guy huy ian
    jacinthe jacqueline jacques jean jeanne jeremie jos joseph julien kim lam lan laura laurent
    lea leo line lise liz lorraine louis louise luc luis luz madeleine marc marguerite maria marie
    marine martin mathieu maxime micheline nam olivier oscar pascal pascale pierre richard romain
    serge sylvain thi veronique virginie wei yan zoe"""
)
# Words that end a name written in lower case.
_STOP = _word_set(
    """pis et je j chu suis de du des la le les l au aux à a qui que qu mais ou donc car ma mon mes
    pas plus pu juste vraiment ça ca c est sont ai as avons ici aussi très tres trop bien mal
    comme quand avec pour par sans dans sur en un une tout toute tous rien personne moi toi lui
    elle nous vous eux infirmière infirmier préposée préposé and i am from at the in"""
)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def _read_names(*paths: Path) -> frozenset[str]:
    names: set[str] = set()
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        names.update(_fold(line.strip()) for line in lines if line.strip() and not line.startswith("#"))
    return frozenset(names - _NOT_NAMES)


def _key(word: str) -> str:
    """The form compared with the word lists: accents dropped, except in a short word, where
    they tell a name from a function word ("Lê" is no "le", "Hà" no "ha")."""
    folded = _fold(word)
    return word.casefold().replace("’", "'") if len(folded) <= 3 else folded


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    return _read_names(FIRST_NAMES_FILE, FIRST_NAMES_WORLD_FILE)


@lru_cache(maxsize=1)
def last_names() -> frozenset[str]:
    """Quebec's frequent family names: masked even alone when capitalised."""
    return _read_names(LAST_NAMES_FILE)


@lru_cache(maxsize=1)
def family_names() -> frozenset[str]:
    """Every family name known (Quebec's and the world lists'): a name only in a name's shape."""
    return last_names() | _read_names(LAST_NAMES_WORLD_FILE)


def _is_last_name(word: str) -> bool:
    parts = _fold(word).split("-")
    return all(part in last_names() for part in parts)


def _is_first_name(word: str) -> bool:
    parts = _fold(word).split("-")
    return all(part in first_names() for part in parts)


def _capitalised(word: str) -> bool:
    """A capitalised word that may be a name: not a whole word in capitals (shouting, acronyms)."""
    return len(word) > 1 and word[0].isupper() and not word.isupper() and _key(word) not in _NOT_NAMES


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper() and len(word) <= 5


def _words_at(text: str, start: int) -> list[re.Match[str]]:
    """The words following `start`, separated by single spaces (a name does not cross punctuation)."""
    words: list[re.Match[str]] = []
    position = start
    while len(words) < 4:
        match = _WORD_RE.match(text, position)
        if match is None:
            break
        words.append(match)
        gap = re.match(r"[ \t]+", text[match.end():])
        if gap is None:
            break
        position = match.end() + gap.end()
    return words


def _surname_run(words: list[re.Match[str]], first: int, limit: int = 3) -> int:
    """How many capitalised words follow the word at `first` (a surname), up to `limit`."""
    count = 0
    for match in words[first + 1:first + 1 + limit]:
        word = match.group(0)
        if not (_capitalised(word) or (word.isupper() and len(word) > 1)):
            break
        count += 1
    return count


def _shouting(text: str) -> bool:
    """Most of the message in capitals: a word in capitals may be a name, not an acronym."""
    long_words = [w for w in _WORD_RE.findall(text) if len(w) > 1]
    return sum(w.isupper() for w in long_words) > 0.6 * len(long_words)


def _after_strong_cue(text: str, start: int, lower_case: bool) -> tuple[int, int] | None:
    """The name after a cue; lower-case words count when `lower_case`, or when the first one is a
    common first name. Words in capitals count unless the whole message is in capitals."""
    words = _words_at(text, start)
    shouting = _shouting(text)
    taken = 0
    for match in words[:3]:
        word = match.group(0)
        if _key(word) in _STOP or (re.search(r"['’]", word) and not word[0].isupper()):
            break
        capitalised = word[0].isupper() and not (shouting and word.isupper())
        named = word.islower() and (lower_case or _is_first_name(words[0].group(0)))
        if not (capitalised or named):
            break
        taken += 1
    if taken == 0:
        return None
    end = words[taken - 1].end()
    # "Pelletier, Louise": a surname, a comma and a first name.
    comma = re.match(rf",\s*({_WORD})", text[end:])
    if comma and _is_first_name(comma.group(1)) and comma.group(1)[0].isupper():
        end += comma.end()
    return words[0].start(), end


def _capitalised_run(text: str, start: int, need_first_name: bool) -> tuple[int, int] | None:
    words = _words_at(text, start)
    if not words:
        return None
    title = re.match(rf"{_TITLE}\s+", text[start:])
    if title:
        words = _words_at(text, start + title.end())
        if not words:
            return None
    first = words[0].group(0)
    if not _capitalised(first) or _acronym(first):
        return None
    if need_first_name and not title and not _is_first_name(first):
        return None
    run = 1 + _surname_run(words, 0)
    return words[0].start(), words[run - 1].end()


def _lower_case_first_name(text: str, start: int) -> tuple[int, int] | None:
    """"c'est julie gagnon qui…": after a weak cue, a common first name in lower case (the lists
    hold no ordinary French word), with a frequent family name after it."""
    words = _words_at(text, start)
    if not words or not words[0].group(0).islower() or _fold(words[0].group(0)) in _STOP:
        return None
    if not _is_first_name(words[0].group(0)) or _fold(words[0].group(0)) in _AMBIGUOUS_LOWER:
        return None
    end = words[0].end()
    if len(words) > 1 and words[1].group(0).islower() and all(
        part in family_names() for part in _fold(words[1].group(0)).split("-")
    ):
        end = words[1].end()
    return words[0].start(), end


def _lower_case_relation(text: str, start: int) -> tuple[int, int] | None:
    """"mon collègue luis fernando", "mon boss maxime bergeron": after a relation, a first name of
    the lists in lower case, even one that is also a word, and a first or family name after it."""
    words = _words_at(text, start)
    if not words or not words[0].group(0).islower() or _key(words[0].group(0)) in _STOP:
        return None
    if not _is_first_name(words[0].group(0)):
        return None
    end = words[0].end()
    if len(words) > 1 and words[1].group(0).islower() and _key(words[1].group(0)) not in _STOP and all(
        part in family_names() or part in first_names() for part in _fold(words[1].group(0)).split("-")
    ):
        end = words[1].end()
    return words[0].start(), end


def _spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for cues, lower_case in ((_STRONG_CUE, True), (_SOFT_CUE, False)):
        for cue in cues.finditer(text):
            span = _after_strong_cue(text, cue.end(), lower_case)
            if span:
                spans.append(span)
    for cue in _RELATION.finditer(text):
        span = _capitalised_run(text, cue.end(), need_first_name=False) or _lower_case_relation(text, cue.end())
        if span:
            spans.append(span)
    for cue in _WEAK_CUE.finditer(text):
        span = _capitalised_run(text, cue.end(), need_first_name=True)
        # "I'm Done.", "I am Exhausted": after an English cue, an unknown capitalised word may be
        # a feeling; only a known name is taken there.
        if span is None and not re.match(r"(?i:avec|de|pour|i\b|it|this)", cue.group(0).strip()):
            span = _capitalised_run(text, cue.end(), need_first_name=False)
            # "c'est Kim qui", "je suis Wilna Joseph,": a capitalised word closed by qui/ici/comma/end.
            if span and not re.match(r"\s*(?:qui\b|ici\b|[,.!(]|$)", text[span[1]:]):
                span = None
        if span is None:
            span = _lower_case_first_name(text, cue.end())
        if span:
            spans.append(span)
    for title in re.finditer(rf"(?<![\w]){_TITLE}\s+", text):
        span = _capitalised_run(text, title.start(), need_first_name=False)
        if span:
            spans.append(span)
    for match in re.finditer(rf"(?<![\w'’-])({_WORD})(?=\s+ici\b)", text):
        start = match.start()
        words_before = list(_WORD_RE.finditer(text[:start]))
        if _capitalised(match.group(1)) and not _acronym(match.group(1)):
            begin = start
            if words_before and _capitalised(words_before[-1].group(0)) and text[words_before[-1].end():start].strip() == "":
                begin = words_before[-1].start()
            spans.append((begin, match.end()))
    shouting = _shouting(text)
    for match in _WORD_RE.finditer(text):
        word = match.group(0)
        if (word[0].isupper() and (shouting or not word.isupper()) and _is_first_name(word)
                and not _after_place(text, match.start())):
            words = _words_at(text, match.start())
            run = 1 + _surname_run(words, 0, limit=2)
            spans.append((match.start(), words[run - 1].end()))
    # A frequent family name alone, capitalised ("Tremblay m'a crié après"), with a title or a
    # capitalised word just before it ("Mme Gagnon", "Kevin Bouchard").
    for match in _WORD_RE.finditer(text):
        word = match.group(0)
        if _capitalised(word) and _is_last_name(word) and not _after_place(text, match.start()):
            before = re.search(rf"(?:{_TITLE}|({_WORD}))[ \t]+$", text[max(0, match.start() - 30):match.start()])
            begin = match.start()
            if before and (before.group(1) is None or _capitalised(before.group(1))):
                begin = match.start() - len(before.group(0))
            spans.append((begin, match.end()))
    spans.extend(_signature(text))
    spans.extend(_name_shapes(text))
    for cue in _ADDRESSEE.finditer(text):
        span = _capitalised_run(text, cue.end(), need_first_name=False)
        # "demandez au Bureau de la qualité de vie", "call Institut de cardiologie": a service.
        if span and (_PLACE_WORD.search(text[span[0]:span[1]].split()[0])
                     or re.match(r"\s+(?i:de|du|des|d['’]|of|for)\b", text[span[1]:])):
            span = None
        span = span or _lower_case_first_name(text, cue.end())
        if span:
            spans.append(span)
    # A title in lower case ("dre nadeau", "mme vachon"): the lower-case word after it.
    for title in re.finditer(r"(?<![\w])(?:dre?\.?|mme|mlle|madame|monsieur|docteure?)[ \t]+", text):
        words = _words_at(text, title.end())
        if words and words[0].group(0).islower() and len(words[0].group(0)) > 2 and _fold(words[0].group(0)) not in _STOP:
            spans.append((words[0].start(), words[0].end()))
    # A message that starts with a common first name in lower case ("ines benjelloun me remplace").
    # Only a first name of four letters or more, with words after it ("oké" stays).
    opening = re.match(r"\s*(?=[^\W\d_]{4})", text)
    if opening is not None and len(_WORD_RE.findall(text)) > 2:
        span = _lower_case_first_name(text, opening.end())
        if span:
            spans.append(span)
    return spans


def _is_known(word: str) -> bool:
    """Any part of the word is a known first or family name ("Jean-Baptiste", "Aristide-Noël")."""
    return any(part in first_names() or part in family_names() for part in _fold(word).split("-") if part)


def _runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of capitalised words (not acronyms) separated by single spaces."""
    runs: list[list[re.Match[str]]] = []
    for match in _WORD_RE.finditer(text):
        word = match.group(0)
        if not _capitalised(word) or _acronym(word):
            continue
        if runs and re.fullmatch(r"[ \t]+", text[runs[-1][-1].end():match.start()]):
            runs[-1].append(match)
        else:
            runs.append([match])
    return runs


def _name_shapes(text: str) -> list[tuple[int, int]]:
    """Two to four capitalised words one of which is a known name ("Rosemitha Alexis", "Tran Van
    Minh"), and, where a sentence starts, two to four capitalised words closed by a comma, a dash,
    "et", "and", "pis", "here" or "ici" ("Shanice Mestokosho, agente administrative")."""
    spans = []
    for run in _runs(text):
        run = run[:4]
        begin, end = run[0].start(), run[-1].end()
        if len(run) < 2 or _after_place(text, begin) or any(_PLACE_WORD.search(m.group(0)) for m in run):
            continue
        known = any(_is_known(m.group(0)) for m in run)
        opens = re.search(r"(?:^|[.!?\n:]\s*)$", text[:begin]) is not None
        closed = re.match(r"\s*(?:[,—–]|-\s|(?i:et|and|pis|&|here|ici)\b)", text[end:]) is not None
        if known or (opens and closed):
            spans.append((begin, end))
    return spans


def _coordinated(text: str, spans: list[list[int]]) -> list[tuple[int, int]]:
    """A name's partner in "X et Y", "X and Y", "X pis Y", "X, Y et Z": a capitalised run on the
    other side of the conjunction is a name too."""
    found = []
    for start, end in spans:
        after = re.match(r"[ \t]*(?:,|(?i:et|and|pis|&))[ \t]+", text[end:])
        if after:
            words = _words_at(text, end + after.end())
            run = 0
            for match in words[:3]:
                if not _capitalised(match.group(0)) or _acronym(match.group(0)):
                    break
                run += 1
            if run:
                found.append((words[0].start(), words[run - 1].end()))
            elif (lower := _lower_case_first_name(text, end + after.end())) is not None:
                found.append(lower)
        before = re.search(rf"((?:{_WORD})(?:[ \t]+{_WORD}){{0,2}})[ \t]*(,|(?i:et|and|pis|&))[ \t]+$", text[:start])
        # "Roxanne, Émilie et Vanessa": before a comma, only the first of a list that goes on.
        if before and before.group(2) == "," and not (
            re.search(r"(?:^|[.!?\n]\s*)$", text[:before.start(1)])
            and re.match(r"[ \t]*(?:,|(?i:et|and|pis|&))[ \t]", text[end:])
        ):
            before = None
        if before:
            kept: list[str] = []
            for word in reversed(before.group(1).split()):
                if not _capitalised(word) or _acronym(word):
                    break
                kept.insert(0, word)
            if kept:
                found.append((before.end(1) - len(" ".join(kept)), before.end(1)))
    return found


_PLACE_WORDS = re.compile(
    r"(?i:(?:h[ôo]pital|pavillon|institut|clsc|chsld|chu|centre|c[ée]gep|[ée]cole|m[ée]tro|station"
    r"|rue|avenue|boulevard|boul\.|chemin|parc|place|[ée]glise|saint|sainte|st|ste)\s+)"
    r"(?:[A-ZÀ-Ý][\w'’-]*\s+)?$"
)


_PLACE_WORD = re.compile(
    r"(?i:^(?:[ld]['’])?(?:h[ôo]pital|pavillon|institut|centre|c[ée]gep|[ée]cole|m[ée]tro|station|rue"
    r"|avenue|boulevard|chemin|parc|place|[ée]glise|clinique|r[ée]sidence|h[ôo]tel|maison|universit[ée]"
    r"|bureau|institut|programme|conseil|r[ée]gie|soutien|[ée]tablissement|service|ligne|direction"
    r"|unit[ée]|d[ée]partement|association|syndicat|ordre|comit[ée]|fondation|r[ée]seau|office)$)"
)


def _after_place(text: str, start: int) -> bool:
    return _PLACE_WORDS.search(text[max(0, start - 40):start]) is not None


def _signature(text: str) -> list[tuple[int, int]]:
    spans = []
    stripped = text.rstrip(" \t\n.!")
    end = len(stripped)
    # The last line alone: one to three capitalised words.
    last_line = re.search(rf"\n[ \t]*((?:{_WORD})(?:[ \t]+{_WORD}){{0,2}})$", stripped)
    if last_line and all(_capitalised(w) for w in last_line.group(1).split()):
        spans.append((last_line.start(1), end))
    # "Merci, Karine", "Thanks, Jason", "— Jocelyn", "À+ Gabrielle" at the very end.
    for closing in _CLOSING.finditer(stripped):
        tail = stripped[closing.end():]
        if re.fullmatch(rf"{_WORD}(?:[ \t]+{_WORD})?", tail) and all(_capitalised(w) for w in tail.split()):
            spans.append((closing.end(), end))
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def redact_names(text: str) -> str:
    """Replace every name found with [nom] (overlapping finds are merged)."""
    spans = sorted(_spans(text))
    for _ in range(3):  # "Roxanne, Émilie et Vanessa": a list is taken one partner at a time
        merged = _merge(spans)
        more = [span for span in _coordinated(text, merged) if not any(s <= span[0] and span[1] <= e for s, e in merged)]
        if not more:
            break
        spans = sorted(spans + more)
    for start, end in reversed(merged):
        text = text[:start] + LABEL + text[end:]
    return text
