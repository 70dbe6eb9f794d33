"""Opening hours: overnight ranges, clock changes, Quebec holidays, exceptions, French text."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from directory.opening_hours import (
    TIMEZONE,
    describe,
    easter_sunday,
    is_open,
    next_opening,
    parse_exceptions,
    parse_hours,
    quebec_holidays,
)

ALL_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]


def schedule(weekly, exceptions=None):
    """Hours and exceptions parsed exactly as the YAML loader does; fails on any problem."""
    problems: list[tuple[str, str]] = []
    hours = parse_hours({"weekly": weekly}, problems)
    parsed = parse_exceptions(exceptions or {}, hours, problems)
    assert problems == []
    return hours, parsed


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=TIMEZONE)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def test_overnight_range_runs_past_midnight():
    hours, exceptions = schedule([{"days": ["fri"], "from": "20:00", "to": "02:00"}])
    assert local(2027, 1, 8).weekday() == 4  # a Friday
    assert not is_open(hours, exceptions, local(2027, 1, 8, 19, 59))
    assert is_open(hours, exceptions, local(2027, 1, 8, 23, 0))
    assert is_open(hours, exceptions, local(2027, 1, 9, 1, 30))
    assert not is_open(hours, exceptions, local(2027, 1, 9, 2, 30))
    assert not is_open(hours, exceptions, local(2027, 1, 10, 1, 30))  # nothing started Saturday
    assert next_opening(hours, exceptions, local(2027, 1, 9, 2, 30)) == local(2027, 1, 15, 20, 0)


@pytest.mark.parametrize(
    ("instant", "expected"),
    [
        # March 2026: clocks go forward on Sunday the 8th (UTC-5 -> UTC-4).
        (utc(2026, 3, 7, 13, 30), True),  # Saturday 08:30 EST
        (utc(2026, 3, 8, 12, 30), True),  # Sunday 08:30 EDT
        (utc(2026, 3, 9, 12, 30), True),  # Monday 08:30 EDT
        (utc(2026, 3, 9, 11, 30), False),  # Monday 07:30 EDT
        (utc(2026, 3, 9, 20, 30), False),  # Monday 16:30 EDT
        # November 2026: clocks go back on Sunday the 1st (UTC-4 -> UTC-5).
        (utc(2026, 10, 31, 12, 30), True),  # Saturday 08:30 EDT
        (utc(2026, 11, 1, 13, 30), True),  # Sunday 08:30 EST
        (utc(2026, 11, 2, 13, 30), True),  # Monday 08:30 EST
        (utc(2026, 11, 2, 12, 30), False),  # Monday 07:30 EST, would be 08:30 under EDT
    ],
)
def test_local_hours_hold_across_clock_changes(instant, expected):
    hours, exceptions = schedule([{"days": ALL_DAYS, "from": "08:00", "to": "16:00"}])
    assert is_open(hours, exceptions, instant) is expected


def test_next_opening_is_aware_and_in_the_right_offset_after_a_clock_change():
    hours, exceptions = schedule([{"days": ALL_DAYS, "from": "08:00", "to": "16:00"}])
    opening = next_opening(hours, exceptions, utc(2026, 3, 8, 2, 0))  # Saturday 21:00 EST
    assert opening == local(2026, 3, 8, 8, 0)
    assert opening.utcoffset() == timedelta(hours=-4)
    assert opening.astimezone(timezone.utc) == utc(2026, 3, 8, 12, 0)


def test_an_opening_inside_the_spring_gap_moves_to_the_real_hour():
    hours, exceptions = schedule([{"days": ["sun"], "from": "02:30", "to": "05:00"}])
    opening = next_opening(hours, exceptions, local(2026, 3, 8, 1, 0))
    assert opening is not None
    assert opening.astimezone(timezone.utc) == utc(2026, 3, 8, 7, 30)  # 03:30 EDT


def test_quebec_holidays_2026_and_2027():
    assert quebec_holidays(2026) == {
        date(2026, 1, 1): "jour-de-l-an",
        date(2026, 4, 3): "vendredi-saint",
        date(2026, 4, 6): "lundi-de-paques",
        date(2026, 5, 18): "journee-nationale-des-patriotes",  # 25 May 2026 is a Monday
        date(2026, 6, 24): "fete-nationale",
        date(2026, 7, 1): "fete-du-canada",
        date(2026, 9, 7): "fete-du-travail",
        date(2026, 10, 12): "action-de-graces",
        date(2026, 12, 25): "noel",
    }
    holidays_2027 = quebec_holidays(2027)
    assert holidays_2027[date(2027, 5, 24)] == "journee-nationale-des-patriotes"
    assert holidays_2027[date(2027, 3, 26)] == "vendredi-saint"
    assert holidays_2027[date(2027, 3, 29)] == "lundi-de-paques"
    assert holidays_2027[date(2027, 10, 11)] == "action-de-graces"


def test_easter_dates():
    assert [easter_sunday(year) for year in (2024, 2025, 2026, 2027, 2038)] == [
        date(2024, 3, 31),
        date(2025, 4, 20),
        date(2026, 4, 5),
        date(2027, 3, 28),
        date(2038, 4, 25),
    ]


def test_sunday_fete_nationale_and_canada_day_give_the_monday_too():
    holidays = quebec_holidays(2029)  # 24 June and 1 July 2029 are Sundays
    assert holidays[date(2029, 6, 25)] == "fete-nationale"
    assert holidays[date(2029, 7, 2)] == "fete-du-canada"


def test_closed_on_fete_nationale_2027_and_open_the_next_morning():
    hours, exceptions = schedule(
        [{"days": WEEKDAYS, "from": "08:30", "to": "16:30"}], {"holidays": ["statutory"]}
    )
    assert is_open(hours, exceptions, local(2027, 6, 23, 10, 0))
    assert not is_open(hours, exceptions, local(2027, 6, 24, 10, 0))
    assert next_opening(hours, exceptions, local(2027, 6, 24, 10, 0)) == local(2027, 6, 25, 8, 30)


def test_statutory_means_good_friday_and_easter_monday_is_opt_in():
    weekly = [{"days": WEEKDAYS, "from": "08:30", "to": "16:30"}]
    hours, statutory = schedule(weekly, {"holidays": ["statutory"]})
    _, both = schedule(weekly, {"holidays": ["statutory", "lundi-de-paques"]})
    good_friday, easter_monday = local(2027, 3, 26, 10, 0), local(2027, 3, 29, 10, 0)
    assert not is_open(hours, statutory, good_friday)
    assert is_open(hours, statutory, easter_monday)
    assert not is_open(hours, both, easter_monday)
    assert next_opening(hours, both, good_friday) == local(2027, 3, 30, 8, 30)


def test_holiday_hours_and_dated_exceptions_replace_the_week():
    hours, exceptions = schedule(
        [{"days": WEEKDAYS, "from": "08:30", "to": "16:30"}],
        {
            "holidays": ["noel"],
            "holiday_hours": [{"from": "10:00", "to": "14:00"}],
            "dates": {date(2026, 12, 24): [{"from": "08:30", "to": "12:00"}], "2026-12-31": []},
        },
    )
    assert not is_open(hours, exceptions, local(2026, 12, 25, 9, 0))
    assert is_open(hours, exceptions, local(2026, 12, 25, 11, 0))
    assert is_open(hours, exceptions, local(2026, 12, 24, 11, 0))
    assert not is_open(hours, exceptions, local(2026, 12, 24, 13, 0))
    assert not is_open(hours, exceptions, local(2026, 12, 31, 10, 0))
    assert is_open(hours, exceptions, local(2026, 12, 30, 10, 0))


def test_a_range_started_before_a_holiday_still_runs_past_midnight():
    hours, exceptions = schedule(
        [{"days": ["wed", "thu"], "from": "22:00", "to": "02:00"}], {"holidays": ["statutory"]}
    )
    # Wednesday 23 June 2027, then Fête nationale on Thursday 24 June 2027.
    assert is_open(hours, exceptions, local(2027, 6, 24, 1, 0))
    assert not is_open(hours, exceptions, local(2027, 6, 24, 23, 0))
    assert not is_open(hours, exceptions, local(2027, 6, 25, 1, 0))


def test_always_and_unknown_hours():
    problems: list[tuple[str, str]] = []
    always = parse_hours({"always": True}, problems)
    unknown = parse_hours({"unknown": True}, problems)
    none = parse_exceptions({}, always, problems)
    assert problems == []
    assert is_open(always, none, local(2026, 12, 25, 3, 0))
    assert next_opening(always, none, local(2026, 12, 25, 3, 0)) is None
    assert not is_open(unknown, none, local(2026, 12, 21, 10, 0))
    assert next_opening(unknown, none, local(2026, 12, 21, 10, 0)) is None
    assert describe(always, none) == "24 h sur 24, 7 jours sur 7"
    assert describe(unknown, none) == "heures à vérifier"


def test_french_description():
    assert describe(*schedule([{"days": WEEKDAYS, "from": "08:30", "to": "16:30"}])) == (
        "lun.–ven. 8 h 30 à 16 h 30"
    )
    text = describe(
        *schedule(
            [
                {"days": WEEKDAYS, "from": "08:00", "to": "16:00"},
                {"days": ["fri"], "from": "20:00", "to": "02:00"},
                {"days": ["sun"], "from": "18:00", "to": "24:00"},
            ],
            {"holidays": ["statutory"]},
        )
    )
    assert text == (
        "lun.–jeu. 8 h à 16 h; ven. 8 h à 16 h et 20 h à 2 h; dim. 18 h à minuit"
        " (fermé les jours fériés)"
    )


def test_a_naive_datetime_is_refused():
    hours, exceptions = schedule([{"days": WEEKDAYS, "from": "08:30", "to": "16:30"}])
    with pytest.raises(ValueError, match="timezone-aware"):
        is_open(hours, exceptions, datetime(2026, 12, 21, 10, 0))
    with pytest.raises(ValueError, match="timezone-aware"):
        next_opening(hours, exceptions, datetime(2026, 12, 21, 10, 0))


@pytest.mark.parametrize(
    ("raw", "field", "message"),
    [
        (
            {"weekly": [{"days": ["fri"], "from": "08:30", "to": 990}]},
            "hours.weekly[0].to",
            "quotes",
        ),
        (
            {"weekly": [{"days": ["fri"], "from": "8h30", "to": "16:30"}]},
            "hours.weekly[0].from",
            "HH:MM",
        ),
        (
            {"weekly": [{"days": ["fri"], "from": "25:00", "to": "16:30"}]},
            "hours.weekly[0].from",
            "HH:MM",
        ),
        (
            {"weekly": [{"days": ["vendredi"], "from": "08:30", "to": "16:30"}]},
            "hours.weekly[0].days",
            "mon",
        ),
        (
            {"weekly": [{"days": ["fri"], "from": "08:00", "to": "08:00"}]},
            "hours.weekly[0]",
            "equal",
        ),
        ({"weekly": []}, "hours.weekly", "non-empty"),
        ({"always": True, "weekly": []}, "hours", "one of"),
        ({"always": "yes"}, "hours.always", "true"),
    ],
)
def test_malformed_hours_are_reported_with_their_field(raw, field, message):
    problems: list[tuple[str, str]] = []
    parse_hours(raw, problems)
    assert any(f == field and message in m for f, m in problems), problems


def test_malformed_exceptions_are_reported_with_their_field():
    problems: list[tuple[str, str]] = []
    hours = parse_hours({"weekly": [{"days": WEEKDAYS, "from": "08:30", "to": "16:30"}]}, problems)
    parse_exceptions(
        {"holidays": ["paques"], "dates": {"2026-13-01": [], "2026-12-24": [{"from": "9:00"}]}},
        hours,
        problems,
    )
    fields = [field for field, _ in problems]
    assert fields == [
        "exceptions.holidays",
        "exceptions.dates.2026-13-01",
        "exceptions.dates.2026-12-24[0].from",
        "exceptions.dates.2026-12-24[0].to",
    ]
    always = parse_hours({"always": True}, problems)
    parse_exceptions({"holidays": ["statutory"]}, always, problems)
    assert problems[-1][0] == "exceptions"
