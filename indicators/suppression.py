"""Small-cell suppression: a count under 5 is never shown, in any output (page, JSON, CSV, HTML).

Ratios and medians are suppressed too when any count they are computed from is under 5, so a
shown ratio never lets a reader work a hidden count back out.
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
    """part / whole, or None when part, whole, whole - part or one of `others` is under 5."""
    if not all_shown([part, whole, whole - part, *others]):
        return None
    return part / whole
