"""The bot's own access token for the Bot Connector: OAuth 2.0 client credentials against the
single tenant's Entra ID token endpoint, with httpx, a timeout and a cache.

Written instead of the SDK's MsalAuth, which runs OpenID discovery synchronously on the event
loop with no timeout at the first turn (offline, it froze the whole gateway).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

import httpx

from api.teams.config import BOT_SCOPE

logger = logging.getLogger("relais.teams")

REFRESH_MARGIN_SECONDS = 300.0


class TokenUnavailable(RuntimeError):
    """No token for the Bot Connector: the message says why, never the secret."""


class ClientCredentialsTokens:
    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        timeout_seconds: float = 5.0,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._token_url = token_url
        self._client_id = client_id
        self._client_secret = client_secret
        self._client = httpx.AsyncClient(timeout=timeout_seconds, transport=transport)
        self._clock = clock
        self._cache: dict[str, tuple[str, float]] = {}
        self._lock = asyncio.Lock()
        self.requests = 0  # how many times the token endpoint was asked (tests, logs)

    async def get_access_token(self, scope: str = BOT_SCOPE, force_refresh: bool = False) -> str:
        async with self._lock:
            cached = self._cache.get(scope)
            if cached and not force_refresh and cached[1] - REFRESH_MARGIN_SECONDS > self._clock():
                return cached[0]
            token, expires_in = await self._request(scope)
            self._cache[scope] = (token, self._clock() + expires_in)
            return token

    async def _request(self, scope: str) -> tuple[str, float]:
        self.requests += 1
        form = {
            "grant_type": "client_credentials",
            "client_id": self._client_id,
            "client_secret": self._client_secret,
            "scope": scope,
        }
        try:
            response = await self._client.post(self._token_url, data=form)
        except httpx.TimeoutException:
            raise TokenUnavailable(
                f"the token endpoint {self._token_url} did not answer in time"
            ) from None
        except httpx.HTTPError as error:
            raise TokenUnavailable(
                f"the token endpoint {self._token_url} is unreachable ({type(error).__name__})"
            ) from None
        if response.status_code != 200:
            code = _error_code(response)
            raise TokenUnavailable(
                f"the token endpoint {self._token_url} refused the bot's credentials "
                f"(HTTP {response.status_code}{', ' + code if code else ''}): check "
                "RELAIS_TEAMS_APP_ID, RELAIS_TEAMS_TENANT_ID and the secret"
            )
        try:
            body = response.json()
            return str(body["access_token"]), float(body.get("expires_in", 3600))
        except (ValueError, KeyError, TypeError):
            raise TokenUnavailable(f"the token endpoint {self._token_url} sent no token") from None

    async def close(self) -> None:
        await self._client.aclose()


def _error_code(response: httpx.Response) -> str:
    try:
        error = response.json().get("error")
    except (ValueError, AttributeError):
        return ""
    return str(error) if isinstance(error, str) else ""
