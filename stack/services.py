"""The three services, their commands and their environment.

Rasa (Python 3.10 venv) and the action server are internal; only the gateway faces users.
Everything binds to 127.0.0.1. Telemetry is off. Rasa runs without its HTTP API. Each service
gets only the variables on its allow-list (`Service.allowed`), never the whole environment.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# What every process may get from the launcher's environment: the system's basics and the
# offline switches of the model libraries. Nothing else passes unless a service lists it.
COMMON_VARIABLES = frozenset(
    (
        "PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "PYTHONPATH",
        "SSL_CERT_FILE", "SSL_CERT_DIR", "HF_HOME", "HF_HUB_CACHE", "HF_HUB_OFFLINE",
        "TRANSFORMERS_OFFLINE", "SENTENCE_TRANSFORMERS_HOME", "TORCH_HOME",
        "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "TOKENIZERS_PARALLELISM",
    )
)  # fmt: skip
COMMON_PREFIXES = ("LC_",)

# Rasa: its own switches, where the action server is, its tracker and lock stores. Not the
# counsellors' keys, the callback webhook, the tickets' database or the conversation secret.
RASA_VARIABLES = frozenset(
    (
        "RELAIS_ACTION_ENDPOINT_URL", "RELAIS_TRACKER_URL", "RELAIS_REDIS_HOST",
        "RELAIS_REDIS_PORT", "RELAIS_REDIS_LOCK_USERNAME", "RELAIS_REDIS_LOCK_PASSWORD",
        "LOG_LEVEL", "LOG_LEVEL_LIBRARIES", "TF_CPP_MIN_LOG_LEVEL", "TF_ENABLE_ONEDNN_OPTS",
        "TF_INTRA_OP_PARALLELISM_THREADS", "TF_INTER_OP_PARALLELISM_THREADS",
    )
)  # fmt: skip
# Not "TF_": Terraform's variables (TF_TOKEN_…) start so too.
RASA_PREFIXES = ("RASA_", "SANIC_")
# The action server reads these four (actions/settings.py) and nothing else of ours, and
# SANIC_HOST: without it, rasa_sdk listens on every interface (0.0.0.0), not on loopback.
ACTION_VARIABLES = frozenset(
    (
        "RELAIS_INDEX_DIR", "RELAIS_ENVIRONMENT", "RELAIS_RESOURCES_FILE",
        "RELAIS_ESTABLISHMENTS_FILE", "SANIC_HOST",
    )
)  # fmt: skip
# The gateway reads every RELAIS_* setting (api/settings.py) and may reach the Internet (Teams,
# the callback webhook) through a proxy.
GATEWAY_VARIABLES = frozenset(
    ("HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy")
)
GATEWAY_PREFIXES = ("RELAIS_",)
# ...but not Rasa's lock store password (its own Redis user, bot/endpoints.scaled.yml).
GATEWAY_DENIED = frozenset(("RELAIS_REDIS_LOCK_PASSWORD",))


@dataclass(frozen=True)
class Service:
    name: str
    command: list[str]
    ready_url: str
    # Variables of the launcher's environment this service gets, besides COMMON_VARIABLES:
    # an allow-list, by name and by prefix.
    allowed: frozenset[str] = frozenset()
    allowed_prefixes: tuple[str, ...] = ()
    denied: frozenset[str] = frozenset()  # never, whatever the lists above say

    def allows(self, name: str) -> bool:
        return name not in self.denied and (
            name in COMMON_VARIABLES
            or name in self.allowed
            or name.startswith(COMMON_PREFIXES + self.allowed_prefixes)
        )

    def environment(self, env: dict[str, str]) -> dict[str, str]:
        return {name: value for name, value in env.items() if self.allows(name)}


@dataclass
class StackConfig:
    gateway_port: int = 8000
    rasa_port: int = 5005  # the first replica; replica n listens on rasa_port + n - 1
    rasa_replicas: int = 1
    action_port: int = 5055
    model_dir: Path = ROOT / "models"
    var_dir: Path = ROOT / "var"
    index_dir: Path = ROOT / "var" / "index"
    rasa_python_bin: Path = ROOT / ".venv" / "rasa" / "bin"
    app_python_bin: Path = ROOT / ".venv" / "app" / "bin"
    endpoints: Path = ROOT / "bot" / "endpoints.yml"
    tracker_url: str = ""
    # Signs the conversation tokens (api/conversations/tokens.py); one per start unless set.
    conversation_secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    # In development with no RELAIS_AGENT_KEYS, one counsellor "demo" with a key made per start,
    # printed by `make run`, so the agent console can be tried at once.
    agent_keys: str = field(default_factory=lambda: f"demo:{secrets.token_urlsafe(18)}")
    extra_env: dict[str, str] = field(default_factory=dict)
    # The gateway fails closed: production unless RELAIS_ENVIRONMENT says development
    # (`make run` and the tests do).
    relais_environment: str = field(
        default_factory=lambda: os.environ.get("RELAIS_ENVIRONMENT", "production")
    )
    # Loopback for `make run`; deploy/ checks its containers against these commands with 0.0.0.0.
    bind_host: str = "127.0.0.1"

    @classmethod
    def from_environment(cls) -> StackConfig:
        env = os.environ
        config = cls(
            gateway_port=int(env.get("RELAIS_PORT", "8000")),
            rasa_port=int(env.get("RELAIS_RASA_PORT", "5005")),
            rasa_replicas=int(env.get("RELAIS_RASA_REPLICAS", "1")),
            action_port=int(env.get("RELAIS_ACTION_PORT", "5055")),
            endpoints=Path(env.get("RELAIS_RASA_ENDPOINTS", str(ROOT / "bot" / "endpoints.yml"))),
            tracker_url=env.get("RELAIS_TRACKER_URL", ""),
        )
        if env.get("RELAIS_CONVERSATION_SECRET"):
            config.conversation_secret = env["RELAIS_CONVERSATION_SECRET"]
        if env.get("RELAIS_AGENT_KEYS") or config.relais_environment != "development":
            config.agent_keys = env.get("RELAIS_AGENT_KEYS", "")
        return config

    @property
    def log_dir(self) -> Path:
        return self.var_dir / "log"

    @property
    def rasa_urls(self) -> list[str]:
        return [f"http://127.0.0.1:{self.rasa_port + n}" for n in range(self.rasa_replicas)]

    @property
    def gateway_url(self) -> str:
        return f"http://127.0.0.1:{self.gateway_port}"

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(self.own_environment())
        # Callback tickets (api/settings.py): next to the tracker unless configured.
        env.setdefault("RELAIS_DATABASE_URL", f"sqlite:///{self.var_dir / 'relais.db'}")
        # Rasa's Redis lock store (bot/endpoints.scaled.yml): no login unless given.
        env.setdefault("RELAIS_REDIS_LOCK_USERNAME", "")
        env.setdefault("RELAIS_REDIS_LOCK_PASSWORD", "")
        env.update(self.extra_env)
        return env

    def own_environment(self) -> dict[str, str]:
        """What the launcher itself sets for every service (deploy/ is checked against it)."""
        tracker_url = self.tracker_url or f"sqlite:///{self.var_dir / 'tracker.db'}"
        return {
            "PYTHONPATH": str(ROOT),
            "RASA_TELEMETRY_ENABLED": "false",
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "SANIC_HOST": self.bind_host,
            "RELAIS_ACTION_ENDPOINT_URL": f"http://127.0.0.1:{self.action_port}/webhook",
            "RELAIS_ACTION_SERVER_URL": f"http://127.0.0.1:{self.action_port}",
            "RELAIS_TRACKER_URL": tracker_url,
            "RELAIS_RASA_URLS": ",".join(self.rasa_urls),
            "RELAIS_CONVERSATION_SECRET": self.conversation_secret,
            "RELAIS_ENVIRONMENT": self.relais_environment,
            "RELAIS_AGENT_KEYS": self.agent_keys,
            "RELAIS_INDEX_DIR": str(self.index_dir),
            "RELAIS_PORT": str(self.gateway_port),
        }

    def services(self) -> list[Service]:
        return [
            Service(
                name="actions",
                command=[
                    str(self.app_python_bin / "python"), "-m", "rasa_sdk",
                    "--actions", "actions", "--port", str(self.action_port),
                ],
                # 200 once the index is loaded and searched once (actions/warm.py)
                ready_url=f"http://127.0.0.1:{self.action_port}/relais/ready",
                allowed=ACTION_VARIABLES,
            ),
            *self._rasa_services(),
            Service(
                name="gateway",
                command=[
                    str(self.app_python_bin / "uvicorn"), "api.main:create_app", "--factory",
                    "--host", self.bind_host, "--port", str(self.gateway_port),
                    # The access log would write every conversation id (they are in the paths).
                    "--no-access-log",
                ],
                ready_url=f"http://127.0.0.1:{self.gateway_port}/readyz",
                allowed=GATEWAY_VARIABLES,
                allowed_prefixes=GATEWAY_PREFIXES,
                denied=GATEWAY_DENIED,
            ),
        ]

    def _rasa_services(self) -> list[Service]:
        """One Rasa per replica ("rasa", or "rasa-1", "rasa-2"…), all on the same model and stores.

        Without `--enable-api`: Rasa serves only `/` and its channels' webhooks
        (`/webhooks/rest/webhook`, `/webhooks/relais/health`); no model upload, no tracker API
        (CVE-2024-49375), hence no token to pass."""
        services = []
        for n, port in enumerate(range(self.rasa_port, self.rasa_port + self.rasa_replicas), start=1):
            services.append(
                Service(
                    name="rasa" if self.rasa_replicas == 1 else f"rasa-{n}",
                    command=[
                        str(self.rasa_python_bin / "rasa"), "run",
                        "--interface", self.bind_host, "--port", str(port),
                        "--model", str(self.model_dir / "relais.tar.gz"),
                        "--endpoints", str(self.endpoints),
                        "--credentials", str(ROOT / "bot" / "credentials.yml"),
                    ],
                    # 200 once the model is loaded and has parsed once (bot/channels.py)
                    ready_url=f"http://127.0.0.1:{port}/webhooks/relais/health",
                    allowed=RASA_VARIABLES,
                    allowed_prefixes=RASA_PREFIXES,
                )
            )  # fmt: skip
        return services
