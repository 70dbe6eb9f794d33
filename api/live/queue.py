"""Live chat with a counsellor: the queue and the conversations a person holds with a human.

Privacy: live transcripts live only in this object, in the gateway's memory. Nothing here is
written to disk, to the logs or to the metrics. A session is dropped a short grace period after
it ends (time for the person's page to fetch the last events), or when it has been abandoned;
a gateway restart drops them all.

States: waiting → with_counsellor → ended (or waiting → ended when the person cancels).
Events carry an increasing `seq` per conversation, so each side polls "what is new after n".
Used from the event loop only; the lock keeps it safe if that ever changes.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from api.errors import ConversationTaken, LiveChatClosed, LiveChatNotFound

State = Literal["waiting", "with_counsellor", "ended"]
EventKind = Literal["joined", "message", "left", "crisis"]
Author = Literal["person", "counsellor", "system"]

GRACE_SECONDS = 120.0
ABANDONED_SECONDS = 30 * 60.0


@dataclass(frozen=True)
class LiveEvent:
    seq: int
    kind: EventKind
    author: Author
    text: str
    at: float


@dataclass
class LiveSession:
    conversation_id: str
    requested_at: float
    order: int
    first_seq: int
    state: State = "waiting"
    agent: str | None = None
    taken_at: float | None = None
    ended_at: float | None = None
    crisis: bool = False
    person_seen_at: float = 0.0
    agent_seen_at: float = 0.0
    events: list[LiveEvent] = field(default_factory=list)

    @property
    def last_seq(self) -> int:
        return self.events[-1].seq if self.events else self.first_seq - 1

    def after(self, seq: int) -> list[LiveEvent]:
        return [event for event in self.events if event.seq > seq]


class LiveChat:
    def __init__(
        self,
        clock: Callable[[], float] = time.time,
        grace_seconds: float = GRACE_SECONDS,
        abandoned_seconds: float = ABANDONED_SECONDS,
    ) -> None:
        self.clock = clock  # public so tests can move time forward
        self._grace = grace_seconds
        self._abandoned = abandoned_seconds
        self._sessions: dict[str, LiveSession] = {}
        self._order = itertools.count()
        self._lock = threading.RLock()

    # The person's side.

    def request(self, conversation_id: str) -> LiveSession:
        """Join the queue; asking again while waiting or held changes nothing."""
        with self._lock:
            now = self._prune()
            current = self._sessions.get(conversation_id)
            if current is not None and current.state != "ended":
                current.person_seen_at = now
                return current
            # A new request after an ended one keeps counting events, so a page polling with
            # the old `after` still sees everything new.
            first_seq = current.last_seq + 1 if current else 1
            session = LiveSession(conversation_id, now, next(self._order), first_seq)
            session.person_seen_at = now
            self._sessions[conversation_id] = session
            return session

    def session(self, conversation_id: str, *, person: bool = False) -> LiveSession | None:
        """The session (ended ones during their grace period), or None; `person` marks a visit."""
        with self._lock:
            now = self._prune()
            found = self._sessions.get(conversation_id)
            if found is not None and person:
                found.person_seen_at = now
            return found

    def require(self, conversation_id: str, *, person: bool = False) -> LiveSession:
        found = self.session(conversation_id, person=person)
        if found is None:
            raise LiveChatNotFound()
        return found

    def position(self, session: LiveSession) -> int | None:
        """1 for the next conversation a counsellor will take; None unless waiting."""
        if session.state != "waiting":
            return None
        with self._lock:
            return 1 + sum(
                1
                for other in self._sessions.values()
                if other.state == "waiting" and other.order < session.order
            )

    def cancel(self, conversation_id: str, left_text: str) -> LiveSession:
        """The person withdraws; a counsellor holding the conversation reads `left_text`."""
        with self._lock:
            session = self._get(conversation_id)
            if session.state == "with_counsellor":
                self._add(session, "left", "person", left_text)
            self._end(session)
            return session

    def person_message(self, conversation_id: str, text: str) -> LiveEvent:
        """Relay a message of the person to the counsellor holding the conversation."""
        with self._lock:
            session = self._get(conversation_id)
            if session.state != "with_counsellor":
                raise LiveChatClosed()
            session.person_seen_at = self.clock()
            return self._add(session, "message", "person", text)

    def flag_crisis(self, conversation_id: str, text: str) -> None:
        """The detector saw risk in the person's message: a banner for the counsellor."""
        with self._lock:
            session = self._sessions.get(conversation_id)
            if session is None or session.state == "ended":
                return
            session.crisis = True
            self._add(session, "crisis", "system", text)

    def erase(self, conversation_id: str) -> bool:
        """Drop the session and its transcript now (the person erased the conversation)."""
        with self._lock:
            return self._sessions.pop(conversation_id, None) is not None

    # The counsellor's side.

    def waiting(self) -> list[LiveSession]:
        with self._lock:
            self._prune()
            queue = [s for s in self._sessions.values() if s.state == "waiting"]
            return sorted(queue, key=lambda s: s.order)

    def held_by(self, agent: str) -> list[LiveSession]:
        with self._lock:
            self._prune()
            held = [
                s
                for s in self._sessions.values()
                if s.agent == agent and s.state == "with_counsellor"
            ]
            return sorted(held, key=lambda s: s.order)

    def take(self, conversation_id: str, agent: str, joined_text: str) -> LiveSession:
        with self._lock:
            session = self._get(conversation_id)
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

    def held(self, conversation_id: str, agent: str, *, open_only: bool = True) -> LiveSession:
        """The session this agent holds (or held, with open_only=False); 404 or 409 otherwise."""
        with self._lock:
            session = self._get(conversation_id)
            if session.agent != agent:
                raise ConversationTaken() if session.agent else LiveChatClosed()
            if open_only and session.state != "with_counsellor":
                raise LiveChatClosed()
            session.agent_seen_at = self.clock()
            return session

    def counsellor_message(self, conversation_id: str, agent: str, text: str) -> LiveEvent:
        with self._lock:
            session = self.held(conversation_id, agent)
            return self._add(session, "message", "counsellor", text)

    def end(self, conversation_id: str, agent: str, left_text: str) -> LiveSession:
        with self._lock:
            session = self.held(conversation_id, agent)
            self._add(session, "left", "counsellor", left_text)
            self._end(session)
            return session

    # Inside, with the lock held.

    def _get(self, conversation_id: str) -> LiveSession:
        self._prune()
        session = self._sessions.get(conversation_id)
        if session is None:
            raise LiveChatNotFound()
        return session

    def _add(self, session: LiveSession, kind: EventKind, author: Author, text: str) -> LiveEvent:
        event = LiveEvent(session.last_seq + 1, kind, author, text, self.clock())
        session.events.append(event)
        return event

    def _end(self, session: LiveSession) -> None:
        if session.state != "ended":
            session.state, session.ended_at = "ended", self.clock()

    def _prune(self) -> float:
        """Drop ended sessions past their grace period and abandoned ones; return now."""
        now = self.clock()
        for conversation_id, session in list(self._sessions.items()):
            last_seen = max(session.person_seen_at, session.agent_seen_at)
            if session.state == "ended":
                gone = session.ended_at is not None and now - session.ended_at > self._grace
            elif session.state == "waiting":
                gone = now - session.person_seen_at > self._abandoned
            else:
                gone = now - last_seen > self._abandoned
            if gone:
                del self._sessions[conversation_id]
        return now
