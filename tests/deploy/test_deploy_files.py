"""deploy/ cannot drift from the launcher: its containers run the launcher's own commands
(stack/services.py, with container paths and 0.0.0.0), get every variable the launcher sets, probe
the same readiness paths, and name only variables that the code reads.

What this does not do: build the images or start the containers (no Docker daemon or cluster
here); `kubectl kustomize deploy/k8s` is run when kubectl is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import yaml

from api.settings import Settings
from stack.services import ROOT, StackConfig

DEPLOY = ROOT / "deploy"


def container_config(replicas: int = 2) -> StackConfig:
    """The launcher's settings as the containers use them."""
    return StackConfig(
        rasa_replicas=replicas,
        app_python_bin=Path("/opt/app/bin"),
        rasa_python_bin=Path("/opt/rasa/bin"),
        model_dir=Path("/app/models"),
        endpoints=ROOT / "bot" / "endpoints.scaled.yml",
        index_dir=Path("/app/var/index"),
        bind_host="0.0.0.0",
    )


def commands(config: StackConfig) -> dict[str, list[str]]:
    return {
        service.name: [part.replace(str(ROOT), "/app") for part in service.command]
        for service in config.services()
    }


def ready_paths(config: StackConfig) -> dict[str, str]:
    return {service.name: urlparse(service.ready_url).path for service in config.services()}


def compose() -> dict[str, Any]:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))


def manifests() -> list[dict[str, Any]]:
    documents = []
    for path in sorted((DEPLOY / "k8s").glob("*.yaml")):
        documents += [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]
    return documents


def k8s(kind: str, name: str) -> dict[str, Any]:
    return next(d for d in manifests() if d["kind"] == kind and d["metadata"]["name"] == name)


def secret_keys(name: str = "gateway-secrets.env.example") -> set[str]:
    lines = (DEPLOY / name).read_text(encoding="utf-8").splitlines()
    return {line.split("=", 1)[0] for line in lines if "=" in line and not line.startswith("#")}


def test_compose_runs_the_launchers_commands() -> None:
    expected = commands(container_config())
    services = compose()["services"]
    assert services["gateway"]["command"] == expected["gateway"]
    assert services["actions"]["command"] == expected["actions"]
    for name in ("rasa-1", "rasa-2"):
        assert services[name]["command"] == expected[name]
    assert set(expected) <= set(services)


def test_kubernetes_runs_the_launchers_commands() -> None:
    expected = commands(container_config())
    container = _container(k8s("StatefulSet", "rasa"))
    assert container["command"] == expected["rasa-1"]  # every pod of the StatefulSet listens on the same port
    assert _container(k8s("Deployment", "gateway"))["command"] == expected["gateway"]
    assert _container(k8s("Deployment", "actions"))["command"] == expected["actions"]


def test_no_container_runs_rasas_http_api_or_carries_a_token_in_its_command() -> None:
    """CVE-2024-49375: Rasa's HTTP API (model upload, tracker) is off everywhere."""
    commands = [service["command"] for service in compose()["services"].values() if "command" in service]
    commands += [
        c["command"] for d in manifests() if d["kind"] in ("Deployment", "StatefulSet")
        for c in d["spec"]["template"]["spec"]["containers"] if "command" in c
    ]  # fmt: skip
    for command in commands:
        words = " ".join(command)
        assert "--enable-api" not in words and "--auth-token" not in words and "TOKEN" not in words, command


def _compose_env(service: dict[str, Any]) -> set[str]:
    names = set(service.get("environment") or {})
    for env_file in service.get("env_file") or []:
        names |= secret_keys(f"{env_file}.example")
    return names


def _k8s_env(container: dict[str, Any]) -> set[str]:
    names = {entry["name"] for entry in container.get("env") or []}
    for source in container.get("envFrom") or []:
        if "configMapRef" in source:
            names |= set(k8s("ConfigMap", source["configMapRef"]["name"])["data"])
        if "secretRef" in source:
            names |= set(k8s("Secret", source["secretRef"]["name"])["stringData"])
    return names


