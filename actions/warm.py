"""The action server warms itself when it starts: the search index and its embedding models are
loaded, and one search is run, in a thread of the serving process, so the first person's
knowledge question does not wait for them (it would miss the gateway's 3-second budget).

`GET /relais/ready` answers 503 while it is loading, then 200 with {"index": "ready"} or
{"index": "failed"} (a missing or broken index: the knowledge answers say so and offer a person;
the crisis path needs neither; the gateway's /readyz reports it).
Attached by rasa_sdk_plugins/ (rasa_sdk's plugin hook), so it happens wherever the action server
is started. No text of a person is involved: the warm-up question is a fixed one.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from actions.settings import get_knowledge_base

logger = logging.getLogger("relais.actions")

WARM_UP_QUESTION = "C'est quoi le PAE?"


class WarmUp:
    def __init__(self) -> None:
        self.state = "loading"  # then "ready" or "failed"
        self.seconds: float | None = None

    def run(self) -> None:
        started = time.perf_counter()
        try:
            get_knowledge_base().search(WARM_UP_QUESTION)
            self.state = "ready"
        except Exception:  # a missing or broken index: the action says so to the person
            logger.exception("knowledge base warm-up failed")
            self.state = "failed"
        self.seconds = round(time.perf_counter() - started, 1)
        logger.info("knowledge base warm-up: %s in %s s", self.state, self.seconds)


def attach(app: Any) -> None:
    """A `before_server_start` listener that starts the warm-up thread (not awaited: Sanic gives
    a worker 30 s to come up), and the `/relais/ready` route."""
    from sanic import response

    warm_up = WarmUp()

    async def start(_app: Any) -> None:
        threading.Thread(target=warm_up.run, name="relais-warm-up", daemon=True).start()

    async def ready(_request: Any) -> Any:
        body = {"index": warm_up.state, "seconds": warm_up.seconds}
        return response.json(body, status=503 if warm_up.state == "loading" else 200)

    app.register_listener(start, "before_server_start")
    app.add_route(ready, "/relais/ready", methods=["GET"])
