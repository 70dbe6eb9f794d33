"""Callback tickets in the agent console: the open ones with their contact details, oldest first;
read one; mark one handled; delete one at the person's request. All need a signed-in counsellor,
who sees only the tickets of the establishments they serve (api/counsellors/scope.py; others are
404), and each read, close and delete is written to the audit log (api/counsellors/audit.py)."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Response

from api.callbacks.schemas import AgentTicket, AgentTicketList
from api.callbacks.worker import Callbacks
from api.chat.schemas import ErrorResponse
from api.counsellors.scope import AuditDep, CounsellorScope, CounsellorScopeDep, require_ticket
from api.deps import CallbacksDep, IndicatorsDep, RegistryDep
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
    scope: CounsellorScopeDep, callbacks: CallbacksDep, registry: RegistryDep, audit: AuditDep
) -> AgentTicketList:
    tickets = [
        ticket for ticket in await asyncio.to_thread(callbacks.store.list_open)
        if scope.covers(ticket.establishment_id)
    ]  # fmt: skip
    audit.tickets_listed(scope.counsellor, ((t.reference, t.establishment_id) for t in tickets))
    return AgentTicketList(tickets=[_out(ticket, registry) for ticket in tickets])


async def _ticket_in_scope(reference: str, scope: CounsellorScope, callbacks: Callbacks) -> CallbackTicket:
    try:
        ticket = await asyncio.to_thread(callbacks.store.get_by_reference, reference)
    except TicketNotFound:
        raise CallbackTicketNotFound() from None
    require_ticket(ticket.establishment_id, scope)
    return ticket


@router.get("/{reference}", response_model=AgentTicket, responses={404: {"model": ErrorResponse}})
async def read_ticket(
    reference: Reference,
    scope: CounsellorScopeDep,
    callbacks: CallbacksDep,
    registry: RegistryDep,
    audit: AuditDep,
) -> AgentTicket:
    ticket = await _ticket_in_scope(reference, scope, callbacks)
    audit.ticket("callback_ticket_read", scope.counsellor, reference, ticket.establishment_id)
    return _out(ticket, registry)


@router.post(
    "/{reference}/handled", response_model=AgentTicket, responses={404: {"model": ErrorResponse}}
)
async def mark_handled(
    reference: Reference,
    scope: CounsellorScopeDep,
    callbacks: CallbacksDep,
    registry: RegistryDep,
    indicators: IndicatorsDep,
    audit: AuditDep,
) -> AgentTicket:
    await _ticket_in_scope(reference, scope, callbacks)
    now = datetime.now(UTC)
    try:
        ticket = await asyncio.to_thread(callbacks.store.mark_handled, reference, now)
    except TicketNotFound:
        raise CallbackTicketNotFound() from None
    if ticket.handled_at == now:  # handled now, not earlier
        indicators.callback_handled(ticket.establishment_id)
    audit.ticket("callback_ticket_handled", scope.counsellor, reference, ticket.establishment_id)
    return _out(ticket, registry)


@router.delete("/{reference}", status_code=204, responses={404: {"model": ErrorResponse}})
async def delete_ticket(
    reference: Reference, scope: CounsellorScopeDep, callbacks: CallbacksDep, audit: AuditDep
) -> Response:
    """Erase a ticket now, when the person asks for it."""
    ticket = await _ticket_in_scope(reference, scope, callbacks)
    try:
        await asyncio.to_thread(callbacks.store.delete, reference)
    except TicketNotFound:
        raise CallbackTicketNotFound() from None
    audit.ticket("callback_ticket_deleted", scope.counsellor, reference, ticket.establishment_id)
    return Response(status_code=204)
