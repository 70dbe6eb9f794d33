"""Which establishment a person means when they type it: "CIUSSS du Centre-Sud", "le CHUM",
"je travaille à Laval", "ciusss centre sud", "Montérégie" (three of them: ask which).

`match_establishments` returns every establishment that fits best: one means found, several
means ask the person to choose, none means ask again. Accent- and case-insensitive. A fictional
establishment is found only by its own name or alias, never by a region word.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable

from directory.models import Establishment

# Words that say what kind of establishment it is, not which one.
_GENERIC = frozenset((
    "cisss", "ciusss", "integre", "integres", "universitaire", "universitaires", "sante",
    "services", "social", "sociaux", "de", "du", "des", "d", "la", "le", "les", "l", "et", "en",
    "au", "aux", "a",
))  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")
_PHRASE_SCORE = 100.0  # a whole distinctive name or alias beats any sum of single words


def normalize(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    plain = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(_WORD.findall(plain))


def _distinctive(name: str) -> str:
    """ "CIUSSS du Centre-Sud-de-l'Île-de-Montréal" -> "sud ile montreal"."""
    return " ".join(w for w in normalize(name).split() if w not in _GENERIC)


def _phrases(establishment: Establishment) -> list[str]:
    names = [establishment.name, *establishment.aliases]
    phrases = [normalize(n) for n in names] + [_distinctive(n) for n in names]
    return [p for p in phrases if p]


def _words(establishment: Establishment) -> set[str]:
    text = " ".join([establishment.name, establishment.region, *establishment.aliases])
    return set(normalize(text).split()) - _GENERIC


def match_establishments(
    establishments: Iterable[Establishment], text: str
) -> list[Establishment]:
    """The best-fitting establishments for `text`, in file order; [] when nothing fits."""
    pool = list(establishments)
    query = f" {normalize(text)} "
    words_of = {e.id: _words(e) for e in pool}
    document_frequency = Counter(w for words in words_of.values() for w in words)
    query_words = set(query.split())
    scores: dict[str, float] = {}
    for establishment in pool:
        score = max(
            (_PHRASE_SCORE + len(p) for p in _phrases(establishment) if f" {p} " in query),
            default=0.0,
        )
        if not score and not establishment.fictional:
            # Rare words weigh more: "sud" names one establishment, "montreal" many.
            score = sum(
                math.log(1 + len(pool) / document_frequency[w])
                for w in query_words & words_of[establishment.id]
            )
        if score:
            scores[establishment.id] = score
    if not scores:
        return []
    best = max(scores.values())
    return [e for e in pool if math.isclose(scores.get(e.id, 0.0), best)]


_LEADING = ("le ", "la ", "l ", "au ", "a ", "du ", "de ", "the ")


def is_establishment_name(establishments: Iterable[Establishment], text: str) -> bool:
    """`text` is (part of) an establishment's name or alias as a whole answer: "CISSS de Laval",
    "le CHUM", "centre hospitalier de l'université de montréal"; not "c'est quoi le PAE?"
    (whose "est" only a word-by-word match would take for Montréal's Est)."""
    return establishment_name_test(establishments)(text)


def establishment_name_test(establishments: Iterable[Establishment]) -> Callable[[str], bool]:
    """`is_establishment_name` with the names normalized once (the gateway asks it per message)."""
    names = [
        f" {normalize(name)} "
        for establishment in establishments
        for name in (establishment.name, *establishment.aliases)
    ]

    def names_one(text: str) -> bool:
        key = normalize(text)
        for article in _LEADING:
            key = key.removeprefix(article)
        return len(key) >= 3 and any(f" {key} " in name for name in names)

    return names_one
