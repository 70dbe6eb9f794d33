"""The indicators' recorder: counts events in memory during a chat turn, and a background task
writes them to the database every few seconds (flush), so a turn never waits on the database.

What reaches the database: counts per ISO week × establishment × channel × topic (× article for
feedback). No text, no conversation id, no time finer than the week. The only exception is the
unanswered-question list of the establishments that turned it on (RELAIS_UNANSWERED_ESTABLISHMENTS):
the question is screened at flush time (never a crisis or distress message), then redacted, and
stored without any conversation id until its retention period ends.

To tell which establishment and channel a live chat, a callback or a feedback belongs to, the
recorder remembers, in memory only and for a few hours, the establishment, channel and topics of
each recent conversation. That memory is never written anywhere; a restart empties it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from api.chat.reply_parser import ParsedReply
from api.chat.schemas import Offer
from indicators.catalog import NO_VALUE, UNKNOWN_ESTABLISHMENT, wait_bucket
from indicators.store import CountKey, IndicatorStore, NewQuestion
from indicators.weeks import iso_week, week_monday
from privacy import redact
from safety import RiskLevel, assess

logger = logging.getLogger("relais.indicators")

CONTEXT_SECONDS = 6 * 3600.0
MAX_CONTEXTS = 50_000
# Questions waiting for a flush; beyond this (the database has been down a long while), the
# oldest are dropped rather than filling the memory.
MAX_PENDING_QUESTIONS = 5_000


@dataclass
class _Context:
    establishment: str
    channel: str
    topic: str = NO_VALUE
    topics: set[str] = field(default_factory=set)
    seen: float = 0.0


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
        self._contexts: OrderedDict[str, _Context] = OrderedDict()
        self._votes: OrderedDict[tuple[str, str], None] = OrderedDict()  # memory only, bounded

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
        with self._lock:
            context, new = self._context(conversation_id, establishment, channel)
            if parsed.topic:
                context.topic = parsed.topic
            topic = parsed.topic or NO_VALUE
            count = self._counter(week, context, topic)
            if new:
                count("conversations")
            if parsed.topic and parsed.topic not in context.topics:
                context.topics.add(parsed.topic)
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
        with self._lock:
            context, new = self._context(conversation_id, establishment, channel)
            count = self._counter(week, context, NO_VALUE)
            if new:
                count("conversations")
            count("unanswered")

    def crisis_reply(self, conversation_id: str, establishment: str | None, channel: str) -> None:
        """The gateway sent the static crisis reply itself (safety net, or during a live chat)."""
        week = iso_week(self.clock())
        with self._lock:
            context, _ = self._context(conversation_id, establishment, channel)
            self._counter(week, context, context.topic)("crisis_replies")

    def live_requested(self, conversation_id: str) -> None:
        self._count_for(conversation_id, "live_requested")

    def live_taken(self, conversation_id: str, waited_seconds: float) -> None:
        self._count_for(conversation_id, "live_taken")
        self._count_for(conversation_id, wait_bucket(max(0.0, waited_seconds)))

    def callback_created(self, establishment_id: str, conversation_id: str | None) -> None:
        week = iso_week(self.clock())
        with self._lock:
            context = self._known(conversation_id)
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
        with self._lock:
            vote = (conversation_id, article_id)
            if vote in self._votes:
                return False
            self._votes[vote] = None
            while len(self._votes) > MAX_CONTEXTS:
                self._votes.popitem(last=False)
            context = self._known(conversation_id)
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

    def _counter(self, week: str, context: _Context, topic: str) -> Callable[[str], None]:
        def count(indicator: str) -> None:
            key = CountKey(week, context.establishment, context.channel, topic, NO_VALUE, indicator)
            self._counts[key] += 1

        return count

    def _count_for(self, conversation_id: str, indicator: str) -> None:
        week = iso_week(self.clock())
        with self._lock:
            context = self._known(conversation_id)
            establishment = context.establishment if context else UNKNOWN_ESTABLISHMENT
            channel = context.channel if context else NO_VALUE
            topic = context.topic if context else NO_VALUE
            self._counts[CountKey(week, establishment, channel, topic, NO_VALUE, indicator)] += 1

    def _context(
        self, conversation_id: str, establishment: str | None, channel: str
    ) -> tuple[_Context, bool]:
        now = self._monotonic()
        context = self._known(conversation_id)
        new = context is None
        if context is None:
            self._forget_old(now)
            context = _Context(establishment or UNKNOWN_ESTABLISHMENT, channel)
            self._contexts[conversation_id] = context
            while len(self._contexts) > MAX_CONTEXTS:
                self._contexts.popitem(last=False)
        elif establishment and context.establishment == UNKNOWN_ESTABLISHMENT:
            context.establishment = establishment  # named after the first turn
        context.seen = now
        self._contexts.move_to_end(conversation_id)
        return context, new

    def _forget_old(self, now: float) -> None:
        while self._contexts:
            oldest = next(iter(self._contexts.values()))
            if now - oldest.seen <= CONTEXT_SECONDS:
                return
            self._contexts.popitem(last=False)

    def _known(self, conversation_id: str | None) -> _Context | None:
        if conversation_id is None:
            return None
        context = self._contexts.get(conversation_id)
        if context is None:
            return None
        if self._monotonic() - context.seen > CONTEXT_SECONDS:
            del self._contexts[conversation_id]
            return None
        return context
