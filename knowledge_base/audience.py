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


# Someone other than the writer, in the third person: "une de mes infirmières", "d'une collègue",
# "cet employé", "il", "comment la référer", "my coworker", "she". Not a self-description ("pas
# encore employée", "as a retired nurse"), nor an inverted question ("s'étend-elle").
_SOMEONE_ELSE = re.compile(
    r"""
    \b(?:un|une|mon|ma|mes|ce|cet|cette|ces|l'|d'un|d'une|a\s+un|a\s+une)\s+
        (?:\w+\s+)?(?:employee?s?|collegue\w*|coequipi\w*|salarie\w*|infirmi\w*|prepose\w*|
        membres?|technicien\w*|technologiste\w*|travailleu\w*|pab|agent\w*|personne|
        educat\w*|inhalo\w*|secretaire\w*|resident\w*|externe\w*|stagiaire\w*|auxiliaire\w*|
        adjoint\w*|commis|physio\w*|ergo\w*|psycho\w*|medecin\w*|pharmacien\w*|intervenant\w*|
        professionnel\w*)\b
    | \b(?:gars|filles?|femmes?|hommes?|monde)\s+(?:de|dans)\s+(?:mon|l'|notre|la)\s*(?:equipe|unite|departement)
    | (?<!-)\b(?:il|elle|ils|elles|lui|leur|celui|celle)\b
    | \b(?:le|la|les|l')\s*(?:referer|diriger|aider|aborder|approcher|convaincre|accompagner|
        soutenir|rencontrer)\b
    | \b(?:an?|my|our|this|that|the|one\s+of\s+my)\s+(?:\w+\s+)?(?:employee|colleague|coworker|
        co-worker|staff\s+member|team\s+member|worker|report)s?\b
    | \b(?:he|she|him|her|they|them|their)\b
    | \bquelqu'un\s+(?:de|dans|sur)\s+(?:mon|ma|mes|l'|la|notre|nos)
    | \b(?:someone|somebody|anyone|one)\s+(?:on|in|of|from)\s+(?:my|our|the)\b
    | \b(?:my|our|a|an|the|this|one\s+of\s+my)\s+(?:\w+\s+)?(?:nurses?|staff|orderl\w*|
        technicians?|attendants?|aides?|residents?|interns?)\b
    | \bun\s+de\s+nos\b|\bune\s+de\s+nos\b
    """,
    re.VERBOSE,
)


_SELF_DESCRIPTION = re.compile(
    r"\b(?:je\s+suis|j'suis|jsuis|chu|chus|suis|en\s+tant\s+qu'|en\s+tant\s+que|comme|etant)\s*"
    r"(?:un|une)\s+"
    r"|\b(?:i'm|i\s+am|im|as)\s+(?:an?|the)\s+"
)


def speaks_of_someone_else(text: str) -> bool:
    """Whether the message speaks of another person at work, in the third person (the manager's
    referral is about that person; a question without one is the writer's own). "Je suis une
    infirmière" describes the writer."""
    folded = _SELF_DESCRIPTION.sub(" ", fold(text).replace("’", "'"))
    return bool(_SOMEONE_ELSE.search(folded))
