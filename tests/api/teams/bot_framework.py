"""A local stand-in for Microsoft's side of a Teams bot, on 127.0.0.1:

- a JWKS (`GET /jwks`) with the key that signs the test tokens, pre-loaded into the Agents SDK's
  per-URL key-client cache in place of Microsoft's key URLs (the SDK has no setting for it);
- an Entra ID token endpoint (`POST /token`, client credentials) that counts its callers;
- a Bot Connector (`POST /teams/v3/conversations/<id>/activities[/<reply-to>]`) that records
  every activity the bot sends, with its Authorization header.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

APP_ID = "00000000-0000-4000-8000-00000000a11d"
TENANT_ID = "11111111-2222-4333-8444-555555555555"
APP_SECRET = "not-a-real-secret-for-tests"
BOT_TOKEN = "bot-token-from-local-entra"
BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


_SIGNING_KEY = new_key()  # one per test session: key generation is slow


def signing_key() -> rsa.RSAPrivateKey:
    return _SIGNING_KEY


@dataclass
class FakeMicrosoft:
    signing_key: rsa.RSAPrivateKey = field(default_factory=signing_key)
    kid: str = "local-key-1"
    sent: list[dict[str, Any]] = field(default_factory=list)  # what the bot posted
    token_requests: list[dict[str, list[str]]] = field(default_factory=list)
    token_status: int = 200
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def service_url(self) -> str:
        return f"{self.url}/teams/"

    def jwks(self) -> dict[str, Any]:
        public = json.loads(RSAAlgorithm.to_jwk(self.signing_key.public_key()))
        public.update({"kid": self.kid, "use": "sig", "alg": "RS256"})
        return {"keys": [public]}

    def token(self, key: rsa.RSAPrivateKey | None = None, kid: str | None = None, **claims: Any) -> str:
        now = int(time.time())
        payload = {
            "iss": BOT_FRAMEWORK_ISSUER,
            "aud": APP_ID,
            "iat": now,
            "nbf": now - 5,
            "exp": now + 3600,
            "serviceurl": self.service_url,
        }
        payload.update(claims)
        payload = {k: v for k, v in payload.items() if v is not None}
        return jwt.encode(
            payload, key or self.signing_key, algorithm="RS256", headers={"kid": kid or self.kid}
        )

    def messages(self) -> list[dict[str, Any]]:
        return [entry["activity"] for entry in self.sent if entry["activity"].get("type") == "message"]

    def wait_for(self, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.messages()) >= count:
                return self.messages()
            time.sleep(0.05)
        raise AssertionError(f"expected {count} messages, the connector got {len(self.messages())}")

    def start(self) -> None:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_: Any) -> None:
                pass

            def _reply(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:  # noqa: N802
                if self.path == "/jwks":
                    self._reply(200, fake.jwks())
                else:
                    self._reply(404, {})

            def do_POST(self) -> None:  # noqa: N802
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path == "/token":
                    fake.token_requests.append(parse_qs(raw.decode()))
                    if fake.token_status != 200:
                        self._reply(fake.token_status, {"error": "invalid_client"})
                        return
                    self._reply(200, {"access_token": BOT_TOKEN, "expires_in": 3600, "token_type": "Bearer"})
                    return
                if self.path.startswith("/teams/v3/conversations/"):
                    fake.sent.append(
                        {
                            "path": self.path,
                            "authorization": self.headers.get("Authorization"),
                            "activity": json.loads(raw),
                        }
                    )
                    self._reply(200, {"id": uuid.uuid4().hex})
                    return
                self._reply(404, {})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def personal_activity(fake: FakeMicrosoft, text: str | None = None, **changes: Any) -> dict[str, Any]:
    activity: dict[str, Any] = {
        "type": "message",
        "id": uuid.uuid4().hex,
        "timestamp": "2026-12-03T17:00:00.000Z",
        "serviceUrl": fake.service_url,
        "channelId": "msteams",
        "from": {"id": "29:1personal", "name": "Marie Tremblay", "aadObjectId": "aad-object-marie"},
        "conversation": {"id": "a:1personal-conversation", "conversationType": "personal", "tenantId": TENANT_ID},
        "recipient": {"id": f"28:{APP_ID}", "name": "Relais"},
        "locale": "fr-CA",
        "textFormat": "plain",
        "channelData": {"tenant": {"id": TENANT_ID}},
    }
    if text is not None:
        activity["text"] = text
    activity.update(changes)
    return activity
