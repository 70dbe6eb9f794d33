"""BM25 over passages with a French (Quebec) normalisation of words.

Normalisation: lowercase, accents removed, elisions split off ("l'employé" -> "employe"),
stop words dropped, a light plural/feminine stemmer, and Quebec spellings or acronyms mapped
to the words the articles use (PAE -> programme d'aide aux employés, "boss" -> gestionnaire,
"chu" -> suis, "pu" -> plus...).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np

# Folded (lowercase, accent-free) colloquial or abbreviated forms -> words of the articles.
EXPANSIONS: dict[str, str] = {
    "pae": "pae programme aide employes",
    "bqvt": "bqvt bureau qualite vie travail",
    "qvt": "qvt qualite vie travail",
    "pamq": "pamq programme aide medecins quebec",
    "sst": "sst sante securite travail",
    "cnesst": "cnesst sante securite travail",
    "boss": "boss gestionnaire superieur patron",
    "patron": "patron gestionnaire superieur",
    "cheffe": "chef gestionnaire",
    "chef": "chef gestionnaire",
    "chu": "suis",
    "pu": "plus",
    "tse": "sais",
    "ptit": "petit",
    "pis": "et",
    "ben": "bien",
    "icitte": "ici",
    "toe": "toi",
    "moe": "moi",
    "job": "job travail emploi",
    "djob": "travail emploi",
    "burnout": "epuisement professionnel",
    "psy": "psychologue",
    "md": "medecin",
    "doc": "medecin",
    "tel": "telephone",
}
ELISION = re.compile(r"\b(?:l|d|j|qu|n|s|c|m|t|jusqu|lorsqu|puisqu|quoiqu)['’]", re.IGNORECASE)
_STOP_WORDS_TEXT = """a au aux avec ce ces cet cette dans de des du elle en est et etre eux il ils je la le les
    leur leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa
    se ses son sur ta te tes toi ton tu un une vos votre vous y c d j l m n s t ca cela ai as
    the of to and is in it for on my i do how what"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


def fold(text: str) -> str:
    """Lowercase and strip accents."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def stem(word: str) -> str:
    """A deliberately light French stemmer: plural and feminine endings only."""
    for suffix, replacement in (("aux", "al"), ("euses", "eur"), ("euse", "eur")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + replacement
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    while len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def tokenize(text: str) -> list[str]:
    text = ELISION.sub(" ", text.replace("’", "'"))
    tokens = []
    for word in re.findall(r"\w+", fold(text)):
        for expanded in EXPANSIONS.get(word, word).split():
            if expanded not in STOP_WORDS:
                tokens.append(stem(expanded))
    return tokens


class LexicalIndex:
    """BM25 (rank-bm25's Okapi) over the passages' embedded texts."""

    def __init__(self, texts: Sequence[str]) -> None:
        from rank_bm25 import BM25Okapi

        self._bm25 = BM25Okapi([tokenize(text) or ["_"] for text in texts])
        self.size = len(texts)

    def scores(self, query: str) -> np.ndarray:
        tokens = tokenize(query)
        if not tokens:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)
