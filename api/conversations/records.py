"""What the gateway keeps about a conversation, and how it goes: erased at the person's request
(`DELETE /api/conversations/{id}`), or purged after RELAIS_CONVERSATION_RETENTION_DAYS.

A conversation lives in two places: Rasa's tracker store (privacy/tracker.py; the redacted
messages and the bot's replies) and, during a live chat, the live chat's store (api/live/queue.py:
the gateway's memory, or Redis).
Nothing else links to it: callback tickets do not keep the conversation id, and the token is
computed, not stored. Logs carry counts only, never an id.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

from api.errors import SharedStateUnavailable
from api.live.queue import LiveChat
from api.metrics import Metrics
from api.settings import Settings
from privacy.files import restrict_sqlite_file
from privacy.tracker import TrackerEvents, TrackerStoreError, TrackerTurn, create_tracker_engine

logger = logging.getLogger("relais.conversations")
PURGE_EVERY_SECONDS = 3600.0


@dataclass
class ConversationRecords:
    tracker: TrackerEvents
    live: LiveChat
    metrics: Metrics
    retention_days: int
    forget: Callable[[str], None] = lambda _conversation_id: None  # the chat service's memories

    async def erase(self, conversation_id: str) -> int:
        """Erase the conversation everywhere at once; TrackerStoreError if the store is down
        (the live transcript is dropped anyway); SharedStateUnavailable if Redis is down (the
        tracker events are erased anyway; the transcript expires with its session)."""
        unavailable: SharedStateUnavailable | None = None
        for erase in (self.forget, self.live.erase):  # each, whatever the other did
            try:
                erase(conversation_id)
            except SharedStateUnavailable as error:
                unavailable = error
        if unavailable is not None:
            await asyncio.to_thread(self.tracker.erase, conversation_id)
            raise unavailable
        deleted = await asyncio.to_thread(self.tracker.erase, conversation_id)
        self.metrics.count("conversations_erased")
        return deleted

    async def turns(self, conversation_id: str) -> list[TrackerTurn]:
        """What the person and the bot said (the console's history); TrackerStoreError if the
        store does not answer."""
        return await asyncio.to_thread(self.tracker.turns, conversation_id)

    async def establishments(self, conversation_ids: list[str]) -> dict[str, str]:
        """The establishment of each conversation the store knows one for (TrackerStoreError)."""
        return await asyncio.to_thread(self.tracker.establishments, conversation_ids)

    async def purge(self) -> int:
        deleted = await asyncio.to_thread(self.tracker.purge, self.retention_days)
        if deleted:
            self.metrics.count("tracker_events_purged", deleted)
            logger.info("purged %d tracker event(s) older than %d days", deleted, self.retention_days)
        return deleted

    async def purge_every_hour(self, interval_seconds: float = PURGE_EVERY_SECONDS) -> None:
        while True:
            try:
                await self.purge()
            except (TrackerStoreError, OSError) as error:
                logger.error("tracker purge failed (%s); next try in %d s", error, interval_seconds)
            await asyncio.sleep(interval_seconds)


@contextlib.asynccontextmanager
async def open_records(
    settings: Settings, live: LiveChat, metrics: Metrics, forget: Callable[[str], None] | None = None
) -> AsyncIterator[ConversationRecords]:
    """The tracker store's engine and the hourly purge (the first one at start). `forget`: what
    else erasure clears (the chat's risk window)."""
    engine = create_tracker_engine(settings.tracker_url)
    records = ConversationRecords(TrackerEvents(engine), live, metrics, settings.conversation_retention_days)
    if forget is not None:
        records.forget = forget
    task = asyncio.create_task(records.purge_every_hour(), name="tracker-purge")
    restrict_sqlite_file(settings.tracker_url)
    try:
        yield records
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        engine.dispose()
