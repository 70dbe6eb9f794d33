"""The launcher's configuration: replicas, the demo counsellor, where the databases go."""

from __future__ import annotations

from pathlib import Path

import pytest

from stack.services import StackConfig


def test_each_replica_is_a_service_and_the_gateway_knows_them_all(tmp_path: Path):
    config = StackConfig(rasa_port=16000, rasa_replicas=3, var_dir=tmp_path)
    names = [service.name for service in config.services()]
    assert names == ["actions", "rasa-1", "rasa-2", "rasa-3", "gateway"]
    env = config.environment()
    assert env["RELAIS_RASA_URLS"].split(",") == [
        "http://127.0.0.1:16000", "http://127.0.0.1:16001", "http://127.0.0.1:16002"
    ]  # fmt: skip
    assert "--port" in config.services()[2].command and "16001" in config.services()[2].command
    assert StackConfig(var_dir=tmp_path).services()[1].name == "rasa"


def test_a_demo_counsellor_only_in_development(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("RELAIS_AGENT_KEYS", raising=False)
    monkeypatch.setenv("RELAIS_ENVIRONMENT", "development")
    name, key = StackConfig.from_environment().agent_keys.split(":")
    assert name == "demo" and len(key) >= 16
    assert StackConfig.from_environment().agent_keys != StackConfig.from_environment().agent_keys
    monkeypatch.setenv("RELAIS_ENVIRONMENT", "production")
    assert StackConfig.from_environment().agent_keys == ""
    monkeypatch.setenv("RELAIS_AGENT_KEYS", "julie:a-real-key-0123456789")
    assert StackConfig.from_environment().agent_keys == "julie:a-real-key-0123456789"


def test_tickets_and_tracker_default_to_the_var_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("RELAIS_DATABASE_URL", raising=False)
    env = StackConfig(var_dir=tmp_path).environment()
    assert env["RELAIS_DATABASE_URL"] == f"sqlite:///{tmp_path / 'relais.db'}"
    assert env["RELAIS_TRACKER_URL"] == f"sqlite:///{tmp_path / 'tracker.db'}"
    monkeypatch.setenv("RELAIS_DATABASE_URL", "postgresql+psycopg://x@127.0.0.1/relais")
    assert StackConfig(var_dir=tmp_path).environment()["RELAIS_DATABASE_URL"].startswith("postgresql")
