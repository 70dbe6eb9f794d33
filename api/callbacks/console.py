"""Callback tickets in the agent console: the open ones with their contact details, oldest first;
mark one handled; delete one at the person's request. All need a signed-in counsellor (AgentDep)."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Response

from api.callbacks.schemas import AgentTicket, AgentTicketList
from api.chat.schemas import ErrorResponse
from api.deps import AgentDep, CallbacksDep, IndicatorsDep, RegistryDep
from api.errors import CallbackTicketNotFound
from directory.models import Registry
from tickets.models import TIME_WINDOW_LABELS, CallbackTicket
from tickets.store import REFERENCE_ALPHABET, REFERENCE_LENGTH, TicketNotFound

logger = logging.getLogger("relais.callback")
router = APIRouter(prefix="/api/agent/tickets", tags=["agent"])
Reference = Annotated[str, Path(pattern=f"^R-[{REFERENCE_ALPHABET}]{{{REFERENCE_LENGTH}}}$")]


def _out(ticket: CallbackTicket, registry: Registry) -> AgentTicket:
    establishment = registry.establishment(ticket.establishment_id)
    return AgentTicket(
        reference=ticket.reference,
        created_at=ticket.created_at,
        establishment_id=ticket.establishment_id,
        establishment_name=establishment.name if establishment else ticket.establishment_id,
        first_name=ticket.first_name,
        contact=ticket.contact,
        contact_kind=ticket.contact_kind,  # type: ignore[arg-type]
        time_window=ticket.time_window,  # type: ignore[arg-type]
        time_window_label=TIME_WINDOW_LABELS.get(ticket.time_window, ticket.time_window),
        status=ticket.status,  # type: ignore[arg-type]
        notify_status=ticket.notify_status,  # type: ignore[arg-type]
        notify_attempts=ticket.notify_attempts,
        handled_at=ticket.handled_at,
        purge_after=ticket.purge_after,
    )


@router.get("", response_model=AgentTicketList)
async def open_tickets(
    agent: AgentDep, callbacks: CallbacksDep, registry: RegistryDep
) -> AgentTicketList:
    tickets = await asyncio.to_thread(callbacks.store.list_open)
    return AgentTicketList(tickets=[_out(ticket, registry) for ticket in tickets])


@router.post(
    "/{reference}/handled", response_model=AgentTicket, responses={404: {"model": ErrorResponse}}
)
async def mark_handled(
    reference: Reference,
    agent: AgentDep,
    callbacks: CallbacksDep,
    registry: RegistryDep,
    indicators: IndicatorsDep,
) -> AgentTicket:
    now = datetime.now(UTC)
    try:
        ticket = await asyncio.to_thread(callbacks.store.mark_handled, reference, now)
    except TicketNotFound:
        raise CallbackTicketNotFound() from None
    if ticket.handled_at == now:  # handled now, not earlier
        indicators.callback_handled(ticket.establishment_id)
    logger.info("callback ticket %s handled by %s", reference, agent)
    return _out(ticket, registry)


@router.delete("/{reference}", status_code=204, responses={404: {"model": ErrorResponse}})
async def delete_ticket(reference: Reference, agent: AgentDep, callbacks: CallbacksDep) -> Response:
    """Erase a ticket now, when the person asks for it."""
    try:
        await asyncio.to_thread(callbacks.store.delete, reference)
    except TicketNotFound:
        raise CallbackTicketNotFound() from None
    logger.info("callback ticket %s deleted on request by %s", reference, agent)
    return Response(status_code=204)