def _k8s_secrets(container: dict[str, Any]) -> set[str]:
    """The keys of Secrets a container gets in its environment."""
    names = {
        entry["name"] for entry in container.get("env") or []
        if "secretKeyRef" in entry.get("valueFrom", {})
    }  # fmt: skip
    for source in container.get("envFrom") or []:
        if "secretRef" in source:
            names |= set(k8s("Secret", source["secretRef"]["name"])["stringData"])
    return names


def _compose_secrets(service: dict[str, Any]) -> set[str]:
    names: set[str] = set()
    for env_file in service.get("env_file") or []:
        names |= secret_keys(f"{env_file}.example")
    return names


def test_each_container_gets_only_its_services_variables() -> None:
    """As the launcher (stack/services.py allow-lists): Rasa and the action server get what they
    need and nothing of the gateway's secrets."""
    config = container_config()
    own = config.own_environment()
    services = {service.name: service for service in config.services()}
    containers = {
        "compose rasa-1": (_compose_env(compose()["services"]["rasa-1"]), services["rasa-1"]),
        "compose actions": (_compose_env(compose()["services"]["actions"]), services["actions"]),
        "compose gateway": (_compose_env(compose()["services"]["gateway"]), services["gateway"]),
        "k8s rasa": (_k8s_env(_container(k8s("StatefulSet", "rasa"))), services["rasa-1"]),
        "k8s actions": (_k8s_env(_container(k8s("Deployment", "actions"))), services["actions"]),
        "k8s gateway": (_k8s_env(_container(k8s("Deployment", "gateway"))), services["gateway"]),
    }
    for where, (names, service) in containers.items():
        needed = set(service.environment(own))
        assert needed <= names, (where, needed - names)
        # The gateway also gets the shared ConfigMap's Rasa switches (SANIC_HOST...), no secret:
        # its secrets are checked by test_each_service_gets_only_the_secrets_it_reads.
        refused = [n for n in names if not service.allows(n)]
        assert not refused or (service.name == "gateway" and set(refused) <= {"SANIC_HOST", "RASA_TELEMETRY_ENABLED"}), (where, refused)
    for where in ("compose rasa-1", "compose actions", "k8s rasa", "k8s actions"):
        assert "RELAIS_AGENT_KEYS" not in containers[where][0] and "RELAIS_DATABASE_URL" not in containers[where][0]
    for where in ("compose gateway", "k8s gateway"):  # not Rasa's Redis password, nor PostgreSQL's
        assert not {"RELAIS_REDIS_LOCK_PASSWORD", "POSTGRES_PASSWORD"} & containers[where][0]


def _rasa_reads() -> set[str]:
    return set(re.findall(r"\$\{(\w+)\}", (ROOT / "bot" / "endpoints.scaled.yml").read_text(encoding="utf-8")))


def _postgres_reads() -> set[str]:
    sql = (DEPLOY / "postgres-init.sql").read_text(encoding="utf-8")
    return {"POSTGRES_PASSWORD"} | set(re.findall(r"^\\getenv \w+ (\w+)$", sql, flags=re.M))


def _gateway_reads() -> set[str]:
    return {f"RELAIS_{field.upper()}" for field in Settings.model_fields}


def _purge_url_variable() -> set[str]:
    """The variable `python -m tickets.purge --help` names as the database URL's default."""
    done = subprocess.run([sys.executable, "-m", "tickets.purge", "--help"], cwd=ROOT,
                          capture_output=True, text=True, check=True)  # fmt: skip
    return set(re.findall(r"\$(RELAIS_\w+)", done.stdout))


