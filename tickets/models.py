"""The callback ticket: what a person left so that a counsellor calls them back.

Only what the consent statement names is stored (first name or pseudonym, one phone number or
e-mail address, a time window, an establishment), plus the ticket's own bookkeeping. The ticket is
not linked to the chat conversation.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    Index,
    Integer,
    String,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

CONTACT_KINDS = ("phone", "email")
STATUSES = ("open", "handled")
NOTIFY_STATUSES = ("pending", "sent", "failed", "disabled")
# The time windows a person can choose, with the French label counsellors and the card show.
TIME_WINDOW_LABELS = {
    "matin": "En matinée (8 h à 12 h)",
    "apres-midi": "En après-midi (12 h à 17 h)",
    "soir": "En soirée (17 h à 20 h)",
    "des-que-possible": "Dès que possible",
}


def _in(column: str, values: tuple[str, ...] | list[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, whatever the database keeps
    (SQLite has no time zones: it stores the naive UTC value)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware UTC datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]
        return value.astimezone(UTC)  # type: ignore[no-any-return]


class Base(DeclarativeBase):
    pass


class CallbackTicket(Base):
    __tablename__ = "callback_tickets"
    __table_args__ = (
        UniqueConstraint("reference", name="uq_callback_tickets_reference"),
        CheckConstraint(
            _in("contact_kind", CONTACT_KINDS), name="ck_callback_tickets_contact_kind"
        ),
        CheckConstraint(_in("status", STATUSES), name="ck_callback_tickets_status"),
        CheckConstraint(
            _in("notify_status", NOTIFY_STATUSES), name="ck_callback_tickets_notify_status"
        ),
        Index("ix_callback_tickets_status_created_at", "status", "created_at"),
        Index("ix_callback_tickets_notify_due", "notify_status", "next_attempt_at"),
        Index("ix_callback_tickets_purge_after", "purge_after"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(16))  # "R-7K3Q9P"
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    establishment_id: Mapped[str] = mapped_column(String(64))
    first_name: Mapped[str] = mapped_column(String(40))
    contact: Mapped[str] = mapped_column(String(254))  # normalised phone number or e-mail
    contact_kind: Mapped[str] = mapped_column(String(8))
    time_window: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(8), default="open")
    notify_status: Mapped[str] = mapped_column(String(8))
    notify_attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    notified_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    handled_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    purge_after: Mapped[datetime] = mapped_column(UtcDateTime())

    def __repr__(self) -> str:  # never the name or the contact
        return f"CallbackTicket({self.reference!r}, status={self.status!r}, notify={self.notify_status!r})"
