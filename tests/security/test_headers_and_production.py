"""Security headers on every answer, and production refusing to start with each unsafe setting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from api.settings import Settings
from tests.api.conftest import ScriptedRasa, gateway_settings
from tests.security.conftest import Report, production_values, running, start_conversation


def test_every_answer_carries_the_security_headers(rasa: ScriptedRasa, tmp_path: Path) -> None:
    report = Report("security headers")
    settings = gateway_settings(tmp_path, frame_ancestors="https://intranet.exemple.qc.ca")
    with running(settings, rasa) as gateway:
        conversation, headers = start_conversation(gateway)
        answers = {
            "POST /api/chat": gateway.post("/api/chat", json={"conversation_id": conversation, "message": "allo"}, headers=headers),
            "401 on /api/live": gateway.get(f"/api/live/{conversation}/events"),
            "422 on /api/chat": gateway.post("/api/chat", json={}),
            "413 on /api/chat": gateway.post("/api/chat", json={"message": "a" * 20_000}),
            "404": gateway.get("/nulle-part"),
            "GET /api/callback/notice": gateway.get("/api/callback/notice"),
            "GET /healthz": gateway.get("/healthz"),
        }
        for name, response in answers.items():
            csp = response.headers.get("content-security-policy", "")
            ok = (
                "default-src 'none'" in csp
                and "frame-ancestors https://intranet.exemple.qc.ca" in csp
                and response.headers.get("x-content-type-options") == "nosniff"
                and response.headers.get("referrer-policy") == "no-referrer"
                and response.headers.get("cache-control") == "no-store"
            )
            report.check(f"headers of {name}", f"{response.status_code}, CSP {csp[:40]}…", ok)
        for path in ("/", "/agent"):
            page = gateway.get(path)
            csp = page.headers["content-security-policy"]
            report.check(
                f"page {path}: script and style from the gateway only, nothing inline",
                csp.split(";")[1].strip(),
                "frame-ancestors https://intranet.exemple.qc.ca" in csp and "script-src 'self';" in csp
                and "unsafe-inline" not in csp and page.headers["cache-control"] == "no-store",
            )
        report.check("docs in development", str(gateway.get("/docs").status_code), gateway.get("/docs").status_code == 200)
    with running(gateway_settings(tmp_path), rasa) as gateway:
        csp = gateway.get("/").headers["content-security-policy"]
        report.check("page when nobody may embed it", "no unsafe-inline" if "unsafe-inline" not in csp else csp, "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp)
        report.check("X-Frame-Options when nobody may embed", gateway.get("/").headers.get("x-frame-options", ""), gateway.get("/").headers.get("x-frame-options") == "DENY")


def test_production_serves_with_safe_settings_and_hides_docs_and_metrics(rasa: ScriptedRasa, tmp_path: Path) -> None:
    report = Report("production")
    settings = Settings(**production_values(tmp_path))
    with running(settings, rasa) as gateway:
        conversation, headers = start_conversation(gateway)
        report.check("a conversation in production", conversation[:8] + "…", len(conversation) >= 16)
        for path in ("/docs", "/redoc", "/openapi.json"):
            status = gateway.get(path).status_code
            report.check(f"GET {path}", str(status), status == 404)
        report.check("GET /metrics without the token", str(gateway.get("/metrics").status_code), gateway.get("/metrics").status_code == 401)
        wrong = gateway.get("/metrics", headers={"Authorization": "Bearer " + "n" * 40}).status_code
        report.check("GET /metrics with a wrong token", str(wrong), wrong == 401)
        right = gateway.get("/metrics", headers={"Authorization": "Bearer " + "m" * 40})
        report.check("GET /metrics with the token", str(right.status_code), right.status_code == 200 and "relais_" in right.text)
        demo = gateway.post("/api/chat", json={"message": "allo", "establishment": "demo"})
        report.check("the demo establishment in production", f"{demo.status_code} {demo.json()['error']['code']}", demo.status_code == 422)
        plain = gateway.post("/api/agent/session", json={"name": "Julie", "key": "julie-key-0123456789"})
        report.check("sign-in against the argon2 hash", str(plain.status_code), plain.status_code == 200)
    no_token = Settings(**{**production_values(tmp_path), "metrics_token": ""})
    with running(no_token, rasa) as gateway:
        report.check("GET /metrics in production without RELAIS_METRICS_TOKEN", str(gateway.get("/metrics").status_code), gateway.get("/metrics").status_code == 404)


UNSAFE: list[tuple[str, dict[str, Any], str]] = [
    ("no conversation secret", {"conversation_secret": ""}, "RELAIS_CONVERSATION_SECRET"),
    ("plain counsellor keys", {"agent_keys": {"Julie": "julie-key-0123456789"}}, "argon2"),
    ("no counsellor", {"agent_keys": {}}, "RELAIS_AGENT_KEYS"),
    ("the demo counsellor of make run", {"agent_keys": {"demo": "$argon2id$v=19$m=65536,t=3,p=4$abc$def"}}, "demo"),
    ("an http:// webhook", {"callback_webhook_url": "http://example.org/hook"}, "https"),
]


@pytest.mark.parametrize(("what", "override", "named"), UNSAFE, ids=[u[0] for u in UNSAFE])
def test_production_refuses_to_start(tmp_path: Path, what: str, override: dict[str, Any], named: str) -> None:
    report = Report(f"production refuses {what}")
    with pytest.raises(ValidationError) as refused:
        Settings(**{**production_values(tmp_path), **override})
    message = str(refused.value)
    report.check(f"start with {what}", message.splitlines()[1][:90] if "\n" in message else message[:90], named in message)
    report.check("the rejected secret is not echoed", "not echoed", "julie-key-0123456789" not in message and "r" * 31 not in message)


def test_production_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    report = Report("fail closed by default")
    monkeypatch.delenv("RELAIS_ENVIRONMENT", raising=False)
    for name in ("RELAIS_AGENT_KEYS", "RELAIS_CONVERSATION_SECRET"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ValidationError) as refused:
        Settings()
    report.check("start with no RELAIS_ENVIRONMENT and no secrets", "refused", "RELAIS_AGENT_KEYS" in str(refused.value))
    monkeypatch.setenv("RELAIS_ENVIRONMENT", "development")
    report.check("start in development explicitly", Settings().environment, Settings().environment == "development")


def test_frame_ancestors_cannot_smuggle_directives(tmp_path: Path) -> None:
    report = Report("RELAIS_FRAME_ANCESTORS")
    for value in ("https://a.test; script-src *", "https://a.test\r\nX-Injected: 1", "https://a.test, https://b.test", ""):
        with pytest.raises(ValidationError):
            gateway_settings(tmp_path, frame_ancestors=value)
        report.check(f"frame_ancestors={value!r}", "refused at start", True)
    unquoted = gateway_settings(tmp_path, frame_ancestors="none").frame_ancestors
    report.check("none without quotes (as a shell leaves it)", unquoted, unquoted == "'none'")
