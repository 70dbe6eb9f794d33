"""Team channels: the answer to an @mention through a Teams outgoing webhook.

Not confidential: everyone in the channel sees the question and the answer. So:
- the request is authenticated (HMAC-SHA256 of the raw body with the base64-decoded token,
  compared in constant time) and an activity is answered once (the signature never expires);
- a message showing risk gets the 24/7 lines and the invitation to a private chat, never a
  discussion in the channel;
- otherwise a general knowledge answer with its source and review date, or "not sure";
- every reply reminds that the channel sees the question and invites to the private chat;
- nothing is stored: no conversation, no tracker (Rasa is not asked), no text in the logs.
Teams waits 5 seconds at most: past `budget_seconds` the reply says so, neutrally, with the lines.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import html
import logging
import re
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from api.chat.crisis_check import CrisisCheck
from api.metrics import Metrics
from api.shared.redis_client import SharedRedis
from api.teams import cards, texts
from api.teams.errors import (
    TeamsBadActivity,
    TeamsReplayedActivity,
    TeamsStaleActivity,
    TeamsUnauthorized,
)
from api.teams.stores import seen_store
from api.teams.texts import Language
from directory.models import Registry
from knowledge_base.answers import trim
from knowledge_base.search import KnowledgeBase
from privacy import redact
from safety.reply_variant import EMERGENCY, VIOLENCE, VIOLENCE_STAFF

logger = logging.getLogger("relais.teams")

MAX_CLOCK_SKEW_SECONDS = 300.0
# A danger now (a fire, someone unconscious, an assault): the channel's card puts the emergency line first.
URGENT_VARIANTS = frozenset({EMERGENCY, VIOLENCE, VIOLENCE_STAFF})
_MENTION = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def clean_text(raw: str) -> str:
    """The question without the @mention, the HTML Teams wraps it in, and extra spaces."""
    text = _MENTION.sub(" ", raw)
    text = _TAG.sub(" ", text)
    return " ".join(html.unescape(text).split())


def signature_of(key: bytes, body: bytes) -> str:
    return base64.b64encode(hmac.new(key, body, hashlib.sha256).digest()).decode()


class ChannelAnswers:
    """What Relais says in a channel to one question (also to an @mention of the bot in a team)."""

    def __init__(
        self,
        registry: Registry,
        crisis_check: CrisisCheck,
        knowledge: Callable[[], KnowledgeBase | None],
        app_id: str = "",
        metrics: Metrics | None = None,
    ) -> None:
        self._metrics = metrics or Metrics()
        self._registry = registry
        self._crisis_check = crisis_check
        self._knowledge = knowledge
        self.chat_url = cards.private_chat_url(app_id)

    def lines(self, language: Language, urgent: bool = False) -> dict[str, Any]:
        return cards.channel_risk(self._registry, language, self.chat_url, urgent)

    def too_slow(self, language: Language) -> dict[str, Any]:
        self._metrics.count("teams_channel_too_slow")
        return cards.channel_too_slow(self._registry, language, self.chat_url)

    async def compose(self, text: str, language: Language) -> dict[str, Any]:
        if not text:
            return cards.channel_notice(texts.CHANNEL_EMPTY[language], language, self.chat_url)
        decision = await self._crisis_check.decide(text)
        if decision.is_crisis:
            logger.info("teams channel: risk detected; lines and invitation sent")
            self._metrics.count("teams_channel_risk_replies")
            return self.lines(language, urgent=decision.variant in URGENT_VARIANTS)
        knowledge = self._knowledge()
        result = None
        if knowledge is not None:
            result = await asyncio.to_thread(knowledge.search, redact(text), None, 3)
        if result is None or not result.confident:
            self._metrics.count("teams_channel_unsure")
            return cards.channel_notice(texts.CHANNEL_UNSURE[language], language, self.chat_url)
        self._metrics.count("teams_channel_answers")
        best = result.hits[0]
        article = best.article
        parts = [article.summary]
        section = trim(best.passage.text)
        if section and section not in article.summary:
            parts.append(section)
        url = next((s for s in article.sources if s.startswith("https://")), None)
        source = (article.title, article.last_reviewed.isoformat(), url)
        return cards.channel_answer("\n\n".join(parts), source, language, self.chat_url)


class ChannelWebhook:
    """The outgoing webhook: authenticate, refuse replays, answer within the budget."""

    def __init__(
        self,
        keys: tuple[bytes, ...],
        answers: ChannelAnswers,
        metrics: Metrics | None = None,
        clock: Callable[[], float] = time.time,
        budget_seconds: float = 4.0,
        shared: SharedRedis | None = None,
    ) -> None:
        self._keys = keys
        self.answers = answers
        self._metrics = metrics or Metrics()
        self._clock = clock
        self.budget_seconds = budget_seconds
        self._seen = seen_store(shared, "channel", 2 * MAX_CLOCK_SKEW_SECONDS + 60, clock)

    def verify(self, authorization: str | None, body: bytes) -> None:
        """`Authorization: HMAC <base64>` over the raw bytes, or TeamsUnauthorized."""
        scheme, _, provided = (authorization or "").strip().partition(" ")
        if scheme != "HMAC" or not provided.strip():
            raise TeamsUnauthorized()
        try:
            received = base64.b64decode(provided.strip(), validate=True)
        except (binascii.Error, ValueError):
            raise TeamsUnauthorized() from None
        # Every team's token is tried, each in constant time, without stopping at a match.
        matches = [
            hmac.compare_digest(hmac.new(key, body, hashlib.sha256).digest(), received)
            for key in self._keys
        ]
        if not any(matches):
            self._metrics.count("teams_requests_refused")
            raise TeamsUnauthorized()

    def accept(self, activity: dict[str, Any]) -> None:
        """Refuse a stale or future timestamp, then an activity id seen before."""
        activity_id = activity.get("id")
        stamp = activity.get("timestamp")
        if not isinstance(activity_id, str) or not activity_id or not isinstance(stamp, str):
            raise TeamsBadActivity()
        try:
            sent = datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()
        except ValueError:
            raise TeamsBadActivity() from None
        if abs(self._clock() - sent) > MAX_CLOCK_SKEW_SECONDS:
            self._metrics.count("teams_requests_refused")
            raise TeamsStaleActivity()
        if not self._seen.first_time(activity_id):
            self._metrics.count("teams_requests_refused")
            raise TeamsReplayedActivity()

    async def answer(self, activity: dict[str, Any]) -> dict[str, Any]:
        raw = activity.get("text")
        text = clean_text(raw if isinstance(raw, str) else "")
        locale = activity.get("locale")
        language = texts.language_of_text(text, locale if isinstance(locale, str) else None)
        try:
            card = await asyncio.wait_for(self.answers.compose(text, language), self.budget_seconds)
        except TimeoutError:
            logger.warning(
                "teams channel: no answer within %.1f s; lines sent", self.budget_seconds
            )
            card = self.answers.too_slow(language)
        return {"type": "message", "text": "", "attachments": [cards.attachment(card)]}
