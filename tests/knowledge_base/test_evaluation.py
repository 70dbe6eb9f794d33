"""Retrieval quality of the shipped method on the evaluation queries (asserted, not benchmarked).

Uses data/kb/queries.yml, or the small development set while it does not exist.
"""

from __future__ import annotations

import pytest

from knowledge_base.build import default_queries_file
from knowledge_base.calibration import Metrics, load_queries, run_queries
from knowledge_base.search import KnowledgeBase
from tests.knowledge_base.conftest import DATA

pytestmark = pytest.mark.slow


def test_recall_at_3_of_the_shipped_method(real_kb: KnowledgeBase):
    queries = load_queries(default_queries_file())
    metrics = Metrics.of(run_queries(real_kb, queries))
    print(f"\n{default_queries_file().name}: {metrics}")
    assert metrics.count >= 30
    assert metrics.recall_at_3 >= 0.90
    assert metrics.recall_at_1 >= 0.70


def test_off_topic_questions_are_mostly_not_confident(real_kb: KnowledgeBase):
    in_scope = [real_kb.search(q.text, q.audience) for q in load_queries(default_queries_file())]
    off_topic = [real_kb.search(q.text, q.audience) for q in load_queries(DATA / "offtopic.yml")]
    confident = sum(result.confident for result in in_scope) / len(in_scope)
    rejected = sum(not result.confident for result in off_topic) / len(off_topic)
    print(f"\nin-scope confident {confident:.0%}, off-topic rejected {rejected:.0%}")
    assert len(off_topic) >= 40
    assert rejected >= 0.80
    assert confident >= 0.75
