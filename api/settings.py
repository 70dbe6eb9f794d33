"""The gateway's configuration: one settings class, read from `RELAIS_*` variables (.env.example)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from api.indicators.leads import BqvtLead, parse_bqvt_keys
from directory.loader import ESTABLISHMENTS_FILE, RESOURCES_FILE

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{ROOT / 'var' / 'relais.db'}"


class Settings(BaseSettings):
    # hide_input_in_errors: a rejected secret (a token, an agent key) is never echoed in an error.
    model_config = SettingsConfigDict(env_prefix="RELAIS_", extra="ignore", hide_input_in_errors=True)

    environment: str = "development"
    # One URL per Rasa replica; each conversation sticks to one of them.
    rasa_urls: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["http://127.0.0.1:5005"]
    )
    rasa_token: str = ""
    rasa_timeout_seconds: float = 3.0
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
    agent_session_hours: float = 12.0
    # Callback tickets ("être rappelé"): SQLite by default, PostgreSQL with postgresql+psycopg://…
    database_url: str = DEFAULT_DATABASE_URL
    # Teams Workflows / incoming-webhook URL for the callback team; empty: no notification (the
    # tickets are still stored and shown in the console). A secret: never logged.
    callback_webhook_url: str = ""
    public_url: str = "http://127.0.0.1:8000"  # where counsellors open the console (<url>/agent)
    ticket_retention_days: int = Field(default=30, ge=1, le=365)
    notify_backoff_seconds: float = Field(default=30.0, gt=0)
    notify_max_attempts: int = Field(default=8, ge=1)
    notify_interval_seconds: float = Field(default=10.0, gt=0)
    # Indicators (api/indicators/): BQVT leads `name:key:establishment|establishment` (`*`: all),
    # comma-separated; the establishments that keep their unanswered questions (off by default).
    bqvt_keys: Annotated[dict[str, BqvtLead], NoDecode] = Field(default_factory=dict)
    unanswered_establishments: Annotated[list[str], NoDecode] = Field(default_factory=list)
    unanswered_retention_days: int = Field(default=90, ge=1, le=730)
    indicators_flush_seconds: float = Field(default=10.0, gt=0)
    articles_dir: Path = ROOT / "knowledge_base" / "articles"

    @field_validator("rasa_urls", mode="before")
    @classmethod
    def split_urls(cls, value: object) -> object:
        if isinstance(value, str):
            return [url.strip().rstrip("/") for url in value.split(",") if url.strip()]
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

    @field_validator("public_url")
    @classmethod
    def strip_trailing_slash(cls, value: str) -> str:
        return value.rstrip("/")

    @field_validator("callback_webhook_url")
    @classmethod
    def refuse_plain_http_webhook(cls, value: str, info) -> str:  # type: ignore[no-untyped-def]
        value = value.strip()
        environment = info.data.get("environment", "development")
        if value and environment != "development" and not value.startswith("https://"):
            raise ValueError("RELAIS_CALLBACK_WEBHOOK_URL must be an https URL outside development")
        return value

    @field_validator("rasa_token")
    @classmethod
    def refuse_placeholder_outside_development(cls, value: str, info) -> str:  # type: ignore[no-untyped-def]
        environment = info.data.get("environment", "development")
        if environment != "development" and (not value or value.startswith("change")):
            raise ValueError("RELAIS_RASA_TOKEN must be set to a real secret outside development")
        return value

    @field_validator("agent_keys", mode="before")
    @classmethod
    def split_agent_keys(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        keys: dict[str, str] = {}
        for pair in (part.strip() for part in value.split(",")):
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
        environment = info.data.get("environment", "development")
        if environment != "development" and not value:
            raise ValueError("RELAIS_AGENT_KEYS must name at least one counsellor outside development")
        for name, key in value.items():
            if len(key) < 16:
                raise ValueError(f"the agent key of {name!r} must have at least 16 characters")
            if environment != "development" and key.lower().startswith("change"):
                raise ValueError(f"the agent key of {name!r} is a placeholder: set a real secret")
        return value


@lru_cache
def get_settings() -> Settings:
    return Settings()
