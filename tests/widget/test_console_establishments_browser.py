"""The console names the establishment of each waiting and held conversation and of each callback
ticket, with the registry's name (never a raw id) behind a visible label, in headless Chromium;
screenshots in var/screenshots/console-etablissements-*.png."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect

from api.main import create_app
from api.settings import Settings
from tests.api.callback_gateway import FORM
from tests.api.conftest import ScriptedRasa
from tests.widget.conftest import (
    Servers,
    axe_violations,
    free_port,
    running_gateway,
    scripted_bot,
    shot,
    tab_to,
)

pytestmark = pytest.mark.browser
Opener = Callable[..., Page]

LAVAL, ESTRIE = "cisss-laval", "ciusss-estrie-chus"
LAVAL_NAME = "CISSS de Laval"
ESTRIE_NAME = "CIUSSS de l'Estrie – Centre hospitalier universitaire de Sherbrooke"
KEY = "ines-key-0123456789"


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    """The gateway with a tracker store the scripted Rasa writes to: the console reads each
    conversation's establishment there, as it does from Rasa's."""
    folder = tmp_path_factory.mktemp("console-establishments")
    gateway_port = free_port()
    found = Servers(gateway_port, free_port())
    tracker_url = f"sqlite:///{folder / 'tracker.db'}"
    settings = Settings(
        rasa_urls=["http://rasa.test"],
        action_server_url="http://127.0.0.1:9",
        agent_keys={"Ines": KEY},  # no list: every establishment
        database_url=f"sqlite:///{folder / 'relais.db'}",
        tracker_url=tracker_url,
        crisis_classifier=False,
        environment="development",
    )
    rasa = ScriptedRasa(reply=scripted_bot, tracker_url=tracker_url)
    app = create_app(settings, rasa_transport=httpx.MockTransport(rasa.handler))
    with running_gateway(app, gateway_port):
        yield found


def waiting_person(gateway: httpx.Client, establishment: str) -> str:
    started = gateway.post(
        "/api/chat", json={"message": "je veux parler à quelqu'un", "establishment": establishment}
    ).json()
    headers = {"X-Conversation-Token": started["conversation_token"]}
    conversation = str(started["conversation_id"])
    assert gateway.post(f"/api/live/{conversation}/request", headers=headers).status_code == 200
    return conversation


@pytest.mark.parametrize("width", [1280, 390])
def test_the_console_names_each_conversations_and_tickets_establishment(
    open_page: Opener, servers: Servers, width: int, tmp_path: Path
) -> None:
    gateway = httpx.Client(base_url=servers.gateway, timeout=10)
    reference = gateway.post("/api/callback", json={**FORM, "establishment": ESTRIE}).json()[
        "reference"
    ]
    laval, estrie = waiting_person(gateway, LAVAL), waiting_person(gateway, ESTRIE)

    console = open_page("/agent", width=width, height=1400)
    tab_to(console, "Nom")
    console.keyboard.type("Ines")
    console.keyboard.press("Tab")
    console.keyboard.type(KEY)
    console.keyboard.press("Enter")
    expect(console.locator("#me")).to_have_text("Ines")

    for conversation, name in ((laval, LAVAL_NAME), (estrie, ESTRIE_NAME)):
        item = console.locator("#waiting li", has_text=conversation[:8])
        expect(item.locator(".establishment")).to_have_text(f"Établissement : {name}")
        expect(
            item.get_by_role(
                "button", name=f"Prendre la conversation {conversation[:8]}, établissement : {name}"
            )
        ).to_be_visible()
    expect(console.locator("#waiting")).not_to_contain_text(LAVAL)  # the raw id never shows
    ticket = console.locator("#tickets li", has_text=reference)
    expect(ticket.locator("dt").first).to_have_text("Établissement")
    expect(ticket.locator("dd").first).to_have_text(ESTRIE_NAME)
    shot(console, "console-etablissements-attente")

    console.get_by_role(
        "button", name=f"Prendre la conversation {laval[:8]}, établissement : {LAVAL_NAME}"
    ).click()
    expect(console.locator("#conversation-establishment")).to_have_text(
        f"Établissement : {LAVAL_NAME}"
    )
    expect(console.locator("#mine li", has_text=laval[:8]).locator(".establishment")).to_have_text(
        f"Établissement : {LAVAL_NAME}"
    )
    shot(console, "console-etablissements-conversation")
    violations = axe_violations(console, f"console-etablissements-{width}")
    assert violations == [], violations
    assert console.problems == []  # type: ignore[attr-defined]

    headers = {
        "Authorization": "Bearer "
        + console.evaluate("sessionStorage.getItem('relais.agent.token')")
    }
    assert gateway.post(f"/api/agent/conversations/{laval}/end", headers=headers).status_code == 200
    assert (
        gateway.post(f"/api/agent/conversations/{estrie}/take", headers=headers).status_code == 200
    )
    assert (
        gateway.post(f"/api/agent/conversations/{estrie}/end", headers=headers).status_code == 200
    )
    assert gateway.delete(f"/api/agent/tickets/{reference}", headers=headers).status_code == 204
    gateway.close()
