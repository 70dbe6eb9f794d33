"""A chat service reply (api/chat/schemas.py ChatResponse) as Teams activities.

The texts are the web's, word for word (the crisis reply first, as the chat service orders it);
Teams only adds: the registry's phone numbers as tel: links, the bot's buttons as an Adaptive
Card with Action.Submit, the source and review date when the text lacks them, tap-to-call
buttons after a crisis reply or a list of who can help, and the live chat offer as a button.
"""

from __future__ import annotations

import re
from typing import Any

from microsoft_agents.activity import Activity, Attachment

from api.chat.schemas import ChatResponse
from api.teams import cards, texts
from api.teams.texts import Language
from directory.models import Registry


def phone_links(registry: Registry) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """A pattern finding the registry's numbers as written, and each number's tel: link."""
    links = {r.phone: r.tel_uri for r in registry.resources if r.phone and r.tel_uri}
    if not links:
        return None
    numbers = sorted(links, key=len, reverse=True)
    pattern = re.compile(r"(?<![\d\[])(" + "|".join(map(re.escape, numbers)) + r")(?![\d\]])")
    return pattern, {k: v for k, v in links.items() if v}


def with_tel_links(text: str, links: tuple[re.Pattern[str], dict[str, str]] | None) -> str:
    """Each known number becomes a markdown link (`[514 555-0100](tel:+15145550100)`)."""
    if links is None:
        return text
    pattern, uris = links
    return pattern.sub(lambda m: f"[{m.group(1)}]({uris[m.group(1)]})", text)


def card_activity(card: dict[str, Any]) -> Activity:
    return Activity(
        type="message",
        attachments=[Attachment(content_type=cards.CARD_CONTENT_TYPE, content=card)],
    )


def _text_activity(text: str) -> Activity:
    return Activity(type="message", text=text, text_format="markdown")


def activities_for(
    response: ChatResponse, registry: Registry, language: Language, public_url: str
) -> list[Activity]:
    links = phone_links(registry)
    extra: list[dict[str, Any]] = []
    if "live_chat" in response.offers:
        # The reply's language travels with the button: the live chat is explained in it.
        pressed = {"relais_action": "live_chat", "relais_language": language}
        extra.append(cards.submit(texts.LIVE_CHAT_BUTTON[language], pressed))
    if "callback" in response.offers:
        extra.append(cards.open_url(texts.CALLBACK_BUTTON[language], f"{public_url}/"))
    activities: list[Activity] = []
    for position, message in enumerate(response.messages):
        text = with_tel_links(message.text, links)
        actions = extra if position == len(response.messages) - 1 else []
        if message.buttons or actions:
            activities.append(card_activity(cards.with_buttons(text, message.buttons, actions, language)))
        else:
            activities.append(_text_activity(text))
    if not response.messages and extra:
        activities.append(card_activity(cards.card([], extra)))
    said = " ".join(m.text for m in response.messages)
    for source in response.sources:
        if source.title not in said:
            line = texts.SOURCE_LINE[language].format(title=source.title, date=source.last_reviewed)
            activities.append(_text_activity(line))
    if response.handoff is not None:
        handoff = cards.handoff(response.handoff.resources, language)
        if handoff is not None:
            activities.append(card_activity(handoff))
    if response.crisis:
        activities.append(card_activity(cards.crisis_lines(registry, language)))
    return activities
