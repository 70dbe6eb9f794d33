"""`assess()`: classify one chat message as crisis, distress or none.

Steps, all on the normalised text (see `normalize.py`):
1. erase idioms ("mort de rire", "ce formulaire me tue"), denials ("je suis pas
   suicidaire") and past deaths by suicide (grief) so that crisis rules cannot fire on them;
2. run every crisis rule of `lexicon.RULES`; for each match, find who is at risk
   from the nearest subject before it (the writer, someone else, or nobody named);
3. drop matches about a patient or a bare risk word when patients are mentioned, and
   matches naming nobody in clinical or training talk; keep the rest — a first-person
   risk always wins;
4. otherwise DISTRESS if distress words or a denial were found, else NONE.

No state, no I/O: a chat-sized message takes well under a millisecond, a
10,000-character one some tens of milliseconds.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from . import context as ctx
from .assessment import IDIOM, PROFESSIONAL, Assessment, RiskCategory, RiskLevel
from .lexicon import RULE_GROUPS, Rule
from .normalize import normalize

# Longer messages are cut: risk is assessed on the first MAX_CHARS characters.
MAX_CHARS = 20_000
_SUBJECT_WINDOW = 10  # words before a match in which its subject is looked for
_MASK = " #"  # replaces " word...": the text keeps one space between tokens

_NONE = Assessment(RiskLevel.NONE)
_VIOLENT = {RiskCategory.IMMEDIATE_DANGER, RiskCategory.HARM_TO_OTHERS}


def _subject(text: str, start: int) -> str | None:
    """Who the clause ending at `start` is about: "first", "third" or None."""
    before = text[:start].rsplit(" . ", 1)[-1]
    window = " " + " ".join(before.split()[-_SUBJECT_WINDOW:]) + " "
    first = [m.end() for m in ctx.FIRST_SUBJECT.finditer(window)]
    third = [m.end() for m in ctx.THIRD_SUBJECT.finditer(window) if not _is_object(window, m)]
    if not first and not third:
        return None
    return "first" if max(first, default=-1) > max(third, default=-1) else "third"


# How far a match holds in a professional context
STRONG = 2  # always kept: the writer, someone close to them, methods questions
UNNAMED = 1  # nobody named ("envie d'en finir"): dropped in clinical or training talk
GENERIC = 0  # someone else, or a bare risk word: dropped if patients or clinical talk appear


def _is_object(window: str, match: re.Match[str]) -> bool:
    """A noun after a preposition is not a subject: "le décès de mon patient"."""
    before = window[: match.start()].split()[-2:]
    if before and before[-1] in ctx.PREPOSITIONS:
        return True
    return len(before) == 2 and before[0] in ctx.PREPOSITIONS and before[1] in ctx.DETERMINERS


def _resolve(rule: Rule, subject: str | None, close: bool) -> tuple[RiskCategory | None, int]:
    """Category of one match (None: not a risk) and how far it holds (STRONG...GENERIC).
    `close`: the message names someone close to the writer."""
    third = STRONG if close else GENERIC
    if rule.kind == "always":
        return rule.category, STRONG
    if rule.kind == "mention":
        return rule.category, GENERIC
    if rule.kind == "other":  # the pattern itself names someone else ("il en a pris")
        return rule.third or rule.category, third
    if rule.kind == "victim":
        return (rule.category, third) if subject == "third" else (None, GENERIC)
    if rule.kind == "self":
        if subject == "third" and rule.third is not None:
            return rule.third, third
        return rule.category, STRONG
    # kind == "any"
    if subject == "first":
        return rule.category, STRONG
    if subject == "third":
        return rule.third, third
    return rule.category, UNNAMED


def _mask(pattern: re.Pattern[str], text: str) -> tuple[str, bool]:
    masked, count = pattern.subn(_MASK, text)
    return masked, count > 0


# Never vetoed by a frame: means, danger now, violence against staff (issue 10), a fire or gas.
_NEVER_FRAMED = {
    RiskCategory.MEANS,
    RiskCategory.IMMEDIATE_DANGER,
    RiskCategory.VIOLENCE_STAFF,
    RiskCategory.EMERGENCY,
}


def assess(text: str) -> Assessment:
    """Assess the risk expressed in one message (French or English)."""
    if not text or not text.strip():
        return _NONE
    raw = text[:MAX_CHARS]
    scan = _scan(raw)
    norm = scan.norm
    if scan.found:
        found = set(scan.found)
        if found & _VIOLENT and ctx.WORKPLACE.search(norm) and not ctx.INTIMATE.search(norm):
            found.add(RiskCategory.VIOLENCE_STAFF)
        return Assessment(RiskLevel.CRISIS, frozenset(found), framed=_framed(raw, scan))

    if scan.suppressed or (scan.needed and ctx.RISK_TOPIC.search(norm)):
        context: str | None = PROFESSIONAL
    elif scan.idiom or scan.joked:
        context = IDIOM
    else:
        context = None
    distress = scan.denial or bool(
        ctx.DISTRESS.search(scan.masked) or ctx.DISTRESS_IDIOMS.search(norm)
    )
    level = RiskLevel.DISTRESS if distress else RiskLevel.NONE
    return Assessment(level, frozenset(), context)


class _Scan(NamedTuple):
    norm: str
    masked: str
    found: frozenset[RiskCategory]
    strong: bool  # a match about the writer, someone close, or a methods question
    close: bool  # someone close to the writer is named
    needed: int
    suppressed: bool
    joked: bool
    idiom: bool
    denial: bool


def _scan(raw: str) -> _Scan:
    """Steps 1-3 of the module's docstring on one text."""
    norm = normalize(ctx.SERVICE_ADDRESS.sub(" siteweb ", raw))
    masked, idiom = _mask(ctx.IDIOMS, norm) if ctx.IDIOM_HINT.search(norm) else (norm, False)
    masked, denial = _mask(ctx.DENIALS, masked)
    masked, _ = _mask(ctx.GRIEF, masked)
    clinical_talk = bool(ctx.CLINICAL_TALK.search(norm))
    # matches weaker than `needed` are dropped as clinical or training talk
    needed = UNNAMED + 1 if clinical_talk else GENERIC + 1 if ctx.PATIENTS.search(norm) else 0
    close = bool(ctx.CLOSE_PERSON.search(norm))

    found: set[RiskCategory] = set()
    suppressed = joked = strong = False
    for group, rules in RULE_GROUPS:
        if not group.search(masked):
            continue
        for rule in rules:
            for match in rule.pattern.finditer(masked):
                category, hold = _resolve(rule, _subject(masked, match.start()), close)
                if category is None:
                    continue
                if hold < needed:
                    suppressed = True
                elif category is RiskCategory.HARM_TO_OTHERS and _is_joke(norm, raw):
                    joked = True
                else:
                    found.add(category)
                    # no subject named ("idées suicidaires depuis mon retour"): the writer's own
                    # when the message speaks in the first person of nobody else
                    mine = hold == UNNAMED and _speaks_of_self(norm)
                    strong = strong or hold == STRONG or mine
                    break
    return _Scan(
        norm, masked, frozenset(found), strong, close, needed, suppressed, joked, idiom, denial
    )


