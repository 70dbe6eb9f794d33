"""The language the gateway read the latest message in (api/chat/language.py): "en" or "fr"."""

from __future__ import annotations

from rasa_sdk import Tracker


def turn_language(tracker: Tracker) -> str:
    metadata = (tracker.latest_message or {}).get("metadata") or {}
    return "en" if metadata.get("language") == "en" else "fr"
