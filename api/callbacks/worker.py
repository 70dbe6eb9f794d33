"""The gateway's side of callback tickets: the store, and one background task that sends the due
Teams notifications and purges expired tickets (at start, then every hour).

Logs carry ticket references only: never a name, a contact or the webhook URL (a secret).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx

from api.metrics import Metrics
from api.settings import Settings
from directory.models import Registry
from tickets.database import create_database_engine, upgrade
from tickets.models import CallbackTicket
from tickets.notifier import CardFacts, NotificationFailed, TeamsNotifier
from tickets.store import NotifyPolicy, TicketNotFound, TicketStore

logger = logging.getLogger("relais.callback")
PURGE_EVERY = timedelta(hours=1)
WEBHOOK_TIMEOUT_SECONDS = 10.0


def utc_now() -> datetime:
    return datetime.now(UTC)


class CallbackWorker:
    def __init__(
        self,
        store: TicketStore,
        notifier: TeamsNotifier | None,
        establishment_name: Callable[[str], str],
        metrics: Metrics,
        *,
        retention_days: int,
        interval_seconds: float,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._store = store
        self._notifier = notifier
        self._establishment_name = establishment_name
        self._metrics = metrics
        self._retention_days = retention_days
        self._interval = interval_seconds
        self._clock = clock
        self._wake = asyncio.Event()

    def wake(self) -> None:
        """Send without waiting for the next round (a ticket was just created)."""
        self._wake.set()

    async def send_due(self, now: datetime | None = None) -> int:
        """Try every notification due at `now` once; returns how many were accepted."""
        if self._notifier is None:
            return 0
        now = now or self._clock()
        sent = 0
        for ticket in await asyncio.to_thread(self._store.due_notifications, now):
            facts = CardFacts(
                reference=ticket.reference,
                establishment_name=self._establishment_name(ticket.establishment_id),
                time_window=ticket.time_window,
                created_at=ticket.created_at,
            )
            try:
                await self._notifier.notify(facts)
            except NotificationFailed as error:
                self._metrics.count("callback_notifications_failed")
                await self._record(
                    self._store.record_notification_failure, ticket.reference, now, error
                )
                continue
            self._metrics.count("callback_notifications_sent")
            await self._record(self._store.record_notification_success, ticket.reference, now)
            sent += 1
        return sent

    async def purge(self, now: datetime | None = None) -> int:
        now = now or self._clock()
        deleted = await asyncio.to_thread(self._store.purge, now, self._retention_days)
        if deleted:
            self._metrics.count("callback_tickets_purged", deleted)
            logger.info("purged %d expired callback ticket(s)", deleted)
        return deleted

    async def run(self) -> None:
        """Until cancelled: purge when due, send what is due, then sleep (or until woken)."""
        next_purge = self._clock()
        while True:
            self._wake.clear()
            try:
                now = self._clock()
                if now >= next_purge:
                    await self.purge(now)
                    next_purge = now + PURGE_EVERY
                await self.send_due(now)
            except Exception as error:  # a database outage must not end the loop
                logger.error(
                    "callback round failed (%s); next try in %s s",
                    type(error).__name__,
                    self._interval,
                )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._interval)

    async def _record(
        self,
        record: Callable[[str, datetime], CallbackTicket],
        reference: str,
        now: datetime,
        failure: NotificationFailed | None = None,
    ) -> None:
        try:
            ticket = await asyncio.to_thread(record, reference, now)
        except (TicketNotFound, ValueError):
            logger.info("ticket %s was deleted or handled while notifying", reference)
            return
        if failure is None:
            logger.info("ticket %s: team notified", reference)
            return
        attempts = ticket.notify_attempts
        if ticket.notify_status == "failed":
            self._metrics.count("callback_notifications_abandoned")
            logger.error(
                "ticket %s: notification abandoned after %d attempts (%s); it stays in the console",
                reference, attempts, failure,
            )  # fmt: skip
        else:
            logger.warning(
                "ticket %s: notification attempt %d failed (%s); will retry",
                reference,
                attempts,
                failure,
            )


@dataclass
class Callbacks:
    store: TicketStore
    worker: CallbackWorker
    notifications_enabled: bool


@contextlib.asynccontextmanager
async def open_callbacks(
    settings: Settings, registry: Registry, metrics: Metrics
) -> AsyncIterator[Callbacks]:
    """Migrate the database, create the store, run the worker; stop it all on exit."""
    upgrade(settings.database_url)
    engine = create_database_engine(settings.database_url)
    store = TicketStore(
        engine,
        NotifyPolicy(
            backoff_seconds=settings.notify_backoff_seconds,
            max_attempts=settings.notify_max_attempts,
        ),
    )
    client = httpx.AsyncClient(timeout=WEBHOOK_TIMEOUT_SECONDS)
    notifier = None
    if settings.callback_webhook_url:
        notifier = TeamsNotifier(settings.callback_webhook_url, settings.public_url, client)
    else:
        logger.info("no RELAIS_CALLBACK_WEBHOOK_URL: callback tickets are stored, not notified")

    def establishment_name(establishment_id: str) -> str:
        found = registry.establishment(establishment_id)
        return found.name if found else establishment_id

    worker = CallbackWorker(
        store,
        notifier,
        establishment_name,
        metrics,
        retention_days=settings.ticket_retention_days,
        interval_seconds=settings.notify_interval_seconds,
    )
    task = asyncio.create_task(worker.run(), name="callback-worker")
    try:
        yield Callbacks(store, worker, notifications_enabled=notifier is not None)
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await client.aclose()
        engine.dispose()
