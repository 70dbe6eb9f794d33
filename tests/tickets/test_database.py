"""Migrations build the schema on an empty database, agree with the models, and the purge CLI."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from indicators.models import IndicatorBase
from tickets import purge
from tickets.contact import parse_contact
from tickets.database import (
    VERSION_TABLE,
    alembic_config,
    create_database_engine,
    current_revision,
    upgrade,
)
from tickets.models import Base
from tickets.store import TicketStore


def test_migrations_create_the_table_on_an_empty_database_and_are_idempotent(
    database_url: str,
) -> None:
    assert current_revision(database_url) is None
    upgrade(database_url)
    upgrade(database_url)
    assert current_revision(database_url) == "0002"  # 0002: the indicators' tables
    engine = create_database_engine(database_url)
    try:
        tables = set(inspect(engine).get_table_names())
        assert {"callback_tickets", VERSION_TABLE} <= tables
        columns = {column["name"] for column in inspect(engine).get_columns("callback_tickets")}
        assert {"reference", "first_name", "contact", "notify_status", "purge_after"} <= columns
    finally:
        engine.dispose()


def test_the_migrations_and_the_models_describe_the_same_schema(database_url: str) -> None:
    upgrade(database_url)
    engine = create_database_engine(database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            # One Alembic history for the shared database: the tickets' and the indicators' tables.
            metadata = [Base.metadata, IndicatorBase.metadata]
            differences = [
                d for d in compare_metadata(context, metadata) if d[0] != "remove_table"  # type: ignore[arg-type]
            ]
        assert differences == []
    finally:
        engine.dispose()


def test_downgrade_removes_the_table(database_url: str) -> None:
    upgrade(database_url)
    engine = create_database_engine(database_url)
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        assert "callback_tickets" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_a_sqlite_file_gets_its_folder(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'var' / 'deep' / 'relais.db'}"
    upgrade(url)
    assert (tmp_path / "var" / "deep" / "relais.db").exists()


def test_the_purge_command_deletes_old_tickets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'relais.db'}"
    upgrade(url)
    engine = create_database_engine(url)
    store = TicketStore(engine)
    now = datetime.now(UTC)
    for days_ago in (40, 3):
        store.create(
            establishment_id="demo", first_name="Marie", contact=parse_contact("514 555-0100"),
            time_window="matin", now=now - timedelta(days=days_ago), retention_days=90, notify=False,
        )  # fmt: skip
    assert purge.main(["--database-url", url, "--days", "30"]) == 0
    assert capsys.readouterr().out.strip() == "1 ticket(s) deleted"
    assert len(store.list_open()) == 1
    engine.dispose()
    with pytest.raises(SystemExit):
        purge.main(["--database-url", url, "--days", "0"])
