"""In development, a Teams outgoing-webhook secret made once, so the channel path can be tried
locally (`make run` prints where it is). Outside development nothing is made: IT pastes the
security token Teams shows when the outgoing webhook is created."""

from __future__ import annotations

import base64
import os
import secrets
from collections.abc import Mapping
from pathlib import Path

SECRET_NAME = "outgoing-webhook-secret"


def development_webhook_secret(var_dir: Path, env: Mapping[str, str]) -> Path | None:
    """The secret file (created once: 32 random bytes in base64, mode 0600), or None when the
    environment is not development or a secret is configured."""
    if env.get("RELAIS_ENVIRONMENT", "development") != "development":
        return None
    if env.get("RELAIS_TEAMS_WEBHOOK_SECRET") or env.get("RELAIS_TEAMS_WEBHOOK_SECRET_FILE"):
        return None
    path = var_dir / "teams" / SECRET_NAME
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        secret = base64.b64encode(secrets.token_bytes(32)).decode()
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secret + "\n")
    return path
