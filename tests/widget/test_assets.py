"""What the gateway serves for the browser: the widget's script and style, the console's, the 24/7
lines as JSON, the pages without inline code, and who may call from another origin."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import ROOT
from directory.loader import ESTABLISHMENTS_FILE, RESOURCES_FILE, load_registry
from tests.api.callback_gateway import settings_for
from tests.api.conftest import ScriptedRasa

STATIC = ROOT / "api" / "static"
INTRANET = "https://intranet.example"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    settings = settings_for(tmp_path, widget_origins=INTRANET, crisis_classifier=False)
    app = create_app(settings, rasa_transport=httpx.MockTransport(ScriptedRasa().handler))
    with TestClient(app) as test_client:
        yield test_client


def registry_numbers() -> set[str]:
    registry = load_registry(RESOURCES_FILE, ESTABLISHMENTS_FILE)
    numbers: set[str] = set()
    for resource in registry.resources:
        for value in (resource.phone, resource.sms):
            if value:
                numbers.add(value)
                numbers.add(re.sub(r"\D", "", value))
    return numbers


@pytest.mark.parametrize(
    ("path", "kind"),
    [("/widget.js", "text/javascript"), ("/widget.css", "text/css"),
     ("/agent.js", "text/javascript"), ("/agent.css", "text/css")],
)  # fmt: skip
def test_assets_are_served_by_the_gateway(client: TestClient, path: str, kind: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(kind)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.content == (STATIC / path.lstrip("/")).read_bytes()
    embeddable = path.startswith("/widget")
    assert (response.headers.get("cross-origin-resource-policy") == "cross-origin") == embeddable
    # Static and impersonal: cached a few minutes (the security headers keep no-store for the
    # rest: tests/security/test_headers_and_production.py)
    assert response.headers["cache-control"] == "public, max-age=300"


def test_the_widget_is_small() -> None:
    size = len(
        gzip.compress((STATIC / "widget.js").read_bytes() + (STATIC / "widget.css").read_bytes())
    )
    assert size < 40_000, f"{size} bytes gzipped"


@pytest.mark.parametrize(
    "name", ["widget.js", "widget.css", "agent.js", "index.html", "agent.html"]
)
def test_no_number_is_written_in_the_browser_code(name: str) -> None:
    """Every number a person can call comes from the registry (GET /api/lines or a filled page)."""
    text = (STATIC / name).read_text(encoding="utf-8")
    digits_runs = set(re.findall(r"\d[\d -]{1,14}\d|\b\d{3}\b", text))
    written = {n for n in registry_numbers() if len(re.sub(r"\D", "", n)) >= 3} & (
        digits_runs | {re.sub(r"\D", "", d) for d in digits_runs}
    )
    assert not written, f"{name} writes {written}"


@pytest.mark.parametrize("name", ["index.html", "agent.html"])
def test_the_pages_have_no_inline_script_or_style(name: str) -> None:
    html = (STATIC / name).read_text(encoding="utf-8")
    assert re.findall(r"<script\b(?![^>]*\bsrc=)", html) == []
    assert "<style" not in html
    assert re.findall(r"\s(style|on[a-z]+)\s*=", html) == []


def test_the_lines_come_from_the_registry(client: TestClient) -> None:
    data = client.get("/api/lines").json()
    registry = load_registry(RESOURCES_FILE, ESTABLISHMENTS_FILE)
    assert [line["phone"] for line in data["lines"]] == [r.phone for r in registry.lines_24_7()]
    assert [line["tel"] for line in data["lines"]] == [r.tel_uri for r in registry.lines_24_7()]
    assert {line["kind"] for line in data["lines"]} == {"crisis", "emergency"}
    assert "911" in data["short_numbers"]


def test_the_page_loads_the_widget_and_shows_the_lines_without_javascript(
    client: TestClient,
) -> None:
    html = client.get("/").text
    assert '<script src="/widget.js" data-mode="page"' in html
    noscript = html[html.index("<noscript>") : html.index("</noscript>")]
    registry = load_registry(RESOURCES_FILE, ESTABLISHMENTS_FILE)
    for line in registry.lines_24_7():
        assert f'href="{line.tel_uri}"' in noscript
    assert "{{" not in html


def test_only_listed_origins_may_call_from_the_browser(client: TestClient) -> None:
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,x-conversation-token",
    }
    allowed = client.options("/api/chat", headers={"Origin": INTRANET, **preflight})
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == INTRANET
    assert "x-conversation-token" in allowed.headers["access-control-allow-headers"].lower()
    assert "DELETE" in allowed.headers["access-control-allow-methods"]
    other = client.options(
        "/api/chat", headers={"Origin": "https://elsewhere.example", **preflight}
    )
    assert "access-control-allow-origin" not in other.headers
    lines = client.get("/api/lines", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in lines.headers


def test_a_widget_on_another_origin_can_read_why_its_message_was_refused(client: TestClient) -> None:
    # A body declared too large is refused before it is read; the refusal carries the CORS
    # header, so the widget shows the bilingual error instead of "unreachable".
    refused = client.post(
        "/api/chat",
        content=b"x" * 70_000,
        headers={"Origin": INTRANET, "Content-Type": "application/json"},
    )
    assert refused.status_code == 413
    assert refused.headers["access-control-allow-origin"] == INTRANET
    assert refused.json()["error"]["message_en"]
