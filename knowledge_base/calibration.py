"""Evaluation queries, ranking metrics and the confidence-threshold calibration.

Query files (YAML):
    queries:
      - text: "c'est-tu gratuit le pae"
        expected: pae-gratuit-et-confidentiel   # article id; absent in the off-topic file
        audience: employee                      # optional: employee | manager
        kind: joual                             # optional label for per-kind figures
        context: pae-c-est-quoi                 # optional: a follow-up, asked after this article
        previous: "c'est quoi le PAE?"          # optional: a follow-up, asked after this question
                                                # (its own top answer becomes the context); a
                                                # `context` that is no article id is read so
        also: [pae-c-est-quoi]                  # optional: other articles that count as right too
        fact: "gratuit"                         # optional: 1-4 words the reply must contain
                                                # (case and accents ignored): "fact present"

Queries are searched as one turn of a conversation (`knowledge_base.conversation.ask`): the
audience is read from the words of the query too, and a follow-up is read in its context, like
the bot does. An id merged into another article (knowledge_base/articles/redirects.yml) counts as
the kept article. "Fact present" reads the text the bot would send (`conversation.reply`): the
answer when the search is confident or just under its threshold (said to be likely), else the "pas
certain" message, which has no fact.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from knowledge_base.search import KnowledgeBase

RANK_DEPTH = 10  # MRR counts the expected article down to this rank


@dataclass(frozen=True)
class Query:
    # Texts are kept out of repr: a failing test must never print a held-out question.
    text: str = field(repr=False)
    expected: str | None = None  # one article id, or several ids separated by "|" (any is right)
    audience: str | None = None
    kind: str = "plain"
    context: str | None = field(default=None, repr=False)
    previous: str | None = field(default=None, repr=False)
    also: tuple[str, ...] = ()  # other article ids that count as right
    fact: str | None = None  # words the reply must contain (case and accents ignored)

    def right_ids(self) -> list[str]:
        expected = [e.strip() for e in str(self.expected or "").split("|") if e.strip()]
        return expected + [a for a in self.also if a not in expected]


@dataclass(frozen=True)
class Outcome:
    query: Query
    rank: int | None  # 1-based rank of the expected article, None when absent or off-topic
    top_similarity: float
    topic_right: bool = False  # the top article's topic is the expected article's
    confident: bool = False
    likely: bool = False  # not confident but sent, said to be likely (SearchSettings.hedge_margin)
    fact_present: bool | None = None  # None: the query names no fact; else in the sent reply
    fact_in_top: bool | None = None  # in the top article's answer, sent or not (confidence aside)


@dataclass(frozen=True)
class Metrics:
    count: int
    recall_at_1: float
    recall_at_3: float
    mrr: float
    topic_at_1: float = 0.0  # the top article's topic is right
    answered_right: float = 0.0  # an answer is sent (confident or likely) from the expected article
    fact_count: int = 0  # queries that name a fact
    fact_present: float = 0.0  # share of those whose sent reply contains it
    fact_in_top: float = 0.0  # share of those whose top article's answer contains it

    @classmethod
    def of(cls, outcomes: Sequence[Outcome]) -> Metrics:
        count = len(outcomes)
        if count == 0:
            return cls(0, 0.0, 0.0, 0.0)
        ranks = [outcome.rank for outcome in outcomes]
        facts = [o for o in outcomes if o.fact_present is not None]
        return cls(
            fact_count=len(facts),
            fact_present=sum(bool(o.fact_present) for o in facts) / max(len(facts), 1),
            fact_in_top=sum(bool(o.fact_in_top) for o in facts) / max(len(facts), 1),
            count=count,
            recall_at_1=sum(rank == 1 for rank in ranks) / count,
            recall_at_3=sum(rank is not None and rank <= 3 for rank in ranks) / count,
            mrr=sum(1 / rank for rank in ranks if rank) / count,
            topic_at_1=sum(outcome.topic_right for outcome in outcomes) / count,
            answered_right=sum((o.confident or o.likely) and o.rank == 1 for o in outcomes) / count,
        )


@dataclass(frozen=True)
class Calibration:
    threshold: float
    in_scope_confident: float  # share of in-scope queries above the threshold
    off_topic_rejected: float  # share of off-topic queries below it
    correct_when_confident: float  # share of confident in-scope answers whose top-3 is right
    in_scope_count: int
    off_topic_count: int

    def as_dict(self) -> dict[str, float | int]:
        return {
            key: round(value, 4) if isinstance(value, float) else value
            for key, value in self.__dict__.items()
        }


def load_queries(path: Path | str) -> list[Query]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    entries = data.get("queries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ValueError(f"{path}: expected a top-level 'queries' list")
    queries = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not str(entry.get("text", "")).strip():
            raise ValueError(f"{path}: query {number}: needs a 'text'")
        expected = entry.get("expected")
        if isinstance(expected, list):
            expected = "|".join(str(item) for item in expected)
        also = entry.get("also") or []
        if isinstance(also, str):
            also = [also]
        fact = entry.get("fact")
        if not isinstance(also, list) or (fact is not None and not str(fact).strip()):
            raise ValueError(f"{path}: query {number}: 'also' is a list of ids, 'fact' a text")
        queries.append(
            Query(
                text=str(entry["text"]),
                expected=expected,
                audience=entry.get("audience"),
                kind=str(entry.get("kind") or "plain"),
                context=entry.get("context"),
                previous=entry.get("previous"),
                also=tuple(str(item) for item in also),
                fact=str(fact).strip() if fact is not None else None,
            )
        )
    return queries


def run_queries(kb: KnowledgeBase, queries: Sequence[Query]) -> list[Outcome]:
    """Search every query (with its audience) and record the expected article's rank."""
    # conversation imports search, which is heavy
    from knowledge_base.answers import contains_fact
    from knowledge_base.conversation import ask, reply

    outcomes = []
    for query in queries:
        context, previous = query.context, query.previous
        if context and kb.article(context) is None and not previous:
            context, previous = None, context  # a `context` that is no article id: the question
        if previous:
            first = ask(kb, previous, audience=query.audience, k=1).result
            context = first.hits[0].article.id if first.hits else None
        turn = ask(kb, query.text, audience=query.audience, context_id=context, k=RANK_DEPTH)
        result = turn.result
        ids = [hit.article.id for hit in result.hits]
        right = [article for e in query.right_ids() if (article := kb.article(e)) is not None]
        ranks = [ids.index(article.id) + 1 for article in right if article.id in ids]
        topics = {article.topic for article in right}
        top_topic = result.hits[0].article.topic if result.hits else None
        fact_present = fact_in_top = None
        if query.fact:
            top = reply(turn, confident_only=False)
            sent = reply(turn)
            fact_in_top = top is not None and contains_fact(top.text, query.fact)
            fact_present = sent is not None and contains_fact(sent.text, query.fact)
        outcomes.append(
            Outcome(
                query,
                min(ranks) if ranks else None,
                result.top_similarity,
                topic_right=top_topic in topics,
                confident=result.confident,
                likely=result.likely,
                fact_present=fact_present,
                fact_in_top=fact_in_top,
            )
        )
    return outcomes


