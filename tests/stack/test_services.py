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


GATEWAY_ONLY = ("RELAIS_AGENT_KEYS", "RELAIS_CALLBACK_WEBHOOK_URL", "RELAIS_DATABASE_URL", "RELAIS_CONVERSATION_SECRET",
                "RELAIS_METRICS_TOKEN", "RELAIS_BQVT_KEYS", "RELAIS_TEAMS_APP_SECRET")  # fmt: skip


def test_each_service_gets_only_its_own_variables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """An allow-list per service: what the launcher's environment holds besides (a cloud key, an
    unknown RELAIS_ secret, a shell's variables) reaches no service that does not list it."""
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "not-for-anyone")
    monkeypatch.setenv("RELAIS_SOMETHING_NEW", "gateway-only")
    monkeypatch.setenv("RELAIS_REDIS_HOST", "127.0.0.1")
    extra = {name: "secret-value" for name in GATEWAY_ONLY}
    config = StackConfig(var_dir=tmp_path, extra_env=extra)
    env = config.environment()
    services = {service.name: service.environment(env) for service in config.services()}
    for name in ("actions", "rasa"):
        for secret in (*GATEWAY_ONLY, "RELAIS_SOMETHING_NEW", "RELAIS_RASA_URLS", "RELAIS_PORT"):
            assert secret not in services[name], (name, secret)
    for name in services:
        assert "AWS_SECRET_ACCESS_KEY" not in services[name], name
        assert services[name]["PATH"] == env["PATH"]
    assert set(services["actions"]) - set(env) == set()
    assert {n for n in services["actions"] if n.startswith("RELAIS_")} == {"RELAIS_INDEX_DIR", "RELAIS_ENVIRONMENT"}
    assert {n for n in services["rasa"] if n.startswith("RELAIS_")} == {
        "RELAIS_ACTION_ENDPOINT_URL", "RELAIS_TRACKER_URL", "RELAIS_REDIS_HOST",
        "RELAIS_REDIS_LOCK_USERNAME", "RELAIS_REDIS_LOCK_PASSWORD",  # empty unless given
    }  # fmt: skip
    # Rasa's Redis password is Rasa's: the gateway, which gets every other RELAIS_*, does not.
    assert "RELAIS_REDIS_LOCK_PASSWORD" in env and "RELAIS_REDIS_LOCK_PASSWORD" not in services["gateway"]
    assert services["rasa"]["RASA_TELEMETRY_ENABLED"] == "false" and services["rasa"]["SANIC_HOST"] == "127.0.0.1"
    assert services["actions"]["SANIC_HOST"] == "127.0.0.1"  # rasa_sdk's default is 0.0.0.0
    for secret in GATEWAY_ONLY:
        assert services["gateway"][secret] == env[secret]
    assert services["gateway"]["RELAIS_SOMETHING_NEW"] == "gateway-only"
    assert "RELAIS_TRACKER_URL" in services["gateway"]  # the console's history, erasure, purge


def test_rasa_runs_without_its_http_api_and_no_token_in_any_command(tmp_path: Path):
    """CVE-2024-49375: no --enable-api (no model upload, no tracker API), so no --auth-token."""
    config = StackConfig(var_dir=tmp_path, rasa_replicas=2)
    for service in config.services():
        assert "--enable-api" not in service.command and "--auth-token" not in service.command, service.name
        assert not any("token" in part.lower() for part in service.command), service.name
        assert not any(config.conversation_secret in part for part in service.command), service.name
    assert "RELAIS_RASA_TOKEN" not in config.own_environment()
