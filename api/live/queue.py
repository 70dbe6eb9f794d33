"""Live chat with a counsellor: the queue and the conversations a person holds with a human.

Privacy: live transcripts are kept only by the session store (api/live/sessions.py): this
process's memory by default, or Redis with RELAIS_REDIS_URL (several gateways; what the person
wrote is redacted first). Nothing here is written to disk, to the logs or to the metrics. A session
is dropped a short grace period after it ends (time for the person's page to fetch the last
events), or when it has been abandoned; in memory, a gateway restart drops them all.

States: waiting → with_counsellor → ended (or waiting → ended when the person cancels).
Events carry an increasing `seq` per conversation, so each side polls "what is new after n".
Every change goes through the store's atomic `update`, so two gateways agree.
Redis down: calls raise SharedStateUnavailable (503 with the 24/7 lines), except `flag_crisis`,
which only logs (the person already gets the crisis reply).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from api.chat.language import as_language
from api.errors import ConversationTaken, LiveChatClosed, LiveChatNotFound, SharedStateUnavailable
from api.live.model import Author, EventKind, LiveEvent, LiveSession, State
from api.live.sessions import MemorySessions, SessionStore

__all__ = ["LiveChat", "LiveEvent", "LiveSession", "State", "GRACE_SECONDS", "ABANDONED_SECONDS"]

logger = logging.getLogger("relais.live")
T = TypeVar("T")

GRACE_SECONDS = 120.0
ABANDONED_SECONDS = 30 * 60.0


class LiveChat:
    def __init__(
        self,
        clock: Callable[[], float] = time.time,
        grace_seconds: float = GRACE_SECONDS,
        abandoned_seconds: float = ABANDONED_SECONDS,
        store: SessionStore | None = None,
    ) -> None:
        self.clock = clock  # public so tests can move time forward
        self._grace = grace_seconds
        self._abandoned = abandoned_seconds
        self._store: SessionStore = store or MemorySessions()

    # The person's side.

    def request(self, conversation_id: str, language: str = "fr") -> LiveSession:
        """Join the queue; asking again while waiting or held changes nothing but the language
        the person reads (the page's latest)."""
        now = self.clock()
        read_in = as_language(language)
        order: list[int] = []  # taken once, even if the store retries the change

        def change(current: LiveSession | None) -> tuple[LiveSession, LiveSession]:
            current = self._alive(current, now)
            if current is not None and current.state != "ended":
                current.person_seen_at, current.language = now, read_in
                return current, current
            # A new request after an ended one keeps counting events, so a page polling with
            # the old `after` still sees everything new.
            first_seq = current.last_seq + 1 if current else 1
            if not order:
                order.append(self._store.next_order())
            session = LiveSession(
                conversation_id, now, order[0], first_seq, person_seen_at=now, language=read_in
            )
            return session, session

        return self._store.update(conversation_id, change, self._lifetime)

    def session(self, conversation_id: str, *, person: bool = False) -> LiveSession | None:
        """The session (ended ones during their grace period), or None; `person` marks a visit."""
        now = self.clock()
        if not person:
            return self._alive(self._store.get(conversation_id), now)

        def change(current: LiveSession | None) -> tuple[LiveSession | None, LiveSession | None]:
            found = self._alive(current, now)
            if found is not None:
                found.person_seen_at = now
            return found, found

        return self._store.update(conversation_id, change, self._lifetime)

    def require(self, conversation_id: str, *, person: bool = False) -> LiveSession:
        found = self.session(conversation_id, person=person)
        if found is None:
            raise LiveChatNotFound()
        return found

    def position(self, session: LiveSession) -> int | None:
        """1 for the next conversation a counsellor will take; None unless waiting."""
        if session.state != "waiting":
            return None
        return 1 + sum(1 for other in self.waiting() if other.order < session.order)

    def cancel(self, conversation_id: str, left_text: str) -> LiveSession:
        """The person withdraws; a counsellor holding the conversation reads `left_text`."""

        def change(session: LiveSession) -> LiveSession:
            if session.state == "with_counsellor":
                self._add(session, "left", "person", left_text)
            self._end(session)
            return session

        return self._change(conversation_id, change)

    def person_message(self, conversation_id: str, text: str) -> LiveEvent:
        """Relay a message of the person to the counsellor holding the conversation."""

        def change(session: LiveSession) -> LiveEvent:
            if session.state != "with_counsellor":
                raise LiveChatClosed()
            session.person_seen_at = self.clock()
            return self._add(session, "message", "person", text)

        return self._change(conversation_id, change)

    def flag_crisis(self, conversation_id: str, text: str) -> None:
        """The detector saw risk in the person's message: a banner for the counsellor."""
        now = self.clock()

        def change(current: LiveSession | None) -> tuple[LiveSession | None, None]:
            session = self._alive(current, now)
            if session is None or session.state == "ended":
                return None, None
            session.crisis = True
            self._add(session, "crisis", "system", text)
            return session, None

        try:
            self._store.update(conversation_id, change, self._lifetime)
        except SharedStateUnavailable:
            logger.error("live chat: crisis banner not recorded, shared state unavailable")

    def erase(self, conversation_id: str) -> bool:
        """Drop the session and its transcript now (the person erased the conversation)."""
        return self._store.delete(conversation_id)

    # The counsellor's side.

    def waiting(self) -> list[LiveSession]:
        queue = [s for s in self._all() if s.state == "waiting"]
        return sorted(queue, key=lambda s: s.order)

    def held_by(self, agent: str) -> list[LiveSession]:
        held = [s for s in self._all() if s.agent == agent and s.state == "with_counsellor"]
        return sorted(held, key=lambda s: s.order)

    def take(self, conversation_id: str, agent: str, joined_text: str) -> LiveSession:
        def change(session: LiveSession) -> LiveSession:
            if session.state == "with_counsellor" and session.agent == agent:
                return session
            if session.state == "with_counsellor":
                raise ConversationTaken()
            if session.state == "ended":
                raise LiveChatClosed()
            session.state, session.agent = "with_counsellor", agent
            session.taken_at = session.agent_seen_at = self.clock()
            self._add(session, "joined", "counsellor", joined_text)
            return session

        return self._change(conversation_id, change)

    def held(self, conversation_id: str, agent: str, *, open_only: bool = True) -> LiveSession:
        """The session this agent holds (or held, with open_only=False); 404 or 409 otherwise."""

        def change(session: LiveSession) -> LiveSession:
            self._check_held(session, agent, open_only)
            session.agent_seen_at = self.clock()
            return session

        return self._change(conversation_id, change)

    def counsellor_message(self, conversation_id: str, agent: str, text: str) -> LiveEvent:
        def change(session: LiveSession) -> LiveEvent:
            self._check_held(session, agent, True)
            session.agent_seen_at = self.clock()
            return self._add(session, "message", "counsellor", text)

        return self._change(conversation_id, change)

    def end(self, conversation_id: str, agent: str, left_text: str) -> LiveSession:
        def change(session: LiveSession) -> LiveSession:
            self._check_held(session, agent, True)
            session.agent_seen_at = self.clock()
            self._add(session, "left", "counsellor", left_text)
            self._end(session)
            return session

        return self._change(conversation_id, change)

    # Inside.

    def _change(self, conversation_id: str, change: Callable[[LiveSession], T]) -> T:
        """Apply `change` to a live session atomically (LiveChatNotFound if there is none)."""
        now = self.clock()

        def apply(current: LiveSession | None) -> tuple[LiveSession, T]:
            session = self._alive(current, now)
            if session is None:
                raise LiveChatNotFound()
            return session, change(session)

        return self._store.update(conversation_id, apply, self._lifetime)

    @staticmethod
    def _check_held(session: LiveSession, agent: str, open_only: bool) -> None:
        if session.agent != agent:
            raise ConversationTaken() if session.agent else LiveChatClosed()
        if open_only and session.state != "with_counsellor":
            raise LiveChatClosed()

    def _add(self, session: LiveSession, kind: EventKind, author: Author, text: str) -> LiveEvent:
        event = LiveEvent(session.last_seq + 1, kind, author, text, self.clock())
        session.events.append(event)
        return event

    def _end(self, session: LiveSession) -> None:
        if session.state != "ended":
            session.state, session.ended_at = "ended", self.clock()

    def _expires_at(self, session: LiveSession) -> float:
        """When the session is gone: the grace period after its end, or once abandoned."""
        if session.state == "ended":
            return (session.ended_at or self.clock()) + self._grace
        if session.state == "waiting":
            return session.person_seen_at + self._abandoned
        return max(session.person_seen_at, session.agent_seen_at) + self._abandoned

    def _lifetime(self, session: LiveSession) -> float:
        return self._expires_at(session) - self.clock()

    def _alive(self, session: LiveSession | None, now: float) -> LiveSession | None:
        if session is None or now <= self._expires_at(session):
            return session
        self._store.delete(session.conversation_id)
        return None

    def _all(self) -> list[LiveSession]:
        now = self.clock()
        return [s for s in self._store.all() if self._alive(s, now) is not None]
