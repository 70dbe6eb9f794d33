"""The gateway's crisis decision for one message: the lexicon of safety/ at once, then the
classifier of risk_classifier/ in a worker thread, while Rasa is being asked (no added wait).

The same decision, and the same fallback to the lexicon, as the bot's CrisisOverride component
(risk_classifier.GuardedDetector).
"""

from __future__ import annotations

import asyncio
from functools import lru_cache
from pathlib import Path

from risk_classifier import Decision, GuardedDetector
from safety import assess


@lru_cache(maxsize=2)
def shared_detector(weights_file: Path, use_classifier: bool = True) -> GuardedDetector:
    """Loaded once per process (the embedding models take a few seconds)."""
    return GuardedDetector.load(weights_file, use_classifier)


class CrisisCheck:
    def __init__(self, detector: GuardedDetector) -> None:
        self._detector = detector

    @property
    def classifier_available(self) -> bool:
        return self._detector.classifier_available

    @property
    def detector(self) -> GuardedDetector:
        return self._detector

    async def decide(self, text: str) -> Decision:
        assessment = assess(text)
        if assessment.is_crisis or not self._detector.classifier_available:
            return self._detector.decide(text, assessment)  # the lexicon alone: no thread
        return await asyncio.to_thread(self._detector.decide, text, assessment)

    def start(self, text: str) -> asyncio.Task[Decision]:
        """Begin deciding now; await the task when the answer is needed."""
        return asyncio.create_task(self.decide(text))
