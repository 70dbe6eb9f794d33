"""`make run` in development: the Teams outgoing-webhook secret is made once, private, base64."""

from __future__ import annotations

import base64
import stat
from pathlib import Path

from stack.teams_secret import development_webhook_secret


def test_made_once_private_and_base64(tmp_path: Path) -> None:
    path = development_webhook_secret(tmp_path, {})
    assert path == tmp_path / "teams" / "outgoing-webhook-secret"
    secret = path.read_text().strip()
    assert len(base64.b64decode(secret, validate=True)) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert development_webhook_secret(tmp_path, {}) == path
    assert path.read_text().strip() == secret, "never replaced: the Teams side keeps working"


def test_nothing_made_outside_development_or_when_configured(tmp_path: Path) -> None:
    assert development_webhook_secret(tmp_path, {"RELAIS_ENVIRONMENT": "production"}) is None
    assert development_webhook_secret(tmp_path, {"RELAIS_TEAMS_WEBHOOK_SECRET": "x"}) is None
    assert not (tmp_path / "teams").exists()
