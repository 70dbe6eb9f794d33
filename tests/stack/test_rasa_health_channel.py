"""bot/channels.py in Rasa's own runtime (3.10): the tracker-store check and the count of Rasa's
silent fallbacks to memory, on Rasa's real FailSafeTrackerStore wrapping a store that fails."""

from __future__ import annotations

import json

from tests.runtimes import PYTHONS, run_probe

PROBE = r"""
import asyncio, json, sys
sys.path.insert(0, sys.argv[1])
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from bot.channels import HealthState, check_tracker_store, watch_fallbacks

class Broken(InMemoryTrackerStore):
    down = False
    async def retrieve(self, sender_id):
        if self.down:
            raise ConnectionError("database down")
        return await super().retrieve(sender_id)
    async def save(self, tracker):
        if self.down:
            raise ConnectionError("database down")
        await super().save(tracker)

class Agent:
    def __init__(self, store):
        self.tracker_store = FailSafeTrackerStore(store)

async def main():
    out = {}
    # A primary that is Rasa's in-memory store: reported as such.
    state = HealthState()
    await check_tracker_store(Agent(InMemoryTrackerStore(Domain.empty())), state)
    out["in_memory"] = state.tracker_store
    # A database-like store: ok, then down (Rasa falls back to memory: counted), then back.
    Broken.__name__ = "SQLTrackerStore"
    store = Broken(Domain.empty())
    agent, state = Agent(store), HealthState()
    watch_fallbacks(agent, state)
    await check_tracker_store(agent, state)
    out["up"] = state.tracker_store
    store.down = True
    await agent.tracker_store.save(DialogueStateTracker("someone", []))
    out["fallbacks"] = state.fallbacks
    out["kept_in_memory"] = (await agent.tracker_store.fallback_tracker_store.retrieve("someone")) is not None
    await check_tracker_store(agent, state)
    out["down"] = state.tracker_store
    store.down = False
    await check_tracker_store(agent, state)
    out["back"] = state.tracker_store
    state.warmed = True
    out["body"] = state.as_dict()
    print(json.dumps(out))

asyncio.run(main())
"""


def test_the_channel_sees_rasas_fallback_to_memory() -> None:
    result = json.loads(run_probe(PYTHONS[1], PROBE).strip().splitlines()[-1])
    assert result["in_memory"] == "in_memory"
    assert result["up"] == "ok"
    assert result["fallbacks"] == 1 and result["kept_in_memory"] is True
    assert result["down"] == "unreachable"
    assert result["back"] == "ok"
    body = result["body"]
    assert body["warmed"] is True and body["tracker_store_fallbacks"] == 1
    assert body["seconds_since_last_fallback"] is not None
