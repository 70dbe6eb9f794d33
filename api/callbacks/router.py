"""The callback form ("être rappelé"): GET /api/callback/notice, POST /api/callback.

Consent first: without `"consent": true` nothing is read or kept. Logs name the ticket by its
reference only; never the name or the contact.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from fastapi import APIRouter, Request
from sqlalchemy.exc import SQLAlchemyError

from api.callbacks import texts as callback_texts
from api.callbacks.schemas import CallbackCreated, CallbackNotice, CallbackRequest
from api.callbacks.worker import PURGE_EVERY
from api.chat.schemas import ErrorResponse
from api.deps import CallbacksDep, IndicatorsDep, MetricsDep, RegistryDep, SettingsDep
from api.errors import CallbackEstablishmentUnknown, CallbackUnavailable
from api.establishments.access import visible
from api.throttling import ThrottleDep, client_of
from directory import render
from tickets.contact import parse_contact

logger = logging.getLogger("relais.callback")
router = APIRouter(prefix="/api/callback", tags=["callback"])


@router.get("/notice", response_model=CallbackNotice)
async def notice(settings: SettingsDep, registry: RegistryDep) -> CallbackNotice:
    """What is stored, who sees it, when it is deleted; to show next to the consent box."""
    return callback_texts.notice(settings.ticket_retention_days, render.line_words(registry))


@router.post(
    "",
    status_code=201,
    response_model=CallbackCreated,
    responses={422: {"model": ErrorResponse}, 429: {"model": ErrorResponse}, 503: {"model": ErrorResponse}},
)
async def request_callback(
    request: CallbackRequest,
    settings: SettingsDep,
    registry: RegistryDep,
    callbacks: CallbacksDep,
    metrics: MetricsDep,
    http: Request,
    throttle: ThrottleDep,
    indicators: IndicatorsDep,
) -> CallbackCreated:
    establishment = registry.establishment(request.establishment)
    if establishment is None or not visible(establishment, settings):
        raise CallbackEstablishmentUnknown()
    # Per client address, for everyone, and per contact: nobody floods a number with calls.
    contact = parse_contact(request.contact)
    throttle.check("callback", client_of(http), f"{contact.kind}:{contact.value.lower()}")
    try:
        ticket = await asyncio.to_thread(
            callbacks.store.create,
            establishment_id=establishment.id,
            first_name=request.first_name,
            contact=contact,
            time_window=request.time_window,
            now=datetime.now(UTC),
            retention_days=settings.ticket_retention_days,
            notify=callbacks.notifications_enabled,
        )
    except SQLAlchemyError as error:
        logger.error("callback ticket not stored: %s", type(error).__name__)
        raise CallbackUnavailable() from None
    metrics.count("callback_tickets_created")
    indicators.callback_created(establishment.id, request.conversation_id)
    logger.info("callback ticket %s created", ticket.reference)
    callbacks.worker.wake()
    deleted_by = ticket.purge_after + PURGE_EVERY
    lines = render.line_words(registry)
    return CallbackCreated(
        reference=ticket.reference,
        purge_after=ticket.purge_after,
        message_fr=callback_texts.confirmation_fr(
            ticket.reference, ticket.time_window, deleted_by, lines
        ),
        message_en=callback_texts.confirmation_en(
            ticket.reference, ticket.time_window, deleted_by, lines
        ),
    )
