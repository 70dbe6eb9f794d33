"""Turns the list Rasa's REST channel returns into the gateway's response fields.

Structured data travels in `custom` payloads under the `relais` key:
`{"crisis": true, "topic": "pae", "sources": [...], "handoff": {...}, "offers": ["callback"]}`.
Unknown offers are dropped: the page only ever sees the values of `api.chat.schemas.OFFERS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from api.chat.schemas import OFFERS, Button, Handoff, Message, Offer, Source


@dataclass
class ParsedReply:
    messages: list[Message] = field(default_factory=list)
    crisis: bool = False
    topic: str | None = None
    sources: list[Source] = field(default_factory=list)
    handoff: Handoff | None = None
    offers: list[Offer] = field(default_factory=list)


def parse_rasa_replies(replies: list[dict[str, Any]]) -> ParsedReply:
    parsed = ParsedReply()
    for reply in replies:
        text = reply.get("text")
        if text:
            buttons = [
                Button(title=str(b.get("title", "")), payload=str(b.get("payload", "")))
                for b in reply.get("buttons") or []
            ]
            parsed.messages.append(Message(text=text, buttons=buttons))
        custom = reply.get("custom")
        if isinstance(custom, dict) and isinstance(custom.get("relais"), dict):
            _merge_structured(parsed, custom["relais"])
    return parsed


def _merge_structured(parsed: ParsedReply, data: dict[str, Any]) -> None:
    parsed.crisis = parsed.crisis or bool(data.get("crisis"))
    if data.get("topic"):
        parsed.topic = str(data["topic"])
    for source in data.get("sources") or []:
        parsed.sources.append(Source.model_validate(source))
    if isinstance(data.get("handoff"), dict):
        parsed.handoff = Handoff.model_validate(data["handoff"])
    offers = data.get("offers")
    for offer in offers if isinstance(offers, list) else []:
        if offer in OFFERS and offer not in parsed.offers:
            parsed.offers.append(offer)
