"""Counts add up (several gateways may flush into one database); questions group and purge."""

from __future__ import annotations

from datetime import date

from indicators.store import CountKey, IndicatorStore, NewQuestion


def _key(indicator: str, week: str = "2026-W49", establishment: str = "cisss-laval") -> CountKey:
    return CountKey(week, establishment, "web", "pae", "-", indicator)


def test_counts_are_added_never_overwritten(store: IndicatorStore) -> None:
    store.add_counts({_key("answered"): 3, _key("unsure"): 1})
    store.add_counts({_key("answered"): 4, _key("answered", establishment="cisss-outaouais"): 2})
    rows = {(r.establishment_id, r.indicator): r.value for r in store.counts(["2026-W49"])}
    assert rows == {
        ("cisss-laval", "answered"): 7,
        ("cisss-laval", "unsure"): 1,
        ("cisss-outaouais", "answered"): 2,
    }
    only = store.counts(["2026-W49"], ["cisss-outaouais"])
    assert [(r.indicator, r.value) for r in only] == [("answered", 2)]
    assert store.counts(["2026-W48"]) == []


def test_questions_are_grouped_by_nearest_article_and_purged(store: IndicatorStore) -> None:
    def question(article: str, text: str, purge_after: date) -> NewQuestion:
        return NewQuestion("2026-W49", "cisss-laval", article, "unsure", text, purge_after)

    store.add_questions(
        [question("pae-c-est-quoi", f"question {i}", date(2027, 3, 1)) for i in (1, 2, 2)]
        + [question("-", "hors sujet", date(2027, 1, 1))]
    )
    clusters = store.clusters(["cisss-laval"], ["2026-W49"], examples=5)
    assert [(c.article_id, c.count, c.examples) for c in clusters] == [
        ("pae-c-est-quoi", 3, ["question 2", "question 1"]),  # distinct, the most asked first
        ("-", 1, ["hors sujet"]),
    ]
    assert store.clusters(["cisss-outaouais"], ["2026-W49"]) == []
    assert store.purge_questions(date(2027, 1, 1)) == 1
    assert store.question_count() == 3
