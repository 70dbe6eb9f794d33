"""Adaptive Cards for Teams: the channel's answer (openUrl actions only), the 24/7 lines as
tap-to-call links, and the bot's buttons as Action.Submit.

Every phone number comes from the registry through directory/render.py.
"""

from __future__ import annotations

import json
from typing import Any

from api.chat.schemas import Button, HandoffResource
from api.teams import texts
from api.teams.texts import Language
from directory import render
from directory.models import Registry, Resource

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
CARD_VERSION = "1.4"
MAX_ACTIONS = 6


def attachment(card: dict[str, Any]) -> dict[str, Any]:
    return {"contentType": CARD_CONTENT_TYPE, "content": card}


def card(body: list[dict[str, Any]], actions: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": CARD_VERSION,
        "body": body,
        "actions": actions[:MAX_ACTIONS],
    }


def text_block(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


def open_url(title: str, url: str) -> dict[str, Any]:
    return {"type": "Action.OpenUrl", "title": title, "url": url}


def private_chat_url(app_id: str) -> str | None:
    """Teams' deep link that opens the one-to-one chat with the bot."""
    return f"https://teams.microsoft.com/l/chat/0/0?users=28:{app_id}" if app_id else None


def lines_24_7(registry: Registry, urgent: bool = False) -> list[Resource]:
    """The 24/7 lines in the registry's order (the emergency line last), or the emergency line
    first when the danger is now (a fire, an assault, someone unconscious)."""
    lines = registry.lines_24_7()
    return sorted(lines, key=lambda line: line.kind != "emergency") if urgent else lines


def call_actions(
    registry: Registry, language: Language, urgent: bool = False
) -> list[dict[str, Any]]:
    """One tap-to-call action per 24/7 line that has a number."""
    actions = []
    for line in lines_24_7(registry, urgent):
        if line.tel_uri:
            name = line.short_name or line.name
            actions.append(open_url(texts.CALL_BUTTON[language].format(name=name), line.tel_uri))
    return actions


def lines_words(registry: Registry, language: Language) -> str:
    if language == "en":
        return render.lines_text(registry)
    return render.lines_sentence(registry.lines_24_7())


def channel_answer(
    answer: str,
    source: tuple[str, str, str | None] | None,
    language: Language,
    chat_url: str | None,
) -> dict[str, Any]:
    """A knowledge answer in a channel: the answer, its source and review date, the reminder
    that the channel sees it; actions open the source and the private chat (openUrl only)."""
    body = [text_block(answer)]
    actions = []
    if source is not None:
        title, reviewed, url = source
        body.append(
            text_block(
                texts.SOURCE_LINE[language].format(title=title, date=reviewed),
                isSubtle=True,
                size="Small",
            )
        )
        if url:
            actions.append(open_url(texts.SOURCE_BUTTON[language], url))
    body.append(text_block(texts.CHANNEL_NOTICE[language], color="Attention", size="Small"))
    if chat_url:
        actions.append(open_url(texts.PRIVATE_CHAT_BUTTON[language], chat_url))
    return card(body, actions)


def channel_notice(message: str, language: Language, chat_url: str | None) -> dict[str, Any]:
    body = [
        text_block(message),
        text_block(texts.CHANNEL_NOTICE[language], color="Attention", size="Small"),
    ]
    actions = [open_url(texts.PRIVATE_CHAT_BUTTON[language], chat_url)] if chat_url else []
    return card(body, actions)


def channel_risk(
    registry: Registry, language: Language, chat_url: str | None, urgent: bool = False
) -> dict[str, Any]:
    """Risk in a channel: the 24/7 lines with tap-to-call links and the private chat; the
    emergency line first when the danger is now (`urgent`)."""
    ordered = lines_24_7(registry, urgent)
    lines = (
        render.lines_text(registry, ordered)
        if language == "en"
        else render.lines_sentence(ordered)
    )
    body = [text_block(texts.CHANNEL_RISK[language].format(lines=lines))]
    actions = call_actions(registry, language, urgent)
    if chat_url:
        actions = actions[: MAX_ACTIONS - 1] + [
            open_url(texts.PRIVATE_CHAT_BUTTON[language], chat_url)
        ]
    return card(body, actions)


def channel_too_slow(
    registry: Registry, language: Language, chat_url: str | None
) -> dict[str, Any]:
    """No answer in time: a neutral word, the 24/7 lines all the same, and the private chat."""
    lines = (
        render.lines_text(registry)
        if language == "en"
        else render.lines_sentence(registry.lines_24_7())
    )
    body = [
        text_block(texts.CHANNEL_TOO_SLOW[language].format(lines=lines)),
        text_block(texts.CHANNEL_NOTICE[language], color="Attention", size="Small"),
    ]
    actions = call_actions(registry, language)
    if chat_url:
        actions = actions[: MAX_ACTIONS - 1] + [
            open_url(texts.PRIVATE_CHAT_BUTTON[language], chat_url)
        ]
    return card(body, actions)


def submit(title: str, data: dict[str, Any]) -> dict[str, Any]:
    """A button that sends `data` back to the bot and shows `title` as the person's message.

    Teams' messageBack: `displayText` is shown, `text` and `value` reach the bot; `data` is also
    kept at the top level for clients that send Action.Submit data as is.
    """
    return {
        "type": "Action.Submit",
        "title": title,
        "data": {
            **data,
            "msteams": {
                "type": "messageBack",
                "displayText": title,
                "text": str(data.get("relais_payload", "")),
                "value": json.dumps(data, ensure_ascii=False),
            },
        },
    }


def with_buttons(
    text: str,
    buttons: list[Button],
    extra: list[dict[str, Any]] | None = None,
    language: str | None = None,
) -> dict[str, Any]:
    """A bot message with its buttons: each button sends its Rasa payload back, and the
    language the message was in (a payload says none: api/chat/language.py)."""
    said = {"relais_language": language} if language else {}
    actions = [submit(b.title, {"relais_payload": b.payload, **said}) for b in buttons]
    return card([text_block(text)], actions + (extra or []))


def handoff(resources: list[HandoffResource], language: Language) -> dict[str, Any] | None:
    """The bot's list of who can help, as tap-to-call actions (the text already lists them)."""
    actions = [
        open_url(texts.CALL_BUTTON[language].format(name=r.name), r.tel) for r in resources if r.tel
    ]
    if not actions:
        return None
    return card([text_block(texts.TAP_TO_CALL[language], size="Small")], actions)


def crisis_lines(registry: Registry, language: Language) -> dict[str, Any]:
    """After the crisis reply: the same 24/7 lines as tap-to-call buttons (the web's banner)."""
    return card(
        [text_block(texts.TAP_TO_CALL[language], size="Small")], call_actions(registry, language)
    )
