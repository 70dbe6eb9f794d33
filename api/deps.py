"""Dependency aliases: the objects created once by the lifespan, handed to the routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.callbacks.worker import Callbacks
from api.chat.rasa_client import RasaClient
from api.chat.service import ChatService
from api.conversations.records import ConversationRecords
from api.errors import AgentUnauthorized
from api.indicators.recorder import IndicatorRecorder
from api.live.auth import AgentAuth
from api.live.queue import LiveChat
from api.metrics import Metrics
from api.settings import Settings, get_settings
from directory.models import Registry


def _chat_service(request: Request) -> ChatService:
    return request.app.state.chat_service  # type: ignore[no-any-return]


def _rasa(request: Request) -> RasaClient:
    return request.app.state.rasa  # type: ignore[no-any-return]


def _registry(request: Request) -> Registry:
    return request.app.state.registry  # type: ignore[no-any-return]


def _metrics(request: Request) -> Metrics:
    return request.app.state.metrics  # type: ignore[no-any-return]


def _callbacks(request: Request) -> Callbacks:
    return request.app.state.callbacks  # type: ignore[no-any-return]


def _agent_auth(request: Request) -> AgentAuth:
    return request.app.state.agent_auth  # type: ignore[no-any-return]


def _live_chat(request: Request) -> LiveChat:
    return request.app.state.live_chat  # type: ignore[no-any-return]


def _conversation_records(request: Request) -> ConversationRecords:
    return request.app.state.conversation_records  # type: ignore[no-any-return]


def _indicators(request: Request) -> IndicatorRecorder:
    return request.app.state.indicators  # type: ignore[no-any-return]


def bearer_token(request: Request) -> str:
    """The token of `Authorization: Bearer <token>`, or AgentUnauthorized."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AgentUnauthorized()
    return token.strip()


async def _agent(request: Request) -> str:
    # async: runs on the event loop, like every other user of AgentAuth and LiveChat.
    name = _agent_auth(request).agent_for(bearer_token(request))
    if name is None:
        raise AgentUnauthorized()
    return name


SettingsDep = Annotated[Settings, Depends(get_settings)]
ChatServiceDep = Annotated[ChatService, Depends(_chat_service)]
RasaDep = Annotated[RasaClient, Depends(_rasa)]
MetricsDep = Annotated[Metrics, Depends(_metrics)]
RegistryDep = Annotated[Registry, Depends(_registry)]
CallbacksDep = Annotated[Callbacks, Depends(_callbacks)]
AgentAuthDep = Annotated[AgentAuth, Depends(_agent_auth)]
LiveChatDep = Annotated[LiveChat, Depends(_live_chat)]
IndicatorsDep = Annotated[IndicatorRecorder, Depends(_indicators)]
# Rasa's tracker store as the gateway reads it (history, establishments), erases and purges it.
ConversationRecordsDep = Annotated[ConversationRecords, Depends(_conversation_records)]
# The signed-in counsellor's name; 401 without a valid `Authorization: Bearer <token>`.
AgentDep = Annotated[str, Depends(_agent)]
