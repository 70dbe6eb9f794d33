"""The person's side of a live chat: ask for a counsellor, follow what happens, or cancel.

Messages to the counsellor go through POST /api/chat, which routes them while a counsellor holds
the conversation (api/chat_service.py).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query

from api.chat.schemas import CONVERSATION_ID_PATTERN, ErrorResponse, HandoffResource
from api.conversations.tokens import VerifiedConversation
from api.counsellors.availability import AvailabilityDep
from api.deps import IndicatorsDep, LiveChatDep, MetricsDep, RegistryDep, SettingsDep
from api.errors import LiveQueueFull, NoCounsellorForEstablishment
from api.live.schemas import LiveEventOut, LiveEventsResponse, LiveRequestResponse
from api.live.texts import PERSON_LEFT, wait_explanation
from api.throttling import limit
from directory import render

# Every route needs the conversation's X-Conversation-Token (401 otherwise).
router = APIRouter(prefix="/api/live", tags=["live chat"], dependencies=[VerifiedConversation])

ConversationId = Annotated[str, Path(pattern=CONVERSATION_ID_PATTERN)]
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse},
    404: {"model": ErrorResponse},
}


@router.post(
    "/{conversation_id}/request",
    response_model=LiveRequestResponse,
    dependencies=[limit("live_request")],
    responses={**NOT_FOUND, 409: {"model": ErrorResponse}, 429: {"model": ErrorResponse}},
)
async def request_counsellor(
    conversation_id: ConversationId,
    live: LiveChatDep,
    registry: RegistryDep,
    metrics: MetricsDep,
    settings: SettingsDep,
    indicators: IndicatorsDep,
    availability: AvailabilityDep,
    language: Annotated[Literal["fr", "en"], Query()] = "fr",
) -> LiveRequestResponse:
    """A new request is refused (409) while the counsellors at the console all serve other
    establishments: nobody would see the person waiting. With nobody at the console at all, it
    joins the queue and the explanation says plainly that nobody is online. `language`: the
    panel's (the widget's labels: English on an English page or after English replies); what
    the person reads during the live chat is in it."""
    before = live.session(conversation_id)
    new = before is None or before.state == "ended"
    if new and len(live.waiting()) >= settings.max_waiting_conversations:
        raise LiveQueueFull()
    present = availability.present()
    available = bool(present) and availability.covers(
        await availability.establishment_of(conversation_id), present
    )
    if new and present and not available:
        raise NoCounsellorForEstablishment()
    session = live.request(conversation_id, language)
    if before is None or before.order != session.order:  # a new request (stores return copies)
        metrics.count("live_requests")
        indicators.live_requested(conversation_id)
    position = live.position(session)
    lines = registry.lines_24_7()
    return LiveRequestResponse(
        conversation_id=conversation_id,
        state=session.state,
        position=position,
        counsellor_available=available,
        explanation=wait_explanation(
            position, available, render.lines_sentence(lines, language), language
        ),
        lines=[HandoffResource(**render.line_entry(line)) for line in lines],
    )


@router.get(
    "/{conversation_id}/events",
    response_model=LiveEventsResponse,
    responses=NOT_FOUND,
    dependencies=[limit("live_events", per_conversation=True)],
)
async def person_events(
    conversation_id: ConversationId, live: LiveChatDep, after: Annotated[int, Query(ge=0)] = 0
) -> LiveEventsResponse:
    session = live.require(conversation_id, person=True)
    # Crisis banners are for the counsellor: the person already got the crisis reply. The
    # person's own messages are never echoed back: their page already shows them.
    events = [
        LiveEventOut.of(e)
        for e in session.after(after)
        if e.kind != "crisis" and e.author != "person"
    ]
    return LiveEventsResponse(
        conversation_id=conversation_id,
        state=session.state,
        position=live.position(session),
        agent=session.agent,
        events=events,
    )


@router.post(
    "/{conversation_id}/cancel",
    response_model=LiveEventsResponse,
    responses=NOT_FOUND,
    dependencies=[limit("live_events", per_conversation=True)],
)
async def cancel(conversation_id: ConversationId, live: LiveChatDep) -> LiveEventsResponse:
    session = live.cancel(conversation_id, PERSON_LEFT)
    return LiveEventsResponse(
        conversation_id=conversation_id,
        state=session.state,
        position=None,
        agent=session.agent,
        events=[],
    )
