"""TicketStore on a migrated database (SQLite and PostgreSQL): times are arguments, no waiting."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from tickets.contact import parse_contact
from tickets.models import CallbackTicket
from tickets.store import NotifyPolicy, TicketNotFound, TicketStore

T0 = datetime(2026, 11, 20, 14, 5, tzinfo=UTC)
POLICY = NotifyPolicy(
    backoff_seconds=10, max_attempts=5, max_backoff_seconds=3600, lease_seconds=60
)


def new_ticket(
    store: TicketStore,
    now: datetime = T0,
    notify: bool = True,
    retention_days: int = 30,
    **fields: str,
) -> CallbackTicket:
    return store.create(
        establishment_id=fields.get("establishment_id", "demo"),
        first_name=fields.get("first_name", "Marie"),
        contact=parse_contact(fields.get("contact", "514 555-0100")),
        time_window=fields.get("time_window", "matin"),
        now=now,
        retention_days=retention_days,
        notify=notify,
    )


def count(engine: Engine) -> int:
    with Session(engine) as session:
        return int(session.scalar(select(func.count()).select_from(CallbackTicket)) or 0)


@pytest.fixture
def store(engine: Engine) -> TicketStore:
    return TicketStore(engine, POLICY)


def test_a_new_ticket_keeps_what_was_given_and_is_due_for_notification_at_once(
    store: TicketStore,
) -> None:
    created = new_ticket(
        store, first_name="Marie-Ève", contact="marie@exemple.ca", time_window="soir"
    )
    assert re.fullmatch(r"R-[2-9A-HJ-NP-Z]{6}", created.reference)
    stored = store.get_by_reference(created.reference)
    assert (stored.first_name, stored.contact, stored.contact_kind) == (
        "Marie-Ève",
        "marie@exemple.ca",
        "email",
    )
    assert (stored.establishment_id, stored.time_window, stored.status) == ("demo", "soir", "open")
    assert stored.created_at == T0 and stored.created_at.tzinfo is not None
    assert stored.purge_after == T0 + timedelta(days=30)
    assert (stored.notify_status, stored.notify_attempts, stored.next_attempt_at) == (
        "pending",
        0,
        T0,
    )


def test_without_a_webhook_the_ticket_is_stored_with_notifications_disabled(
    store: TicketStore,
) -> None:
    created = new_ticket(store, notify=False)
    assert store.get_by_reference(created.reference).notify_status == "disabled"
    assert store.due_notifications(T0 + timedelta(days=1)) == []
    assert [t.reference for t in store.list_open()] == [created.reference]


def test_open_tickets_are_listed_oldest_first_and_handled_ones_leave_the_list(
    store: TicketStore,
) -> None:
    late = new_ticket(store, now=T0 + timedelta(minutes=5))
    early = new_ticket(store, now=T0)
    middle = new_ticket(store, now=T0 + timedelta(minutes=1))
    assert [t.reference for t in store.list_open()] == [
        early.reference,
        middle.reference,
        late.reference,
    ]

    handled = store.mark_handled(middle.reference, T0 + timedelta(hours=1))
    assert (handled.status, handled.handled_at) == ("handled", T0 + timedelta(hours=1))
    assert store.mark_handled(
        middle.reference, T0 + timedelta(hours=2)
    ).handled_at == T0 + timedelta(hours=1)
    assert [t.reference for t in store.list_open()] == [early.reference, late.reference]
    assert store.get_by_reference(middle.reference).status == "handled"  # kept until the purge
    with pytest.raises(TicketNotFound):
        store.mark_handled("R-ZZZZZZ", T0)


def test_failures_back_off_exponentially_then_give_up_without_losing_the_ticket(
    store: TicketStore,
) -> None:
    reference = new_ticket(store).reference
    now = T0
    waits = []
    for _ in range(POLICY.max_attempts - 1):
        assert [t.reference for t in store.due_notifications(now)] == [reference]
        ticket = store.record_notification_failure(reference, now)
        assert ticket.notify_status == "pending" and ticket.next_attempt_at is not None
        waits.append((ticket.next_attempt_at - now).total_seconds())
        assert store.due_notifications(ticket.next_attempt_at - timedelta(microseconds=1)) == []
        now = ticket.next_attempt_at
    assert waits == [10, 20, 40, 80]

    assert [t.reference for t in store.due_notifications(now)] == [reference]
    last = store.record_notification_failure(reference, now)
    assert (last.notify_status, last.notify_attempts, last.next_attempt_at) == ("failed", 5, None)
    assert store.due_notifications(now + timedelta(days=1)) == []
    assert [t.reference for t in store.list_open()] == [reference]


def test_the_wait_never_exceeds_the_maximum() -> None:
    policy = NotifyPolicy(backoff_seconds=30, max_attempts=20, max_backoff_seconds=3600)
    assert [policy.delay_after(n).total_seconds() for n in (1, 2, 7, 8, 15)] == [
        30,
        60,
        1920,
        3600,
        3600,
    ]


def test_success_records_the_time_and_stops_the_schedule(store: TicketStore) -> None:
    reference = new_ticket(store).reference
    store.due_notifications(T0)
    store.record_notification_failure(reference, T0)
    due = T0 + timedelta(seconds=10)
    store.due_notifications(due)
    sent = store.record_notification_success(reference, due)
    assert (sent.notify_status, sent.notify_attempts, sent.notified_at, sent.next_attempt_at) == (
        "sent",
        2,
        due,
        None,
    )
    assert store.due_notifications(T0 + timedelta(days=1)) == []
    with pytest.raises(ValueError):
        store.record_notification_success(reference, due)


def test_a_claimed_notification_is_handed_out_once_until_its_lease_ends(
    store: TicketStore, engine: Engine
) -> None:
    first, second = (
        new_ticket(store).reference,
        new_ticket(store, now=T0 + timedelta(seconds=1)).reference,
    )
    now = T0 + timedelta(seconds=2)
    assert [t.reference for t in store.due_notifications(now)] == [first, second]
    other_gateway = TicketStore(engine, POLICY)
    assert other_gateway.due_notifications(now) == []
    # The sender died without recording anything: the card goes out after the lease.
    later = now + timedelta(seconds=POLICY.lease_seconds)
    assert [t.reference for t in other_gateway.due_notifications(later)] == [first, second]


def test_a_reference_collision_draws_another_reference(
    store: TicketStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = iter(["R-AAAAAA", "R-AAAAAA", "R-BBBBBB"])
    monkeypatch.setattr("tickets.store.new_reference", lambda: next(drawn))
    assert new_ticket(store).reference == "R-AAAAAA"
    assert new_ticket(store).reference == "R-BBBBBB"


def test_purge_deletes_exactly_the_tickets_whose_date_has_come(
    store: TicketStore, engine: Engine
) -> None:
    old = new_ticket(store, now=T0, retention_days=30)
    young = new_ticket(store, now=T0 + timedelta(days=1), retention_days=30)
    handled = new_ticket(store, now=T0, retention_days=30)
    store.mark_handled(handled.reference, T0 + timedelta(hours=1))
    deadline = T0 + timedelta(days=30)

    assert store.purge(deadline - timedelta(microseconds=1)) == 0
    assert count(engine) == 3
    assert store.purge(deadline) == 2  # handled or not, the promised date is the date
    with pytest.raises(TicketNotFound):
        store.get_by_reference(old.reference)
    assert [t.reference for t in store.list_open()] == [young.reference]
    assert store.purge(deadline) == 0


def test_a_shortened_retention_applies_to_existing_tickets(
    store: TicketStore, engine: Engine
) -> None:
    new_ticket(store, now=T0, retention_days=30)
    recent = new_ticket(store, now=T0 + timedelta(days=8), retention_days=30)
    now = T0 + timedelta(days=10)
    assert store.purge(now, retention_days=10) == 1
    assert [t.reference for t in store.list_open()] == [recent.reference]


def test_a_ticket_can_be_deleted_at_the_persons_request(store: TicketStore, engine: Engine) -> None:
    reference = new_ticket(store).reference
    store.delete(reference)
    assert count(engine) == 0
    with pytest.raises(TicketNotFound):
        store.delete(reference)
    with pytest.raises(TicketNotFound):
        store.record_notification_failure(reference, T0)


def test_naive_datetimes_are_refused(store: TicketStore) -> None:
    with pytest.raises(Exception, match="naive"):
        new_ticket(store, now=datetime(2026, 11, 20, 14, 5))
