"""Crisis patterns, as data.

`language.py` defines the pattern language (macros, compilation, `Rule`); the
rules themselves are grouped by risk in `suicide.py`, `violence.py` and
`means.py`. Nothing here has logic: `detector.py` reads `RULE_GROUPS`.
"""

from __future__ import annotations

import re

from .language import Rule, compile_pattern
from .means import MEANS_RULES
from .signs import SIGNS_RULES
from .suicide import SELF_HARM_RULES, SUICIDE_RULES
from .violence import DANGER_RULES, HARM_RULES

RULES: list[Rule] = [
    *SUICIDE_RULES,
    *SIGNS_RULES,
    *SELF_HARM_RULES,
    *HARM_RULES,
    *DANGER_RULES,
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
