"""What the BQVT page shows, as JSON-ready data with every count under 5 already suppressed
(None): the last 13 weeks for the lead's establishments, the articles with the most "non", and
the unanswered-question clusters (only clusters of 5 questions or more)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from api.indicators.articles import ArticleInfo
from indicators.catalog import NO_VALUE
from indicators.store import IndicatorStore
from indicators.summary import answer_rate, article_feedback, by, totals
from indicators.suppression import THRESHOLD, secondary, shown
from indicators.weeks import last_weeks

WEEKS = 13
TOP_ARTICLES = 10
# Per week: (key in the JSON, counter, French label)
HANDOFFS = (
    ("lines", "handoff_lines", "Lignes d'aide montrées"),
    ("callback", "callbacks_created", "Rappels demandés"),
    ("live_chat", "live_requested", "Clavardages demandés"),
)


def dashboard(
    store: IndicatorStore,
    establishments: list[str],
    unanswered_on: list[str],
    articles: dict[str, ArticleInfo],
    today: date,
) -> dict[str, Any]:
    weeks = last_weeks(today, WEEKS)
    rows = store.counts(weeks, establishments)
    weekly = by(rows, "week")
    empty: Counter[str] = Counter()

    total = totals(rows)

    def series(indicator: str) -> list[int | None]:
        """Weekly counts; when the 13-week total is shown, more weeks are hidden if the total
        minus the shown weeks would give a hidden week away (secondary suppression)."""
        raw = [weekly.get(week, empty)[indicator] for week in weeks]
        cells = dict(enumerate(raw))
        hidden = {i for i, value in cells.items() if shown(value) is None}
        if shown(total[indicator]) is not None:
            while extra := secondary(cells, hidden):
                hidden |= extra
        return [None if i in hidden else value for i, value in cells.items()]

    rates = [answer_rate(weekly.get(week, empty)) for week in weeks]
    topics = by((r for r in rows if r.topic != NO_VALUE), "topic")
    # Suppressed topics come last, alphabetically: their order would tell their small counts apart.
    topic_list = sorted(
        ({"topic": t, "conversations": shown(c["conversations_topic"])} for t, c in topics.items()),
        key=lambda t: (-int(t["conversations"] or 0), str(t["topic"])),
    )
    worst = [
        {
            "article_id": a.article_id,
            "title": articles[a.article_id].title if a.article_id in articles else a.article_id,
            "no": a.no,
            "yes": shown(a.yes),
        }
        for a in article_feedback(rows)
        if a.no >= THRESHOLD
    ][:TOP_ARTICLES]
    clusters = (
        [
            {
                "article_id": c.article_id,
                "title": articles[c.article_id].title if c.article_id in articles else None,
                "questions": c.count,
                "examples": c.examples,
            }
            for c in store.clusters(unanswered_on, weeks)
            if c.count >= THRESHOLD
        ]
        if unanswered_on
        else []
    )
    return {
        "weeks": weeks,
        "establishments": establishments,
        "suppression_threshold": THRESHOLD,
        "totals": {
            name: shown(total[name])
            for name in (
                "conversations",
                "answered",
                "unsure",
                "unanswered",
                "out_of_scope",
                "crisis_replies",
                "distress_replies",
                "feedback_yes",
                "feedback_no",
            )
        },  # fmt: skip
        "conversations": series("conversations"),
        "answer_rate": [None if r is None else round(100 * r, 1) for r in rates],
        "handoffs": {key: series(indicator) for key, indicator, _ in HANDOFFS},
        "crisis_replies": series("crisis_replies"),
        "topics": topic_list,
        "articles_most_no": worst,
        "unanswered_enabled": bool(unanswered_on),
        "unanswered_clusters": clusters,
    }
