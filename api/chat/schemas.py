"""Request and response models of the public chat API: this file is the documented contract."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

CONVERSATION_ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
# The counsellor's console also sees Teams conversations (`teams:` + a keyed hash, api/teams/):
# the web's pattern has no colon, so a web page can never name a Teams person's conversation.
ANY_CHANNEL_CONVERSATION_ID_PATTERN = r"^(teams:)?[A-Za-z0-9_-]{1,64}$"
# What the page may offer after a reply (sent by the bot as {"relais": {"offers": [...]}}):
# the callback form (POST /api/callback) and the live chat with a counsellor.
Offer = Literal["callback", "live_chat"]
OFFERS: tuple[Offer, ...] = ("callback", "live_chat")
ESTABLISHMENT_PATTERN = r"^[a-z0-9-]{1,64}$"


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    conversation_id: str | None = Field(default=None, pattern=CONVERSATION_ID_PATTERN)
    message: str
    establishment: str | None = Field(default=None, pattern=ESTABLISHMENT_PATTERN)
    audience: Literal["employee", "manager"] | None = None
    # The conversation's language so far (the page sends back the last reply's): used when the
    # message itself does not say (a button, "ok"); api/chat/language.py.
    language: Literal["fr", "en"] | None = None

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
    """One line a person can reach (directory/render.py `handoff_entry`)."""

    name: str
    phone: str | None = None  # what a person reads: "514 555-0100"
    tel: str | None = None  # the tap-to-call link: "tel:+15145550100"
    phone_option: str | None = None  # the menu option after dialling ("2" for Info-Social)
    sms: str | None = None  # the text line's number, digits only
    sms_uri: str | None = None  # "sms:" and the number
    url: str | None = None
    open_now: bool | None = None
    hours: str | None = None


class Handoff(BaseModel):
    resources: list[HandoffResource] = Field(default_factory=list)


class LiveStatus(BaseModel):
    """Where the conversation stands with a counsellor (see api/routers/live.py)."""

    state: Literal["waiting", "with_counsellor", "ended"]
    position: int | None = None  # 1 = next to be taken; only while waiting
    agent: str | None = None  # the counsellor's display name while they hold the conversation


class ChatResponse(BaseModel):
    conversation_id: str
    # Only in the reply that starts a conversation: send it back as X-Conversation-Token.
    conversation_token: str | None = None
    messages: list[Message]
    crisis: bool = False
    topic: str | None = None
    sources: list[Source] = Field(default_factory=list)
    handoff: Handoff | None = None
    offers: list[Offer] = Field(default_factory=list)
    # Set while a live chat is requested or under way; while a counsellor holds the
    # conversation, `messages` holds only the crisis reply, if any: the counsellor answers.
    live: LiveStatus | None = None
    language: Literal["fr", "en"] = "fr"  # the language the messages are in


class ErrorBody(BaseModel):
    code: str
    message_fr: str
    message_en: str


class ErrorResponse(BaseModel):
    error: ErrorBody
