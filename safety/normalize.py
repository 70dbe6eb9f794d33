"""Text normalisation for the crisis detector.

`normalize()` turns a chat message into a canonical lowercase string that the
patterns in `lexicon/` and `context.py` are written against:

* lowercase, accents stripped ("à"→"a", "œ"→"oe"), curly apostrophes unified;
  "né"/"née" (born) becomes "born" so that it is not taken for "ne";
* French elisions expanded ("j'pense" → "je pense", "qu'il" → "que il",
  "s'il" → "si il"); the negative particle "ne"/"n'" is dropped, so
  "je ne veux plus" and "j'veux pu" both become "je veux plus";
* SMS and joual spellings folded ("chu" → "je suis", "pu" → "plus",
  "jveux" → "je veux", "g" → "je ai", "tlm" → "tout le monde", "kms" → ...,
  "à soir" → "ce soir");
* every run of a repeated letter reduced to one letter (the "skeleton"), so
  "mourrir", "mouriiiir" and "mourir" are the same word. The lexicon applies the
  same reduction to its patterns (`skeleton()`), so they are written in normal
  spelling;
* sentence punctuation becomes a " . " token so that word windows in the
  patterns never reach across sentences; other punctuation and emoji vanish.

The result starts and ends with a space, and words are separated by exactly one
space.
"""

from __future__ import annotations

import re
import unicodedata

# Elided French words (token before an apostrophe) and their full form.
_ELISIONS = {
    "j": "je",
    "m": "me",
    "t": "te",
    "s": "se",
    "l": "le",
    "d": "de",
    "n": "",
    "c": "ce",
    "qu": "que",
    "jusqu": "jusque",
    "lorsqu": "lorsque",
    "puisqu": "puisque",
}

# SMS, joual and frequent misspellings, keyed by skeleton form (see skeleton()).
# Values are in normal spelling; they are skeletonised too.
_TOKENS = {
    # je suis / je + verb
    "j": "je",  # "j étais" typed without the apostrophe
    "chu": "je suis",
    "chus": "je suis",
    "chui": "je suis",
    "chuis": "je suis",
    "shu": "je suis",
    "shui": "je suis",
    "jsui": "je suis",
    "jsuis": "je suis",
    "jai": "je ai",
    "jaime": "je aime",
    "jaimerais": "je aimerais",
    "jaimerai": "je aimerais",
    "javais": "je avais",
    "jen": "je en",
    "jetais": "je etais",
    "jespere": "je espere",
    "jaurais": "je aurais",
    "jirais": "je irais",
    "jy": "je y",
    "g": "je ai",
    "gai": "je ai",
    "mas": "je vais",  # joual "m'as te tuer" = "je vais te tuer"
    "chpeux": "je peux",
    "chsais": "je sais",
    "chvais": "je vais",
    "mtuer": "me tuer",
    "stuer": "se tuer",
    # negation / quantity
    "pu": "plus",
    "pus": "plus",
    "plu": "plus",
    "pa": "pas",
    "po": "pas",
    "ne": "",
    "jms": "jamais",
    "jamai": "jamais",
    # common words
    "tlm": "tout le monde",
    "tlmd": "tout le monde",
    "tjrs": "toujours",
    "tjr": "toujours",
    "tjs": "toujours",
    "bcp": "beaucoup",
    "qqn": "quelqu un",
    "qqun": "quelqu un",
    "quelquun": "quelqu un",
    "pcq": "parce que",
    "pck": "parce que",
    "paske": "parce que",
    "pask": "parce que",
    "psk": "parce que",
    "pk": "pourquoi",
    "pq": "pourquoi",
    "pkoi": "pourquoi",
    "pourkoi": "pourquoi",
    "ke": "que",
    "koi": "quoi",
    "ki": "qui",
    "kan": "quand",
    "kel": "quel",
    "kelle": "quelle",
    "keske": "que est ce que",
    "kesse": "que est ce que",
    "cmb": "combien",
    "cb": "combien",
    "c": "ce est",
    "cest": "ce est",
    "ct": "ce etait",
    "cetait": "ce etait",
    "ya": "il y a",
    "pi": "puis",
    "pis": "puis",
    "ptet": "peut etre",
    "ptetre": "peut etre",
    "vx": "veux",
    "veu": "veux",
    "veus": "veux",
    "vai": "vais",
    "men": "me en",
    "sen": "se en",
    "envi": "envie",
    "persone": "personne",
    "mieu": "mieux",
    "pers": "personne",
    "mm": "meme",
    "ds": "dans",
    "slt": "salut",
    "stp": "s il te plait",
    "svp": "s il vous plait",
    "sui": "suis",
    "tse": "tu sais",
    # English
    "im": "i am",
    "ive": "i have",
    "wanna": "want to",
    "gonna": "going to",
    "kms": "kill myself",
    "u": "you",
    "ur": "your",
    "cant": "cannot",
    "wont": "will not",
}

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})
_SENTENCE_END = re.compile(r"[.!?;:\n]+")
_TOKEN = re.compile(r"[a-z0-9]+'?|\.")
_REPEATS = re.compile(r"([a-z])\1+")
_VOWELS = set("aeiouy")

