"""Who may post to the personal chat, and where its replies may go.

- Incoming: the Bot Framework JWT, checked by the Agents SDK's validator (signature against
  Microsoft's published keys, audience = our app id, expiry with the SDK's 300 s leeway), with
  the issuer allow-list turned ON (it is off by default in the SDK) for our single tenant.
- Outgoing: a reply goes to the activity's `serviceUrl` carrying the bot's token, so that URL must
  be a Microsoft Bot Connector host over https (the SDK's host list), or an origin listed in
  RELAIS_TEAMS_ALLOWED_SERVICE_URLS; it must also match the token's `serviceurl` claim.
"""

from __future__ import annotations

import logging

from jwt import PyJWTError
from microsoft_agents.hosting.core import AgentAuthConfiguration, OutboundHostValidator
from microsoft_agents.hosting.core.authorization import ClaimsIdentity
from microsoft_agents.hosting.core.authorization.jwt import JwtTokenValidator
from yarl import URL

from api.teams.config import TeamsConfig
from api.teams.errors import TeamsUnauthorized

logger = logging.getLogger("relais.teams")


class BotAuthenticator:
    def __init__(self, config: TeamsConfig) -> None:
        self._anonymous = config.anonymous
        self.configuration = AgentAuthConfiguration(
            client_id=config.app_id or None,
            tenant_id=config.tenant_id or None,
            validate_issuer=True,
            anonymous_allowed=config.anonymous,
        )
        self._validator = JwtTokenValidator(self.configuration)

    async def authenticate(self, authorization: str | None) -> ClaimsIdentity:
        if not authorization:
            if self._anonymous:
                return self._validator.get_anonymous_claims()
            raise TeamsUnauthorized()
        scheme, _, token = authorization.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise TeamsUnauthorized()
        try:
            return await self._validator.validate_token(token.strip())
        except (PyJWTError, ValueError, KeyError, TypeError) as error:
            logger.warning("teams: bot token refused (%s)", type(error).__name__)
            raise TeamsUnauthorized() from None


def _origin(url: str | URL) -> tuple[str, str, int | None] | None:
    try:
        parsed = URL(url) if isinstance(url, str) else url
    except (ValueError, TypeError):
        return None
    if not parsed.host or parsed.user or parsed.password:
        return None
    return parsed.scheme.lower(), parsed.host.casefold(), parsed.port


class ServiceUrlValidator(OutboundHostValidator):
    """The SDK's validator, enabled, plus the exact origins of RELAIS_TEAMS_ALLOWED_SERVICE_URLS."""

    def __init__(self, extra_origins: tuple[str, ...] = ()) -> None:
        super().__init__(enabled=True, include_default_microsoft_hosts=True)
        self._origins = {origin for origin in map(_origin, extra_origins) if origin}

    def is_allowed(self, url: str | URL) -> bool:
        origin = _origin(url)
        if origin is not None and origin in self._origins:
            return True
        return super().is_allowed(url)

    def matches_claims(self, claims: ClaimsIdentity, service_url: str) -> bool:
        """The token's `serviceurl` claim, when present, names the same host."""
        claimed = claims.get_claim_value("serviceurl")
        if not claimed:
            return True
        a, b = _origin(str(claimed)), _origin(service_url)
        return a is not None and b is not None and a[1] == b[1]
