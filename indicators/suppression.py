"""Small-cell suppression: a count under 5 (zero included) is never shown, in any output (page,
JSON, CSV, HTML).

A ratio is shown only when its denominator is at least 5 and no count it is built from (the part,
the rest, the other components) is between 1 and 4, so a shown ratio never lets a reader work a
hidden small count back out. A zero may be worked out that way: it identifies nobody.
"""

from __future__ import annotations

from collections.abc import Iterable

THRESHOLD = 5
SUPPRESSED_LABEL = "<5"


def shown(value: int) -> int | None:
    """The count, or None when it must be suppressed."""
    return value if value >= THRESHOLD else None


def all_shown(values: Iterable[int]) -> bool:
    return all(value >= THRESHOLD for value in values)


def ratio(part: int, whole: int, others: Iterable[int] = ()) -> float | None:
    """part / whole, or None when it would reveal a count between 1 and 4."""
    if whole < THRESHOLD or any(0 < value < THRESHOLD for value in (part, whole - part, *others)):
        return None
    return part / whole
