"""Opening hours in Quebec time: weekly ranges, Quebec statutory holidays, one-off dates.

Rules (the YAML format is described at the top of directory/resources.yml):
- Every time is wall-clock time in America/Montreal. An instant is first converted to that
  zone, so "08:30" means 08:30 local on both sides of the March and November clock changes.
- A range belongs to the day it starts. A "to" at or before its "from" runs past midnight:
  a Friday range 20:00–02:00 ends Saturday at 02:00. "24:00" may end a range.
- A holiday or a dated exception replaces the ranges that *start* that day; a range started
  the evening before still runs past midnight.
- Easter: the Act respecting labour standards (LNT, s. 60) names "le Vendredi saint ou le lundi
  de Pâques, au choix de l'employeur". Our `statutory` set takes Vendredi saint (the day the Act
  names first); a resource whose provider closes on Easter Monday lists `lundi-de-paques` too.
- Fête nationale on a Sunday: 25 June is a holiday as well; 1 July on a Sunday: 2 July as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

TIMEZONE = ZoneInfo("America/Montreal")
DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_LABELS: tuple[str, ...] = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")
HOLIDAYS: tuple[str, ...] = (
    "jour-de-l-an", "vendredi-saint", "lundi-de-paques", "journee-nationale-des-patriotes",
    "fete-nationale", "fete-du-canada", "fete-du-travail", "action-de-graces", "noel",
)  # fmt: skip
STATUTORY = "statutory"
STATUTORY_HOLIDAYS = frozenset(HOLIDAYS) - {"lundi-de-paques"}
ALWAYS_TEXT = "24 h sur 24, 7 jours sur 7"
UNKNOWN_TEXT = "heures à vérifier"
_CLOCK = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
_SEARCH_DAYS = 400  # how far next_opening looks ahead

Problems = list[tuple[str, str]]  # (field, message)


@dataclass(frozen=True)
class TimeRange:
    start: int  # minutes after local midnight, 0..1439
    end: int  # 1..1440; at or before `start`: the range ends the next day

    def span(self, day: date) -> tuple[datetime, datetime]:
        """Naive local start and end of this range when it starts on `day`."""
        midnight = datetime.combine(day, time())
        end_day = midnight + timedelta(days=1 if self.end <= self.start else 0)
        return midnight + timedelta(minutes=self.start), end_day + timedelta(minutes=self.end)

    def describe(self) -> str:
        return f"{_clock_text(self.start)} à {_clock_text(self.end)}"


@dataclass(frozen=True)
class WeeklyHours:
    """Weekly schedule: `always` (24/7), `unknown` (not verified) or ranges per weekday."""

    always: bool = False
    unknown: bool = False
    days: tuple[tuple[TimeRange, ...], ...] = ((),) * 7  # index 0 is Monday


@dataclass(frozen=True)
class HoursExceptions:
    """Holidays (ids from HOLIDAYS) on which `holiday_hours` apply instead of the weekly ranges
    (none: closed), and one-off dates with their own ranges (none: closed)."""

    holidays: frozenset[str] = frozenset()
    holiday_hours: tuple[TimeRange, ...] = ()
    dates: tuple[tuple[date, tuple[TimeRange, ...]], ...] = ()


def quebec_holidays(year: int) -> dict[date, str]:
    """Quebec statutory holidays of `year` (both Easter days), date -> holiday id."""
    return dict(_holidays(year))


@lru_cache(maxsize=64)
def _holidays(year: int) -> tuple[tuple[date, str], ...]:
    easter = easter_sunday(year)
    may_24 = date(year, 5, 24)
    days = {
        date(year, 1, 1): "jour-de-l-an",
        easter - timedelta(days=2): "vendredi-saint",
        easter + timedelta(days=1): "lundi-de-paques",
        may_24 - timedelta(days=may_24.weekday()): "journee-nationale-des-patriotes",
        date(year, 6, 24): "fete-nationale",
        date(year, 7, 1): "fete-du-canada",
        _nth_monday(year, 9, 1): "fete-du-travail",
        _nth_monday(year, 10, 2): "action-de-graces",
        date(year, 12, 25): "noel",
    }
    for day in (date(year, 6, 24), date(year, 7, 1)):
        if day.weekday() == 6:  # on a Sunday, the Monday is a holiday as well
            days[day + timedelta(days=1)] = days[day]
    return tuple(sorted(days.items()))


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_monday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7 + 7 * (n - 1))


def local_wall_time(now: datetime) -> datetime:
    """`now` as a naive America/Montreal wall-clock time; a naive `now` raises ValueError."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware (e.g. datetime.now(TIMEZONE))")
    return now.astimezone(TIMEZONE).replace(tzinfo=None)


