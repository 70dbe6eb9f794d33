"""deploy/postgres-init.sql on a real PostgreSQL: no role is a superuser, each owns only its
database, the purge job's role purges expired tickets and can do nothing else. (That Rasa and the
gateways run on relais_tracker and relais_tickets: tests/e2e/test_scale_out.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import psycopg
import pytest

from tests.postgres import PostgresCluster, postgres  # noqa: F401 (fixture)
from tests.postgres_roles import ROLES, DeployRoles, deploy_roles
from tickets import purge
from tickets.contact import parse_contact
from tickets.database import create_database_engine, upgrade
from tickets.store import TicketStore


@pytest.fixture(scope="module")
def roles(postgres: PostgresCluster) -> Iterator[DeployRoles]:  # noqa: F811
    yield deploy_roles(postgres)


def plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def test_no_role_is_a_superuser_and_each_owns_only_its_database(roles: DeployRoles) -> None:
    with psycopg.connect(plain(roles.tickets_url)) as connection:
        flags = connection.execute(
            "SELECT rolname, rolsuper, rolcreatedb, rolcreaterole, rolbypassrls FROM pg_roles"
            " WHERE rolname = ANY(%s) ORDER BY rolname",
            (list(ROLES),),
        ).fetchall()
        owners = dict(connection.execute(
            "SELECT datname, pg_get_userbyid(datdba) FROM pg_database WHERE datname IN ('rasa', 'relais')"
        ).fetchall())  # fmt: skip
    assert flags == [(role, False, False, False, False) for role in sorted(ROLES)]
    assert owners == {"rasa": "relais_tracker", "relais": "relais_tickets"}
    # Each reaches only its own database.
    for role, database in (("relais_tracker", "relais"), ("relais_tickets", "rasa"), ("relais_purge", "rasa")):
        with pytest.raises(psycopg.OperationalError, match="permission denied"):
            psycopg.connect(plain(roles.url(role, database))).close()
    # The passwords are checked (scram), not trusted.
    wrong = roles.tickets_url.replace("tickets-test-password", "wrong")
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(plain(wrong)).close()


def test_the_purge_role_purges_and_can_do_nothing_else(
    roles: DeployRoles, capsys: pytest.CaptureFixture[str]
) -> None:
    upgrade(roles.tickets_url)  # as a gateway does at start: relais_tickets creates the tables
    engine = create_database_engine(roles.tickets_url)
    store = TicketStore(engine)
    now = datetime.now(UTC)
    kept = None
    for days_ago in (40, 3):
        kept = store.create(
            establishment_id="demo", first_name="Marie", contact=parse_contact("514 555-0100"),
            time_window="matin", now=now - timedelta(days=days_ago), retention_days=90, notify=False,
        )  # fmt: skip
    assert kept is not None
    # The job's own command, with its own login (it runs the migrations' check first: at head,
    # nothing to do, so no DDL).
    assert purge.main(["--database-url", roles.purge_url, "--days", "30"]) == 0
    assert capsys.readouterr().out.strip() == "1 ticket(s) deleted"
    assert [t.reference for t in store.list_open()] == [kept.reference]
    # Narrowed to the tickets' tables as deploy/README.md suggests: the purge still works.
    with psycopg.connect(plain(roles.tickets_url), autocommit=True) as connection:
        connection.execute("REVOKE SELECT, DELETE ON indicator_counts, unanswered_questions FROM relais_purge")
    store.create(
        establishment_id="demo", first_name="Luc", contact=parse_contact("514 555-0101"),
        time_window="soir", now=now - timedelta(days=50), retention_days=90, notify=False,
    )  # fmt: skip
    assert purge.main(["--database-url", roles.purge_url, "--days", "30"]) == 0
    assert capsys.readouterr().out.strip() == "1 ticket(s) deleted"
    assert [t.reference for t in store.list_open()] == [kept.reference]
    engine.dispose()
    with psycopg.connect(plain(roles.purge_url), autocommit=True) as connection:
        for statement in (
            "UPDATE callback_tickets SET first_name = 'x'",
            "INSERT INTO callback_tickets (reference) VALUES ('R-x')",
            "CREATE TABLE stolen (x int)",
            "DROP TABLE callback_tickets",
            "TRUNCATE callback_tickets",
            "SELECT * FROM indicator_counts",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(statement)