def test_each_service_gets_only_the_secrets_it_reads() -> None:
    """One secret file (Compose) or Secret (Kubernetes) per service: a secret a service does not
    read is not in its environment. What each reads: the gateway its settings (api/settings.py),
    Rasa the ${…} of its endpoints, the purge job the variables of its command and the one its
--help names as the URL's default, PostgreSQL its
    password and the roles' passwords of postgres-init.sql; the action server and Redis none."""
    services = compose()["services"]
    purge_compose = " ".join(services["purge"]["entrypoint"])
    purge_k8s = _container(k8s("CronJob", "relais-purge")["spec"]["jobTemplate"])
    purge_env = _purge_url_variable()
    reads = {
        "gateway": _gateway_reads(),
        "rasa": _rasa_reads(),
        "purge": set(re.findall(r"\$\$\{?(\w+)", purge_compose)) | purge_env,
        "purge k8s": set(re.findall(r"\$\((\w+)\)", " ".join(purge_k8s["command"]))) | purge_env,
        "postgres": _postgres_reads(),
        "none": set(),
    }
    assert reads["purge"] == reads["purge k8s"] == {"RELAIS_DATABASE_URL", "RELAIS_TICKET_RETENTION_DAYS"}
    given = {
        "compose gateway": (_compose_secrets(services["gateway"]), "gateway"),
        "compose rasa-1": (_compose_secrets(services["rasa-1"]), "rasa"),
        "compose rasa-2": (_compose_secrets(services["rasa-2"]), "rasa"),
        "compose actions": (_compose_secrets(services["actions"]), "none"),
        "compose purge": (_compose_secrets(services["purge"]), "purge"),
        "compose postgres": (_compose_secrets(services["postgres"]), "postgres"),
        "compose redis": (_compose_secrets(services["redis"]), "none"),
        "k8s gateway": (_k8s_secrets(_container(k8s("Deployment", "gateway"))), "gateway"),
        "k8s rasa": (_k8s_secrets(_container(k8s("StatefulSet", "rasa"))), "rasa"),
        "k8s actions": (_k8s_secrets(_container(k8s("Deployment", "actions"))), "none"),
        "k8s purge": (_k8s_secrets(purge_k8s), "purge k8s"),
        "k8s postgres": (_k8s_secrets(_container(k8s("StatefulSet", "postgres"))), "postgres"),
        "k8s redis": (_k8s_secrets(_container(k8s("Deployment", "redis"))), "none"),
    }
    for where, (names, reader) in given.items():
        assert names <= reads[reader], (where, names - reads[reader])
    # Each secret's consumer gets the secrets it needs.
    assert given["compose purge"][0] == given["k8s purge"][0] == {"RELAIS_DATABASE_URL"}
    assert given["compose rasa-1"][0] == given["k8s rasa"][0] == {"RELAIS_TRACKER_URL", "RELAIS_REDIS_LOCK_PASSWORD"}
    assert given["compose postgres"][0] == given["k8s postgres"][0] == _postgres_reads()
    # Nothing with a password outside the secrets: no URL with credentials in plain environment.
    plain = [*compose()["x-app-env"].values(), *compose()["x-rasa-env"].values(),
             *services["purge"]["environment"].values(), *k8s("ConfigMap", "relais-config")["data"].values()]  # fmt: skip
    assert not [value for value in plain if re.search(r"://[^/@]*:[^/@]*@", str(value))]
    # Each Kubernetes Secret holds the keys of its Compose file.
    for secret, example in (
        ("relais-gateway", "gateway-secrets.env.example"), ("relais-rasa", "rasa-secrets.env.example"),
        ("relais-purge", "purge-secrets.env.example"), ("relais-postgres", "postgres-secrets.env.example"),
    ):  # fmt: skip
        assert set(k8s("Secret", secret)["stringData"]) == secret_keys(example), secret


