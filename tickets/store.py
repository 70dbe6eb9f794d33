"""Create, list, hand over and purge callback tickets; keep each ticket's notification schedule.

A ticket is committed before anyone tries to notify the team, and a failed notification only moves
`next_attempt_at`: the ticket itself is never lost. Each retry waits twice as long as the previous
one (`backoff_seconds`, then 2×, 4×…, at most `max_backoff_seconds`); after `max_attempts` the
notification is marked `failed` and the ticket stays open in the console.

Every time is an argument (`now`, aware UTC), so schedules are tested without waiting.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from tickets.contact import Contact
from tickets.models import TIME_WINDOW_LABELS, CallbackTicket

# No 0/O, 1/I/L: a reference is read aloud on the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 6


class TicketNotFound(LookupError):
    """No ticket has this reference (never created, or already purged)."""


def new_reference() -> str:
    return "R-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


@dataclass(frozen=True)
class NotifyPolicy:
    backoff_seconds: float = 30.0
    max_attempts: int = 8
    max_backoff_seconds: float = 3600.0
    # A claimed notification is not handed out again before this, even if its sender died.
    lease_seconds: float = 120.0

    def delay_after(self, attempts: int) -> timedelta:
        """The wait after the `attempts`-th failed attempt (1 → backoff, 2 → 2×backoff, …)."""
        seconds = self.backoff_seconds * 2 ** (attempts - 1)
        return timedelta(seconds=min(seconds, self.max_backoff_seconds))


class TicketStore:
    def __init__(self, engine: Engine, policy: NotifyPolicy | None = None) -> None:
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.policy = policy or NotifyPolicy()

    def create(
        self,
        *,
        establishment_id: str,
        first_name: str,
        contact: Contact,
        time_window: str,
        now: datetime,
        retention_days: int,
        notify: bool,
    ) -> CallbackTicket:
        """Store a new open ticket; `notify=False` when no team webhook is configured."""
        if time_window not in TIME_WINDOW_LABELS:
            raise ValueError(f"unknown time window {time_window!r}")
        for _ in range(5):  # a reference collision is rare; try another one
            ticket = CallbackTicket(
                reference=new_reference(),
                created_at=now,
                establishment_id=establishment_id,
                first_name=first_name,
                contact=contact.value,
                contact_kind=contact.kind,
                time_window=time_window,
                status="open",
                notify_status="pending" if notify else "disabled",
                notify_attempts=0,
                next_attempt_at=now if notify else None,
                purge_after=now + timedelta(days=retention_days),
            )
            with self._sessions() as session:
                session.add(ticket)
                try:
                    session.commit()
                except IntegrityError:
                    session.rollback()
                    continue
            return ticket
        raise RuntimeError("could not draw a free ticket reference")

    def get_by_reference(self, reference: str) -> CallbackTicket:
        with self._sessions() as session:
            ticket = session.scalar(
                select(CallbackTicket).where(CallbackTicket.reference == reference)
            )
        if ticket is None:
            raise TicketNotFound(reference)
        return ticket

    def list_open(self) -> list[CallbackTicket]:
        """Open tickets, oldest first."""
        query = (
            select(CallbackTicket)
            .where(CallbackTicket.status == "open")
            .order_by(CallbackTicket.created_at, CallbackTicket.id)
        )
        with self._sessions() as session:
            return list(session.scalars(query))

    def mark_handled(self, reference: str, now: datetime) -> CallbackTicket:
        with self._sessions() as session:
            ticket = session.scalar(
                select(CallbackTicket).where(CallbackTicket.reference == reference)
            )
            if ticket is None:
                raise TicketNotFound(reference)
            if ticket.status != "handled":
                ticket.status = "handled"
                ticket.handled_at = now
                session.commit()
            return ticket

    def delete(self, reference: str) -> None:
        """Erase a ticket now, at the person's request."""
        with self._sessions() as session:
            deleted = session.execute(
                delete(CallbackTicket).where(CallbackTicket.reference == reference)
            ).rowcount  # type: ignore[attr-defined]
            session.commit()
        if not deleted:
            raise TicketNotFound(reference)

    def due_notifications(self, now: datetime, limit: int = 20) -> list[CallbackTicket]:
        """Claim the pending notifications due at `now`, oldest first.

        Each one is leased (its next attempt moved `lease_seconds` ahead) by a conditional update,
        so two gateway processes never send the same card, and a sender that dies mid-way only
        delays the card until the lease ends."""
        query = (
            select(CallbackTicket.id, CallbackTicket.next_attempt_at)
            .where(CallbackTicket.notify_status == "pending", CallbackTicket.next_attempt_at <= now)
            .order_by(CallbackTicket.next_attempt_at, CallbackTicket.id)
            .limit(limit)
        )
        lease_until = now + timedelta(seconds=self.policy.lease_seconds)
        claimed: list[int] = []
        with self._sessions() as session:
            for ticket_id, due_at in session.execute(query).all():
                won = session.execute(
                    update(CallbackTicket)
                    .where(
                        CallbackTicket.id == ticket_id,
                        CallbackTicket.notify_status == "pending",
                        CallbackTicket.next_attempt_at == due_at,
                    )
                    .values(next_attempt_at=lease_until)
                ).rowcount  # type: ignore[attr-defined]
                if won:
                    claimed.append(ticket_id)
            session.commit()
            if not claimed:
                return []
            order = (CallbackTicket.created_at, CallbackTicket.id)
            return list(
                session.scalars(
                    select(CallbackTicket).where(CallbackTicket.id.in_(claimed)).order_by(*order)
                )
            )

    def record_notification_success(self, reference: str, now: datetime) -> CallbackTicket:
        with self._sessions() as session:
            ticket = self._pending(session, reference)
            ticket.notify_attempts += 1
            ticket.notify_status = "sent"
            ticket.notified_at = now
            ticket.next_attempt_at = None
            session.commit()
            return ticket

    def record_notification_failure(self, reference: str, now: datetime) -> CallbackTicket:
        """Schedule the next attempt, or give up after `max_attempts` (the ticket stays)."""
        with self._sessions() as session:
            ticket = self._pending(session, reference)
            ticket.notify_attempts += 1
            if ticket.notify_attempts >= self.policy.max_attempts:
                ticket.notify_status = "failed"
                ticket.next_attempt_at = None
            else:
                ticket.next_attempt_at = now + self.policy.delay_after(ticket.notify_attempts)
            session.commit()
            return ticket

    def purge(self, now: datetime, retention_days: int | None = None) -> int:
        """Delete the tickets whose promised deletion date has come, and, when `retention_days` is
        given, those older than that (a shortened retention applies to existing tickets too).
        Returns how many were deleted."""
        condition = CallbackTicket.purge_after <= now
        if retention_days is not None:
            cutoff = now - timedelta(days=retention_days)
            condition = or_(condition, CallbackTicket.created_at <= cutoff)
        with self._sessions() as session:
            deleted = session.execute(delete(CallbackTicket).where(condition)).rowcount  # type: ignore[attr-defined]
            session.commit()
        return int(deleted)

    @staticmethod
    def _pending(session: Session, reference: str) -> CallbackTicket:
        ticket = session.scalar(select(CallbackTicket).where(CallbackTicket.reference == reference))
        if ticket is None:
            raise TicketNotFound(reference)
        if ticket.notify_status != "pending":
            raise ValueError(f"ticket {reference} has no pending notification")
        return ticket
