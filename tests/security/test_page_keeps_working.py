"""The person's page with the conversation token, in Chromium, against the real gateway app served
by uvicorn (a scripted Rasa behind it: no trained model needed). It stores the token in
sessionStorage, sends it, follows a live chat, and the erase button erases."""

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

from api.main import create_app
from tests.api.conftest import ScriptedRasa, gateway_settings
from tests.api.live.test_agent_auth import AGENT_KEYS
from tests.availability import unavailable
from tests.security.conftest import Report

pytest.importorskip("playwright")
from playwright.sync_api import expect, sync_playwright  # noqa: E402


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, ScriptedRasa]]:
    rasa = ScriptedRasa()
    app = create_app(gateway_settings(tmp_path), rasa_transport=httpx.MockTransport(rasa.handler))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", rasa
    server.should_exit = True
    thread.join(timeout=10)


def test_the_page_stores_sends_and_erases_with_the_token(served: tuple[str, ScriptedRasa]) -> None:
    url, rasa = served
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        unavailable("chromium not found: `apt-get install chromium`")
    report = Report("the page with the conversation token (Chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True)
        page = browser.new_context(base_url=url, locale="fr-CA").new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto("/")
        box = page.get_by_label("Votre message")
        for text in ("bonjour", "encore moi"):
            with page.expect_response(lambda r: r.url.endswith("/api/chat")) as answer:
                box.fill(text)
                box.press("Enter")
            report.check(f"send {text!r}", str(answer.value.status), answer.value.ok)
        token = page.evaluate("sessionStorage.getItem('relais.conversation_token')")
        conversation = page.evaluate("sessionStorage.getItem('relais.conversation_id')")
        report.check("token kept in sessionStorage", "yes" if token else "no", bool(token) and bool(conversation))
        report.check("both messages reached the same conversation", str({r["sender"] for r in rasa.received}), {r["sender"] for r in rasa.received} == {conversation})

        with page.expect_response(lambda r: "/api/live/" in r.url and r.url.endswith("/request")) as live:
            page.evaluate("requestLive()")
        report.check("ask for a counsellor", str(live.value.status), live.value.ok)
        with httpx.Client(base_url=url) as console:
            signed = console.post("/api/agent/session", json={"name": "Julie", "key": AGENT_KEYS["Julie"]}).json()
            julie = {"Authorization": f"Bearer {signed['token']}"}
            console.post(f"/api/agent/conversations/{conversation}/take", headers=julie)
            console.post(f"/api/agent/conversations/{conversation}/messages", json={"text": "Bonjour, ici Julie."}, headers=julie)
        shown = page.locator(".msg.counsellor")
        expect(shown).to_have_text("Bonjour, ici Julie.", timeout=15_000)
        report.check("the counsellor's message shows (polling with the token)", shown.inner_text(), True)

        page.once("dialog", lambda dialog: dialog.accept())
        with page.expect_response(lambda r: "/api/conversations/" in r.url) as erased:
            page.get_by_role("button", name="Effacer cette conversation").click()
        report.check("erase button", str(erased.value.status), erased.value.status == 204)
        left = page.evaluate("[sessionStorage.getItem('relais.conversation_id'), sessionStorage.getItem('relais.conversation_token')]")
        report.check("id and token forgotten by the page", str(left), left == [None, None])
        report.check("JavaScript errors on the page", str(errors), errors == [])
        browser.close()
