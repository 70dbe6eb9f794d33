"""Static replies read from the bot's own domain, for when the gateway must answer without Rasa.

The crisis replies live once, in `bot/domain/crise.yml`, and the order in which they are sent
lives once, in `bot/rules/crise.yml`: the gateway reads both, so its fallback path says exactly
what the bot says.

English: `bot/english.yml` holds each response's English text. When the person writes English
(api/chat/language.py), `in_language` swaps every message that is a domain response, whoever
sent it (Rasa, the action server or the gateway's own fallback), for its English text; button
payloads stay the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import takewhile
from pathlib import Path
from typing import Any

import yaml

from api.chat.schemas import Button, Message

SERVICE_UNAVAILABLE_RESPONSE = "utter_service_unavailable"
DISTRESS_RESPONSE = "utter_distress"  # distress without risk: support, not the crisis protocol
CHECK_IN_RESPONSE = "utter_check_in_risk"  # later turns of a session where risk was disclosed


class StaticReplyError(RuntimeError):
    """The domain or the rules do not hold a reply the gateway relies on."""


@dataclass(frozen=True)
class StaticReplies:
    responses: dict[str, Message]
    crisis_sequences: dict[str, tuple[str, ...]]
    english: dict[str, Message] = field(default_factory=dict)

    def in_language(self, messages: list[Message], language: str) -> list[Message]:
        """`messages` as sent in `language`: in English, each domain response's English text."""
        if language != "en" or not self.english:
            return messages
        names = self.names_by_text
        return [self.english.get(names.get(message.text, ""), message) for message in messages]

    @cached_property
    def names_by_text(self) -> dict[str, str]:
        """Each domain response's name, by its text."""
        return {message.text: name for name, message in self.responses.items()}

    def crisis(self, variant: str) -> list[Message]:
        sequence = self.crisis_sequences.get(variant) or self.crisis_sequences["self"]
        return [self.responses[name] for name in sequence]

    def unavailable(self) -> list[Message]:
        return [self.responses[SERVICE_UNAVAILABLE_RESPONSE]]

    def distress(self) -> list[Message]:
        return [self.responses[DISTRESS_RESPONSE]]

    def check_in(self) -> list[Message]:
        return [self.responses[CHECK_IN_RESPONSE]]

    def shows_lines(self, messages: list[Message]) -> bool:
        """Whether a reply already names the crisis line (as the check-in does)."""
        line = _crisis_line(self.responses[CHECK_IN_RESPONSE].text)
        return any(line in message.text for message in messages)


def load_static_replies(
    domain_dir: Path, rules_dir: Path, english_path: Path | None = None
) -> StaticReplies:
    """`english_path`: the English texts (default: `english.yml` beside the domain folder)."""
    responses: dict[str, Message] = {}
    varying: list[str] = []  # responses whose text is not one fixed text
    for path in sorted(domain_dir.glob("*.yml")):
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name, variations in (content.get("responses") or {}).items():
            responses[name] = _first_variation(variations)
            if len(variations) > 1 or "{" in responses[name].text:
                varying.append(name)
    english = load_english(english_path or domain_dir.parent / ENGLISH_FILE, responses)
    if english and varying:
        # English is swapped on the French text's exact match: a second variation or a {slot}
        # would silently stay French.
        raise StaticReplyError(f"{varying}: one fixed text is needed for the English one")
    sequences = _crisis_sequences(rules_dir / "crise.yml")
    for variant, sequence in sequences.items():
        missing = [name for name in sequence if name not in responses]
        if missing:
            raise StaticReplyError(f"crisis rule '{variant}' uses unknown responses {missing}")
    if "self" not in sequences:
        raise StaticReplyError("bot/rules/crise.yml has no crisis rule for crisis_type 'self'")
    for name in (SERVICE_UNAVAILABLE_RESPONSE, DISTRESS_RESPONSE, CHECK_IN_RESPONSE):
        if name not in responses:
            raise StaticReplyError(f"the domain has no {name}")
    return StaticReplies(responses=responses, crisis_sequences=sequences, english=english)


ENGLISH_FILE = "english.yml"


def load_english(path: Path, responses: dict[str, Message]) -> dict[str, Message]:
    """Each response's English text; a response with other payloads than its French one, or one
    the domain does not have, is an error (a button must do the same thing in both languages)."""
    if not path.is_file():
        return {}
    content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    english: dict[str, Message] = {}
    for name, variation in (content.get("responses") or {}).items():
        if name not in responses:
            raise StaticReplyError(f"{path.name}: {name} is not a response of the domain")
        message = _first_variation([variation])
        payloads = [button.payload for button in message.buttons]
        if payloads != [button.payload for button in responses[name].buttons]:
            raise StaticReplyError(f"{path.name}: {name} has other buttons than its French text")
        english[name] = message
    return english


def _crisis_line(text: str) -> str:
    """The first long phone number of a static response (as written in the domain file)."""
    found = re.search(r"\d[\d ]{6,}-\d{4}", text)
    if found is None:
        raise StaticReplyError(f"{CHECK_IN_RESPONSE} names no crisis line")
    return found.group(0)


def _first_variation(variations: list[dict[str, Any]]) -> Message:
    first = variations[0]
    buttons = [Button(title=b["title"], payload=b["payload"]) for b in first.get("buttons", [])]
    return Message(text=first.get("text", ""), buttons=buttons)


def _crisis_sequences(rules_path: Path) -> dict[str, tuple[str, ...]]:
    """Map each crisis_type to the static responses its rule sends first after the `crisis`
    intent."""
    content = yaml.safe_load(rules_path.read_text(encoding="utf-8")) or {}
    sequences: dict[str, tuple[str, ...]] = {}
    for rule in content.get("rules", []):
        steps = rule.get("steps", [])
        if not steps or steps[0].get("intent") != "crisis" or rule.get("condition"):
            continue
        variant = None
        actions: list[str] = []
        for step in steps[1:]:
            for slot in step.get("slot_was_set", []):
                variant = slot.get("crisis_type", variant)
            if "action" in step:
                actions.append(step["action"])
        # The static responses the rule starts with: the crisis reply. A custom action after
        # them (the question the message also asked) is the bot's, not the gateway's to send.
        static = tuple(takewhile(lambda name: name.startswith("utter_"), actions))
        if variant and static:
            sequences[variant] = static
    return sequences