def test_the_database_roles_are_created_the_same_way_everywhere() -> None:
    """Compose and Kubernetes run the one postgres-init.sql (its roles: test_postgres_roles.py);
    the services log in with their own role, never the superuser."""
    sql = (DEPLOY / "postgres-init.sql").read_text(encoding="utf-8")
    assert k8s("ConfigMap", "postgres-init")["data"]["10-relais.sql"] == sql
    assert "./postgres-init.sql:/docker-entrypoint-initdb.d/10-relais.sql:ro" in compose()["services"]["postgres"]["volumes"]
    users = {
        "gateway RELAIS_DATABASE_URL": _url_user("gateway-secrets.env.example", "RELAIS_DATABASE_URL"),
        "gateway RELAIS_TRACKER_URL": _url_user("gateway-secrets.env.example", "RELAIS_TRACKER_URL"),
        "rasa RELAIS_TRACKER_URL": _url_user("rasa-secrets.env.example", "RELAIS_TRACKER_URL"),
        "purge RELAIS_DATABASE_URL": _url_user("purge-secrets.env.example", "RELAIS_DATABASE_URL"),
    }
    assert users == {
        "gateway RELAIS_DATABASE_URL": ("relais_tickets", "relais"),
        "gateway RELAIS_TRACKER_URL": ("relais_tracker", "rasa"),
        "rasa RELAIS_TRACKER_URL": ("relais_tracker", "rasa"),
        "purge RELAIS_DATABASE_URL": ("relais_purge", "relais"),
    }
    for role in ("relais_tracker", "relais_tickets", "relais_purge"):
        assert f"CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD" in sql


def _url_user(example: str, name: str) -> tuple[str, str]:
    lines = (DEPLOY / example).read_text(encoding="utf-8").splitlines()
    url = urlparse(next(line.split("=", 1)[1] for line in lines if line.startswith(f"{name}=")))
    return str(url.username), url.path.lstrip("/")


def _acl_users() -> dict[str, list[str]]:
    lines = (DEPLOY / "redis-users.acl.example").read_text(encoding="utf-8").splitlines()
    return {line.split()[1]: line.split()[2:] for line in lines if line.strip()}


def test_redis_users_hold_each_service_to_its_keys_and_commands() -> None:
    """Redis ACLs cannot restrict a database number: the gateways' user reaches only the keys
    under the gateways' prefix, Rasa's only its lock keys, each with a list of commands (no
    category, nothing that flushes, lists keys, reconfigures or debugs); the default user is off.
    That these lists are enough: tests/api/shared (the stores as this user) and the scale-out e2e."""
    from api.shared.redis_client import PREFIX

    users = _acl_users()
    assert set(users) == {"default", "relais-gateway", "relais-rasa"}
    assert users["default"][0] == "off" and "-@all" in users["default"]
    assert not [rule for rule in users["default"] if rule.startswith(("+", "~", "%", ">", "#", "nopass"))]
    endpoints = yaml.safe_load((ROOT / "bot" / "endpoints.scaled.yml").read_text(encoding="utf-8"))
    lock_keys = f"~{endpoints['lock_store']['key_prefix']}:lock:*"  # Rasa 3.6 RedisLockStore
    dangerous = {"+flushall", "+flushdb", "+keys", "+scan", "+config", "+config|set", "+debug", "+acl",
                 "+eval", "+script", "+script|flush", "+function", "+shutdown", "+save", "+bgsave",
                 "+bgrewriteaof", "+module", "+monitor", "+client", "+migrate", "+replicaof", "+slaveof"}  # fmt: skip
    for name, keys in (("relais-gateway", f"~{PREFIX}*"), ("relais-rasa", lock_keys)):
        rules = users[name]
        assert rules[0] == "on" and [r for r in rules if r.startswith("~")] == [keys], name
        assert rules.index("-@all") < min(i for i, r in enumerate(rules) if r.startswith("+")), name
        granted = {r for r in rules if r.startswith("+")}
        assert not [r for r in granted if r.startswith("+@")], name  # commands, never categories
        assert not granted & dangerous, (name, granted & dangerous)
        assert "resetchannels" in rules and not [r for r in rules if r.startswith("&")], name
        assert [r for r in rules if r.startswith(">")] == [f">change-me-{name.removeprefix('relais-')}"]
    assert {r for r in users["relais-rasa"] if r.startswith("+")} == {"+ping", "+select", "+get", "+set", "+del"}
    assert "+config|get" in users["relais-gateway"]  # the check that Redis keeps nothing on disk
    # The same users everywhere: Compose mounts the file, Kubernetes the Secret.
    acl = (DEPLOY / "redis-users.acl.example").read_text(encoding="utf-8")
    assert k8s("Secret", "relais-redis-acl")["stringData"]["users.acl"] == acl
    assert compose()["services"]["redis"]["command"][-2:] == ["--aclfile", "/run/secrets/redis-users.acl"]
    redis = _container(k8s("Deployment", "redis"))
    assert redis["args"][-2:] == ["--aclfile", "/etc/redis/users.acl"]
    for command in (compose()["services"]["redis"]["command"], redis["args"]):
        assert command[1:5] == ["--save", "", "--appendonly", "no"]
    # Each service logs in as its user.
    gateway_url = urlparse(next(
        line.split("=", 1)[1] for line in (DEPLOY / "gateway-secrets.env.example").read_text().splitlines()
        if line.startswith("RELAIS_REDIS_URL=")
    ))  # fmt: skip
    assert gateway_url.username == "relais-gateway"
    assert compose()["x-rasa-env"]["RELAIS_REDIS_LOCK_USERNAME"] == "relais-rasa"
    rasa_env = {e["name"]: e for e in _container(k8s("StatefulSet", "rasa"))["env"]}
    assert rasa_env["RELAIS_REDIS_LOCK_USERNAME"]["value"] == "relais-rasa"


