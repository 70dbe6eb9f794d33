"""An error no handler expected: the same bilingual JSON answer as every other error, with the
24/7 lines, the security headers, the request id and CORS (Starlette's last resort answered in
plain text without any of them)."""

from __future__ import annotations

from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from api.main import create_app
from tests.api.conftest import ScriptedRasa, gateway_settings


def test_an_unexpected_error_is_answered_like_every_other_error(
    rasa: ScriptedRasa, tmp_path: Path
) -> None:
    app = create_app(
        gateway_settings(tmp_path, widget_origins=["https://intranet.exemple.qc.ca"]),
        rasa_transport=httpx.MockTransport(rasa.handler),
    )

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("a bug")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom", headers={"Origin": "https://intranet.exemple.qc.ca"})
        lines = client.get("/api/lines").json()
    assert response.status_code == 500
    error = response.json()["error"]
    assert error["code"] == "internal_error"
    assert error["message_fr"].startswith("Une erreur imprévue") and error["message_en"]
    assert any(line["phone"] in error["message_fr"] for line in lines["lines"]), error
    assert any(line["phone"] in error["message_en"] for line in lines["lines"]), error
    assert response.headers["cache-control"] == "no-store"
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert len(response.headers["x-request-id"]) >= 16
    assert response.headers["access-control-allow-origin"] == "https://intranet.exemple.qc.ca"
