"""ISO weeks and quarters, the suppression rule, and the median wait from buckets."""

from __future__ import annotations

from datetime import date

import pytest

from indicators.catalog import median_wait_minutes, wait_bucket
from indicators.suppression import ratio, secondary, shown
from indicators.weeks import iso_week, last_weeks, quarter_weeks


def test_weeks_and_quarters() -> None:
    assert iso_week(date(2026, 12, 3)) == "2026-W49"
    assert iso_week(date(2027, 1, 1)) == "2026-W53"
    q4 = quarter_weeks("2026-Q4")
    assert (q4[0], q4[-1], len(q4)) == ("2026-W40", "2026-W53", 14)
    assert quarter_weeks("2027-Q1")[0] == "2027-W01"
    assert last_weeks(date(2026, 12, 3), 13)[0] == "2026-W37"
    with pytest.raises(ValueError):
        quarter_weeks("2026-Q5")


@pytest.mark.parametrize(("value", "expected"), [(0, None), (1, None), (4, None), (5, 5), (40, 40)])
def test_every_count_under_5_is_suppressed(value: int, expected: int | None) -> None:
    assert shown(value) == expected


def test_a_ratio_is_suppressed_when_it_would_reveal_a_small_count() -> None:
    assert ratio(20, 40) == 0.5
    assert ratio(38, 40) is None  # 2 unanswered could be worked back out
    assert ratio(4, 40) is None
    assert ratio(20, 40, others=[3]) is None
    assert ratio(3, 4) is None  # a denominator under 5
    assert ratio(40, 40) == 1.0 and ratio(0, 40) == 0.0  # a zero identifies nobody


def test_median_wait_from_buckets() -> None:
    assert wait_bucket(59) == "live_wait_0_1min" and wait_bucket(7200) == "live_wait_60min_plus"
    assert median_wait_minutes({}) is None
    assert median_wait_minutes({"live_wait_0_1min": 1, "live_wait_2_5min": 2}) == pytest.approx(
        2.75
    )
    assert median_wait_minutes({"live_wait_60min_plus": 3}) == 60


def test_secondary_suppression_hides_what_a_shown_total_would_give_away() -> None:
    weeks = {"W1": 30, "W2": 9, "W3": 2, "W4": 0}
    assert secondary(weeks, {"W3", "W4"}) == {"W2"}  # else 41 - 30 - 9 = 2
    assert secondary(weeks, {"W2", "W3", "W4"}) == set()  # 11 hidden in two weeks: nothing precise
    assert secondary({"a": 30, "b": 0}, {"b"}) == set()  # a hidden zero identifies nobody
    assert secondary({"a": 30, "b": 2, "c": 1, "d": 8}, {"b", "c"}) == {"d"}  # 3 hidden in all
