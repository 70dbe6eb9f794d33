"""Turns the list Rasa's REST channel returns into the gateway's response fields.

Structured data travels in `custom` payloads under the `relais` key:
`{"crisis": true, "topic": "pae", "sources": [...], "handoff": {...}, "offers": ["callback"]}`.
For the indicators (api/indicators/), the knowledge action adds `"answer"` (`confident`, `unsure`,
`none`, `out_of_scope`) and, when unsure, `"nearest"` (the closest article's id); the distress
reply carries `"distress": true`.
Unknown offers are dropped: the page only ever sees the values of `api.chat.schemas.OFFERS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from api.chat.schemas import OFFERS, Button, Handoff, Message, Offer, Source

Answer = Literal["confident", "unsure", "none", "out_of_scope"]
ANSWERS: tuple[Answer, ...] = ("confident", "unsure", "none", "out_of_scope")


@dataclass
class ParsedReply:
    messages: list[Message] = field(default_factory=list)
    crisis: bool = False
    topic: str | None = None
    sources: list[Source] = field(default_factory=list)
    handoff: Handoff | None = None
    offers: list[Offer] = field(default_factory=list)
    answer: Answer | None = None  # what the knowledge base made of the question, if asked
    nearest_article: str | None = None
    distress: bool = False


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
    parsed.distress = parsed.distress or bool(data.get("distress"))
    if data.get("answer") in ANSWERS:
        parsed.answer = data["answer"]
        nearest = data.get("nearest")
        parsed.nearest_article = nearest if isinstance(nearest, str) and nearest else None
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
