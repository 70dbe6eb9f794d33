"""Joual and SMS spellings rewritten in standard French before a question is searched.

`standardize("chu tannée, j'ai-tu droit au pae pis c'est-tu gratis?")` gives
"je suis épuisée, j'ai droit au pae et c'est gratuit?": the embedders were trained on written
French, so the question is searched in both forms (knowledge_base.search, `standard_query_weight`).
Accents are kept (the embedders read them); only whole words are replaced, so an article's own
vocabulary is never touched. The same families of spellings as the crisis normaliser
(safety/normalize.py: elisions, "chu", "pu", SMS abbreviations), which this package may not
import, written for questions rather than for risk patterns: a category of spellings, not the
words of any question set.
"""

from __future__ import annotations

import re

# Lowercase joual / SMS word (or short phrase) -> standard French. Order does not matter: each is
# matched as a whole word or phrase, longest first.
_REPLACEMENTS: dict[str, str] = {
    # pronouns and verbs
    "chu": "je suis",
    "chus": "je suis",
    "jsuis": "je suis",
    "j'suis": "je suis",
    "j'sais": "je sais",
    "jsais": "je sais",
    "j'vas": "je vais",
    "j'vais": "je vais",
    "m'as": "je vais",
    "jveux": "je veux",
    "j'veux": "je veux",
    "jpeux": "je peux",
    "j'peux": "je peux",
    "j'pense": "je pense",
    "j'fais": "je fais",
    "j'me": "je me",
    "j'te": "je te",
    "j'les": "je les",
    "j'la": "je la",
    "j'y": "j'y",
    "jai": "j'ai",
    "g": "j'ai",
    "t'es": "tu es",
    "t'as": "tu as",
    "y'a": "il y a",
    "ya": "il y a",
    "y a-tu": "y a-t-il",
    "y'a-tu": "y a-t-il",
    "ya-tu": "y a-t-il",
    "moé": "moi",
    "moe": "moi",
    "toé": "toi",
    "toe": "toi",
    "a veut": "elle veut",
    "pu": "plus",
    "pis": "et",
    "ben": "bien",
    "bin": "bien",
    "toute": "tout",
    "icitte": "ici",
    "astheure": "maintenant",
    "drette": "tout de suite",
    "drette-là": "tout de suite",
    "pantoute": "pas du tout",
    "quessé": "qu'est-ce que",
    "kessé": "qu'est-ce que",
    "kossé": "qu'est-ce que",
    "c'tu": "est-ce",
    "c-tu": "est-ce",
    "stu": "est-ce",
    "c quoi": "c'est quoi",
    "cest": "c'est",
    # interrogative "-tu" (c'est-tu, j'ai-tu, faut-tu, ça aide-tu): the particle only
    # (handled by _TU below)
    # everyday words
    "boss": "gestionnaire",
    "cheffe": "gestionnaire",
    "djob": "travail",
    "job": "travail",
    "gratis": "gratuit",
    "chum de travail": "collègue",
    "chum de job": "collègue",
    "chum": "conjoint",
    "blonde": "conjointe",
    "tanné": "épuisé",
    "tannée": "épuisée",
    "brûlé": "épuisé",
    "brûlée": "épuisée",
    "à boutte": "à bout",
    "au boutte": "à bout",
    "brailler": "pleurer",
    "braille": "pleure",
    "jaser": "parler",
    "jase": "parle",
    "file pas": "ne va pas bien",
    "filer": "aller",
    "pogné": "pris",
    "pognée": "prise",
    "chicane": "conflit",
    "achaler": "déranger",
    "checker": "vérifier",
    "psy": "psychologue",
    "ts": "travailleur social",
    "inhalo": "inhalothérapeute",
    "inhalos": "inhalothérapeutes",
    "pab": "préposé aux bénéficiaires",
    "tso": "temps supplémentaire obligatoire",
    "overtime": "temps supplémentaire",
    # 2026-12-04: more everyday Quebec French and anglicisms of the floor, from general usage as
    # the Office québécois de la langue française's Banque de dépannage linguistique and Usito
    # describe it (anglicisms and familiar register), not from any question set.
    "kids": "enfants",
    "union": "syndicat",
    "l'union": "le syndicat",
    "docs": "médecins",
    "doc": "médecin",
    "break": "pause",
    "staff": "personnel",
    "shift": "quart de travail",
    "chiffre de nuit": "quart de nuit",
    "en gang": "en groupe",
    "rh": "ressources humaines",
    "bot": "assistant Relais",
    "le bot": "l'assistant Relais",
    "le robot": "l'assistant Relais",
    "csst": "CNESST",
    "écoeuré": "à bout",
    "écoeurée": "à bout",
    "écœuré": "à bout",
    "écœurée": "à bout",
    "capoter": "paniquer",
    "pète ma coche": "perds patience",
    "péter ma coche": "perdre patience",
    "péter sa coche": "perdre patience",
    "pété ma coche": "perdu patience",
    "j'pète ma coche": "je perds patience",
    "le moton": "la gorge serrée et envie de pleurer",
    "burnout": "épuisement professionnel",
    "burn-out": "épuisement professionnel",
    # SMS
    "pcq": "parce que",
    "pck": "parce que",
    "pq": "pourquoi",
    "pk": "pourquoi",
    "cmt": "comment",
    "cmb": "combien",
    "tjrs": "toujours",
    "bcp": "beaucoup",
    "qqn": "quelqu'un",
    "qqch": "quelque chose",
    "jsp": "je ne sais pas",
    "dsl": "désolé",
    "svp": "",
    "stp": "",
    "slt": "salut",
    "tt": "tout",
    "ki": "qui",
    "koi": "quoi",
    "kan": "quand",
    "ds": "dans",
    "ms": "mais",
    "mm": "même",
    "vs": "vous",
    "nn": "non",
}
_KEYS = sorted(_REPLACEMENTS, key=len, reverse=True)
_PATTERN = re.compile(
    r"(?<![\w'])(?:" + "|".join(re.escape(key) for key in _KEYS) + r")(?![\w'-])",
    re.IGNORECASE,
)
_TU = re.compile(r"(?<=\w)-tu\b", re.IGNORECASE)  # "c'est-tu", "j'ai-tu": the question particle
_SPACES = re.compile(r"\s+")


# Function words that tell an English question from a French one: an English question is left
# as it is ("night shift", "my staff" are English, not anglicisms in a French sentence).
_ENGLISH_TEXT = """the a an is are was my your our what how when where who why which do does can
    could should i you it of for with to and or there this that"""
_FRENCH_TEXT = """le la les un une des de du est sont je tu il elle mon ma mes ton ta nous vous que
    qui quoi comment pour avec et ou pas ce ça ca c'est j'ai y"""
_ENGLISH = frozenset(_ENGLISH_TEXT.split())
_FRENCH = frozenset(_FRENCH_TEXT.split())


def is_english(text: str) -> bool:
    """More English function words than French ones."""
    words = re.findall(r"[\w']+", text.lower().replace("’", "'"))
    return sum(w in _ENGLISH for w in words) > sum(w in _FRENCH for w in words)


def standardize(text: str) -> str:
    """`text` with joual and SMS spellings in standard French (same text when there are none,
    or when it is English)."""
    if is_english(text):
        return text
    normalized = text.replace("’", "'")
    normalized = _TU.sub("", normalized)
    normalized = _PATTERN.sub(lambda match: _REPLACEMENTS[match.group(0).lower()], normalized)
    return _SPACES.sub(" ", normalized).strip()
