"""Files that may hold personal information are readable by their owner only."""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE = 0o600


def sqlite_path(url: str) -> Path | None:
    """The file of a `sqlite:///…` SQLAlchemy URL (any driver), or None for other databases."""
    scheme, separator, rest = url.partition(":///")
    if not separator or not scheme.startswith("sqlite") or not rest or rest.startswith(":memory:"):
        return None
    return Path(rest.split("?", 1)[0])


def restrict_sqlite_file(url: str) -> None:
    """chmod 0600 the SQLite database of `url` (and its journal files) if it exists."""
    path = sqlite_path(url)
    if path is None:
        return
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-journal")):
        if candidate.exists():
            os.chmod(candidate, PRIVATE)
