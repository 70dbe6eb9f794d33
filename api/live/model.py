"""A live chat session and its events (api/live/queue.py has the rules, api/live/sessions.py the
stores)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from api.chat.language import Language

State = Literal["waiting", "with_counsellor", "ended"]
EventKind = Literal["joined", "message", "left", "crisis"]
Author = Literal["person", "counsellor", "system"]


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
    language: Language = "fr"  # what the person reads (api/live/texts.py)
    events: list[LiveEvent] = field(default_factory=list)

    @property
    def last_seq(self) -> int:
        return self.events[-1].seq if self.events else self.first_seq - 1

    def after(self, seq: int) -> list[LiveEvent]:
        return [event for event in self.events if event.seq > seq]
