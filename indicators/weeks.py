"""ISO weeks ("2026-W49") and quarters ("2026-Q4"): the finest time the indicators keep.

A week belongs to the quarter of its Thursday (the ISO rule that also gives a week its year).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


def iso_week(day: date | datetime) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_monday(week: str) -> date:
    match = _WEEK.match(week)
    if match is None:
        raise ValueError(f"not an ISO week: {week!r}")
    return date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)


def last_weeks(today: date, count: int) -> list[str]:
    """The `count` weeks ending with the week of `today`, oldest first."""
    return [iso_week(today - timedelta(weeks=back)) for back in range(count - 1, -1, -1)]


def parse_quarter(quarter: str) -> tuple[int, int]:
    match = _QUARTER.match(quarter)
    if match is None:
        raise ValueError(f"not a quarter (expected e.g. 2026-Q4): {quarter!r}")
    return int(match.group(1)), int(match.group(2))


def quarter_weeks(quarter: str) -> list[str]:
    """The ISO weeks whose Thursday falls in the quarter, in order."""
    year, number = parse_quarter(quarter)
    first = date(year, 3 * number - 2, 1)
    end = date(year + (number == 4), 1 if number == 4 else 3 * number + 1, 1)
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    weeks = []
    while thursday < end:
        weeks.append(iso_week(thursday))
        thursday += timedelta(weeks=1)
    return weeks
