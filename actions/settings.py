"""The action server's configuration, read from `RELAIS_*` variables, and its heavy objects.

The knowledge base is loaded once, on first use inside an action's run(), never at import time.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from knowledge_base.registry_loader import load_registry
from knowledge_base.resources import Registry
from knowledge_base.search import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent


def index_dir() -> Path:
    return Path(os.environ.get("RELAIS_INDEX_DIR", str(ROOT / "var" / "index")))


@lru_cache(maxsize=1)
def get_knowledge_base() -> KnowledgeBase:
    return KnowledgeBase.load(index_dir())


@lru_cache(maxsize=1)
def get_registry() -> Registry:
    return load_registry()
