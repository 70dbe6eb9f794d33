"""One chat turn: redact, ask Rasa, and make sure a crisis always gets its static reply.

Four guarantees live here:
- Rasa down, failing or slower than the timeout: the gateway runs the same crisis detector as the
  bot and answers with the bot's own static crisis reply, or with a short apology and the 24/7
  numbers; never a bare 5xx.
- Rasa up but its reply is not flagged as a crisis while the detector sees risk (a form that
  swallowed the message, a stale model): the static crisis reply is put first.
- Risk is read over the conversation too (api/chat/conversation_risk.py): signs spread over the
  last turns add up, and once risk was disclosed the check-in and the lines stay in every reply of
  the session, whatever "ça va" or "je niaisais" follows. Distress without risk gets the bot's warm
  distress reply when the gateway must answer alone.
- Nothing the person wrote is logged; only counts go to the metrics.
- One embedding per message (api/chat/crisis_check.py): the gateway's reading (crisis decision,
  search results) goes to Rasa in the message's metadata, read before Rasa is asked.

While a counsellor holds the conversation (api/live_chat.py), the person's message goes to the
counsellor, as written and in memory only, instead of Rasa; the crisis detector still runs and a
risk still gets the static crisis reply at once, plus a banner for the counsellor.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Awaitable, Callable

from api.chat.answered import AnsweredArticles
from api.chat.conversation_risk import ConversationRisks, RiskStore
from api.chat.crisis_check import CrisisCheck
from api.chat.language import Language, neutral_key, turn_language
from api.chat.rasa_client import RasaClient, RasaUnavailable
from api.chat.replies import StaticReplies
from api.chat.reply_parser import ParsedReply, parse_rasa_replies
from api.chat.schemas import ChatRequest, ChatResponse, LiveStatus, Offer
from api.errors import LiveChatClosed, LiveChatNotFound, SharedStateUnavailable
from api.indicators.recorder import IndicatorRecorder
from api.live.queue import LiveChat, LiveSession
from api.live.texts import CRISIS_BANNER
from api.metrics import Metrics
from privacy import redact
from risk_classifier import Decision, GuardedDetector
from risk_classifier.conversation import TurnRisk

logger = logging.getLogger("relais.chat")


class ChatService:
    def __init__(
        self,
        rasa: RasaClient,
        replies: StaticReplies,
        metrics: Metrics,
        live: LiveChat | None = None,
        counsellors_present: Callable[[], bool] = lambda: False,
        crisis_check: CrisisCheck | None = None,
        indicators: IndicatorRecorder | None = None,
        risk_store: RiskStore | None = None,
        counsellors_for: Callable[[str, str | None], Awaitable[bool]] | None = None,
        names_establishment: Callable[[str], bool] = lambda text: False,
        answered: AnsweredArticles | None = None,
    ) -> None:
        self._rasa = rasa
        self._replies = replies
        self._metrics = metrics
        self._live = live or LiveChat()
        self._counsellors_present = counsellors_present
        # (conversation id, establishment sent) -> a counsellor serving it is at the console.
        self._counsellors_for = counsellors_for
        self._crisis_check = crisis_check or CrisisCheck(GuardedDetector(None))
        # Weekly counts for the BQVT (api/indicators/): memory only during the turn.
        self._indicators = indicators or IndicatorRecorder(None)
        # Risk over the last turns of each conversation (api/chat/conversation_risk.py).
        self._risks = ConversationRisks(self._crisis_check.detector, risk_store)
        # The article each conversation was last answered with: a follow-up is searched in it
        # (None: not kept, the action server searches follow-ups itself).
        self._answered = answered
        # Texts that never say a language (api/chat/language.py): every button's payload; and
        # a short answer naming an establishment (the form's question: "CISSS de Laval").
        payloads = [b.payload for m in replies.responses.values() for b in m.buttons]
        self._payloads = frozenset(neutral_key(text) for text in payloads)
        self._names_establishment = names_establishment

    def language(self, request: ChatRequest) -> Language:
        """The language `request` is answered in."""
        return turn_language(request.message, request.language, self._is_neutral)

    def _is_neutral(self, text: str) -> bool:
        return neutral_key(text) in self._payloads or self._names_establishment(text)

    def forget(self, conversation_id: str) -> None:
        """Erasure: what this service keeps about a conversation (its risk window, the article
        it was last answered with) goes."""
        if self._answered is not None:
            self._answered.forget(conversation_id)
        self._risks.forget(conversation_id)

    @property
    def crisis_classifier_available(self) -> bool:
        return self._crisis_check.classifier_available

    def can_answer_crisis(self) -> bool:
        """The static crisis reply and the apology with the 24/7 lines are at hand (/readyz)."""
        try:
            return bool(self._replies.crisis("self")) and bool(self._replies.unavailable())
        except KeyError:
            return False

    async def handle(self, request: ChatRequest, channel: str) -> ChatResponse:
        started = time.perf_counter()
        conversation_id = request.conversation_id or uuid.uuid4().hex
        language = self.language(request)
        # One embedding: the crisis decision and the search results, relayed to Rasa (issue 13).
        context = self._answered.get(request.conversation_id) if self._answered is not None else None
        reading = asyncio.create_task(
            self._crisis_check.read(request.message, request.audience, context)
        )
        reading.add_done_callback(
            lambda _: self._metrics.crisis_decision.observe(time.perf_counter() - started)
        )
        live = self._live_session(conversation_id) if request.conversation_id else None
        turn: TurnRisk | None = None
        if live is not None and live.state == "with_counsellor":
            turn = self._risks.observe(conversation_id, request.message, (await reading).decision)
            relayed = self._relay_to_counsellor(request.message, live, turn.decision, channel, started)
            if relayed is not None:
                return self._in_language(relayed, language)
            # The counsellor ended it meanwhile (on another gateway, say): the bot answers, with
            # the crisis safety net below (this turn's risk is observed once).
        metadata = {
            "channel": channel,
            "establishment": request.establishment,
            "audience": request.audience,
            "language": language,
            **(await reading).metadata,
        }
        bot_answered = False
        outcome = "bot"
        try:
            asked = time.perf_counter()
            replies = await self._rasa.send(conversation_id, redact(request.message), metadata)
            self._metrics.rasa_latency.observe(time.perf_counter() - asked)
            parsed = parse_rasa_replies(replies)
            bot_answered = bool(parsed.messages)
            if parsed.sources and self._answered is not None:
                # the bot's current article now (actions/knowledge.py `remember`)
                self._answered.answered(conversation_id, parsed.sources[0].id)
            if not bot_answered:
                # An action failed (action server down) and nothing was said: never leave a
                # person without an answer.
                self._metrics.count("empty_bot_replies")
                outcome = "empty_bot_reply"
        except RasaUnavailable as error:
            logger.warning("rasa unavailable on channel %s: %s", channel, error)
            self._metrics.count("rasa_unavailable")
            outcome = "rasa_unavailable"
            parsed = ParsedReply()
        if turn is None:
            turn = self._risks.observe(conversation_id, request.message, (await reading).decision)
        decision = turn.decision
        if turn.from_window:
            self._metrics.count("crisis_over_turns")
        if live is not None and decision.is_crisis:
            self._live.flag_crisis(conversation_id, CRISIS_BANNER)
        if decision.is_crisis and not parsed.crisis:
            # The crisis reply first; whatever the bot did say follows it.
            self._metrics.count("crisis_safety_net")
            outcome = "crisis_safety_net"
            parsed.messages = self._replies.crisis(decision.variant) + parsed.messages
            parsed.crisis = True
        elif not bot_answered:
            parsed.messages = (
                self._replies.distress() if decision.distress else self._replies.unavailable()
            )
        elif parsed.crisis:
            outcome = "crisis_bot"
        if turn.check_in and not parsed.crisis and not self._replies.shows_lines(parsed.messages):
            # Risk earlier in this session: keep checking in, keep the lines in view.
            self._metrics.count("crisis_check_ins")
            parsed.messages = parsed.messages + self._replies.check_in()
        self._metrics.outcome(outcome, channel)
        self._count_turn(parsed.crisis, channel, started)
        offers = await self._available(parsed.offers, conversation_id, request.establishment)
        if bot_answered:
            self._indicators.chat_turn(
                conversation_id, request.establishment, channel, parsed, offers,
                request.message, decision.is_crisis,
            )  # fmt: skip
        elif parsed.crisis:
            self._indicators.crisis_reply(conversation_id, request.establishment, channel)
        else:
            self._indicators.unavailable_turn(conversation_id, request.establishment, channel)
        return self._in_language(
            ChatResponse(
                conversation_id=conversation_id,
                messages=parsed.messages,
                crisis=parsed.crisis,
                topic=parsed.topic,
                sources=parsed.sources,
                handoff=parsed.handoff,
                offers=offers,
                live=self._status(live),
            ),
            language,
        )

    async def crisis_reply(self, request: ChatRequest, channel: str) -> ChatResponse | None:
        """For a message that will not be handled (over a rate limit): the static crisis reply if
        it shows risk, else None. Rasa is not asked; a counsellor holding it sees the banner."""
        started = time.perf_counter()
        decision = await self._crisis_check.start(request.message)
        if not decision.is_crisis:
            return None
        conversation_id = request.conversation_id or uuid.uuid4().hex
        self._live.flag_crisis(conversation_id, CRISIS_BANNER)
        self._metrics.count("crisis_replies_over_limit")
        self._count_turn(True, channel, started)
        return self._in_language(
            ChatResponse(
                conversation_id=conversation_id,
                messages=self._replies.crisis(decision.variant),
                crisis=True,
            ),
            self.language(request),
        )

    def _in_language(self, response: ChatResponse, language: str) -> ChatResponse:
        """The static responses of `response` in the person's language (bot/english.yml)."""
        if language != "en":
            return response
        messages = self._replies.in_language(response.messages, language)
        return response.model_copy(update={"messages": messages, "language": language})

    def _relay_to_counsellor(
        self, text: str, live: LiveSession, decision: Decision, channel: str, started: float
    ) -> ChatResponse | None:
        """The counsellor answers, not the bot; a crisis still gets its static reply now. None
        when the live chat ended between reading it and relaying: the bot answers instead."""
        try:
            self._live.person_message(live.conversation_id, text)
        except (LiveChatClosed, LiveChatNotFound):
            self._metrics.count("live_relay_after_end")
            return None
        except SharedStateUnavailable:
            # Shared state down: not relayed; say so with the 24/7 lines (a crisis gets its reply).
            self._metrics.count("live_relay_failures")
            messages = self._replies.crisis(decision.variant) if decision.is_crisis else self._replies.unavailable()
            self._count_turn(decision.is_crisis, channel, started)
            return ChatResponse(conversation_id=live.conversation_id, messages=messages, crisis=decision.is_crisis)
        self._metrics.count("live_messages")
        self._metrics.outcome("counsellor_crisis" if decision.is_crisis else "counsellor", channel)
        messages = []
        if decision.is_crisis:
            self._live.flag_crisis(live.conversation_id, CRISIS_BANNER)
            messages = self._replies.crisis(decision.variant)
            self._indicators.crisis_reply(live.conversation_id, None, channel)
        self._count_turn(decision.is_crisis, channel, started)
        return ChatResponse(
            conversation_id=live.conversation_id,
            messages=messages,
            crisis=decision.is_crisis,
            live=self._status(live),
        )

    def _live_session(self, conversation_id: str) -> LiveSession | None:
        """The live chat session, or None (also while the shared state is down: the bot answers)."""
        try:
            return self._live.session(conversation_id, person=True)
        except SharedStateUnavailable:
            self._metrics.count("live_state_unavailable")
            return None

    def _count_turn(self, crisis: bool, channel: str, started: float) -> None:
        """Counts only, never text: the turn, its latency, and a crisis reply per channel."""
        if crisis:
            self._metrics.count("crisis_replies")
            self._metrics.count(f"crisis_replies_{channel}")
        self._metrics.count("chat_turns")
        self._metrics.observe_latency(time.perf_counter() - started)

    async def _available(
        self, offers: list[Offer], conversation_id: str, establishment: str | None
    ) -> list[Offer]:
        """A live chat is offered only while a counsellor who serves the person's establishment
        is at the console (api/counsellors/availability.py); never a false hope."""
        if "live_chat" not in offers:
            return offers
        if self._counsellors_for is not None:
            available = await self._counsellors_for(conversation_id, establishment)
        else:
            available = self._counsellors_present()
        return offers if available else [offer for offer in offers if offer != "live_chat"]

    def _status(self, live: LiveSession | None) -> LiveStatus | None:
        if live is None or live.state == "ended":
            return None
        try:
            position = self._live.position(live)
        except SharedStateUnavailable:
            position = None
        return LiveStatus(state=live.state, position=position, agent=live.agent)
