"""The widget in real headless Chromium (Debian's, driven by Playwright; no browser download),
against the real gateway served over HTTP with a scripted Rasa behind it (knowledge answers with a
source, offers, English, silence on a crisis so the gateway's own crisis reply shows), and an
intranet page on another origin, with a strict CSP, that embeds the widget with one tag."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from api.main import create_app
from api.settings import ROOT, Settings
from tests.api.conftest import AGENT_KEYS, ScriptedRasa
from tests.availability import unavailable

WAIT_MS = 10_000
SCREENSHOTS = ROOT / "var" / "screenshots"
CRISIS_MESSAGE = "chu pu capable, j'pense à en finir"
SOURCE = {"id": "pae-c-est-quoi", "title": "Le PAE, c'est quoi?", "topic": "pae",
          "last_reviewed": "2026-11-23"}  # fmt: skip
SOURCE_EN = {"id": "pae-c-est-quoi", "title": "What is the EAP?", "topic": "pae",
             "last_reviewed": "2026-11-23"}  # fmt: skip


def scripted_bot(body: dict[str, Any]) -> httpx.Response:
    """What the trained bot would say, closely enough for the page: same payload shapes."""
    sender, text = body["sender"], body["message"].lower()

    def say(*replies: dict[str, Any]) -> httpx.Response:
        return httpx.Response(200, json=[{"recipient_id": sender, **r} for r in replies])

    if "finir" in text and "pae" in text:  # a crisis that also asks: the gateway puts its reply first
        return say(
            {"text": "Le PAE (programme d'aide aux employés) est gratuit et confidentiel. " * 12},
            {"custom": {"relais": {"topic": "pae", "sources": [SOURCE]}}},
        )
    if "finir" in text or "goodbye letters" in text:
        return say()  # the gateway's crisis check answers with the static crisis reply
    if "eap" in text:
        return say(
            {"text": "The EAP (employee assistance program) is free and confidential. "
                     "You can call it any time, or read https://www.quebec.ca/en for details."},
            {"custom": {"relais": {"topic": "pae", "sources": [SOURCE_EN]}}},
        )  # fmt: skip
    if "joindre" in text:
        return say(
            {"text": "Appelez le PAE au numéro affiché sur l'intranet de votre établissement."}
        )
    if "pae" in text:
        return say(
            {"text": "Le PAE (programme d'aide aux employés) est gratuit et confidentiel. "
                     "Plus de détails sur suicide.ca ou au 514 555-0100.",
             "buttons": [{"title": "Comment joindre le PAE?", "payload": "comment joindre le pae"}]},
            {"custom": {"relais": {"topic": "pae", "sources": [SOURCE]}}},
        )  # fmt: skip
    if "talk to a person" in text:
        return say(
            {"text": "Here is who can talk with you. Someone can also call you back."},
            {"custom": {"relais": {"offers": ["callback", "live_chat"]}}},
        )
    if "parler" in text or "personne" in text:
        return say(
            {"text": "Voici qui peut vous parler. Une personne peut aussi vous rappeler."},
            {"custom": {"relais": {"offers": ["callback", "live_chat"]}}},
        )
    return say({"text": "Je ne suis pas certain de comprendre. Pouvez-vous reformuler?"})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Servers:
    def __init__(self, gateway_port: int, intranet_port: int) -> None:
        self.gateway = f"http://127.0.0.1:{gateway_port}"
        self.intranet = f"http://localhost:{intranet_port}"  # another origin: another host and port


def intranet_page(gateway: str, lang: str) -> bytes:
    return f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Intranet du CISSS</title>
<script src="{gateway}/widget.js" data-establishment="cisss-laval" data-audience="employee" defer></script>
</head><body><header><h1>Intranet du CISSS de Laval</h1></header>
<main><p>Nouvelles de l'établissement, horaires, formulaires.</p></main></body></html>""".encode()


def serve_intranet(port: int, gateway: str) -> ThreadingHTTPServer:
    # The strictest CSP an intranet could set and still embed Relais: nothing inline anywhere.
    csp = (f"default-src 'none'; script-src {gateway}; style-src {gateway}; connect-src {gateway}; "
           "img-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")  # fmt: skip

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            body = intranet_page(gateway, "en-CA" if "lang=en" in self.path else "fr-CA")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Security-Policy", csp)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@contextmanager
def running_gateway(app: Any, port: int) -> Iterator[None]:
    """The gateway `app` served by uvicorn on 127.0.0.1:`port` in a thread, started and ready,
    then stopped."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the gateway did not start")
        time.sleep(0.05)
    try:
        yield
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    gateway_port, intranet_port = free_port(), free_port()
    found = Servers(gateway_port, intranet_port)
    settings = Settings(
        rasa_urls=["http://rasa.test"],
        action_server_url="http://127.0.0.1:9",
        agent_keys=AGENT_KEYS,
        database_url=f"sqlite:///{tmp_path_factory.mktemp('db') / 'relais.db'}",
        crisis_classifier=False,
        widget_origins=[found.intranet],
    )
    rasa = ScriptedRasa(reply=scripted_bot)
    app = create_app(settings, rasa_transport=httpx.MockTransport(rasa.handler))
    with running_gateway(app, gateway_port):
        intranet = serve_intranet(intranet_port, found.gateway)
        yield found
        intranet.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        unavailable("chromium not found: `apt-get install chromium` (.ci/run does)")
    expect.set_options(timeout=WAIT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Browser, servers: Servers) -> Iterator[Callable[..., Page]]:
    """A page in a context of its own (its own sessionStorage, like another device). CSP errors
    and script errors are collected in `page.problems` (a test asserts there are none)."""
    contexts: list[BrowserContext] = []

    def opener(url: str, width: int = 1280, height: int = 800, **options: Any) -> Page:
        context = browser.new_context(
            base_url=servers.gateway, locale="fr-CA", viewport={"width": width, "height": height},
            **options,
        )  # fmt: skip
        context.set_default_timeout(WAIT_MS)
        contexts.append(context)
        page = context.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
        page.on(
            "console",
            lambda m: (
                problems.append(m.text) if m.type == "error" and "404" not in m.text else None
            ),
        )
        page.problems = problems  # type: ignore[attr-defined]
        page.goto(url)
        return page

    yield opener
    for context in contexts:
        context.close()


def shot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size or {"width": 0, "height": 0}
    path = SCREENSHOTS / f"{name}-{size['width']}x{size['height']}.png"
    page.screenshot(path=str(path))
    return path


AXE = Axe()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page: Page, label: str) -> list[dict[str, Any]]:
    """Runs axe-core (shipped inside axe-playwright-python: nothing is downloaded) and returns the
    serious and critical violations; every violation is written to var/screenshots/axe-<label>.txt."""
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"axe-{label}.txt").write_text(
        results.generate_snapshot() or "no violation", encoding="utf-8"
    )
    return [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def focused(page: Page) -> str:
    """The accessible text of the focused element, through the widget's shadow root."""
    return str(
        page.evaluate(
            """() => { let a = document.activeElement;
            while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
            if (!a) return "";
            const label = a.labels && a.labels.length ? a.labels[0].textContent : "";
            return (a.getAttribute("aria-label") || label || a.textContent || a.getAttribute("name") || "").trim(); }"""
        )
    )


def tab_to(page: Page, text: str, backwards: bool = False, limit: int = 40) -> None:
    """Presses Tab (or Shift+Tab) until the focused element's text starts with `text`."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        if focused(page).startswith(text):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{text!r} is not reachable with {key}; focus is on {focused(page)!r}")