def ranges_on(hours: WeeklyHours, exceptions: HoursExceptions, day: date) -> tuple[TimeRange, ...]:
    """The ranges that start on `day`: a dated exception, else holiday hours, else weekly."""
    if day in (special := dict(exceptions.dates)):
        return special[day]
    if quebec_holidays(day.year).get(day) in exceptions.holidays:
        return exceptions.holiday_hours
    return hours.days[day.weekday()]


def is_open(hours: WeeklyHours, exceptions: HoursExceptions, now: datetime) -> bool:
    """Open at `now`? Unknown hours are never reported open."""
    wall = local_wall_time(now)
    if hours.always or hours.unknown:
        return hours.always
    for day in (wall.date() - timedelta(days=1), wall.date()):
        for time_range in ranges_on(hours, exceptions, day):
            start, end = time_range.span(day)
            if start <= wall < end:
                return True
    return False


def next_opening(hours: WeeklyHours, exceptions: HoursExceptions, now: datetime) -> datetime | None:
    """The next opening after `now` (aware, America/Montreal); None when open or unknown."""
    if hours.always or hours.unknown or is_open(hours, exceptions, now):
        return None
    wall = local_wall_time(now)
    for offset in range(_SEARCH_DAYS):
        day = wall.date() + timedelta(days=offset)
        starts = sorted(r.span(day)[0] for r in ranges_on(hours, exceptions, day))
        for start in starts:
            if start > wall:
                # Round-trip through UTC: a start inside the spring gap moves to the real hour.
                return start.replace(tzinfo=TIMEZONE).astimezone(timezone.utc).astimezone(TIMEZONE)
    return None


def describe(hours: WeeklyHours, exceptions: HoursExceptions) -> str:
    """French summary: "lun.–ven. 8 h 30 à 16 h 30 (fermé les jours fériés)"."""
    if hours.always:
        return ALWAYS_TEXT
    if hours.unknown:
        return UNKNOWN_TEXT
    groups: list[tuple[int, int, tuple[TimeRange, ...]]] = []
    for index, ranges in enumerate(hours.days):
        if groups and groups[-1][2] == ranges and groups[-1][1] == index - 1:
            groups[-1] = (groups[-1][0], index, ranges)
        else:
            groups.append((index, index, ranges))
    parts = []
    for first, last, ranges in groups:
        if not ranges:
            continue
        label = DAY_LABELS[first] if first == last else f"{DAY_LABELS[first]}–{DAY_LABELS[last]}"
        label = "tous les jours" if (first, last) == (0, 6) else label
        parts.append(f"{label} {' et '.join(r.describe() for r in ranges)}")
    text = "; ".join(parts)
    if exceptions.holidays:
        holiday = " et ".join(r.describe() for r in exceptions.holiday_hours)
        text += " (" + (f"jours fériés : {holiday}" if holiday else "fermé les jours fériés") + ")"
    return text


def _clock_text(minutes: int) -> str:
    if minutes in (0, 1440):
        return "minuit"
    hour, minute = divmod(minutes, 60)
    return f"{hour} h {minute:02d}" if minute else f"{hour} h"


# --- parsing the YAML mappings; problems are (field, message) pairs --------------------------


def parse_hours(raw: Any, problems: Problems) -> WeeklyHours:
    """`{always: true}`, `{unknown: true}` or `{weekly: [{days: [mon, ...], from, to}, ...]}`."""
    modes = ("always", "unknown", "weekly")
    given = [k for k in modes if isinstance(raw, dict) and raw.get(k) not in (None, False)]
    if not isinstance(raw, dict) or len(given) != 1 or set(raw) - set(modes):
        problems.append(("hours", "expected one of always: true, unknown: true, weekly: [...]"))
        return WeeklyHours(unknown=True)
    if given[0] != "weekly":
        if raw[given[0]] is not True:
            problems.append((f"hours.{given[0]}", "expected true"))
        return WeeklyHours(always=given[0] == "always", unknown=given[0] == "unknown")
    days: list[list[TimeRange]] = [[] for _ in DAYS]
    items = _ranges(raw["weekly"], "hours.weekly", problems, extra_key="days")
    if not items:
        problems.append(("hours.weekly", "expected a non-empty list of {days, from, to}"))
    for field, item, time_range in items:
        names = item.get("days")
        if not isinstance(names, list) or not names or not set(names) <= set(DAYS):
            problems.append((f"{field}.days", f"expected a list of days among {', '.join(DAYS)}"))
        elif time_range is not None:
            for name in names:
                days[DAYS.index(name)].append(time_range)
    return WeeklyHours(days=tuple(tuple(sorted(d, key=lambda r: r.start)) for d in days))


