"""Request and response models of the public chat API: this file is the documented contract."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

CONVERSATION_ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
ESTABLISHMENT_PATTERN = r"^[a-z0-9-]{1,64}$"


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    conversation_id: str | None = Field(default=None, pattern=CONVERSATION_ID_PATTERN)
    message: str
    establishment: str | None = Field(default=None, pattern=ESTABLISHMENT_PATTERN)
    audience: Literal["employee", "manager"] | None = None

    @field_validator("message")
    @classmethod
    def not_blank(cls, value: str) -> str:
        if not value:
            raise ValueError("empty_message")
        return value


class Button(BaseModel):
    title: str
    payload: str


class Message(BaseModel):
    text: str
    buttons: list[Button] = Field(default_factory=list)


class Source(BaseModel):
    id: str
    title: str
    topic: str
    last_reviewed: str


class HandoffResource(BaseModel):
    name: str
    phone: str | None = None
    sms: str | None = None
    url: str | None = None
    open_now: bool | None = None
    hours: str | None = None


class Handoff(BaseModel):
    resources: list[HandoffResource] = Field(default_factory=list)


class ChatResponse(BaseModel):
    conversation_id: str
    messages: list[Message]
    crisis: bool = False
    topic: str | None = None
    sources: list[Source] = Field(default_factory=list)
    handoff: Handoff | None = None


class ErrorBody(BaseModel):
    code: str
    message_fr: str
    message_en: str


class ErrorResponse(BaseModel):
    error: ErrorBody
