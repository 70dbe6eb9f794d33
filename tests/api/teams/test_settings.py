"""Teams settings: refused when unsafe, secrets from files, person ids keyed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from api.settings import Settings
from api.teams.config import TeamsConfig, TeamsConfigError
from api.teams.personal import person_id
from tests.security.conftest import production_values


def test_anonymous_teams_only_in_development() -> None:
    with pytest.raises(ValidationError, match="development only"):
        Settings(environment="production", agent_keys={"a": "k" * 20}, teams_anonymous=True)
    assert TeamsConfig.from_settings(Settings(teams_anonymous=True)).personal_enabled


def test_plain_http_connectors_only_in_development(tmp_path: Path) -> None:
    settings = Settings(
        **production_values(tmp_path), teams_allowed_service_urls="http://127.0.0.1:3978"
    )
    with pytest.raises(TeamsConfigError, match="https only"):
        TeamsConfig.from_settings(settings)


def test_secrets_from_files_and_a_clear_error_when_unreadable(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("s3cr3t\n")
    config = TeamsConfig.from_settings(
        Settings(teams_app_id="app", teams_tenant_id="tenant", teams_app_secret_file=secret)
    )
    assert config.app_secret == "s3cr3t" and config.personal_enabled
    with pytest.raises(TeamsConfigError, match="RELAIS_TEAMS_APP_SECRET_FILE"):
        TeamsConfig.from_settings(Settings(teams_app_secret_file=tmp_path / "missing"))
    with pytest.raises(TeamsConfigError, match="not base64"):
        TeamsConfig.from_settings(Settings(teams_webhook_secret="pas du base64 !"))


def test_nothing_configured_means_nothing_enabled() -> None:
    config = TeamsConfig.from_settings(Settings(teams_app_id="app"))
    assert not config.personal_enabled and not config.channel_enabled


def test_person_ids_are_keyed_hashes() -> None:
    one = person_id(b"key-1", "tenant", "object")
    assert one.startswith("teams:") and "object" not in one and "tenant" not in one
    assert one == person_id(b"key-1", "tenant", "object")
    assert one != person_id(b"key-2", "tenant", "object")
    assert one != person_id(b"key-1", "other-tenant", "object")
