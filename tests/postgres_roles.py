"""deploy/postgres-init.sql run by psql on a test cluster (tests/postgres.py), as the deployment
runs it: the roles relais_tracker, relais_tickets and relais_purge and the databases `rasa` and
`relais`, with test passwords. Those three roles must give their password (scram-sha-256, lines
put before the cluster's `trust`), so the URLs below are really what logs in.

Once per cluster: the roles are the cluster's, whichever test module asks first.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import psycopg

from stack.services import ROOT
from tests.postgres import PostgresCluster, _binaries

INIT_SQL = ROOT / "deploy" / "postgres-init.sql"
# The environment deploy gives psql (postgres-secrets.env.example), with test values.
PASSWORDS = {
    "RELAIS_PG_TRACKER_PASSWORD": "tracker-test-password",
    "RELAIS_PG_TICKETS_PASSWORD": "tickets-test-password",
    "RELAIS_PG_PURGE_PASSWORD": "purge-test-password",
}
ROLES = ("relais_tracker", "relais_tickets", "relais_purge")


@dataclass(frozen=True)
class DeployRoles:
    host: str
    port: int

    def url(self, role: str, database: str, driver: str = "postgresql+psycopg") -> str:
        password = PASSWORDS[f"RELAIS_PG_{role.removeprefix('relais_').upper()}_PASSWORD"]
        return f"{driver}://{role}:{password}@{self.host}:{self.port}/{database}"

    @property
    def tracker_url(self) -> str:
        """Rasa's (psycopg2: plain postgresql://) and the gateway's RELAIS_TRACKER_URL."""
        return self.url("relais_tracker", "rasa", "postgresql")

    @property
    def tickets_url(self) -> str:
        """The gateway's RELAIS_DATABASE_URL."""
        return self.url("relais_tickets", "relais")

    @property
    def purge_url(self) -> str:
        """The purge job's RELAIS_DATABASE_URL."""
        return self.url("relais_purge", "relais")


_DONE: dict[tuple[str, int], DeployRoles] = {}


def deploy_roles(cluster: PostgresCluster) -> DeployRoles:
    key = (cluster.host, cluster.port)
    if key in _DONE:
        return _DONE[key]
    binaries = _binaries()
    assert binaries is not None  # the cluster runs
    # Beside the server's binaries (pg_ctl may be a link to them), else on the PATH.
    psql = (binaries / "pg_ctl").resolve().parent / "psql"
    if not psql.exists():
        psql = Path(shutil.which("psql") or "psql")
    admin = {"host": cluster.host, "port": cluster.port, "user": "postgres", "dbname": "postgres"}
    with psycopg.connect(**admin, autocommit=True) as connection:  # type: ignore[arg-type]
        row = connection.execute("SHOW hba_file").fetchone()
        assert row is not None
        hba = row[0]
        # Deploy's roles log in with their password; everyone else as the cluster had it.
        with open(hba, encoding="utf-8") as handle:
            rules = handle.read()
        mine = "".join(f"host all {role} 127.0.0.1/32 scram-sha-256\n" for role in ROLES)
        with open(hba, "w", encoding="utf-8") as handle:
            handle.write(mine + rules)
        connection.execute("SELECT pg_reload_conf()")
    done = subprocess.run(
        [str(psql), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", cluster.host,
         "-p", str(cluster.port), "-U", "postgres", "-d", "postgres", "-f", str(INIT_SQL)],
        env={**os.environ, **PASSWORDS}, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    roles = DeployRoles(cluster.host, cluster.port)
    _DONE[key] = roles
    return roles
