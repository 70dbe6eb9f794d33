"""GET /indicateurs: BQVT leads only (not counsellors), each scoped to their establishments; every
count under 5 suppressed in the page and its JSON; no script, no outside resource."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import AGENT_KEYS
from tests.api.indicators.gateway import (
    BQVT_KEYS,
    ESTABLISHMENT,
    OTHER,
    bqvt_sign_in,
    gateway,
    recorder,
    say,
)


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    with gateway(tmp_path) as client:
        for _ in range(7):
            say(client, "confiant : le PAE?", establishment=ESTABLISHMENT)
        for _ in range(3):
            say(client, "crise : réponse de crise", establishment=ESTABLISHMENT)
        for _ in range(9):
            say(client, "confiant : le PAE?", establishment=OTHER)
        recorder(client).flush()
        yield client  # type: ignore[misc]


def test_without_signing_in_the_page_is_the_sign_in_form_and_the_json_is_refused(
    client: TestClient,
) -> None:
    page = client.get("/indicateurs")
    assert page.status_code == 200
    assert 'action="/indicateurs/connexion"' in page.text and "Conversations" not in page.text
    data = client.get("/indicateurs/donnees")
    assert data.status_code == 401
    assert data.json()["error"]["code"] == "indicators_unauthorized"


def test_a_counsellor_cannot_sign_in_here_and_their_token_opens_nothing(client: TestClient) -> None:
    refused = client.post(
        "/indicateurs/connexion", data={"name": "Julie", "key": AGENT_KEYS["Julie"]}
    )
    assert refused.status_code == 401
    token = client.post(
        "/api/agent/session", json={"name": "Julie", "key": AGENT_KEYS["Julie"]}
    ).json()["token"]
    client.cookies.set("relais_bqvt", token, path="/indicateurs")
    assert client.get("/indicateurs/donnees").status_code == 401
    assert (
        client.get("/indicateurs/donnees", headers={"Authorization": f"Bearer {token}"}).status_code
        == 401
    )


def test_a_wrong_key_is_refused(client: TestClient) -> None:
    response = client.post("/indicateurs/connexion", data={"name": "Ana", "key": BQVT_KEYS["Obs"]})
    assert response.status_code == 401
    assert "Nom ou clé incorrects" in response.text


def test_a_lead_sees_only_their_establishments_with_small_counts_suppressed(
    client: TestClient,
) -> None:
    bqvt_sign_in(client, "Ana")
    data = client.get("/indicateurs/donnees").json()
    assert data["establishments"] == [ESTABLISHMENT]
    assert (
        data["totals"]["conversations"] == 10
    )  # 7 + 3 of their establishment, not the 9 of the other
    assert data["totals"]["crisis_replies"] is None  # 3: under 5
    assert data["conversations"][-1] == 10
    assert data["crisis_replies"][-1] is None
    assert all(v is None or v >= 5 for v in data["conversations"] + data["crisis_replies"])
    other = client.get(f"/indicateurs/donnees?etablissement={OTHER}")
    assert other.status_code == 403
    assert other.json()["error"]["code"] == "establishment_not_in_scope"
    assert client.get(f"/indicateurs?etablissement={OTHER}").status_code == 403


def test_the_observatory_sees_every_establishment(client: TestClient) -> None:
    bqvt_sign_in(client, "Obs")
    data = client.get("/indicateurs/donnees").json()
    assert data["totals"]["conversations"] == 19
    assert (
        client.get(f"/indicateurs/donnees?etablissement={OTHER}").json()["totals"]["conversations"]
        == 9
    )


def test_the_page_has_its_charts_no_script_and_a_strict_policy(client: TestClient) -> None:
    bqvt_sign_in(client, "Ana")
    page = client.get("/indicateurs")
    assert page.status_code == 200
    assert page.text.count("<svg") >= 5
    assert "<script" not in page.text.lower() and "http://" not in page.text.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    assert "script-src" not in page.headers["content-security-policy"]
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert ">3<" not in page.text  # the 3 crisis replies are shown as "<5", never as 3
    assert "&lt;5" in page.text


def test_signing_out_closes_the_session(client: TestClient) -> None:
    bqvt_sign_in(client, "Ana")
    assert client.get("/indicateurs/donnees").status_code == 200
    client.post("/indicateurs/deconnexion", follow_redirects=False)
    assert client.get("/indicateurs/donnees").status_code == 401


def test_a_small_week_is_not_given_away_by_the_13_week_total(tmp_path: Path) -> None:
    with gateway(tmp_path) as client:
        now = recorder(client).clock()
        recorder(client).clock = lambda: now - timedelta(weeks=1)
        for _ in range(3):
            say(client, "confiant : le PAE?", establishment=ESTABLISHMENT)
        recorder(client).clock = lambda: now
        for _ in range(10):
            say(client, "confiant : le PAE?", establishment=ESTABLISHMENT)
        recorder(client).flush()
        bqvt_sign_in(client, "Ana")
        data = client.get("/indicateurs/donnees").json()
        assert data["totals"]["conversations"] == 13
        assert data["conversations"][-2:] == [None, None]  # else 13 - 10 = 3
