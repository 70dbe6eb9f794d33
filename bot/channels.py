"""A Rasa input channel that takes no messages: it makes Rasa warm itself when it starts and says
whether its tracker store really is the database (bot/credentials.yml lists it next to `rest`).

- Warm-up: once the model is loaded (Sanic's `after_server_start`, after Rasa's own
  `before_server_start` that loads the agent), one fixed question is parsed, so spaCy, DIET and
  the crisis classifier of CrisisOverride have run once before the first person's message,
  wherever Rasa is started (launcher, container, Kubernetes).
- Rasa's silent fallback: when the tracker store's database cannot be reached, Rasa 3.6 logs an
  error and keeps the conversation in an in-memory store (FailSafeTrackerStore): the replica still
  answers, but what is said is lost at the next restart and invisible to the other replicas. Every
  `TRACKER_CHECK_SECONDS` the database is read (one conversation id that never exists) and every
  fallback Rasa makes is counted.

`GET /webhooks/relais/health` answers 503 while warming, then 200 with {"warmed": true,
"tracker_store": "ok", "tracker_store_fallbacks": 0, ...}: a replica whose database is down still
answers people (200), but "tracker_store" says "unreachable" (or "in_memory" when Rasa was started
without a tracker store), and the gateway's /readyz and /metrics report it. No conversation text.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import rasa_tuning

logger = logging.getLogger("relais.rasa")
# Loaded by `rasa run` only (bot/credentials.yml): Rasa's per-message overheads (bot/rasa_tuning.py).
rasa_tuning.install()

WARM_UP_QUESTION = "C'est quoi le PAE?"
TRACKER_CHECK_SECONDS = 10.0
PROBE_SENDER = "relais-tracker-store-probe"


class HealthState:
    def __init__(self) -> None:
        self.warmed = False
        self.warm_up_seconds: float | None = None
        self.tracker_store = "unknown"  # "ok", "in_memory", "unreachable"
        self.fallbacks = 0  # times Rasa fell back to its in-memory store since it started
        self.last_fallback: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "warmed": self.warmed,
            "warm_up_seconds": self.warm_up_seconds,
            "tracker_store": self.tracker_store,
            "tracker_store_fallbacks": self.fallbacks,
            "seconds_since_last_fallback": (
                None if self.last_fallback is None else round(time.time() - self.last_fallback)
            ),
        }



def _primary_store(agent: Any) -> Any:
    """The configured store inside Rasa's FailSafeTrackerStore (and AwaitableTrackerStore)."""
    store = agent.tracker_store
    store = getattr(store, "_tracker_store", store)
    return getattr(store, "_tracker_store", store)


def watch_fallbacks(agent: Any, state: HealthState) -> None:
    """Count each fallback to memory, keeping Rasa's own error line (without the conversation)."""
    fail_safe = agent.tracker_store
    if not hasattr(fail_safe, "_on_tracker_store_error"):
        return

    def on_error(error: Exception) -> None:
        state.fallbacks += 1
        state.last_fallback = time.time()
        state.tracker_store = "unreachable"
        logger.error(
            "RELAIS_TRACKER_STORE_FALLBACK: the tracker store failed (%s); this conversation is "
            "kept in memory only until the database answers again",
            type(error).__name__,
        )

    fail_safe._on_tracker_store_error = on_error


async def check_tracker_store(agent: Any, state: HealthState) -> None:
    primary = _primary_store(agent)
    if type(primary).__name__ == "InMemoryTrackerStore":
        state.tracker_store = "in_memory"
        return
    try:
        await primary.retrieve(PROBE_SENDER)
        state.tracker_store = "ok"
    except Exception as error:  # any driver error: the database does not answer
        if state.tracker_store != "unreachable":
            logger.error("RELAIS_TRACKER_STORE_UNREACHABLE: %s", type(error).__name__)
        state.tracker_store = "unreachable"


async def warm_up(agent: Any, state: HealthState) -> None:
    started = time.perf_counter()
    try:
        await agent.parse_message(WARM_UP_QUESTION)
    except Exception:  # never stop Rasa for a warm-up; the first message will be slower
        logger.exception("warm-up parse failed")
    state.warm_up_seconds = round(time.perf_counter() - started, 1)
    state.warmed = True
    logger.info("Relais warm-up: first parse in %s s", state.warm_up_seconds)


class RelaisHealth(InputChannel):
    def __init__(self) -> None:
        self.state = HealthState()

    @classmethod
    def name(cls) -> str:
        return "relais"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls()

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        state = self.state
        health = Blueprint("relais_health", __name__)

        async def start(app: Any, _loop: Any) -> None:
            agent = getattr(app.ctx, "agent", None)
            if agent is None or not agent.is_ready():
                logger.error("Relais warm-up: no model loaded")
                return
            watch_fallbacks(agent, state)
            await check_tracker_store(agent, state)
            await warm_up(agent, state)

            async def keep_checking() -> None:
                while True:
                    await asyncio.sleep(TRACKER_CHECK_SECONDS)
                    await check_tracker_store(app.ctx.agent, state)

            app.add_task(keep_checking())

        health.listener("after_server_start")(start)

        @health.route("/health", methods=["GET"])
        async def relais_health(request: Request) -> HTTPResponse:
            return response.json(state.as_dict(), status=200 if state.warmed else 503)

        return health
