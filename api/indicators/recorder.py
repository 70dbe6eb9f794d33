"""The indicators' recorder: counts events in memory during a chat turn, and a background task
writes them to the database every few seconds (flush), so a turn never waits on the database.

What reaches the database: counts per ISO week × establishment × channel × topic (× article for
feedback). No text, no conversation id, no time finer than the week. The only exception is the
unanswered-question list of the establishments that turned it on (RELAIS_UNANSWERED_ESTABLISHMENTS):
the question is screened at flush time (never a crisis or distress message), then redacted, and
stored without any conversation id until its retention period ends.

To tell which establishment and channel a live chat, a callback or a feedback belongs to, the
recorder remembers, for a few hours, the establishment, channel and topics of each recent
conversation (api/indicators/contexts.py): in this process's memory by default (a restart empties
it), or in Redis with RELAIS_REDIS_URL, so that a live chat taken or a vote on another gateway
counts for the right establishment. Never a text; never written to the database.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

from api.chat.reply_parser import ParsedReply
from api.chat.schemas import Offer
from api.errors import SharedStateUnavailable
from api.indicators.contexts import Change, Context, ContextStore, MemoryContexts
from indicators.catalog import NO_VALUE, UNKNOWN_ESTABLISHMENT, wait_bucket
from indicators.store import CountKey, IndicatorStore, NewQuestion
from indicators.weeks import iso_week, week_monday
from privacy import redact
from safety import RiskLevel, assess

logger = logging.getLogger("relais.indicators")

T = TypeVar("T")
# Questions waiting for a flush; beyond this (the database has been down a long while), the
# oldest are dropped rather than filling the memory.
MAX_PENDING_QUESTIONS = 5_000


@dataclass(frozen=True)
class _PendingQuestion:
    week: str
    establishment_id: str
    article_id: str
    outcome: str
    text: str  # as written: screened and redacted at flush time, off the chat turn


class IndicatorRecorder:
    def __init__(
        self,
        store: IndicatorStore | None,
        *,
        unanswered_establishments: Iterable[str] = (),
        retention_days: int = 90,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        monotonic: Callable[[], float] = time.monotonic,
        contexts: ContextStore | None = None,
    ) -> None:
        self.store = store  # the page and the report read from it
        self._unanswered = frozenset(unanswered_establishments)
        self._retention = timedelta(days=retention_days)
        self.clock = clock  # public so tests can move to another week
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._flush_lock = threading.Lock()
        self._counts: Counter[CountKey] = Counter()
        self._questions: list[_PendingQuestion] = []
        # Each recent conversation's context: memory, or Redis shared by the gateways; this
        # process's memory while Redis does not answer.
        self._contexts: ContextStore = contexts or MemoryContexts(monotonic)
        self._local = MemoryContexts(monotonic)

    # Events, called on the request path: memory only, a few microseconds.

    def chat_turn(
        self,
        conversation_id: str,
        establishment: str | None,
        channel: str,
        parsed: ParsedReply,
        offers: list[Offer],
        message: str,
        crisis_detected: bool,
    ) -> None:
        week = iso_week(self.clock())

        def change(current: Context | None) -> tuple[Context, tuple[Context, bool, bool]]:
            context = _named(current, establishment, channel)
            topic_is_new = bool(parsed.topic) and parsed.topic not in context.topics
            if parsed.topic:
                context.topic = parsed.topic
                context.topics.add(parsed.topic)
            return context, (context.copy(), current is None, topic_is_new)

        context, new, topic_is_new = self._update(conversation_id, change)
        with self._lock:
            topic = parsed.topic or NO_VALUE
            count = self._counter(week, context, topic)
            if new:
                count("conversations")
            if topic_is_new:
                count("conversations_topic")
            if parsed.answer is not None:
                count(
                    {"confident": "answered", "none": "unanswered"}.get(
                        parsed.answer, parsed.answer
                    )
                )
            if parsed.handoff is not None and parsed.handoff.resources:
                count("handoff_lines")
            for offer in offers:
                count(f"handoff_{offer}")
            if parsed.crisis:
                count("crisis_replies")
            elif parsed.distress:
                count("distress_replies")
            if (
                parsed.answer in ("unsure", "out_of_scope")
                and context.establishment in self._unanswered
                and not (parsed.crisis or parsed.distress or crisis_detected)
            ):
                if len(self._questions) >= MAX_PENDING_QUESTIONS:
                    self._questions.pop(0)
                self._questions.append(
                    _PendingQuestion(
                        week,
                        context.establishment,
                        parsed.nearest_article or NO_VALUE,
                        parsed.answer,
                        message,
                    )
                )

    def unavailable_turn(
        self, conversation_id: str, establishment: str | None, channel: str
    ) -> None:
        """Rasa could not answer at all: the question went unanswered."""
        week = iso_week(self.clock())
        context, new = self._context(conversation_id, establishment, channel)
        with self._lock:
            count = self._counter(week, context, NO_VALUE)
            if new:
                count("conversations")
            count("unanswered")

    def crisis_reply(self, conversation_id: str, establishment: str | None, channel: str) -> None:
        """The gateway sent the static crisis reply itself (safety net, or during a live chat)."""
        week = iso_week(self.clock())
        context, _ = self._context(conversation_id, establishment, channel)
        with self._lock:
            self._counter(week, context, context.topic)("crisis_replies")

    def live_requested(self, conversation_id: str) -> None:
        self._count_for(conversation_id, "live_requested")

    def live_taken(self, conversation_id: str, waited_seconds: float) -> None:
        self._count_for(conversation_id, "live_taken")
        self._count_for(conversation_id, wait_bucket(max(0.0, waited_seconds)))

    def callback_created(self, establishment_id: str, conversation_id: str | None) -> None:
        week = iso_week(self.clock())
        context = self._known(conversation_id)
        with self._lock:
            channel = context.channel if context else NO_VALUE
            topic = context.topic if context else NO_VALUE
            key = CountKey(week, establishment_id, channel, topic, NO_VALUE, "callbacks_created")
            self._counts[key] += 1

    def callback_handled(self, establishment_id: str) -> None:
        week = iso_week(self.clock())
        with self._lock:
            key = CountKey(
                week, establishment_id, NO_VALUE, NO_VALUE, NO_VALUE, "callbacks_handled"
            )
            self._counts[key] += 1

    def feedback(self, conversation_id: str, article_id: str, topic: str, helpful: bool) -> bool:
        """Count one vote per conversation and article (a repeat is ignored: False)."""
        week = iso_week(self.clock())
        if not self._first_vote(conversation_id, article_id):
            return False
        context = self._known(conversation_id)
        with self._lock:
            establishment = context.establishment if context else UNKNOWN_ESTABLISHMENT
            channel = context.channel if context else NO_VALUE
            indicator = "feedback_yes" if helpful else "feedback_no"
            self._counts[CountKey(week, establishment, channel, topic, article_id, indicator)] += 1
            return True

    # Flush: off the request path (a worker thread).

    def pending(self) -> dict[CountKey, int]:
        with self._lock:
            return dict(self._counts)

    def flush(self) -> tuple[int, int]:
        """Write what was counted since the last flush; returns (count rows, questions).
        On a database error, everything is kept for the next flush and the error is raised."""
        with self._flush_lock:
            with self._lock:
                counts, self._counts = self._counts, Counter()
                questions, self._questions = self._questions, []
            if self.store is None:
                return 0, 0
            screened = [q for q in (self._screened(p) for p in questions) if q is not None]
            try:
                self.store.add_counts(counts)
                self.store.add_questions(screened)
            except Exception:
                with self._lock:
                    self._counts.update(counts)
                    self._questions[:0] = questions[-MAX_PENDING_QUESTIONS:]
                raise
            return len(counts), len(screened)

    def purge(self, today: date | None = None) -> int:
        if self.store is None:
            return 0
        return self.store.purge_questions(today or self.clock().date())

    # Inside, with the lock held.

    def _screened(self, pending: _PendingQuestion) -> NewQuestion | None:
        """Never a message with crisis or distress signals; always redacted."""
        if assess(pending.text).level is not RiskLevel.NONE:
            return None
        text = redact(pending.text).strip()
        if not text:
            return None
        purge_after = week_monday(pending.week) + timedelta(weeks=1) + self._retention
        return NewQuestion(
            pending.week, pending.establishment_id, pending.article_id, pending.outcome, text,
            purge_after,
        )  # fmt: skip

    def _counter(self, week: str, context: Context, topic: str) -> Callable[[str], None]:
        def count(indicator: str) -> None:
            key = CountKey(week, context.establishment, context.channel, topic, NO_VALUE, indicator)
            self._counts[key] += 1

        return count

    def _count_for(self, conversation_id: str, indicator: str) -> None:
        week = iso_week(self.clock())
        context = self._known(conversation_id)
        with self._lock:
            establishment = context.establishment if context else UNKNOWN_ESTABLISHMENT
            channel = context.channel if context else NO_VALUE
            topic = context.topic if context else NO_VALUE
            self._counts[CountKey(week, establishment, channel, topic, NO_VALUE, indicator)] += 1

    def _context(
        self, conversation_id: str, establishment: str | None, channel: str
    ) -> tuple[Context, bool]:
        """The conversation's context (created, or named if it was not yet), and whether it is new."""

        def change(current: Context | None) -> tuple[Context, tuple[Context, bool]]:
            context = _named(current, establishment, channel)
            return context, (context.copy(), current is None)

        return self._update(conversation_id, change)

    # The context store, or this process's memory while the shared one does not answer.

    def _update(self, conversation_id: str, change: Change[T]) -> T:
        try:
            return self._contexts.update(conversation_id, change)
        except SharedStateUnavailable:
            logger.warning("indicators: shared state unavailable, this gateway's memory used")
            return self._local.update(conversation_id, change)

    def _known(self, conversation_id: str | None) -> Context | None:
        if conversation_id is None:
            return None
        try:
            return self._contexts.get(conversation_id) or self._local.get(conversation_id)
        except SharedStateUnavailable:
            return self._local.get(conversation_id)

    def _first_vote(self, conversation_id: str, article_id: str) -> bool:
        try:
            return self._contexts.first_vote(conversation_id, article_id)
        except SharedStateUnavailable:
            return self._local.first_vote(conversation_id, article_id)


def _named(current: Context | None, establishment: str | None, channel: str) -> Context:
    """A new context, or the current one named after its first turn."""
    if current is None:
        return Context(establishment or UNKNOWN_ESTABLISHMENT, channel)
    if establishment and current.establishment == UNKNOWN_ESTABLISHMENT:
        current.establishment = establishment
    return current
