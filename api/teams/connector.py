"""How the SDK's adapter reaches the Bot Connector: our token provider, and a host check
before any token is even asked for (for replies and for proactive messages alike)."""

from __future__ import annotations

import logging

from aiohttp import ClientSession, ClientTimeout
from microsoft_agents.hosting.core import ChannelServiceClientFactoryBase, TurnContext
from microsoft_agents.hosting.core.authorization import AuthenticationConstants, ClaimsIdentity
from microsoft_agents.hosting.core.connector import ConnectorClientBase, UserTokenClientBase
from microsoft_agents.hosting.core.connector.client import UserTokenClient
from microsoft_agents.hosting.core.connector.teams import TeamsConnectorClient

from api.teams.auth import ServiceUrlValidator
from api.teams.config import BOT_SCOPE
from api.teams.tokens import ClientCredentialsTokens

logger = logging.getLogger("relais.teams")

CONNECTOR_TIMEOUT_SECONDS = 15.0


class UntrustedServiceUrl(RuntimeError):
    """A reply would have gone to a host that is not a Bot Connector: nothing was sent."""


class ConnectorFactory(ChannelServiceClientFactoryBase):
    def __init__(
        self, tokens: ClientCredentialsTokens | None, service_urls: ServiceUrlValidator, app_id: str
    ) -> None:
        self._tokens = tokens  # None: anonymous development mode (local emulator)
        self._service_urls = service_urls
        self._app_id = app_id

    async def _token_for(self, service_url: str) -> str:
        """The bot's token, only for an allowed Bot Connector address (cached by the provider)."""
        if not service_url or not self._service_urls.is_allowed(service_url):
            raise UntrustedServiceUrl("reply address outside the allowed Bot Connector hosts")
        return "" if self._tokens is None else await self._tokens.get_access_token(BOT_SCOPE)

    async def create_connector_client(
        self,
        context: TurnContext | None,
        claims_identity: ClaimsIdentity,
        service_url: str,
        audience: str,
        scopes: list[str] | None = None,
        use_anonymous: bool = False,
    ) -> ConnectorClientBase:
        token = await self._token_for(service_url)
        endpoint = service_url if service_url.endswith("/") else service_url + "/"
        session = ClientSession(
            base_url=endpoint, timeout=ClientTimeout(total=CONNECTOR_TIMEOUT_SECONDS)
        )
        return TeamsConnectorClient(endpoint=endpoint, token=token, session=session)

    async def create_user_token_client(
        self, context: TurnContext, claims_identity: ClaimsIdentity, use_anonymous: bool = False
    ) -> UserTokenClientBase:
        # Called first by the adapter: check the address and get the token before any session
        # is opened. Relais signs no one in (no user OAuth): this client has no token.
        await self._token_for(context.activity.service_url or "")
        return UserTokenClient(
            AuthenticationConstants.AGENTS_SDK_OAUTH_URL, "", app_id=self._app_id or None
        )
