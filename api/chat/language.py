"""The language a turn is answered in: English when the person writes English, else French.

A message says its language by its function words ("I", "the", "my" against "je", "le", "mon");
one that says nothing (a button's payload, "ok", "thanks", a number) keeps the conversation's
language, which the page sends back as `language` (the widget remembers the last reply's), and
French without it.
"""

from __future__ import annotations

import re
from typing import Literal

Language = Literal["fr", "en"]

# Words only one of the two languages uses often (general grammar, no evaluation set's words);
# "a", "on", "son" and "pour" are left out: both languages have them.
_ENGLISH_TEXT = """the an is are was were am be been my your our their what how when where who why which
    do does did don't can can't could should would will won't i i'm i've i'll you you're it it's
    of for with to and or there this that these those me we they them he she his her not no yes
    have has had want need feel help please thanks thank just about if at from any anyone
    someone"""
_FRENCH_TEXT = """le la les un une des de du est sont suis je j'ai j'suis tu il elle ils elles mon ma mes
    ton ta tes nous vous que qui quoi comment avec et ou où pas ce ça ca c'est cest y au aux
    merci oui non bonjour salut pis moi toi veux peux besoin aide sur dans mais chu pus
    faut quelqu'un j'pense"""
_ENGLISH = frozenset(_ENGLISH_TEXT.split())
_FRENCH = frozenset(_FRENCH_TEXT.split())
_WORD = re.compile(r"[\w']+")


def language_of(text: str) -> Language | None:
    """"en" or "fr" when the message's function words say so, None when they do not."""
    if text.startswith("/"):
        return None
    words = _WORD.findall(text.lower().replace("’", "'"))
    english = sum(word in _ENGLISH for word in words)
    french = sum(word in _FRENCH for word in words)
    if english == french:
        return None
    return "en" if english > french else "fr"


def turn_language(text: str, remembered: str | None = None) -> Language:
    """The language to answer `text` in; `remembered`: the conversation's, sent by the page."""
    said = language_of(text)
    if said is not None:
        return said
    return "en" if remembered == "en" else "fr"
