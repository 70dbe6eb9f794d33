"""The callback form: the consent statement, consent refused, strict validation, what is kept,
what is logged, and tickets surviving a gateway restart."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, get_args

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from api.callbacks.schemas import TimeWindow
from api.settings import Settings
from tests.api.callback_gateway import (
    FORM,
    PRODUCTION,
    agent_headers,
    gateway,
    settings_for,
    stored_tickets,
)
from tickets.contact import parse_contact
from tickets.database import create_database_engine, upgrade
from tickets.models import TIME_WINDOW_LABELS
from tickets.store import TicketStore


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return settings_for(tmp_path, ticket_retention_days=21)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with gateway(settings) as test_client:
        yield test_client


def test_the_notice_says_what_is_kept_who_sees_it_when_it_goes_and_where_to_call(
    client: TestClient,
) -> None:
    body = client.get("/api/callback/notice").json()
    assert body["retention_days"] == 21
    kept, seen_by, deleted, emergency = body["statement_fr"]
    assert "prénom" in kept and "courriel" in kept and "établissement" in kept
    assert (
        "équipe responsable des rappels" in seen_by and "ni votre nom ni vos coordonnées" in seen_by
    )
    assert "après 21 jours" in deleted and "plus tôt" in deleted
    assert "1 866 277-3553" in emergency and "911" in emergency
    assert len(body["statement_en"]) == 4 and "21 days" in body["statement_en"][2]
    assert "J'accepte" in body["consent_label_fr"]
    assert [w["value"] for w in body["time_windows"]] == list(get_args(TimeWindow))


def test_the_time_windows_of_the_api_are_those_of_the_tickets() -> None:
    assert set(get_args(TimeWindow)) == set(TIME_WINDOW_LABELS)


def test_a_request_with_consent_creates_a_ticket(client: TestClient, settings: Settings) -> None:
    before = datetime.now(UTC)
    response = client.post("/api/callback", json={**FORM, "conversation_id": "abc-123"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert set(body) == {"reference", "purge_after", "message_fr", "message_en"}
    purge_after = datetime.fromisoformat(body["purge_after"])
    assert before + timedelta(days=21) <= purge_after <= datetime.now(UTC) + timedelta(days=21)
    assert (
        body["reference"] in body["message_fr"]
        and "vous rappellera en après-midi" in body["message_fr"]
    )
    assert "1 866 277-3553" in body["message_fr"]
    assert stored_tickets(settings.database_url) == 1
    assert "relais_callback_tickets_created_total 1" in client.get("/metrics").text

    [ticket] = client.get("/api/agent/tickets", headers=agent_headers(client)).json()["tickets"]
    assert ticket["reference"] == body["reference"]
    assert (ticket["first_name"], ticket["contact"], ticket["contact_kind"]) == (
        "Marie-Ève", "514 555-0142, poste 12", "phone",
    )  # fmt: skip
    assert ticket["establishment_name"] == "CIUSSS de la Capitale-Nationale"
    assert ticket["notify_status"] == "disabled"  # no webhook configured here


@pytest.mark.parametrize(
    "consent",
    [{"consent": False}, {}, {"consent": "true"}, {"consent": 1}, {"consent": None}],
    ids=["false", "missing", "string", "one", "null"],
)
def test_without_consent_nothing_is_kept(
    client: TestClient, settings: Settings, consent: dict[str, Any]
) -> None:
    form = {key: value for key, value in FORM.items() if key != "consent"} | consent
    response = client.post("/api/callback", json=form)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "consent_required"
    assert (
        "rien n'a été conservé" in error["message_fr"] and "1 866 277-3553" in error["message_fr"]
    )
    assert "nothing was kept" in error["message_en"]
    assert stored_tickets(settings.database_url) == 0


def test_refusing_consent_wins_over_any_other_problem(
    client: TestClient, settings: Settings
) -> None:
    response = client.post(
        "/api/callback", json={**FORM, "contact": "n/a", "surprise": 1, "consent": False}
    )
    assert response.json()["error"]["code"] == "consent_required"
    assert stored_tickets(settings.database_url) == 0


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"contact": "514 555-01"}, "invalid_contact"),
        ({"contact": "marie@exemple"}, "invalid_contact"),
        ({"establishment": "cisss-de-nulle-part"}, "unknown_establishment"),
        ({"establishment": "Pas Un Id"}, "invalid_request"),
        ({"notes": "je vais mal"}, "invalid_request"),
        ({"first_name": "   "}, "invalid_request"),
        ({"first_name": "x" * 41}, "invalid_request"),
        ({"first_name": "<b>Marie</b>"}, "invalid_request"),
        ({"time_window": "minuit"}, "invalid_request"),
        ({"conversation_id": "pas valide!"}, "invalid_request"),
        ({"first_name": 12}, "invalid_request"),
    ],
)
def test_invalid_forms_are_refused_and_nothing_is_kept(
    client: TestClient, settings: Settings, change: dict[str, Any], code: str
) -> None:
    response = client.post("/api/callback", json={**FORM, **change})
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == code
    assert stored_tickets(settings.database_url) == 0


def test_an_email_address_is_accepted_and_normalised(client: TestClient) -> None:
    response = client.post("/api/callback", json={**FORM, "contact": " Marie@Exemple.QC.CA "})
    assert response.status_code == 201
    [ticket] = client.get("/api/agent/tickets", headers=agent_headers(client)).json()["tickets"]
    assert (ticket["contact"], ticket["contact_kind"]) == ("Marie@exemple.qc.ca", "email")


def test_the_demo_establishment_is_refused_outside_development(tmp_path: Path) -> None:
    settings = settings_for(
        tmp_path, **PRODUCTION
    )
    with gateway(settings) as client:
        response = client.post("/api/callback", json={**FORM, "establishment": "demo"})
        assert response.json()["error"]["code"] == "unknown_establishment"
        assert client.post("/api/callback", json=FORM).status_code == 201


def test_the_name_and_the_contact_are_never_logged(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    reference = client.post("/api/callback", json=FORM).json()["reference"]
    headers = agent_headers(client)
    client.get("/api/agent/tickets", headers=headers)
    client.post(f"/api/agent/tickets/{reference}/handled", headers=headers)
    assert reference in caplog.text
    for secret in ("Marie", "555-0142", "5550142"):
        assert secret not in caplog.text


def test_a_database_outage_gets_a_clear_answer_and_the_numbers(
    client: TestClient, settings: Settings
) -> None:
    engine = create_database_engine(settings.database_url)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE callback_tickets"))
    engine.dispose()
    response = client.post("/api/callback", json=FORM)
    assert response.status_code == 503
    error = response.json()["error"]
    assert error["code"] == "callback_unavailable" and "1 866 277-3553" in error["message_fr"]


def test_tickets_survive_a_gateway_restart(settings: Settings) -> None:
    with gateway(settings) as first:
        reference = first.post("/api/callback", json=FORM).json()["reference"]
    with gateway(settings) as second:
        tickets = second.get("/api/agent/tickets", headers=agent_headers(second)).json()["tickets"]
    assert [t["reference"] for t in tickets] == [reference]
    assert tickets[0]["first_name"] == "Marie-Ève"


def test_the_gateway_purges_expired_tickets_when_it_starts(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, ticket_retention_days=30)
    upgrade(settings.database_url)
    engine = create_database_engine(settings.database_url)
    store = TicketStore(engine)
    long_ago = datetime.now(UTC) - timedelta(days=31)
    for now in (long_ago, datetime.now(UTC)):
        store.create(
            establishment_id="demo", first_name="Marie", contact=parse_contact("514 555-0100"),
            time_window="matin", now=now, retention_days=30, notify=False,
        )  # fmt: skip
    engine.dispose()
    with gateway(settings):
        deadline = time.monotonic() + 10
        while stored_tickets(settings.database_url) != 1 and time.monotonic() < deadline:
            time.sleep(0.02)
    assert stored_tickets(settings.database_url) == 1
