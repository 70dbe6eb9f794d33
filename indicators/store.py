"""Reads and writes the indicator tables. Counts are added (upsert), never overwritten, so
several gateway processes can flush into the same database."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from indicators.models import QUESTION_MAX_CHARS, IndicatorCount, UnansweredQuestion

KEY_COLUMNS = ("week", "establishment_id", "channel", "topic", "article_id", "indicator")


@dataclass(frozen=True)
class CountKey:
    week: str
    establishment_id: str
    channel: str
    topic: str
    article_id: str
    indicator: str


@dataclass(frozen=True)
class NewQuestion:
    week: str
    establishment_id: str
    article_id: str
    outcome: str
    text: str  # already redacted
    purge_after: date


@dataclass(frozen=True)
class Cluster:
    """Unanswered questions grouped by their nearest article ("-": none was near): how many, and
    up to a few distinct texts."""

    article_id: str
    count: int
    examples: list[str]


class IndicatorStore:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def dispose(self) -> None:
        self._engine.dispose()

    def add_counts(self, counts: Mapping[CountKey, int]) -> None:
        rows = [{**key.__dict__, "value": value} for key, value in counts.items() if value]
        if not rows:
            return
        dialect = self._engine.dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = insert(IndicatorCount)
        statement = statement.on_conflict_do_update(
            index_elements=list(KEY_COLUMNS),
            set_={"value": IndicatorCount.value + statement.excluded.value},
        )
        with self._engine.begin() as connection:
            connection.execute(statement, rows)

    def counts(
        self, weeks: Iterable[str], establishments: Iterable[str] | None = None
    ) -> list[IndicatorCount]:
        """Every count of these weeks (and establishments; None: all of them)."""
        query = select(IndicatorCount).where(IndicatorCount.week.in_(list(weeks)))
        if establishments is not None:
            query = query.where(IndicatorCount.establishment_id.in_(list(establishments)))
        with Session(self._engine, expire_on_commit=False) as session:
            return list(session.scalars(query))

    def add_questions(self, questions: Iterable[NewQuestion]) -> None:
        rows = [
            UnansweredQuestion(**{**q.__dict__, "text": q.text[:QUESTION_MAX_CHARS]})
            for q in questions
        ]
        if not rows:
            return
        with Session(self._engine) as session, session.begin():
            session.add_all(rows)

    def clusters(
        self, establishments: Iterable[str], weeks: Iterable[str], examples: int = 5
    ) -> list[Cluster]:
        """Questions of these establishments and weeks, grouped by nearest article, biggest first."""
        where = (
            UnansweredQuestion.establishment_id.in_(list(establishments)),
            UnansweredQuestion.week.in_(list(weeks)),
        )
        with Session(self._engine) as session:
            sizes = session.execute(
                select(UnansweredQuestion.article_id, func.count())
                .where(*where)
                .group_by(UnansweredQuestion.article_id)
                .order_by(func.count().desc(), UnansweredQuestion.article_id)
            ).all()
            clusters = []
            for article_id, count in sizes:
                # Distinct texts, the most asked first (then the latest).
                texts = session.scalars(
                    select(UnansweredQuestion.text)
                    .where(*where, UnansweredQuestion.article_id == article_id)
                    .group_by(UnansweredQuestion.text)
                    .order_by(func.count().desc(), func.max(UnansweredQuestion.id).desc())
                    .limit(examples)
                ).all()
                clusters.append(Cluster(article_id, int(count), list(texts)))
        return clusters

    def question_count(self) -> int:
        with Session(self._engine) as session:
            return int(session.scalar(select(func.count()).select_from(UnansweredQuestion)) or 0)

    def purge_questions(self, today: date) -> int:
        """Delete the questions whose retention period has ended; returns how many."""
        with Session(self._engine) as session, session.begin():
            result = session.execute(
                delete(UnansweredQuestion).where(UnansweredQuestion.purge_after <= today)
            )
            return int(result.rowcount or 0)  # type: ignore[attr-defined]