def _framed(raw: str, scan: _Scan) -> bool:
    """Whether a crisis was found only as talk about the subject or about someone not close to
    the writer (Assessment.framed): a frame word (documentation, training, policy, a title...) or
    someone else named (a patient, a colleague), no category that is never framed, nobody close
    to the writer named, and no match holding for the writer outside quotation marks (a title, a
    role play's line). A risk with no subject and nobody else named ("envie d'en finir") is the
    writer's own: never framed. In doubt, not framed: the crisis stands.

    Until 2026-12-04 only a frame word opened the veto: clinical questions about a patient and a
    colleague's past attempt stayed crises whatever the classifier said."""
    if scan.found & _NEVER_FRAMED or scan.close or ctx.SELF_QUESTION.search(scan.norm):
        return False
    norm = scan.norm
    names_someone_else = ctx.PATIENTS.search(norm) or ctx.THIRD_SUBJECT.search(norm)
    if not names_someone_else and ctx.FRAME.search(norm) is None:
        return False
    if ctx.QUOTED.search(raw) is not None:
        scan = _scan(ctx.QUOTED.sub(" ", raw))  # the quoted words left out
    return not scan.strong and not scan.found & _NEVER_FRAMED


def _speaks_of_self(norm: str) -> bool:
    """The message speaks in the first person and names nobody else (no patient, no third
    person as a subject)."""
    return (
        ctx.FIRST_PERSON.search(norm) is not None
        and ctx.PATIENTS.search(norm) is None
        and ctx.THIRD_SUBJECT.search(norm) is None
    )


def _is_joke(norm: str, raw: str) -> bool:
    return bool(ctx.JOKE.search(norm) or ctx.JOKE_EMOJI.search(raw))
