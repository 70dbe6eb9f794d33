"""Who is asking: a manager's question is recognised from its own words.

`infer_audience("mon employé ne va pas bien")` -> "manager"; None when the message says nothing
about the asker. `resolve_audience` combines the message, the page or Teams profile (`given`) and
what the conversation already established (`remembered`): words in the message win, then the
profile, then the conversation.
"""

from __future__ import annotations

import re

from knowledge_base.lexical import fold

# Written against folded text (lowercase, no accents, straight apostrophes).
_MANAGER_CUES = re.compile(
    r"""
    \b(?:mon|ma|mes|notre|nos)\s+(?:employe|employee|employes|employees|equipe|equipes|
        personnel|subordonne\w*|salarie\w*|troupes?|gang\s+sur\s+le\s+plancher)\b
    | \b(?:un|une|l'un|l'une|deux|plusieurs|certains?|certaines?)\s+(?:de\s+)?(?:mes|nos)\s+
        (?:employe\w*|infirmier\w*|infirmiere\w*|prepose\w*|pab|inhalotherapeute\w*|
        technicien\w*|travailleu\w*|intervenant\w*|professionnel\w*|agent\w*|membres?)\b
    | \bmembres?\s+de\s+mon\s+equipe\b
    | \b(?:je\s+suis|chu|chus|j'suis|jsuis|en\s+tant\s+que|comme|etant|nouvelle?|nouveau)\s+
        (?:un\s+|une\s+|le\s+|la\s+)?(?:nouvelle?\s+|nouveau\s+)?
        (?:gestionnaire|cheffe?|cadre|superviseure?|coordonnat\w*|boss|patronne?|
        directrice|directeur|responsable\s+d'unite)\b
    | \bgestionnaire\s+(?:par\s+interim|interimaire|interim)\b
    | \bje\s+(?:gere|dirige|supervise)\s+(?:une|un|des|mon|ma|mes|l')
    | \bm'a\s+nommee?\s+(?:gestionnaire|cheffe?|coordonnat\w*|cadre)
    | \bmy\s+(?:employees?|team|staff|direct\s+reports?)\b
    | \b(?:i\s+am|i'm|im|as)\s+a\s+(?:new\s+)?(?:manager|supervisor|team\s+lead(?:er)?|head\s+nurse)\b
    | \bi\s+(?:manage|supervise|lead)\s+(?:a|an|the|my)\b
    """,
    re.VERBOSE,
)


def infer_audience(text: str) -> str | None:
    """"manager" when the message shows a manager speaking of their team, else None."""
    folded = fold(text).replace("’", "'")
    return "manager" if _MANAGER_CUES.search(folded) else None


def resolve_audience(
    text: str, given: str | None = None, remembered: str | None = None
) -> str | None:
    """The audience to search with: the message's own cue, else the profile, else the
    conversation's. None when nothing is known (the search then treats the asker as an employee
    who may still get a manager article when nothing else fits)."""
    inferred = infer_audience(text)
    if inferred is not None:
        return inferred
    for value in (given, remembered):
        if value in ("employee", "manager"):
            return value
    return None
