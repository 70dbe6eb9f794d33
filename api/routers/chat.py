"""POST /api/chat: the web chat's one endpoint."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import ChatServiceDep, RegistryDep, SettingsDep
from api.errors import MessageTooLong, UnknownEstablishment
from api.schemas import ChatRequest, ChatResponse, ErrorResponse

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
        establishment = registry.establishment(request.establishment)
        # The fictional demo establishment exists for tests and demos only.
        if establishment is None or (establishment.fictional and settings.environment != "development"):
            raise UnknownEstablishment()
    return await service.handle(request, channel="web")
