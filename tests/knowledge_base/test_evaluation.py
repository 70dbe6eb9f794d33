"""Retrieval quality of the shipped method, asserted on the TEST set only.

tests/data/kb_test.yml was written by helpers who read only the seeds and the article titles,
never the search code nor the development queries; nothing was tuned on it. The search
settings and the confidence threshold were tuned and calibrated on the development set
(data/kb/queries.yml, data/kb/offtopic.yml), which `make eval` reports but no test asserts on.

Floors sit just under the figures measured once on the test set (see FLOORS): they catch a
regression, they are not targets.
"""

from __future__ import annotations

import pytest

from knowledge_base.calibration import Metrics, load_queries, run_queries
from knowledge_base.evaluate import TEST_SET
from knowledge_base.search import KnowledgeBase

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not TEST_SET.exists(), reason=f"no test set at {TEST_SET}"),
]

# Measured on the test set (never tuned on), 2026-12-03, 112 articles, 361 questions: R@1 0.729,
# R@3 0.878, topic@1 0.889; follow-ups (51, each asked after the question in its `context`)
# topic@1 0.902. (A first reading took `context` for an article id, which it is not in this file,
# so follow-ups were searched without their context: topic@1 0.765; the loader now reads such a
# `context` as the previous question. No setting was changed after seeing the test set.)
# Each floor is a little under the measurement. R@1 and R@3 stay below the targets
# (0.80, 0.93): these floors catch a regression, they do not say the targets are met.
FLOORS = {
    "recall_at_1": 0.71,
    "recall_at_3": 0.86,
    "topic_at_1": 0.87,
}
FOLLOW_UP_TOPIC_FLOOR = 0.88
MIN_QUERIES = 300


def test_the_test_set_is_large_enough_to_mean_something():
    assert len(load_queries(TEST_SET)) >= MIN_QUERIES


def test_retrieval_on_the_test_set(real_kb: KnowledgeBase):
    outcomes = run_queries(real_kb, load_queries(TEST_SET))
    metrics = Metrics.of(outcomes)
    print(f"\n{TEST_SET.name}: {metrics}")
    for name, floor in FLOORS.items():
        assert getattr(metrics, name) >= floor, name


def test_follow_ups_on_the_test_set(real_kb: KnowledgeBase):
    outcomes = [
        o
        for o in run_queries(real_kb, load_queries(TEST_SET))
        if o.query.context or o.query.previous
    ]
    if not outcomes:
        pytest.skip("the test set has no follow-up")
    assert Metrics.of(outcomes).topic_at_1 >= FOLLOW_UP_TOPIC_FLOOR
