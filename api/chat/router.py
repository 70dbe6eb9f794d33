"""POST /api/chat: the web chat's one endpoint."""

from __future__ import annotations

from fastapi import APIRouter

from api.chat.schemas import ChatRequest, ChatResponse, ErrorResponse
from api.deps import ChatServiceDep, RegistryDep, SettingsDep
from api.errors import MessageTooLong
from api.establishments.access import require_establishment

router = APIRouter(prefix="/api", tags=["chat"])


@router.post(
    "/chat",
    response_model=ChatResponse,
    responses={413: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
)
async def chat(
    request: ChatRequest, service: ChatServiceDep, settings: SettingsDep, registry: RegistryDep
) -> ChatResponse:
    if len(request.message) > settings.max_message_chars:
        raise MessageTooLong()
    if request.establishment:
        require_establishment(registry, settings, request.establishment)
    return await service.handle(request, channel="web")
