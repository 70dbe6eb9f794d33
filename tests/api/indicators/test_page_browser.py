"""The BQVT page in real headless Chromium (Debian's, driven by Playwright), checked with axe:
sign in with a BQVT key, see the charts, no accessibility violation on either page.

The gateway runs in this process (uvicorn in a thread, scripted Rasa), so this needs no trained
model. Without Chromium the test is skipped, or fails under CI.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect, sync_playwright

from api.main import create_app
from tests.api.callback_gateway import settings_for
from tests.api.conftest import ScriptedRasa
from tests.api.indicators.gateway import BQVT_KEYS, BQVT_SETTING, ESTABLISHMENT, scripted_reply
from tests.availability import unavailable

TRAFFIC = {
    "confiant : le PAE?": 12,
    "incertain : le PAE couvre-t-il la zoothérapie?": 6,
    "horssujet : la météo": 5,
    "personne : parler à quelqu'un": 7,
    "crise : réponse de crise": 2,
}


@pytest.fixture
def gateway_url(tmp_path: Path) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = settings_for(
        tmp_path, bqvt_keys=BQVT_SETTING, unanswered_establishments=ESTABLISHMENT
    )
    app = create_app(
        settings, rasa_transport=httpx.MockTransport(ScriptedRasa(reply=scripted_reply).handler)
    )
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while not server.started:
        assert time.monotonic() < deadline, "the gateway did not start"
        time.sleep(0.1)
    for message, times in TRAFFIC.items():
        for _ in range(times):
            body = {"message": message, "establishment": ESTABLISHMENT}
            assert httpx.post(f"{url}/api/chat", json=body).status_code == 200
    app.state.indicators.flush()
    yield url
    server.should_exit = True
    thread.join(timeout=10)


def _no_violations(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_the_page_signs_in_shows_its_charts_and_passes_axe(
    gateway_url: str, tmp_path: Path
) -> None:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        unavailable("chromium not found: `apt-get install chromium` (.ci/run does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True)
        try:
            page = browser.new_page(base_url=gateway_url, locale="fr-CA")
            errors: list[str] = []  # console errors, such as a policy refusing the style sheet
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            failed: list[str] = []  # what the page asked for and did not get (but the favicon)
            page.on(
                "response",
                lambda r: (
                    failed.append(r.url) if r.status >= 400 and "favicon" not in r.url else None
                ),
            )
            page.goto("/indicateurs")
            expect(page.get_by_role("heading", name="Connexion")).to_be_visible()
            _no_violations(page)
            page.get_by_label("Nom").fill("Ana")
            page.get_by_label("Clé").fill(BQVT_KEYS["Ana"])
            page.get_by_role("button", name="Se connecter").click()
            expect(
                page.get_by_role("heading", name="Indicateurs des 13 dernières semaines")
            ).to_be_visible()
            expect(
                page.get_by_role("img", name="Réponses de crise envoyées par semaine")
            ).to_be_visible()
            expect(
                page.get_by_text("zoothérapie").first
            ).to_be_visible()  # the cluster of 6 unsure questions
            _no_violations(page)
            page.screenshot(path=str(tmp_path / "indicateurs.png"), full_page=True)
            assert failed == []
            assert [e for e in errors if "favicon" not in e and "404" not in e] == []
        finally:
            browser.close()
