"""The language a turn is answered in: English when the person writes English, else French.

A message says its language by its function words ("I", "the", "my" against "je", "le", "mon").
French is the product's language: one French function word more than English ones says French;
English needs two at least ("I want to...", "Is the EAP..."). Words Quebec French writers use too
("ok", "thanks", "help", "yes", "no") say nothing. A message that says nothing (a button's payload,
"ok", "thanks", a number) or that the gateway knows to be neutral (`is_neutral`: every button's
payload, an answer naming an establishment, as "CISSS de Laval" would read as French) keeps
the conversation's language: the one its last reply was in, which the page sends back as
`language`; French without it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

Language = Literal["fr", "en"]

# Words only one of the two languages uses often (general grammar, no evaluation set's words);
# "a", "on", "son", "me" and "pour" are left out: both languages have them.
_ENGLISH_TEXT = """the an is are was were am be been my your our their what how when where who
    why which do does did don't can can't could should would will won't i i'm i've i'll you
    you're it it's of for with to and or there this that these those we they them he she his her
    not have has had want need feel please just about if at from any anyone someone"""
_FRENCH_TEXT = """le la les un une des de du est sont suis je j'ai j'suis tu il elle ils elles mon
    ma mes ton ta tes nous vous votre vos que qui quoi comment avec et ou où pas ce ça ca c'est
    cest y au aux à en se te ne m'a j'me jveux merci oui non bonjour salut pis moi toi veux peux
    besoin aide sur dans mais chu pu pus faut quelqu'un j'pense"""
_ENGLISH = frozenset(_ENGLISH_TEXT.split())
_FRENCH = frozenset(_FRENCH_TEXT.split())
_WORD = re.compile(r"[\w']+")
MIN_ENGLISH_WORDS = 2


def language_of(text: str) -> Language | None:
    """"en" or "fr" when the message's function words say so, None when they do not."""
    if text.startswith("/"):
        return None
    words = _WORD.findall(text.lower().replace("’", "'"))
    english = sum(word in _ENGLISH for word in words)
    french = sum(word in _FRENCH for word in words)
    if english >= MIN_ENGLISH_WORDS and english > french:
        return "en"
    if french > english:
        return "fr"
    return None


def neutral_key(text: str) -> str:
    """How a neutral text is compared: case and spacing aside."""
    return " ".join(text.casefold().split())


def turn_language(
    text: str, remembered: str | None = None, is_neutral: Callable[[str], bool] = lambda _: False
) -> Language:
    """The language to answer `text` in; `remembered`: the conversation's, sent by the page;
    `is_neutral`: whether a text never says a language."""
    said = None if is_neutral(text) else language_of(text)
    return said if said is not None else as_language(remembered)


def as_language(value: object) -> Language:
    """"en" for "en", French for anything else (the product's language)."""
    return "en" if value == "en" else "fr"
