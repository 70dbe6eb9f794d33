"""The gateway's configuration: one settings class, read from `RELAIS_*` variables (.env.example)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from api.counsellors.keys import split_scopes
from api.indicators.leads import BqvtLead, parse_bqvt_keys
from directory.loader import ESTABLISHMENTS_FILE, RESOURCES_FILE

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{ROOT / 'var' / 'relais.db'}"
DEFAULT_TRACKER_URL = f"sqlite:///{ROOT / 'var' / 'tracker.db'}"


class Settings(BaseSettings):
    # hide_input_in_errors: a rejected secret (a token, an agent key) is never echoed in an error.
    model_config = SettingsConfigDict(env_prefix="RELAIS_", extra="ignore", hide_input_in_errors=True)

    # Fails closed: anything but "development" is held to the production checks below.
    # `make run` and the tests set development explicitly.
    environment: str = "production"
    # One URL per Rasa replica; each conversation sticks to one of them.
    rasa_urls: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["http://127.0.0.1:5005"]
    )
    # Signs each conversation's token (api/conversations/tokens.py); empty: a random secret per
    # process (tokens then end with the process). Share it between gateway replicas.
    conversation_secret: str = ""
    rasa_timeout_seconds: float = 3.0
    # Shared state of several gateway replicas (api/shared/): live chat, counsellor sessions, rate
    # limits, conversation risk, e.g. redis://redis:6379/0. Empty: this process's memory (one gateway).
    redis_url: str = ""
    action_server_url: str = "http://127.0.0.1:5055"
    domain_dir: Path = ROOT / "bot" / "domain"
    rules_dir: Path = ROOT / "bot" / "rules"
    static_dir: Path = ROOT / "api" / "static"
    # The action server reads the same two variables (actions/settings.py `registry_files`).
    resources_file: Path = RESOURCES_FILE
    establishments_file: Path = ESTABLISHMENTS_FILE
    # The crisis classifier (risk_classifier/), after the lexicon; off = the lexicon alone.
    crisis_classifier: bool = True
    crisis_weights_file: Path = ROOT / "risk_classifier" / "weights.json"
    max_message_chars: int = 2000
    max_body_bytes: int = 16_384
    # Counsellors of the agent console: `name:key` pairs, comma-separated; keys of 16+ characters.
    agent_keys: Annotated[dict[str, str], NoDecode] = Field(default_factory=dict)
    # Establishments of the counsellors written `name@id+id:key` (api/counsellors/keys.py);
    # a counsellor absent here serves every establishment. Filled from agent_keys.
    agent_establishments: dict[str, frozenset[str]] = Field(default_factory=dict)
    agent_session_hours: float = 12.0
    # Callback tickets ("être rappelé"): SQLite by default, PostgreSQL with postgresql+psycopg://…
    database_url: str = DEFAULT_DATABASE_URL
    # Teams Workflows / incoming-webhook URL for the callback team; empty: no notification (the
    # tickets are still stored and shown in the console). A secret: never logged.
    callback_webhook_url: str = ""
    public_url: str = "http://127.0.0.1:8000"  # where counsellors open the console (<url>/agent)
    ticket_retention_days: int = Field(default=30, ge=1, le=365)
    # Rasa's tracker store (the same URL Rasa reads): erased on request, purged after this many days.
    tracker_url: str = DEFAULT_TRACKER_URL
    conversation_retention_days: int = Field(default=30, ge=1, le=365)
    notify_backoff_seconds: float = Field(default=30.0, gt=0)
    notify_max_attempts: int = Field(default=8, ge=1)
    notify_interval_seconds: float = Field(default=10.0, gt=0)
    # Microsoft Teams (api/teams/, README "Microsoft Teams"). Secrets from the variable or a file.
    # Personal chat: a single-tenant Azure Bot (app id, tenant, client secret).
    teams_app_id: str = ""
    teams_tenant_id: str = ""
    teams_app_secret: str = ""
    teams_app_secret_file: Path | None = None
    # Key of the person's id hash (`teams:` + HMAC of tenant and AAD object id); default: derived
    # from the app secret (changing it starts new conversations).
    teams_person_key: str = ""
    # Channels: the outgoing webhook's security token (base64), shown once by Teams.
    teams_webhook_secret: str = ""
    teams_webhook_secret_file: Path | None = None
    # Development only: accept unauthenticated activities (local emulators).
    teams_anonymous: bool = False
    # Bot Connector hosts besides Microsoft's (https only outside development).
    teams_allowed_service_urls: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Entra ID token endpoint; default https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token
    teams_token_url: str = ""
    teams_token_timeout_seconds: float = Field(default=5.0, gt=0)
    # The search index (built by `make index`), for the channels' knowledge answers.
    index_dir: Path = ROOT / "var" / "index"
    # Indicators (api/indicators/): BQVT leads `name:key:establishment|establishment` (`*`: all),
    # comma-separated; the establishments that keep their unanswered questions (off by default).
    bqvt_keys: Annotated[dict[str, BqvtLead], NoDecode] = Field(default_factory=dict)
    unanswered_establishments: Annotated[list[str], NoDecode] = Field(default_factory=list)
    unanswered_retention_days: int = Field(default=90, ge=1, le=730)
    indicators_flush_seconds: float = Field(default=10.0, gt=0)
    articles_dir: Path = ROOT / "knowledge_base" / "articles"

    # Rate limits (api/throttling.py), in the `limits` notation; per client address, per
    # conversation or contact, and for everyone. A chat message showing risk is never refused.
    rate_chat_client: str = "300/minute"
    rate_chat_conversation: str = "20/minute"
    rate_chat_global: str = "3000/minute"
    rate_live_request_client: str = "20/minute"
    rate_live_request_global: str = "200/minute"
    rate_live_client: str = "1200/minute"  # the page polls each conversation every 2.5 s
    rate_live_conversation: str = "60/minute"
    rate_live_global: str = "12000/minute"
    rate_callback_client: str = "10/minute;60/hour"
    rate_callback_contact: str = "3/day"
    rate_callback_global: str = "300/hour"
    rate_sign_in_client: str = "20/minute"
    rate_sign_in_failures_client: str = "10/minute;30/hour"
    rate_sign_in_global: str = "200/minute"
    # Headers (api/headers.py): who may embed the pages (CSP frame-ancestors: the intranet host,
    # e.g. "https://intranet.example.qc.ca").
    frame_ancestors: str = "'none'"
    # GET /metrics needs `Authorization: Bearer <token>` when set; in production without it,
    # /metrics is off.
    metrics_token: str = ""
    # Waiting for a counsellor: beyond this, 429 with the 24/7 lines.
    max_waiting_conversations: int = Field(default=50, ge=1)
    # Intranet origins whose pages embed the widget (`https://intranet.example`, comma-separated):
    # they may call /api/* from the browser. Empty: the widget works only on the gateway's origin.
    widget_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)

    @field_validator("rasa_urls", "teams_allowed_service_urls", "widget_origins", mode="before")
    @classmethod
    def split_urls(cls, value: object) -> object:
        """Comma-separated URLs or origins, without a trailing slash."""
        if isinstance(value, str):
            return [url.strip().rstrip("/") for url in value.split(",") if url.strip()]
        return value

    @field_validator("teams_anonymous")
    @classmethod
    def anonymous_teams_only_in_development(cls, value: bool, info) -> bool:  # type: ignore[no-untyped-def]
        if value and info.data.get("environment", "development") != "development":
            raise ValueError("RELAIS_TEAMS_ANONYMOUS=true is allowed in development only")
        return value

    _split_bqvt_keys = field_validator("bqvt_keys", mode="before")(parse_bqvt_keys)

    @field_validator("unanswered_establishments", mode="before")
    @classmethod
    def split_establishments(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("database_url")
    @classmethod
    def empty_database_url_is_the_default(cls, value: str) -> str:
        return value.strip() or DEFAULT_DATABASE_URL

    @field_validator("frame_ancestors")
    @classmethod
    def plain_sources_only(cls, value: str) -> str:
        # One header value: no separator or line break can be smuggled into the CSP.
        if not value.strip() or any(c in value for c in ";,\r\n"):
            raise ValueError("RELAIS_FRAME_ANCESTORS takes CSP sources separated by spaces")
        # A shell or a .env reader drops the quotes of 'none' and 'self': put them back.
        keywords = {"none": "'none'", "self": "'self'"}
        return " ".join(keywords.get(source, source) for source in value.split())

    @field_validator("public_url")
    @classmethod
    def strip_trailing_slash(cls, value: str) -> str:
        return value.rstrip("/")

    @field_validator("callback_webhook_url")
    @classmethod
    def refuse_plain_http_webhook(cls, value: str, info) -> str:  # type: ignore[no-untyped-def]
        value = value.strip()
        environment = info.data.get("environment", "production")
        if value and environment != "development" and not value.startswith("https://"):
            raise ValueError("RELAIS_CALLBACK_WEBHOOK_URL must be an https URL outside development")
        return value

    @field_validator("agent_keys", mode="before")
    @classmethod
    def split_agent_keys(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        keys: dict[str, str] = {}
        # An argon2 hash has commas of its own ("$argon2id$v=19$m=65536,t=3,p=4$…"): rejoin them.
        pairs: list[str] = []
        for part in (piece.strip() for piece in value.split(",")):
            if pairs and re.match(r"[tp]=\d+(?:\$|$)", part) and "$argon2" in pairs[-1]:
                pairs[-1] += "," + part
            else:
                pairs.append(part)
        for pair in pairs:
            if not pair:
                continue
            name, separator, key = pair.partition(":")
            if not separator or not name.strip() or name.strip() in keys:
                raise ValueError("RELAIS_AGENT_KEYS takes unique `name:key` pairs, comma-separated")
            keys[name.strip()] = key.strip()
        return keys

    @field_validator("agent_keys")
    @classmethod
    def refuse_weak_agent_keys(cls, value: dict[str, str], info) -> dict[str, str]:  # type: ignore[no-untyped-def]
        environment = info.data.get("environment", "production")
        if environment != "development" and not value:
            raise ValueError("RELAIS_AGENT_KEYS must name at least one counsellor outside development")
        for name, key in value.items():
            if len(key) < 16:
                raise ValueError(f"the agent key of {name!r} must have at least 16 characters")
            if environment != "development" and key.lower().startswith("change"):
                raise ValueError(f"the agent key of {name!r} is a placeholder: set a real secret")
        return value

    @model_validator(mode="after")
    def counsellors_establishments(self) -> Settings:
        """`Julie@a+b` in RELAIS_AGENT_KEYS: the key is Julie's, a and b her establishments."""
        keys, scopes = split_scopes(self.agent_keys)
        self.agent_keys = keys
        self.agent_establishments = {**scopes, **self.agent_establishments}
        return self

    @model_validator(mode="after")
    def refuse_unsafe_production(self) -> Settings:
        """Outside development the gateway does not start with a weak secret, a plain counsellor
        key, the launcher's demo counsellor or an http:// webhook (checked above)."""
        if self.environment == "development":
            return self
        problems = []
        if len(self.conversation_secret) < 32:
            problems.append("RELAIS_CONVERSATION_SECRET must have at least 32 random characters")
        plain = sorted(name for name, key in self.agent_keys.items() if not key.startswith("$argon2"))
        if plain:
            problems.append(
                "RELAIS_AGENT_KEYS must hold argon2 hashes (python -m api.live.hash_key), "
                f"not plain keys: {', '.join(plain)}"
            )
        if "demo" in {name.lower() for name in self.agent_keys}:
            problems.append("RELAIS_AGENT_KEYS names the demo counsellor of `make run`")
        if problems:
            raise ValueError("; ".join(problems))
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
