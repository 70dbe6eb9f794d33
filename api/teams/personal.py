"""The personal (one-to-one) chat with Relais in Teams, through the Microsoft 365 Agents SDK.

Each activity is authenticated (api/teams/auth.py), its reply address checked, deduplicated by
id (Teams redelivers), acknowledged with 202 at once and handled in the background: the person
is `teams:` + an HMAC of tenant and AAD object id (no raw Teams id reaches Rasa or the logs), and
the message goes through the web's chat service (redaction, crisis check, Rasa, fallback, live
chat). A counsellor's messages and the end of a live chat reach the person proactively, with the
conversation reference kept in memory (like live transcripts, a restart drops them), or in Redis
with several gateways (api/teams/stores.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
from collections.abc import Callable
from typing import Any

from microsoft_agents.activity import Activity
from microsoft_agents.hosting.core import TurnContext
from microsoft_agents.hosting.core.authorization import ClaimsIdentity
from microsoft_agents.hosting.fastapi import CloudAdapter
from pydantic import ValidationError

from api.chat.schemas import ChatRequest
from api.chat.service import ChatService
from api.counsellors.availability import CounsellorAvailability
from api.errors import MessageTooLong, NoCounsellorForEstablishment
from api.live import texts as live_texts
from api.live.queue import LiveChat
from api.metrics import Metrics
from api.shared.redis_client import SharedRedis
from api.teams import cards, texts
from api.teams.auth import BotAuthenticator, ServiceUrlValidator
from api.teams.channel import ChannelAnswers, clean_text
from api.teams.config import TeamsConfig
from api.teams.connector import ConnectorFactory, UntrustedServiceUrl
from api.teams.errors import TeamsBadActivity, TeamsUnauthorized, TeamsUntrustedServiceUrl
from api.teams.live_relay import LiveRelay
from api.teams.messages import activities_for, card_activity, phone_links, with_tel_links
from api.teams.stores import reference_store, seen_store
from api.teams.texts import Language
from api.teams.tokens import ClientCredentialsTokens, TokenUnavailable
from directory import render
from directory.models import Registry

logger = logging.getLogger("relais.teams")

TYPING_EVERY_SECONDS = 2.5
PERSON_PREFIX = "teams:"


def submitted(value: Any) -> dict[str, Any]:
    """A button's data: an object, or the JSON string of a messageBack `value`."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return value if isinstance(value, dict) else {}


def person_id(key: bytes, tenant_id: str, object_id: str) -> str:
    digest = hmac.new(key, f"{tenant_id}:{object_id}".encode(), hashlib.sha256).hexdigest()
    return PERSON_PREFIX + digest[:40]