def test_readiness_probes_use_the_launchers_ready_paths() -> None:
    config = container_config()
    paths = ready_paths(config)
    services = compose()["services"]
    for service in config.services():
        probe = " ".join(services[service.name]["healthcheck"]["test"])
        port = urlparse(service.ready_url).port
        assert f"http://127.0.0.1:{port}{paths[service.name]}" in probe, service.name
    assert _container(k8s("Deployment", "gateway"))["readinessProbe"]["httpGet"]["path"] == paths["gateway"]
    assert _container(k8s("Deployment", "actions"))["readinessProbe"]["httpGet"]["path"] == paths["actions"]
    assert _container(k8s("StatefulSet", "rasa"))["readinessProbe"]["httpGet"]["path"] == paths["rasa-1"]


def test_every_variable_the_launcher_sets_is_set_for_the_containers() -> None:
    config = container_config()
    own = config.own_environment()
    compose_env = compose()["x-app-env"]
    config_map = k8s("ConfigMap", "relais-config")["data"]
    secret = k8s("Secret", "relais-gateway")["stringData"]
    assert set(own) <= set(compose_env) | secret_keys()
    assert set(own) <= set(config_map) | set(secret)
    assert set(secret) == secret_keys()
    for env in (compose_env, config_map):
        for name in ("PYTHONPATH", "RASA_TELEMETRY_ENABLED", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE",
                     "SANIC_HOST", "RELAIS_INDEX_DIR", "RELAIS_PORT"):  # fmt: skip
            assert str(env[name]) == own[name].replace(str(ROOT), "/app"), name
        for name in ("RELAIS_ACTION_ENDPOINT_URL", "RELAIS_ACTION_SERVER_URL"):
            launcher, container = urlparse(own[name]), urlparse(env[name])
            assert (container.hostname, container.port, container.path) == (
                "actions", launcher.port, launcher.path
            )  # fmt: skip


def test_each_rasa_replica_is_named_in_the_gateways_list() -> None:
    config = container_config()
    urls = compose()["x-app-env"]["RELAIS_RASA_URLS"].split(",")
    launcher = [urlparse(url).port for url in config.rasa_urls]
    assert urls == [f"http://rasa-{n}:{port}" for n, port in enumerate(launcher, start=1)]
    statefulset = k8s("StatefulSet", "rasa")
    pods = k8s("ConfigMap", "relais-config")["data"]["RELAIS_RASA_URLS"].split(",")
    replicas = statefulset["spec"]["replicas"]
    assert replicas == 2
    assert pods == [f"http://rasa-{n}.rasa:{config.rasa_port}" for n in range(replicas)]
    assert k8s("Service", "rasa")["spec"]["clusterIP"] == "None"  # one DNS name per pod


