"""POST /api/chat: the web chat's one endpoint."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header

from api.chat.schemas import ChatRequest, ChatResponse, ErrorResponse
from api.conversations.tokens import ConversationTokensDep
from api.deps import ChatServiceDep, RegistryDep, SettingsDep
from api.errors import MessageTooLong
from api.establishments.access import require_establishment

router = APIRouter(prefix="/api", tags=["chat"])


@router.post(
    "/chat",
    response_model=ChatResponse,
    responses={401: {"model": ErrorResponse}, 413: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
)
async def chat(
    request: ChatRequest,
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
    response = await service.handle(request, channel="web")
    if request.conversation_id is None:
        response.conversation_token = tokens.issue(response.conversation_id)
    return response
