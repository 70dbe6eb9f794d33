"""Create the indicator tables (indicators/models.py): weekly counts and unanswered questions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "indicator_counts",
        sa.Column("week", sa.String(8), nullable=False),
        sa.Column("establishment_id", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("topic", sa.String(64), nullable=False),
        sa.Column("article_id", sa.String(120), nullable=False),
        sa.Column("indicator", sa.String(40), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "week", "establishment_id", "channel", "topic", "article_id", "indicator"
        ),
    )
    op.create_table(
        "unanswered_questions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("week", sa.String(8), nullable=False),
        sa.Column("establishment_id", sa.String(64), nullable=False),
        sa.Column("article_id", sa.String(120), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("text", sa.String(2000), nullable=False),
        sa.Column("purge_after", sa.Date(), nullable=False),
    )
    op.create_index(
        "ix_unanswered_questions_establishment_week",
        "unanswered_questions",
        ["establishment_id", "week"],
    )
    op.create_index("ix_unanswered_questions_purge_after", "unanswered_questions", ["purge_after"])


def downgrade() -> None:
    op.drop_table("unanswered_questions")
    op.drop_table("indicator_counts")
