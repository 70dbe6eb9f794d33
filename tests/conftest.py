"""Shared test setup: the repository root on sys.path, offline model hubs, no telemetry."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
# The gateway fails closed (production by default); tests that need production say so.
os.environ.setdefault("RELAIS_ENVIRONMENT", "development")
