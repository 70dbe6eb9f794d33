"""The launcher's configuration: replicas, the demo counsellor, where the databases go."""

from __future__ import annotations

import stat
import time
from pathlib import Path

import pytest

from stack.launcher import Stack
from stack.services import Service, StackConfig


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


def test_the_gateway_writes_no_access_log_and_gets_the_conversation_secret(tmp_path: Path):
    config = StackConfig(var_dir=tmp_path)
    gateway = config.services()[-1]
    assert gateway.name == "gateway" and "--no-access-log" in gateway.command
    assert len(config.environment()["RELAIS_CONVERSATION_SECRET"]) >= 32


def test_log_files_and_databases_are_private(tmp_path: Path):
    config = StackConfig(var_dir=tmp_path)
    old_database = tmp_path / "tracker.db"
    old_database.write_bytes(b"")
    old_database.chmod(0o644)
    config.log_dir.mkdir(parents=True)
    (config.log_dir / "probe.log").write_bytes(b"")
    (config.log_dir / "probe.log").chmod(0o644)
    stack = Stack(config)
    stack.restrict_existing_files()
    child_database = tmp_path / "child.db"
    stack.supervisor.env = {"PATH": "/bin:/usr/bin"}
    child = stack.supervisor.spawn(
        Service("probe", ["/bin/sh", "-c", f"touch {child_database}; echo ok"], "")
    )
    assert child.process is not None and child.process.wait(timeout=10) == 0
    deadline = time.monotonic() + 10
    while (config.log_dir / "probe.log").read_text() != "ok\n" and time.monotonic() < deadline:
        time.sleep(0.05)  # the output is copied to the log by a thread
    for path in (old_database, config.log_dir / "probe.log", child_database):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert (config.log_dir / "probe.log").read_text() == "ok\n"


def test_rasa_and_the_action_server_never_get_the_gateway_secrets(tmp_path: Path):
    config = StackConfig(var_dir=tmp_path, extra_env={"RELAIS_CALLBACK_WEBHOOK_URL": "https://x.test/hook"})
    env = config.environment()
    services = {service.name: service.environment(env) for service in config.services()}
    for name in ("actions", "rasa"):
        for secret in ("RELAIS_AGENT_KEYS", "RELAIS_CALLBACK_WEBHOOK_URL", "RELAIS_DATABASE_URL", "RELAIS_CONVERSATION_SECRET", "RELAIS_RASA_TOKEN"):
            assert secret not in services[name], (name, secret)
    assert "RELAIS_TRACKER_URL" in services["rasa"] and "RELAIS_TRACKER_URL" not in services["actions"]
    assert services["gateway"]["RELAIS_CONVERSATION_SECRET"] == config.conversation_secret
    assert services["gateway"]["RELAIS_AGENT_KEYS"] == config.agent_keys
