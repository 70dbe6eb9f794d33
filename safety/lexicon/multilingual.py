"""Suicidal wishes in the other languages staff and their families often write in Quebec:
Haitian Creole, Spanish and Portuguese (English is everywhere else in the lexicon).

Written against the normalised text: accents stripped, and the French SMS folds apply
("m" → "meme", "pa" → "pas"), so Creole "m pa vle viv" arrives as "meme pas vle viv".
"""

from __future__ import annotations

from .language import SUICIDE, THIRD, Rule, rules

MULTILINGUAL_RULES: list[Rule] = [
    *rules(
        SUICIDE,
        "any",
        THIRD,
        # Haitian Creole: "m pa vle viv ankò", "m vle mouri", "m ap touye tèt mwen"
        r"\bpas (?:vle|ka) viv\b|\bvle mouri\b|\b(?:touye|tiye) tet (?:mwen|m|li|yo)\b"
        r"|\bfini ak lavi\b",
        # Spanish: "me quiero morir", "no quiero vivir", "voy a matarme"
        r"\b(?:quiero|quisiera) (?:morir|morirme|matarme|desaparecer|dejar de vivir)\b"
        r"|\bme quiero (?:morir|matar)\b|\bno quiero (?:seguir )?vivir\b"
        r"|\bno quiero seguir(?= \.| ?$| de verdad| mas| ya)|\bcansad[oa] de (?:vivir|la vida)\b"
        r"|\b(?:voy a|pienso en|quiero) (?:matarme|quitarme la vida|acabar con (?:mi vida|todo))",
        # Portuguese: "quero morrer", "vou me matar", "não quero mais viver"
        r"\bquero morrer\b|\bvou me matar\b|\bnao quero (?:mais )?viver\b",
    ),
]
