"""POST /api/chat: the web chat's one endpoint."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Request

from api.chat.schemas import ChatRequest, ChatResponse, ErrorResponse
from api.conversations.tokens import ConversationTokensDep
from api.deps import ChatServiceDep, RegistryDep, SettingsDep
from api.errors import MessageTooLong, TooManyRequests
from api.establishments.access import require_establishment
from api.throttling import ThrottleDep, client_of

router = APIRouter(prefix="/api", tags=["chat"])


@router.post(
    "/chat",
    response_model=ChatResponse,
    responses={
        401: {"model": ErrorResponse},
        413: {"model": ErrorResponse},
        422: {"model": ErrorResponse},
        429: {"model": ErrorResponse},
    },
)
async def chat(
    request: ChatRequest,
    http: Request,
    throttle: ThrottleDep,
    service: ChatServiceDep,
    settings: SettingsDep,
    registry: RegistryDep,
    tokens: ConversationTokensDep,
    x_conversation_token: Annotated[str | None, Header()] = None,
) -> ChatResponse:
    """A conversation is continued only with the token its first reply carried."""
    if request.conversation_id is not None:
        tokens.require(request.conversation_id, x_conversation_token)
    if len(request.message) > settings.max_message_chars:
        raise MessageTooLong()
    if request.establishment:
        require_establishment(registry, settings, request.establishment)
    wait = throttle.refused("chat", client_of(http), request.conversation_id)
    if wait is not None:
        # Over a limit: a message showing risk still gets the static crisis reply (Rasa is not
        # asked); any other gets 429 with the 24/7 lines.
        crisis = await service.crisis_reply(request, channel="web")
        if crisis is None:
            raise TooManyRequests(wait)
        response = crisis
    else:
        response = await service.handle(request, channel="web")
    if request.conversation_id is None:
        response.conversation_token = tokens.issue(response.conversation_id)
    return response
