"""The indicator tables. Counts only, keyed by ISO week: no text, no conversation id, no time
finer than the week. The one table holding text, `unanswered_questions`, keeps redacted questions
of establishments that asked for them, without any conversation id, until `purge_after`."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Index, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

QUESTION_MAX_CHARS = 2000
UNANSWERED_OUTCOMES = ("unsure", "out_of_scope")


class IndicatorBase(DeclarativeBase):
    pass


class IndicatorCount(IndicatorBase):
    __tablename__ = "indicator_counts"

    week: Mapped[str] = mapped_column(String(8), primary_key=True)  # "2026-W49"
    establishment_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    topic: Mapped[str] = mapped_column(String(64), primary_key=True)
    article_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    indicator: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class UnansweredQuestion(IndicatorBase):
    __tablename__ = "unanswered_questions"
    __table_args__ = (
        Index("ix_unanswered_questions_establishment_week", "establishment_id", "week"),
        Index("ix_unanswered_questions_purge_after", "purge_after"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    week: Mapped[str] = mapped_column(String(8))
    establishment_id: Mapped[str] = mapped_column(String(64))
    article_id: Mapped[str] = mapped_column(String(120))  # the nearest article, or "-"
    outcome: Mapped[str] = mapped_column(String(16))  # "unsure" or "out_of_scope"
    text: Mapped[str] = mapped_column(String(QUESTION_MAX_CHARS))  # redacted
    purge_after: Mapped[date] = mapped_column(Date)
