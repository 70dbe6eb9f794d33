"""Request and response models of the callback form ("être rappelé") and of the console's tickets."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator, model_validator
from pydantic_core import PydanticCustomError

from api.chat.schemas import CONVERSATION_ID_PATTERN, ESTABLISHMENT_PATTERN
from tickets.contact import InvalidContact, parse_contact

TimeWindow = Literal["matin", "apres-midi", "soir", "des-que-possible"]
# A first name or a pseudonym: letters (any script), digits, spaces, hyphens, apostrophes, dots.
FIRST_NAME_PATTERN = r"^[^\W_](?:[\w .'’-]*[\w.])?$"


class CallbackRequest(BaseModel):
    # strict: "consent": "yes" or 1 is not a consent; unknown fields are refused.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, strict=True)

    # Accepted so the page can send what it has; never stored: the ticket is not linked to the chat.
    conversation_id: str | None = Field(default=None, pattern=CONVERSATION_ID_PATTERN)
    first_name: str = Field(min_length=1, max_length=40, pattern=FIRST_NAME_PATTERN)
    contact: str = Field(max_length=300)
    time_window: TimeWindow
    establishment: str = Field(pattern=ESTABLISHMENT_PATTERN)
    consent: StrictBool = False

    @model_validator(mode="before")
    @classmethod
    def consent_first(cls, data: Any) -> Any:
        """Without an explicit `"consent": true`, nothing else is read (or kept)."""
        if isinstance(data, dict) and data.get("consent") is not True:
            raise PydanticCustomError("consent_required", "consent_required")
        return data

    @field_validator("contact")
    @classmethod
    def normalise_contact(cls, value: str) -> str:
        try:
            return parse_contact(value).value
        except InvalidContact:
            raise PydanticCustomError("invalid_contact", "invalid_contact") from None


class CallbackCreated(BaseModel):
    reference: str  # "R-7K3Q9P": what the person quotes to ask for an earlier deletion
    purge_after: datetime  # UTC; the ticket is deleted within the hour after this
    message_fr: str
    message_en: str


class TimeWindowOption(BaseModel):
    value: TimeWindow
    label_fr: str
    label_en: str


class CallbackNotice(BaseModel):
    retention_days: int
    statement_fr: list[str]  # short paragraphs: stored, seen by, deleted when, not for emergencies
    statement_en: list[str]
    consent_label_fr: str
    consent_label_en: str
    time_windows: list[TimeWindowOption]


class AgentTicket(BaseModel):
    reference: str
    created_at: datetime
    establishment_id: str
    establishment_name: str
    first_name: str
    contact: str
    contact_kind: Literal["phone", "email"]
    time_window: TimeWindow
    time_window_label: str
    status: Literal["open", "handled"]
    notify_status: Literal["pending", "sent", "failed", "disabled"]
    notify_attempts: int
    handled_at: datetime | None
    purge_after: datetime


class AgentTicketList(BaseModel):
    tickets: list[AgentTicket]