class PersonalChat:
    def __init__(
        self,
        config: TeamsConfig,
        registry: Registry,
        chat_service: ChatService,
        live_chat: LiveChat,
        counsellors_present: Callable[[], bool] = lambda: False,
        channel_answers: ChannelAnswers | None = None,
        max_message_chars: int = 2000,
        metrics: Metrics | None = None,
        shared: SharedRedis | None = None,
        availability: CounsellorAvailability | None = None,
    ) -> None:
        self._metrics = metrics or Metrics()
        self._availability = availability
        self._config = config
        self._registry = registry
        self._chat = chat_service
        self._live = live_chat
        self._counsellors_present = counsellors_present
        self._channel_answers = channel_answers
        self._max_chars = max_message_chars
        self._auth = BotAuthenticator(config)
        self.service_urls = ServiceUrlValidator(config.allowed_service_urls)
        self.tokens: ClientCredentialsTokens | None = None
        if config.app_secret:
            self.tokens = ClientCredentialsTokens(
                config.token_url, config.app_id, config.app_secret, config.token_timeout_seconds
            )
        self.adapter = CloudAdapter(
            channel_service_client_factory=ConnectorFactory(
                self.tokens, self.service_urls, config.app_id
            ),
            host_validator=self.service_urls,
        )
        self.adapter.on_turn_error = self._on_turn_error
        # Memory, or Redis shared by the gateways (api/teams/stores.py).
        self._seen = seen_store(shared, "personal", ttl_seconds=3600.0)
        self._tasks: set[asyncio.Task[None]] = set()
        self._links = phone_links(registry)
        self.relay = LiveRelay(
            live_chat, self.adapter, config.app_id, self._links, self._metrics, reference_store(shared)
        )
        self._watcher: asyncio.Task[None] | None = None

    # Lifecycle.

    async def start(self) -> None:
        self._watcher = asyncio.create_task(self.relay.watch())
        if self.tokens is not None:
            self._spawn(self._warm_token())

    async def stop(self) -> None:
        if self._watcher is not None:
            self._watcher.cancel()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self.tokens is not None:
            await self.tokens.close()

    async def idle(self) -> None:
        """Wait for the activities in progress (tests)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def _warm_token(self) -> None:
        assert self.tokens is not None
        try:
            await self.tokens.get_access_token()
            logger.info("teams: bot token obtained from %s", self._config.token_url)
        except TokenUnavailable as error:
            logger.error("teams: the personal chat cannot answer yet: %s", error)

    # The route's side.

    async def authenticate(self, authorization: str | None) -> ClaimsIdentity:
        try:
            return await self._auth.authenticate(authorization)
        except TeamsUnauthorized:
            self._metrics.count("teams_requests_refused")
            raise

    def accept(self, claims: ClaimsIdentity, body: dict[str, Any]) -> None:
        """Check the activity, drop a redelivery, and handle it in the background."""
        try:
            activity = Activity.model_validate(body)
        except ValidationError:
            raise TeamsBadActivity() from None
        if not activity.type or not activity.conversation or not activity.conversation.id:
            raise TeamsBadActivity()
        service_url = activity.service_url or ""
        if not self.service_urls.is_allowed(service_url) or not self.service_urls.matches_claims(
            claims, service_url
        ):
            self._metrics.count("teams_requests_refused")
            logger.warning("teams: activity refused: serviceUrl outside the allowed hosts")
            raise TeamsUntrustedServiceUrl()
        if not self._config.anonymous and activity.conversation.tenant_id not in (
            None,
            self._config.tenant_id,
        ):
            logger.warning("teams: activity from another tenant ignored")
            return
        if activity.id and not self._seen.first_time(f"{activity.conversation.id}|{activity.id}"):
            self._metrics.count("teams_redeliveries_ignored")
            logger.info("teams: redelivered activity ignored")
            return
        self._spawn(self._process(claims, activity))

    def _spawn(self, work: Any) -> None:
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _process(self, claims: ClaimsIdentity, activity: Activity) -> None:
        try:
            await self.adapter.process_activity(claims, activity, self.on_turn)
        except TokenUnavailable as error:
            self._metrics.count("teams_token_failures")
            logger.error("teams: no reply sent, no token for the Bot Connector: %s", error)
        except UntrustedServiceUrl as error:
            logger.error("teams: no reply sent: %s", error)
        except Exception as error:  # noqa: BLE001 - a background turn must never die silently
            logger.error("teams: turn failed (%s)", type(error).__name__)

    async def _on_turn_error(self, context: TurnContext, error: Exception) -> None:
        """Instead of the SDK's "Exception caught : …": an apology and the 24/7 lines."""
        logger.error("teams: turn failed (%s)", type(error).__name__)
        language = texts.language_of(context.activity.locale)
        message = texts.TURN_FAILED[language].format(lines=render.lines_text(self._registry))
        with contextlib.suppress(Exception):
            await context.send_activity(with_tel_links(message, self._links))

    # The bot.

    async def on_turn(self, context: TurnContext) -> None:
        activity = context.activity
        language = texts.language_of(activity.locale)
        if activity.type == "conversationUpdate":
            await self._welcome(context, language)
            return
        if activity.type != "message":
            return
        conversation_type = activity.conversation.conversation_type
        if conversation_type not in (None, "personal"):
            await self._in_team(context)
            return
        person = self._person(activity)
        self.relay.remember(person, activity.get_conversation_reference())
        value = submitted(activity.value)
        # A button says which language its reply was in; else the Teams locale breaks a tie.
        said = value.get("relais_language")
        remembered = said if said in ("fr", "en") else language
        if value.get("relais_action") == "live_chat":
            await self._request_live_chat(context, person, remembered)
            return
        payload = value.get("relais_payload")
        message = (
            payload if isinstance(payload, str) and payload else clean_text(activity.text or "")
        )
        if not message:
            return
        if len(message) > self._max_chars:
            await context.send_activity(
                MessageTooLong.message_fr if language == "fr" else MessageTooLong.message_en
            )
            return
        request = ChatRequest.model_construct(
            # model_construct: the web's id pattern has no room for the `teams:` prefix, which
            # keeps the two channels' ids apart; the text is checked above.
            conversation_id=person,
            message=message,
            establishment=None,
            audience=None,
            language=remembered,
        )
        typing = asyncio.create_task(self._typing(context))
        try:
            response = await self._chat.handle(request, channel="teams")
        finally:
            typing.cancel()
        replies = activities_for(
            response, self._registry, response.language, self._config.public_url
        )
        if replies:
            await context.send_activities(replies)

    def _person(self, activity: Activity) -> str:
        sender = activity.from_property
        object_id = (
            (sender.aad_object_id if sender else None) or (sender.id if sender else "") or ""
        )
        tenant = activity.conversation.tenant_id or self._config.tenant_id
        return person_id(self._config.person_key, tenant, object_id)

    async def _typing(self, context: TurnContext) -> None:
        with contextlib.suppress(Exception):
            while True:
                await context.send_activity(Activity(type="typing"))
                await asyncio.sleep(TYPING_EVERY_SECONDS)

    async def _welcome(self, context: TurnContext, language: Language) -> None:
        activity = context.activity
        added = activity.members_added or []
        if activity.recipient and any(m.id == activity.recipient.id for m in added):
            emergency = self._registry.emergency_line().phone or ""
            await context.send_activity(
                with_tel_links(texts.WELCOME[language].format(emergency=emergency), self._links)
            )

    async def _in_team(self, context: TurnContext) -> None:
        """An @mention of the bot in a team or group chat: the channel's answer, nothing kept."""
        text = clean_text(context.activity.text or "")
        language = texts.language_of_text(text, context.activity.locale)
        if self._channel_answers is None:
            card = cards.channel_notice(texts.CHANNEL_UNSURE[language], language, None)
        else:
            card = await self._channel_answers.compose(text, language)
        await context.send_activity(card_activity(card))

    async def _request_live_chat(
        self, context: TurnContext, person: str, language: Language
    ) -> None:
        available = self._counsellors_present()
        if self._availability is not None:
            # As on the web (api/live/router.py): a new request is refused while the counsellors
            # online all serve other establishments; nobody online at all: queued, said plainly.
            present = self._availability.present()
            available = bool(present) and self._availability.covers(
                await self._availability.establishment_of(person), present
            )
            before = self._live.session(person)
            if present and not available and (before is None or before.state == "ended"):
                refusal = NoCounsellorForEstablishment()
                text = refusal.message_fr if language == "fr" else refusal.message_en
                words = {
                    **render.line_words(self._registry),
                    "lines_24_7": render.lines_sentence(self._registry.lines_24_7(), language),
                }
                await context.send_activity(with_tel_links(text.format_map(words), self._links))
                return
        session = self._live.request(person, language)
        self.relay.requested(person, session)
        explanation = live_texts.wait_explanation(
            self._live.position(session), available, render.lines_text(self._registry), language
        )
        await context.send_activity(with_tel_links(explanation, self._links))
