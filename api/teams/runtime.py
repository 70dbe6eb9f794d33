"""Everything Teams needs at run time, created once by the gateway's lifespan (api/main.py)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from api.chat.crisis_check import CrisisCheck
from api.chat.service import ChatService
from api.counsellors.availability import CounsellorAvailability
from api.live.queue import LiveChat
from api.metrics import Metrics
from api.settings import Settings
from api.shared.redis_client import SharedRedis
from api.teams.channel import ChannelAnswers, ChannelWebhook
from api.teams.config import TeamsConfig, TeamsConfigError
from api.teams.knowledge import ChannelKnowledge
from api.teams.personal import PersonalChat
from directory.models import Registry

logger = logging.getLogger("relais.teams")


@dataclass
class Teams:
    config: TeamsConfig | None
    channel: ChannelWebhook | None = None
    personal: PersonalChat | None = None
    answers: ChannelAnswers | None = None


@asynccontextmanager
async def open_teams(
    settings: Settings,
    registry: Registry,
    chat_service: ChatService,
    live_chat: LiveChat,
    crisis_check: CrisisCheck,
    counsellors_present: Callable[[], bool] = lambda: False,
    metrics: Metrics | None = None,
    shared: SharedRedis | None = None,
    availability: CounsellorAvailability | None = None,
) -> AsyncIterator[Teams]:
    """The configured halves of Teams; nothing at all (both routes 503) without settings.
    `shared`: Redis for several gateways (activity ids seen, conversation references), else memory."""
    # The SDK logs Teams conversation ids at INFO: keep it to warnings and errors.
    logging.getLogger("microsoft_agents").setLevel(logging.WARNING)
    try:
        config = TeamsConfig.from_settings(settings)
    except TeamsConfigError as error:
        # Teams stays off (503), the web keeps working: a Teams setting never stops the gateway.
        logger.error("teams: off, the settings are unusable: %s", error)
        yield Teams(None)
        return
    teams = Teams(config)
    loading: asyncio.Task[None] | None = None
    if config.channel_enabled or config.personal_enabled:
        knowledge = ChannelKnowledge(settings.index_dir)
        loading = asyncio.create_task(knowledge.load())
        teams.answers = ChannelAnswers(registry, crisis_check, knowledge, config.app_id, metrics)
    if config.webhook_keys and teams.answers is not None:
        teams.channel = ChannelWebhook(config.webhook_keys, teams.answers, metrics, shared=shared)
        logger.info("teams: channel webhook on (POST /api/teams/webhook)")
    if config.personal_enabled:
        teams.personal = PersonalChat(
            config,
            registry,
            chat_service,
            live_chat,
            counsellors_present,
            teams.answers,
            settings.max_message_chars,
            metrics,
            shared,
            availability,
        )
        await teams.personal.start()
        mode = "ANONYMOUS (development)" if config.anonymous else f"tenant {config.tenant_id}"
        logger.info("teams: personal chat on (POST /api/teams/messages), %s", mode)
    try:
        yield teams
    finally:
        if loading is not None:
            loading.cancel()
        if teams.personal is not None:
            await teams.personal.stop()
