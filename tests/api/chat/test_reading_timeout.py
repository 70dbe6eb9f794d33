"""A reading stuck in its worker thread (a saturated pool, a hung read elsewhere) does not hold
the person's message: past READ_TIMEOUT_SECONDS the lexicon decides alone."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from api.chat import crisis_check
from api.chat.crisis_check import CrisisCheck, Reading
from risk_classifier import GuardedDetector


def test_a_stuck_reading_falls_back_to_the_lexicon(monkeypatch: pytest.MonkeyPatch) -> None:
    released = threading.Event()
    check = CrisisCheck(GuardedDetector(None))

    def stuck(*_args: object) -> Reading:
        released.wait(5)
        return Reading(GuardedDetector(None).decide("je veux mourir"))  # would be a crisis if used

    monkeypatch.setattr(check, "_read", stuck)
    monkeypatch.setattr(crisis_check, "READ_TIMEOUT_SECONDS", 0.2)

    async def timed() -> tuple[Reading, float]:
        started = time.perf_counter()
        try:
            # No lexicon word for a crisis here: only the (stuck) classifier could have read it.
            reading = await check.read("est-ce que le PAE couvre ma blonde?")
        finally:
            released.set()
        return reading, time.perf_counter() - started

    reading, seconds = asyncio.run(timed())
    assert seconds < 2.0
    assert not reading.decision.is_crisis and reading.metadata == {}
    # And a lexicon crisis never waits for a thread at all.
    assert asyncio.run(check.read("je veux mourir ce soir")).decision.is_crisis