# Multi-word folds applied after tokenisation (already in skeleton form).
_PHRASES = [
    # joual "m'as" = "je vais", except in "tu m'as" (= "you have ... me")
    (re.compile(r"(?<!\btu) me as (?=\w)"), " je vais "),
    # Quebec "à soir", "à matin" = "ce soir", "ce matin"
    (re.compile(r" a (?=(?:soir|matin) )"), " ce "),
]


def skeleton(word: str) -> str:
    """Reduce every run of a repeated letter to one letter ("tuee" → "tue")."""
    return _REPEATS.sub(r"\1", word)


_TOKEN_MAP = {skeleton(key): skeleton(value) for key, value in _TOKENS.items()}


# "né", "née" (born) would become the negative particle "ne", which is dropped.
_BORN = re.compile(r"\bné(?:e|es|s)?\b")


def strip_accents(text: str) -> str:
    """Lowercase and remove diacritics, keeping the base letters ("né" → "born")."""
    text = _BORN.sub("born", text.lower().translate(_LIGATURES).translate(_APOSTROPHES))
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _expand(token: str, next_token: str) -> str:
    """Expand one token: elision, SMS/joual map, "jveux"-style contractions."""
    if token.endswith("'"):
        stem = token[:-1]
        if stem == "s" and next_token in ("il", "ils"):
            return "si"
        if stem in _ELISIONS:
            return _ELISIONS[stem]
        token = stem
    token = skeleton(token)
    if token in _TOKEN_MAP:
        return _TOKEN_MAP[token]
    # French words never start with "j" + consonant: "jveux", "jpense", "jme".
    if len(token) > 2 and token[0] == "j" and token[1] not in _VOWELS:
        return "je " + _TOKEN_MAP.get(token[1:], token[1:])
    return token


def _tokens(text: str) -> list[str]:
    """Split into words; an elided word keeps its apostrophe ("j'")."""
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        previous = tokens[-1] if tokens else ""
        # Join contractions whose stem is not a French elision:
        # "don't" → "dont", "i'm" → "im", "aujourd'hui" → "aujourdhui".
        if previous.endswith("'") and previous[:-1] not in _ELISIONS and token != ".":
            tokens[-1] = previous[:-1] + token
            continue
        tokens.append(token)
    return tokens


def normalize(text: str) -> str:
    """Return the canonical form of `text` that the lexicon patterns match."""
    text = _SENTENCE_END.sub(" . ", strip_accents(text))
    tokens = _tokens(text)
    words = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        expanded = _expand(token, following)
        if expanded:
            words.append(expanded)
    joined = " " + skeleton(" ".join(words)) + " "
    for pattern, replacement in _PHRASES:
        joined = pattern.sub(replacement, joined)
    return re.sub(r"(?: \.)+ ", " . ", joined)
