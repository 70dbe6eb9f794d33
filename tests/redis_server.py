"""A throwaway Redis server for tests: `redis-server` on a free port of 127.0.0.1, nothing saved to
disk, stopped at teardown. `stop()` and `start()` make an outage on the same port.

Its users are deploy's (deploy/redis-users.acl.example, with the test passwords below), so every
test through `gateway_url` runs with the gateways' ACL user; the default user stays an
administrator (no password) for the tests' own checks unless `admin_default=False`.

Without `redis-server`, the tests that need it are skipped, or fail under CI (tests/availability.py).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from stack.services import ROOT
from tests.availability import unavailable
from tests.postgres import _free_port

ACL_EXAMPLE = ROOT / "deploy" / "redis-users.acl.example"
# Test passwords of deploy's users (what an operator puts in deploy/redis-users.acl).
PASSWORDS = {"relais-gateway": "gateway-test-password", "relais-rasa": "rasa-test-password"}
ADMIN = ("relais-test-admin", "admin-test-password")


def deploy_acl(admin_default: bool = True) -> str:
    """deploy/redis-users.acl.example with the test passwords. `admin_default`: the default user
    is an administrator without password (for `redis_command`); otherwise it stays off as deployed
    and an administrator `ADMIN` is added."""
    lines = []
    for line in ACL_EXAMPLE.read_text(encoding="utf-8").splitlines():
        words = line.split()
        if not words:
            continue
        name = words[1]
        if name == "default" and admin_default:
            line = "user default on nopass ~* &* +@all"
        elif name in PASSWORDS:
            line = " ".join(f">{PASSWORDS[name]}" if w.startswith(">") else w for w in words)
        lines.append(line)
    if not admin_default:
        lines.append(f"user {ADMIN[0]} on >{ADMIN[1]} ~* &* +@all")
    return "\n".join(lines) + "\n"


def redis_command(port: int, *words: str) -> bytes:
    """One command in Redis's wire protocol, without a client library."""
    request = f"*{len(words)}\r\n" + "".join(f"${len(w)}\r\n{w}\r\n" for w in words)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(request.encode())
        return connection.recv(65536)


class RedisServer:
    def __init__(self, binary: str, folder: Path, admin_default: bool = True) -> None:
        self.binary = binary
        self.folder = folder
        self.port = _free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.acl_file = folder / "users.acl"
        self.acl_file.write_text(deploy_acl(admin_default), encoding="utf-8")
        self.admin_default = admin_default

    @property
    def url(self) -> str:
        """As an administrator (the default user)."""
        return f"redis://127.0.0.1:{self.port}/0"

    def gateway_url(self, db: int = 0) -> str:
        """As the gateways' ACL user."""
        return f"redis://relais-gateway:{PASSWORDS['relais-gateway']}@127.0.0.1:{self.port}/{db}"

    def start(self, timeout_seconds: float = 20.0) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.folder), "--aclfile", str(self.acl_file)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + timeout_seconds
        while True:
            try:
                answer = redis_command(self.port, "PING")
                if answer.startswith(b"+PONG") or answer.startswith(b"-NOAUTH"):
                    return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def stop(self) -> None:
        """Stop the server now (an outage); `start()` brings it back, empty, on the same port."""
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


def start_redis(folder: Path, admin_default: bool = True) -> RedisServer:
    binary = shutil.which("redis-server")
    if binary is None:
        unavailable("redis-server not found: `apt-get install redis-server` (.ci/run does)")
    server = RedisServer(binary, folder, admin_default)
    server.start()
    return server


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = start_redis(tmp_path_factory.mktemp("redis"))
    yield server
    server.stop()