def parse_exceptions(raw: Any, hours: WeeklyHours, problems: Problems) -> HoursExceptions:
    """`{holidays: [statutory, <holiday id>...], holiday_hours: [{from, to}] (none: closed),
    dates: {YYYY-MM-DD: [{from, to}] ([]: closed)}}`; `{}` when there is none."""
    if raw == {}:
        return HoursExceptions()
    keys = {"holidays", "holiday_hours", "dates"}
    if not isinstance(raw, dict) or set(raw) - keys or hours.always or hours.unknown:
        problems.append(("exceptions", "expected {} (always for 24/7 or unknown hours) or a "
                         "mapping of holidays, holiday_hours, dates"))  # fmt: skip
        return HoursExceptions()
    names, holidays = raw.get("holidays") or [], set[str]()
    for name in names if isinstance(names, list) else [names]:
        if name == STATUTORY or name in HOLIDAYS:
            holidays |= STATUTORY_HOLIDAYS if name == STATUTORY else {name}
        else:
            problems.append(("exceptions.holidays", f"{name!r}: expected {STATUTORY} or one of "
                             f"{', '.join(HOLIDAYS)}"))  # fmt: skip
    holiday_hours = _times(raw.get("holiday_hours"), "exceptions.holiday_hours", problems)
    if holiday_hours and not holidays:
        problems.append(("exceptions.holiday_hours", "given without exceptions.holidays"))
    dates = raw.get("dates") or {}
    if not isinstance(dates, dict):
        problems.append(("exceptions.dates", "expected a mapping YYYY-MM-DD: [{from, to}]"))
        dates = {}
    special: list[tuple[date, tuple[TimeRange, ...]]] = []
    for key, value in dates.items():
        try:
            day = key if isinstance(key, date) else date.fromisoformat(str(key))
        except ValueError:
            problems.append((f"exceptions.dates.{key}", "expected a date YYYY-MM-DD"))
            continue
        special.append((day, _times(value, f"exceptions.dates.{key}", problems)))
    return HoursExceptions(frozenset(holidays), holiday_hours, tuple(sorted(special)))


def _times(raw: Any, field: str, problems: Problems) -> tuple[TimeRange, ...]:
    found = [r for _, _, r in _ranges(raw, field, problems) if r is not None]
    return tuple(sorted(found, key=lambda r: r.start))


def _ranges(
    raw: Any, field: str, problems: Problems, extra_key: str = ""
) -> list[tuple[str, dict[str, Any], TimeRange | None]]:
    """Each well-formed item of a list of {from, to}, its field name and its range (None when
    its times are wrong; the problems are recorded)."""
    if not isinstance(raw, list | None):
        problems.append((field, "expected a list of {from, to}"))
        return []
    found = []
    for position, item in enumerate(raw or []):
        where = f"{field}[{position}]"
        if not isinstance(item, dict):
            problems.append((where, "expected a mapping {from, to}"))
            continue
        for key in set(item) - {"from", "to", extra_key}:
            problems.append((f"{where}.{key}", "unknown key"))
        start = _minutes(item.get("from"), f"{where}.from", problems)
        end = _minutes(item.get("to"), f"{where}.to", problems, allow_24=True)
        time_range = None if start is None or end is None else TimeRange(start, end)
        if time_range is not None and time_range.start == time_range.end % 1440:
            problems.append((where, "from and to are equal: use always: true for 24 h"))
            time_range = None
        found.append((where, item, time_range))
    return found


def _minutes(value: Any, field: str, problems: Problems, allow_24: bool = False) -> int | None:
    if allow_24 and value == "24:00":
        return 1440
    match = _CLOCK.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        # YAML 1.1 reads an unquoted 16:30 as the base-60 number 990.
        quote = ' (write times in quotes: "16:30")' if isinstance(value, int) else ""
        problems.append((field, f"expected HH:MM from 00:00 to 23:59, got {value!r}{quote}"))
        return None
    return int(match.group(1)) * 60 + int(match.group(2))
