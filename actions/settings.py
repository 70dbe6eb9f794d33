"""The action server's configuration, read from `RELAIS_*` variables, and its heavy objects.

The knowledge base is loaded once, never at import time: by the warm-up thread when the server
starts (actions/warm.py), or on first use inside an action's run(), whichever comes first.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path

from directory.loader import ESTABLISHMENTS_FILE, RESOURCES_FILE, load_registry
from directory.models import Registry
from knowledge_base.guides import GUIDES_DIR, Guide, load_guides
from knowledge_base.loader import load_articles
from knowledge_base.search import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
ARTICLES_DIR = ROOT / "knowledge_base" / "articles"


def index_dir() -> Path:
    return Path(os.environ.get("RELAIS_INDEX_DIR", str(ROOT / "var" / "index")))


def allows_fictional_establishments() -> bool:
    """The fictional demo establishment exists for development and tests only."""
    return os.environ.get("RELAIS_ENVIRONMENT", "production") == "development"


_knowledge_base_lock = threading.Lock()


def get_knowledge_base() -> KnowledgeBase:
    # The lock: the warm-up thread and a first question must not load two copies.
    with _knowledge_base_lock:
        return _load_knowledge_base()


@lru_cache(maxsize=1)
def _load_knowledge_base() -> KnowledgeBase:
    return KnowledgeBase.load(index_dir())


def registry_files() -> tuple[Path, Path]:
    """The same variables, with the same defaults, as the gateway's settings (api/settings.py)."""
    return (
        Path(os.environ.get("RELAIS_RESOURCES_FILE", str(RESOURCES_FILE))),
        Path(os.environ.get("RELAIS_ESTABLISHMENTS_FILE", str(ESTABLISHMENTS_FILE))),
    )


@lru_cache(maxsize=1)
def get_registry() -> Registry:
    return load_registry(*registry_files())


@lru_cache(maxsize=1)
def get_guides() -> dict[str, Guide]:
    """The guided paths need the articles only, not the search index."""
    return load_guides(GUIDES_DIR, load_articles(ARTICLES_DIR))
