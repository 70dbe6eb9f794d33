"""Request and response models of the live chat (person side) and of the agent console."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from api.chat.schemas import HandoffResource
from api.live.queue import LiveEvent

State = Literal["waiting", "with_counsellor", "ended"]


class LiveEventOut(BaseModel):
    seq: int
    kind: Literal["joined", "message", "left", "crisis"]
    author: Literal["person", "counsellor", "system"]
    text: str
    at: datetime

    @classmethod
    def of(cls, event: LiveEvent) -> LiveEventOut:
        at = datetime.fromtimestamp(event.at, UTC)
        return cls(seq=event.seq, kind=event.kind, author=event.author, text=event.text, at=at)


class LiveRequestResponse(BaseModel):
    conversation_id: str
    state: State
    position: int | None
    counsellor_available: bool  # someone used the agent console in the last minute
    explanation: str  # how the wait works, in French, with the 24/7 lines
    lines: list[HandoffResource]  # the 24/7 lines, for tap-to-call links


class LiveEventsResponse(BaseModel):
    conversation_id: str
    state: State
    position: int | None
    agent: str | None
    events: list[LiveEventOut]


class AgentSessionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=64)
    key: str = Field(min_length=1, max_length=256)


class AgentSessionResponse(BaseModel):
    name: str
    token: str
    expires_at: datetime


class AgentConversation(BaseModel):
    conversation_id: str
    state: State
    requested_at: datetime
    waiting_seconds: int  # since the request
    person_idle_seconds: int  # since the person's page last showed a sign of life
    crisis: bool  # the detector saw risk in one of the person's messages since the request
    agent: str | None
    establishment_id: str | None = None  # from the tracker store; None: not known
    establishment_name: str | None = None  # the registry's name; None: not one the registry knows


class AgentConversationsResponse(BaseModel):
    waiting: list[AgentConversation]  # oldest first
    mine: list[AgentConversation]  # held by the signed-in counsellor
    counsellors_online: list[str]


class AgentMessageRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    text: str = Field(min_length=1, max_length=2000)


class HistoryEntry(BaseModel):
    author: Literal["person", "bot"]
    text: str
    at: datetime | None


class HistoryResponse(BaseModel):
    conversation_id: str
    establishment_id: str | None = None
    establishment_name: str | None = None  # the registry's name; None: not known
    bot_history_available: bool
    notice: str | None  # "Historique indisponible…" when Rasa could not be reached
    bot: list[HistoryEntry]  # the conversation with the assistant (redacted text)
    live: list[LiveEventOut]  # then the live chat so far
