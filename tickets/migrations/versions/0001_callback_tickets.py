"""Create the callback_tickets table.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "callback_tickets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("reference", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("establishment_id", sa.String(64), nullable=False),
        sa.Column("first_name", sa.String(40), nullable=False),
        sa.Column("contact", sa.String(254), nullable=False),
        sa.Column("contact_kind", sa.String(8), nullable=False),
        sa.Column("time_window", sa.String(32), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("notify_status", sa.String(8), nullable=False),
        sa.Column("notify_attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("notified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("purge_after", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("reference", name="uq_callback_tickets_reference"),
        sa.CheckConstraint(
            "contact_kind IN ('phone', 'email')", name="ck_callback_tickets_contact_kind"
        ),
        sa.CheckConstraint("status IN ('open', 'handled')", name="ck_callback_tickets_status"),
        sa.CheckConstraint(
            "notify_status IN ('pending', 'sent', 'failed', 'disabled')",
            name="ck_callback_tickets_notify_status",
        ),
    )
    op.create_index(
        "ix_callback_tickets_status_created_at", "callback_tickets", ["status", "created_at"]
    )
    op.create_index(
        "ix_callback_tickets_notify_due", "callback_tickets", ["notify_status", "next_attempt_at"]
    )
    op.create_index("ix_callback_tickets_purge_after", "callback_tickets", ["purge_after"])


def downgrade() -> None:
    op.drop_table("callback_tickets")
