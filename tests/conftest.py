"""Shared test setup: the repository root on sys.path, offline model hubs, no telemetry."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from risk_classifier import GuardedDetector

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
# The gateway fails closed (production by default); tests that need production say so.
os.environ.setdefault("RELAIS_ENVIRONMENT", "development")


@pytest.fixture(scope="session")
def crisis_detector() -> GuardedDetector:
    """The gateway's own crisis detector (api.chat.crisis_check.shared_detector, loaded once per
    process: a gateway built by create_app in this session gets this very object), its embedder
    remembering the vectors of the texts it has seen. The crisis sets' thousands of messages are
    embedded once for the session, then measured through the detector itself (tests/risk_classifier)
    and through the gateway's fallback path (tests/api/chat): same models, same vectors, each
    path's own decisions and floors."""
    from api.chat.crisis_check import shared_detector
    from api.settings import Settings
    from embeddings.models import CachingEmbedder

    detector = shared_detector(Settings.model_fields["crisis_weights_file"].default, True)
    assert detector.detector is not None, "the crisis classifier did not load"
    classifier = detector.detector.classifier
    if not isinstance(classifier.embedder, CachingEmbedder):
        classifier.embedder = CachingEmbedder(classifier.embedder)
        classifier.embedder.remember_queries = True
    return detector
