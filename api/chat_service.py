"""One chat turn: redact, ask Rasa, and make sure a crisis always gets its static reply.

Three guarantees live here:
- Rasa down, failing or slower than the timeout: the gateway runs the same crisis detector as the
  bot and answers with the bot's own static crisis reply, or with a short apology and the 24/7
  numbers; never a bare 5xx.
- Rasa up but its reply is not flagged as a crisis while the detector sees risk (a form that
  swallowed the message, a stale model): the static crisis reply is put first.
- Nothing the person wrote is logged; only counts go to the metrics.
"""

from __future__ import annotations

import logging
import time
import uuid

from api.metrics import Metrics
from api.rasa_client import RasaClient, RasaUnavailable
from api.reply_parser import ParsedReply, parse_rasa_replies
from api.schemas import ChatRequest, ChatResponse
from api.static_replies import StaticReplies
from privacy import redact
from safety import assess
from safety.reply_variant import reply_variant

logger = logging.getLogger("relais.chat")


class ChatService:
    def __init__(self, rasa: RasaClient, replies: StaticReplies, metrics: Metrics) -> None:
        self._rasa = rasa
        self._replies = replies
        self._metrics = metrics

    async def handle(self, request: ChatRequest, channel: str) -> ChatResponse:
        started = time.perf_counter()
        conversation_id = request.conversation_id or uuid.uuid4().hex
        assessment = assess(request.message)
        metadata = {
            "channel": channel,
            "establishment": request.establishment,
            "audience": request.audience,
        }
        bot_answered = False
        try:
            replies = await self._rasa.send(conversation_id, redact(request.message), metadata)
            parsed = parse_rasa_replies(replies)
            bot_answered = bool(parsed.messages)
            if not bot_answered:
                # An action failed (action server down) and nothing was said: never leave a
                # person without an answer.
                self._metrics.count("empty_bot_replies")
        except RasaUnavailable as error:
            logger.warning("rasa unavailable on channel %s: %s", channel, error)
            self._metrics.count("rasa_unavailable")
            parsed = ParsedReply()
        if assessment.is_crisis and not parsed.crisis:
            # The crisis reply first; whatever the bot did say follows it.
            self._metrics.count("crisis_safety_net")
            parsed.messages = self._replies.crisis(reply_variant(assessment)) + parsed.messages
            parsed.crisis = True
        elif not bot_answered:
            parsed.messages = self._replies.unavailable()
        if parsed.crisis:
            self._metrics.count("crisis_replies")
            self._metrics.count(f"crisis_replies_{channel}")
        self._metrics.count("chat_turns")
        self._metrics.observe_latency(time.perf_counter() - started)
        return ChatResponse(
            conversation_id=conversation_id,
            messages=parsed.messages,
            crisis=parsed.crisis,
            topic=parsed.topic,
            sources=parsed.sources,
            handoff=parsed.handoff,
        )
