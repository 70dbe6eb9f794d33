"""The indicators' recorder for the gateway, and its background task: flush the counts to the
database every few seconds (RELAIS_INDICATORS_FLUSH_SECONDS), purge expired unanswered questions
every hour, flush once more at shutdown. A database error is logged (its type only) and the counts
wait in memory for the next flush. The schema comes from the tickets' migrations (one history),
applied at start by api/callbacks/worker.py `open_callbacks`, entered before `flushing`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from api.indicators.contexts import ContextStore
from api.indicators.recorder import IndicatorRecorder
from api.settings import Settings
from indicators.store import IndicatorStore
from tickets.database import create_database_engine

logger = logging.getLogger("relais.indicators")
PURGE_EVERY_SECONDS = 3600.0


def indicator_recorder(
    settings: Settings, contexts: ContextStore | None = None
) -> IndicatorRecorder:
    """The recorder; its engine connects at the first flush, not here. `contexts`: where each
    conversation's context is kept (memory by default, Redis for several gateways)."""
    return IndicatorRecorder(
        IndicatorStore(create_database_engine(settings.database_url)),
        unanswered_establishments=settings.unanswered_establishments,
        retention_days=settings.unanswered_retention_days,
        contexts=contexts,
    )


async def flush(recorder: IndicatorRecorder) -> None:
    try:
        await asyncio.to_thread(recorder.flush)
    except Exception as error:  # kept in memory for the next round
        logger.error("indicators not flushed: %s", type(error).__name__)


async def _loop(recorder: IndicatorRecorder, interval: float) -> None:
    last_purge = -PURGE_EVERY_SECONDS
    while True:
        await asyncio.sleep(interval)
        await flush(recorder)
        if time.monotonic() - last_purge >= PURGE_EVERY_SECONDS:
            last_purge = time.monotonic()
            try:
                deleted = await asyncio.to_thread(recorder.purge)
                if deleted:
                    logger.info("%d unanswered question(s) purged", deleted)
            except Exception as error:
                logger.error("unanswered questions not purged: %s", type(error).__name__)


@asynccontextmanager
async def flushing(recorder: IndicatorRecorder, interval_seconds: float) -> AsyncIterator[None]:
    task = asyncio.create_task(_loop(recorder, interval_seconds))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await flush(recorder)
        if recorder.store is not None:
            recorder.store.dispose()
