"""The gateway's configuration: one settings class, read from `RELAIS_*` variables (.env.example)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RELAIS_", extra="ignore")

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
    resources_file: Path = ROOT / "knowledge_base" / "resources.yml"
    establishments_file: Path = ROOT / "knowledge_base" / "establishments.yml"
    max_message_chars: int = 2000
    max_body_bytes: int = 16_384

    @field_validator("rasa_urls", mode="before")
    @classmethod
    def split_urls(cls, value: object) -> object:
        if isinstance(value, str):
            return [url.strip().rstrip("/") for url in value.split(",") if url.strip()]
        return value

    @field_validator("rasa_token")
    @classmethod
    def refuse_placeholder_outside_development(cls, value: str, info) -> str:  # type: ignore[no-untyped-def]
        environment = info.data.get("environment", "development")
        if environment != "development" and (not value or value.startswith("change")):
            raise ValueError("RELAIS_RASA_TOKEN must be set to a real secret outside development")
        return value


@lru_cache
def get_settings() -> Settings:
    return Settings()
