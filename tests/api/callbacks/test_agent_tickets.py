"""Callback tickets in the agent console: signed-in counsellors only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.settings import Settings
from tests.api.callback_gateway import FORM, agent_headers, gateway, settings_for, stored_tickets


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return settings_for(tmp_path)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with gateway(settings) as test_client:
        yield test_client


def create(client: TestClient, **change: str) -> str:
    response = client.post("/api/callback", json={**FORM, **change})
    assert response.status_code == 201, response.text
    return str(response.json()["reference"])


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/agent/tickets"),
        ("POST", "/api/agent/tickets/R-7K3Q9P/handled"),
        ("DELETE", "/api/agent/tickets/R-7K3Q9P"),
    ],
)
def test_without_a_signed_in_counsellor_the_tickets_stay_closed(
    client: TestClient, method: str, path: str
) -> None:
    create(client)
    for headers in ({}, {"Authorization": "Bearer not-a-token"}):
        response = client.request(method, path, headers=headers)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "agent_unauthorized"
        assert "555-0142" not in response.text


def test_open_tickets_are_listed_oldest_first_with_contact_and_notification_status(
    client: TestClient,
) -> None:
    first = create(client)
    second = create(client, first_name="Lune", contact="lune@exemple.ca", time_window="soir")
    tickets = client.get("/api/agent/tickets", headers=agent_headers(client)).json()["tickets"]
    assert [t["reference"] for t in tickets] == [first, second]
    assert tickets[1] | {"created_at": None, "purge_after": None} == {
        "reference": second,
        "created_at": None,
        "establishment_id": "ciusss-capitale-nationale",
        "establishment_name": "CIUSSS de la Capitale-Nationale",
        "first_name": "Lune",
        "contact": "lune@exemple.ca",
        "contact_kind": "email",
        "time_window": "soir",
        "time_window_label": "En soirée (17 h à 20 h)",
        "status": "open",
        "notify_status": "disabled",
        "notify_attempts": 0,
        "handled_at": None,
        "purge_after": None,
    }


def test_a_handled_ticket_leaves_the_list_and_stays_until_the_purge(
    client: TestClient, settings: Settings
) -> None:
    first, second = create(client), create(client)
    headers = agent_headers(client)
    response = client.post(f"/api/agent/tickets/{first}/handled", headers=headers)
    assert response.status_code == 200
    assert response.json()["status"] == "handled" and response.json()["handled_at"]
    assert [
        t["reference"] for t in client.get("/api/agent/tickets", headers=headers).json()["tickets"]
    ] == [second]
    assert stored_tickets(settings.database_url) == 2


def test_a_ticket_can_be_deleted_at_the_persons_request(
    client: TestClient, settings: Settings
) -> None:
    reference = create(client)
    headers = agent_headers(client, "Marc")
    assert client.delete(f"/api/agent/tickets/{reference}", headers=headers).status_code == 204
    assert stored_tickets(settings.database_url) == 0
    again = client.delete(f"/api/agent/tickets/{reference}", headers=headers)
    assert again.status_code == 404 and again.json()["error"]["code"] == "ticket_not_found"


def test_unknown_or_malformed_references(client: TestClient) -> None:
    headers = agent_headers(client)
    assert client.post("/api/agent/tickets/R-ZZZZZZ/handled", headers=headers).status_code == 404
    assert client.post("/api/agent/tickets/R-00000O/handled", headers=headers).status_code == 422
