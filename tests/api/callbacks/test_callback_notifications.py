"""Team notifications through a real HTTP receiver on 127.0.0.1: retries with backoff, the card's
content, and a ticket that is never lost, whether the webhook fails for a while or for good.

The worker rounds are driven with explicit times (no waiting); one test runs the whole gateway."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine

from api.callbacks.worker import CallbackWorker
from api.metrics import Metrics
from tests.api.callback_gateway import FORM, PRODUCTION, agent_headers, gateway, settings_for
from tests.api.webhook_receiver import WebhookReceiver
from tickets.contact import parse_contact
from tickets.database import create_database_engine, upgrade
from tickets.notifier import TeamsNotifier
from tickets.store import NotifyPolicy, TicketStore

T0 = datetime(2026, 11, 20, 14, 5, tzinfo=UTC)
BACKOFF = 10.0


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path / 'relais.db'}"
    upgrade(url)
    engine = create_database_engine(url)
    yield engine
    engine.dispose()


def run_rounds(
    engine: Engine, webhook_url: str, times: list[datetime], max_attempts: int = 8
) -> tuple[TicketStore, str, Metrics, list[str]]:
    """Create one ticket at T0, run one worker round at each of `times`; returns the store, the
    reference, the metrics and the ticket's notify status after each round."""
    store = TicketStore(engine, NotifyPolicy(backoff_seconds=BACKOFF, max_attempts=max_attempts))
    metrics = Metrics()
    reference = store.create(
        establishment_id="ciusss-capitale-nationale", first_name="Marie-Ève",
        contact=parse_contact("514 555-0142"), time_window="soir", now=T0, retention_days=30, notify=True,
    ).reference  # fmt: skip
    statuses = []

    async def rounds() -> None:
        async with httpx.AsyncClient(timeout=5) as client:
            worker = CallbackWorker(
                store,
                TeamsNotifier(webhook_url, "https://relais.exemple.ca/", client),
                lambda _: "CIUSSS de la Capitale-Nationale",
                metrics,
                retention_days=30,
                interval_seconds=60,
            )
            for now in times:
                await worker.send_due(now)
                statuses.append(store.get_by_reference(reference).notify_status)

    asyncio.run(rounds())
    return store, reference, metrics, statuses


def test_two_failures_then_202_make_three_attempts_on_the_backoff_schedule(engine: Engine) -> None:
    with WebhookReceiver([500, 500, 202]) as receiver:
        times = [T0, T0 + timedelta(seconds=BACKOFF - 1), T0 + timedelta(seconds=BACKOFF),
                 T0 + timedelta(seconds=BACKOFF * 2), T0 + timedelta(seconds=BACKOFF * 3)]  # fmt: skip
        store, reference, metrics, statuses = run_rounds(engine, receiver.url, times)
    assert receiver.answered == [500, 500, 202]  # nothing sent before the first retry was due
    assert statuses == ["pending", "pending", "pending", "pending", "sent"]
    ticket = store.get_by_reference(reference)
    assert (ticket.notify_attempts, ticket.notified_at, ticket.status) == (3, times[-1], "open")
    assert (
        metrics.value("callback_notifications_sent"),
        metrics.value("callback_notifications_failed"),
    ) == (1, 2)

    card = receiver.bodies[-1]["attachments"][0]["content"]
    facts = {fact["title"]: fact["value"] for fact in card["body"][1]["facts"]}
    assert facts["Référence"] == reference
    assert facts["Établissement"] == "CIUSSS de la Capitale-Nationale"
    assert card["actions"][0]["url"] == "https://relais.exemple.ca/agent"
    for body in receiver.bodies:
        sent = str(body)
        assert "Marie" not in sent and "555-0142" not in sent and "5550142" not in sent


def test_a_webhook_that_never_answers_leaves_the_ticket_open_and_marked_failed(
    engine: Engine,
) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        dead_url = f"http://127.0.0.1:{probe.getsockname()[1]}/hook"
    times = [T0 + timedelta(seconds=BACKOFF * n) for n in (0, 1, 3, 7)]
    store, reference, metrics, statuses = run_rounds(engine, dead_url, times, max_attempts=3)
    assert statuses == ["pending", "pending", "failed", "failed"]
    ticket = store.get_by_reference(reference)
    assert (ticket.notify_attempts, ticket.next_attempt_at, ticket.status) == (3, None, "open")
    assert [t.reference for t in store.list_open()] == [reference]
    assert metrics.value("callback_notifications_failed") == 3
    assert metrics.value("callback_notifications_abandoned") == 1


def test_the_gateway_notifies_the_team_and_retries_after_a_failure(tmp_path: Path) -> None:
    with WebhookReceiver([503, 202]) as receiver:
        settings = settings_for(
            tmp_path,
            callback_webhook_url=receiver.url,
            public_url="https://relais.exemple.ca",
            notify_backoff_seconds=0.05,
            notify_interval_seconds=0.05,
        )
        with gateway(settings) as client:
            reference = client.post("/api/callback", json=FORM).json()["reference"]
            headers = agent_headers(client)
            deadline = time.monotonic() + 15
            ticket = {}
            while time.monotonic() < deadline:
                [ticket] = client.get("/api/agent/tickets", headers=headers).json()["tickets"]
                if ticket["notify_status"] != "pending":
                    break
                time.sleep(0.02)
            metrics = client.get("/metrics").text
    assert (ticket["reference"], ticket["notify_status"], ticket["notify_attempts"]) == (
        reference,
        "sent",
        2,
    )
    assert receiver.answered == [503, 202]
    assert "relais_callback_notifications_sent_total 1" in metrics
    assert "relais_callback_notifications_failed_total 1" in metrics


def test_a_plain_http_webhook_is_refused_outside_development(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="https"):
        settings_for(
            tmp_path,
            **PRODUCTION,
            callback_webhook_url="http://teams.exemple.ca/hook",
        )
    ok = settings_for(
        tmp_path,
        **PRODUCTION,
        callback_webhook_url="https://prod.westus.logic.azure.com/workflows/x?sig=y",
    )
    assert ok.callback_webhook_url.startswith("https://")
