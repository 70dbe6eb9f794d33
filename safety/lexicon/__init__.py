"""Crisis patterns, as data.

`language.py` defines the pattern language (macros, compilation, `Rule`); the
rules themselves are grouped by theme: `suicide.py` (wishes, intents, plans),
`signs.py` and `farewells.py` (warning signs and euphemisms), `third_person.py`,
`multilingual.py`, `self_harm.py`, `violence.py` (harm and immediate danger),
`threats.py`, `means.py` and `emergency.py` (fire, smoke, gas). Nothing here has logic: `detector.py` reads `RULE_GROUPS`.
"""

from __future__ import annotations

import re

from .emergency import EMERGENCY_RULES
from .farewells import FAREWELL_RULES
from .language import Rule, compile_pattern
from .means import MEANS_RULES
from .multilingual import MULTILINGUAL_RULES
from .self_harm import SELF_HARM_RULES
from .signs import SIGNS_RULES
from .suicide import SUICIDE_RULES
from .third_person import THIRD_PERSON_RULES
from .threats import THREAT_RULES
from .violence import DANGER_RULES, HARM_RULES

RULES: list[Rule] = [
    *SUICIDE_RULES,
    *SIGNS_RULES,
    *FAREWELL_RULES,
    *THIRD_PERSON_RULES,
    *MULTILINGUAL_RULES,
    *SELF_HARM_RULES,
    *HARM_RULES,
    *THREAT_RULES,
    *DANGER_RULES,
    *EMERGENCY_RULES,
    *MEANS_RULES,
]


def _groups(rules: list[Rule], size: int = 8) -> list[tuple[re.Pattern[str], list[Rule]]]:
    """Chunks of rules behind one combined pattern: one failed search skips a chunk."""
    chunks = [rules[i : i + size] for i in range(0, len(rules), size)]
    # each pattern is " (?:...)": share the leading space
    return [
        (re.compile(" (?:" + "|".join(r.pattern.pattern[1:] for r in chunk) + ")"), chunk)
        for chunk in chunks
    ]


RULE_GROUPS = _groups(RULES)

__all__ = ["RULES", "RULE_GROUPS", "Rule", "compile_pattern"]
