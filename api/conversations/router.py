"""DELETE /api/conversations/{id}: the person erases their conversation, at once."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response

from api.chat.schemas import CONVERSATION_ID_PATTERN, ErrorResponse
from api.conversations.records import ConversationRecords
from api.conversations.tokens import VerifiedConversation
from api.errors import ErasureUnavailable
from privacy.tracker import TrackerStoreError

router = APIRouter(prefix="/api/conversations", tags=["conversations"])


def _records(request: Request) -> ConversationRecords:
    return request.app.state.conversation_records  # type: ignore[no-any-return]


@router.delete(
    "/{conversation_id}",
    status_code=204,
    dependencies=[VerifiedConversation],
    responses={401: {"model": ErrorResponse}, 503: {"model": ErrorResponse}},
)
async def erase_conversation(
    conversation_id: Annotated[str, Path(pattern=CONVERSATION_ID_PATTERN)],
    records: Annotated[ConversationRecords, Depends(_records)],
) -> Response:
    """Erases the bot's record of the conversation (Rasa's tracker) and any live transcript."""
    try:
        await records.erase(conversation_id)
    except TrackerStoreError:
        raise ErasureUnavailable() from None
    return Response(status_code=204)
