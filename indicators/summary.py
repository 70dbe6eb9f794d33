"""Sums of stored counts, and the derived figures (answer rate, median wait), before suppression.

Shared by the BQVT page (api/indicators/) and the quarterly report (indicators/report.py); both
pass the results through `indicators.suppression` before showing anything.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from indicators.catalog import NO_VALUE, WAIT_COUNTERS, median_wait_minutes
from indicators.models import IndicatorCount
from indicators.suppression import THRESHOLD, ratio

QUESTION_OUTCOMES = ("answered", "unsure", "unanswered", "out_of_scope")


def totals(rows: Iterable[IndicatorCount]) -> Counter[str]:
    """indicator → sum over every other dimension."""
    summed: Counter[str] = Counter()
    for row in rows:
        summed[row.indicator] += row.value
    return summed


def by(rows: Iterable[IndicatorCount], attribute: str) -> dict[str, Counter[str]]:
    """value of `attribute` (week, establishment_id, topic, article_id…) → indicator → sum."""
    grouped: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        grouped[getattr(row, attribute)][row.indicator] += row.value
    return grouped


def answer_rate(counts: Counter[str]) -> float | None:
    """Share of questions answered with confidence; None when suppressed (a count under 5)."""
    questions = sum(counts[name] for name in QUESTION_OUTCOMES)
    return ratio(counts["answered"], questions, [counts[name] for name in QUESTION_OUTCOMES])


def median_wait(counts: Counter[str]) -> float | None:
    """Median live-chat wait in minutes; None with fewer than 5 waits."""
    waits = sum(counts[name] for name in WAIT_COUNTERS)
    if waits < THRESHOLD:
        return None
    return median_wait_minutes({name: counts[name] for name in WAIT_COUNTERS})


@dataclass(frozen=True)
class ArticleFeedback:
    article_id: str
    yes: int
    no: int


def article_feedback(rows: Iterable[IndicatorCount]) -> list[ArticleFeedback]:
    """Per article, most "non" first (before suppression)."""
    grouped = by((r for r in rows if r.article_id != NO_VALUE), "article_id")
    found = [
        ArticleFeedback(article, counts["feedback_yes"], counts["feedback_no"])
        for article, counts in grouped.items()
    ]
    return sorted(found, key=lambda a: (-a.no, a.yes, a.article_id))
