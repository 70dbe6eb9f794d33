"""A throwaway PostgreSQL cluster for tests: `initdb` in a temporary folder, listening on 127.0.0.1
on a free port (and a Unix socket in that folder), stopped and deleted at teardown.

As root, the server runs as the `postgres` system user (PostgreSQL refuses to run as root).
Without the binaries, the tests that need it are skipped, or fail under CI (CI=1 or CI=true).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.availability import unavailable

_SEARCH = (
    "/usr/local/bin",
    "/usr/local/pgsql/bin",
    *sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True),
)


def _binaries() -> Path | None:
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    for folder in _SEARCH:
        if (Path(folder) / "pg_ctl").exists() and (Path(folder) / "initdb").exists():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresCluster:
    host: str
    port: int
    # pg_ctl with its data folder and options, for the tests that stop and restart the server.
    control: Callable[[str], None] | None = None

    def stop(self) -> None:
        """Stop the server now (an outage); `start()` brings it back with the same data."""
        assert self.control is not None
        self.control("stop")

    def start(self) -> None:
        assert self.control is not None
        self.control("start")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@{self.host}:{self.port}/{database}"

    def new_database(self) -> str:
        """A new empty database; returns its SQLAlchemy URL."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(
            host=self.host, port=self.port, user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    binaries = _binaries()
    if binaries is None:
        message = "PostgreSQL binaries (initdb, pg_ctl) not found: install PostgreSQL 15 server"
        unavailable(message)
    as_postgres: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="relais-pg-"))  # not under pytest's 0700 root folder
    if os.geteuid() == 0:
        as_postgres = ["runuser", "-u", "postgres", "--"]
        shutil.chown(folder, user="postgres", group="postgres")
    data, log = folder / "data", folder / "server.log"
    port = _free_port()

    def run(*command: str) -> None:
        done = subprocess.run([*as_postgres, *command], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{command[0]} failed:\n{done.stdout}{done.stderr}\n{tail}")

    started = False
    try:
        run(str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
            "--no-sync", "-E", "UTF8", "--locale=C")  # fmt: skip
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off"
        run(
            str(binaries / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(log),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )
        started = True

        def control(action: str) -> None:
            if action == "stop":
                run(str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
            else:
                run(str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
                    "-w", "-t", "60", "start")  # fmt: skip

        yield PostgresCluster("127.0.0.1", port, control)
    finally:
        if started:
            run(str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)
