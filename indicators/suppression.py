"""Small-cell suppression: a count under 5 (zero included) is never shown, in any output (page,
JSON, CSV, HTML). Secondary suppression: where a total is shown next to its parts, more parts are
hidden until the total minus the shown parts gives away nothing under 5 (`secondary`).

A ratio is shown only when its denominator is at least 5 and no count it is built from (the part,
the rest, the other components) is between 1 and 4, so a shown ratio never lets a reader work a
hidden small count back out. A zero may be worked out that way: it identifies nobody.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import TypeVar

K = TypeVar("K")

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


def secondary(cells: Mapping[K, int], hidden: Collection[K]) -> set[K]:
    """The cell to hide as well, given parts `cells` of a shown total and those already hidden:
    the smallest shown one when the hidden ones add up to 1-4, or when a single hidden one is not
    zero (the total would give it away). Call again until it returns nothing."""
    rest = sum(cells[key] for key in hidden)
    nonzero = [key for key in hidden if cells[key] > 0]
    candidates = [key for key in cells if key not in hidden]
    if rest > 0 and (rest < THRESHOLD or len(nonzero) == 1) and candidates:
        return {min(candidates, key=lambda key: (cells[key], str(key)))}
    return set()
