"""The Teams settings, resolved once: secrets read from their variable or their file.

Two independent halves: the channel webhook (an outgoing webhook's security token) and the
personal chat (a single-tenant Azure Bot: app id, tenant, client secret). Either may be absent;
its route then answers 503 `teams_not_configured`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from api.settings import Settings

logger = logging.getLogger("relais.teams")

BOT_SCOPE = "https://api.botframework.com/.default"


class TeamsConfigError(ValueError):
    """A Teams setting is present but unusable (the message names the variable, never the value)."""


@dataclass(frozen=True)
class TeamsConfig:
    webhook_keys: tuple[bytes, ...]  # the base64-decoded outgoing-webhook tokens (one per team)
    app_id: str
    tenant_id: str
    app_secret: str
    person_key: bytes
    anonymous: bool
    allowed_service_urls: tuple[str, ...]
    token_url: str
    token_timeout_seconds: float
    public_url: str
    development: bool

    @property
    def channel_enabled(self) -> bool:
        return bool(self.webhook_keys)

    @property
    def personal_enabled(self) -> bool:
        if self.anonymous:
            return True
        return bool(self.app_id and self.tenant_id and self.app_secret)

    @classmethod
    def from_settings(cls, settings: Settings) -> TeamsConfig:
        development = settings.environment == "development"
        webhook_secret = _secret(
            settings.teams_webhook_secret, settings.teams_webhook_secret_file, "WEBHOOK_SECRET"
        )
        app_secret = _secret(
            settings.teams_app_secret, settings.teams_app_secret_file, "APP_SECRET"
        )
        for url in settings.teams_allowed_service_urls:
            if not development and not url.startswith("https://"):
                raise TeamsConfigError(
                    "RELAIS_TEAMS_ALLOWED_SERVICE_URLS: https only outside development"
                )
        partial = [bool(settings.teams_app_id), bool(settings.teams_tenant_id), bool(app_secret)]
        if any(partial) and not all(partial) and not settings.teams_anonymous:
            logger.warning(
                "Teams: RELAIS_TEAMS_APP_ID, RELAIS_TEAMS_TENANT_ID and RELAIS_TEAMS_APP_SECRET "
                "(or _FILE) are all needed for the personal chat; it stays off"
            )
        person_key = (
            settings.teams_person_key.encode()
            or hashlib.sha256(b"relais-teams-person:" + app_secret.encode()).digest()
        )
        tenant = settings.teams_tenant_id.strip()
        return cls(
            webhook_keys=tuple(
                _decode_webhook_secret(secret)
                for secret in re.split(r"[\s,]+", webhook_secret)
                if secret
            ),
            app_id=settings.teams_app_id.strip(),
            tenant_id=tenant,
            app_secret=app_secret,
            person_key=person_key,
            anonymous=settings.teams_anonymous,
            allowed_service_urls=tuple(settings.teams_allowed_service_urls),
            token_url=settings.teams_token_url.strip()
            or f"https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token",
            token_timeout_seconds=settings.teams_token_timeout_seconds,
            public_url=settings.public_url,
            development=development,
        )


def _secret(value: str, path: Path | None, name: str) -> str:
    if value.strip():
        return value.strip()
    if path is None:
        return ""
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError as error:
        raise TeamsConfigError(
            f"RELAIS_TEAMS_{name}_FILE cannot be read: {error.strerror}"
        ) from None


def _decode_webhook_secret(secret: str) -> bytes:
    try:
        key = base64.b64decode(secret, validate=True)
    except (binascii.Error, ValueError):
        raise TeamsConfigError(
            "RELAIS_TEAMS_WEBHOOK_SECRET is not base64: paste the security token Teams showed"
        ) from None
    if len(key) < 16:
        raise TeamsConfigError("RELAIS_TEAMS_WEBHOOK_SECRET is too short to be a Teams token")
    return key
