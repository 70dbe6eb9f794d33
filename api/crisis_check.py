"""The gateway's crisis decision for one message: the lexicon of safety/ at once, then the
classifier of risk_classifier/ in a worker thread, while Rasa is being asked (no added wait).

The same decision as the bot's CrisisOverride component (risk_classifier.combined). If the
classifier cannot load or fails on a message, the lexicon decides alone: the crisis path never
depends on the second layer.
"""

from __future__ import annotations

import asyncio
import logging
from functools import lru_cache
from pathlib import Path

from risk_classifier import CombinedDetector, Decision, lexicon_decision, load_combined
from safety import assess

logger = logging.getLogger("relais.crisis")


@lru_cache(maxsize=2)
def shared_detector(weights_file: Path) -> CombinedDetector | None:
    """Loaded once per process (the embedding models take a few seconds), or None."""
    try:
        detector = load_combined(weights_file)
        detector.warm_up()
        return detector
    except Exception:
        logger.exception("crisis classifier unavailable: the lexicon decides alone")
        return None


class CrisisCheck:
    def __init__(self, detector: CombinedDetector | None) -> None:
        self._detector = detector

    async def decide(self, text: str) -> Decision:
        assessment = assess(text)
        if self._detector is not None:
            try:
                return await asyncio.to_thread(self._detector.assess, text, assessment)
            except Exception:
                logger.exception("crisis classifier failed on one message: the lexicon decides")
        return lexicon_decision(assessment)

    def start(self, text: str) -> asyncio.Task[Decision]:
        """Begin deciding now; await the task when the answer is needed."""
        return asyncio.create_task(self.decide(text))