def test_several_gateways_only_on_one_redis() -> None:
    """Without RELAIS_REDIS_URL each gateway would have its own live-chat queue: a counsellor on
    one would never see a person waiting on the other (api/shared/state.py)."""
    gateway = compose()["services"]["gateway"]
    replicas = gateway.get("deploy", {}).get("replicas", 1)
    pods = k8s("Deployment", "gateway")["spec"]["replicas"]
    assert (replicas, pods) == (2, 2)
    endpoints = yaml.safe_load((ROOT / "bot" / "endpoints.scaled.yml").read_text(encoding="utf-8"))
    lock_database = int(endpoints["lock_store"].get("db", 0))
    for url in (
        next(line.split("=", 1)[1] for line in (DEPLOY / "gateway-secrets.env.example").read_text().splitlines()
             if line.startswith("RELAIS_REDIS_URL=")),
        k8s("Secret", "relais-gateway")["stringData"].get("RELAIS_REDIS_URL"),
    ):  # fmt: skip
        parsed = urlparse(url)
        assert (parsed.scheme, parsed.hostname, parsed.port) == ("redis", "redis", 6379), url
        # Not the database of Rasa's lock store (read from its endpoints file, not restated here).
        assert int(parsed.path.lstrip("/")) != lock_database
    # Each compose replica publishes its own port for the reverse proxy.
    assert gateway["ports"] == ["127.0.0.1:8000-8001:8000"]
    assert "redis" in gateway["depends_on"]


def test_only_variables_the_code_reads() -> None:
    code = "\n".join(
        path.read_text(encoding="utf-8")
        for folder in ("api", "actions", "stack", "bot", "tickets")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in (".py", ".yml")
    ) + (DEPLOY / "postgres-init.sql").read_text(encoding="utf-8")
    fields = set(Settings.model_fields)
    names = set(compose()["x-app-env"]) | set(k8s("ConfigMap", "relais-config")["data"])
    for example in DEPLOY.glob("*-secrets.env.example"):
        names |= secret_keys(example.name)
    for name in names:
        if name.startswith("RELAIS_"):
            assert name.removeprefix("RELAIS_").lower() in fields or name in code, name


def test_the_purge_job_calls_the_purge_with_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    from tickets import purge

    job = k8s("CronJob", "relais-purge")
    container = job["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]
    assert container["command"][:3] == ["/opt/app/bin/python", "-m", "tickets.purge"]
    options = container["command"][3::2]
    with pytest.raises(SystemExit):
        purge.main(["--help"])
    usage = capsys.readouterr().out
    assert options == ["--days"] and all(option in usage for option in options)
    # the database URL (with its password) comes from the environment, never the process list
    assert "RELAIS_DATABASE_URL" in usage and "RELAIS_DATABASE_URL" not in " ".join(container["command"])
    entrypoint = compose()["services"]["purge"]["entrypoint"][2]
    assert "tickets.purge --days" in entrypoint and "RELAIS_DATABASE_URL" not in entrypoint


def test_the_app_image_carries_every_package_the_services_import() -> None:
    dockerfile = (DEPLOY / "Dockerfile.app").read_text(encoding="utf-8")
    packages = {
        path.parent.name for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in ("tests", "bench", "data")
    }  # fmt: skip
    copied = {line.split()[1] for line in dockerfile.splitlines() if line.startswith("COPY ")}
    assert packages <= copied, packages - copied
    rasa = (DEPLOY / "Dockerfile.rasa").read_text(encoding="utf-8")
    for package in ("bot", "safety", "risk_classifier", "embeddings"):  # bot/components imports
        assert f"COPY {package} {package}" in rasa


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl not installed")
def test_kustomize_builds_the_manifests() -> None:
    built = subprocess.run(
        ["kubectl", "kustomize", str(DEPLOY / "k8s")], capture_output=True, text=True, check=True
    ).stdout
    kinds = [d["kind"] for d in yaml.safe_load_all(built) if d]
    assert kinds.count("CronJob") == 1 and "Secret" not in kinds  # the Secret is made by hand


def _container(workload: dict[str, Any]) -> dict[str, Any]:
    return workload["spec"]["template"]["spec"]["containers"][0]  # type: ignore[no-any-return]
