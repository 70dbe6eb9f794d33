"""Alembic environment for the tickets database, driven by `tickets.database.upgrade`, which hands
over an open connection in `config.attributes["connection"]`. Offline mode (`--sql`) prints the SQL
for a database administrator, from `sqlalchemy.url`."""

from __future__ import annotations

from alembic import context

from indicators.models import IndicatorBase
from tickets.database import VERSION_TABLE
from tickets.models import Base

config = context.config
# One history for the shared database: the tickets' tables and the indicators' (indicators/).
target_metadata = [Base.metadata, IndicatorBase.metadata]


def run_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        version_table=VERSION_TABLE,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run the migrations with tickets.database.upgrade(url)")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        version_table=VERSION_TABLE,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