def calibrate(in_scope: Sequence[Outcome], off_topic: Sequence[Outcome]) -> Calibration:
    """The threshold on the top similarity that best separates in-scope from off-topic queries.

    It maximises Youden's J = (in-scope confident share) + (off-topic rejected share) - 1,
    and sits halfway between the two scores around the cut, so it is not glued to one query.
    """
    positives = sorted(outcome.top_similarity for outcome in in_scope)
    negatives = sorted(outcome.top_similarity for outcome in off_topic)
    if not positives or not negatives:
        raise ValueError("calibration needs in-scope and off-topic queries")
    scores = sorted(set(positives) | set(negatives))
    best_j, best_index = -2.0, 0
    for index, cut in enumerate(scores):
        j = sum(s >= cut for s in positives) / len(positives)
        j += sum(s < cut for s in negatives) / len(negatives)
        if j > best_j:
            best_j, best_index = j, index
    cut = scores[best_index]
    below = scores[best_index - 1] if best_index > 0 else cut
    return describe_threshold((cut + below) / 2, in_scope, off_topic)


def describe_threshold(
    threshold: float, in_scope: Sequence[Outcome], off_topic: Sequence[Outcome]
) -> Calibration:
    confident = [outcome for outcome in in_scope if outcome.top_similarity >= threshold]
    correct = [outcome for outcome in confident if outcome.rank is not None and outcome.rank <= 3]
    return Calibration(
        threshold=threshold,
        in_scope_confident=len(confident) / max(len(in_scope), 1),
        off_topic_rejected=sum(o.top_similarity < threshold for o in off_topic)
        / max(len(off_topic), 1),
        correct_when_confident=len(correct) / max(len(confident), 1),
        in_scope_count=len(in_scope),
        off_topic_count=len(off_topic),
    )
