"""The agent console in headless Chromium: the callback tickets (handled, erased on request), a new
waiting person announced in the status line and the tab title, keyboard only, axe-core."""

from __future__ import annotations

import re
from collections.abc import Callable

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.api.callback_gateway import FORM
from tests.api.conftest import AGENT_KEYS
from tests.widget.conftest import Servers, axe_violations, focused, shot, tab_to

pytestmark = pytest.mark.browser
Opener = Callable[..., Page]


def ticket(gateway: httpx.Client, **changes: object) -> str:
    response = gateway.post("/api/callback", json={**FORM, **changes})
    assert response.status_code == 201, response.text
    return str(response.json()["reference"])


@pytest.mark.parametrize("width", [1280, 390])
def test_the_console_lists_tickets_and_announces_a_waiting_person(
    open_page: Opener, servers: Servers, width: int
) -> None:
    gateway = httpx.Client(base_url=servers.gateway, timeout=10)
    first = ticket(gateway, contact="514 555-0142")
    console = open_page("/agent", width=width)
    assert axe_violations(console, f"console-login-{width}") == []

    # Keyboard only: sign in.
    tab_to(console, "Nom")
    console.keyboard.type("Julie")
    console.keyboard.press("Tab")
    console.keyboard.type(AGENT_KEYS["Julie"])
    console.keyboard.press("Enter")
    expect(console.locator("#me")).to_have_text("Julie")
    item = console.locator("#tickets li", has_text=first)
    expect(item).to_contain_text("CIUSSS de la Capitale-Nationale")
    expect(item).to_contain_text("Marie-Ève")
    expect(item).to_contain_text("En après-midi")
    expect(item.get_by_role("link", name="514 555-0142")).to_have_attribute(
        "href", "tel:+15145550142"
    )
    expect(console).to_have_title(re.compile(r"^\((\d+ en attente, )?\d+ rappels?\) Relais"))

    # A person asks for a counsellor: announced in the status line and the title.
    started = gateway.post("/api/chat", json={"message": "je veux parler à quelqu'un"}).json()
    conversation = started["conversation_id"]
    person = {"X-Conversation-Token": started["conversation_token"]}
    assert gateway.post(f"/api/live/{conversation}/request", headers=person).status_code == 200
    expect(console.locator("#status")).to_have_text(
        f"Une nouvelle personne attend : conversation {conversation[:8]} (établissement : non précisé)."
    )
    expect(console).to_have_title(re.compile(r"^\(1 en attente, \d+ rappels?\) Relais"))
    expect(console.locator("#waiting li", has_text=conversation[:8])).to_be_visible()
    shot(console, "console")
    violations = axe_violations(console, f"console-{width}")
    assert [v for v in violations] == [], violations

    # A new ticket is announced too; then handled, by keyboard.
    second = ticket(gateway, first_name="Luc", contact="luc@example.org")
    expect(console.locator("#status")).to_have_text(f"Nouvelle demande de rappel : {second}.")
    expect(console.locator("#tickets li", has_text=second).get_by_role("link")).to_have_attribute(
        "href", "mailto:luc@example.org"
    )
    tab_to(console, f"Marquer la demande {first} comme traitée")
    console.keyboard.press("Enter")
    expect(console.locator("#status")).to_have_text(f"Demande {first} marquée comme traitée.")
    expect(console.locator("#tickets li", has_text=first)).to_have_count(0)
    assert focused(console) != "", "focus was lost with the removed ticket"

    # Erased at the person's request, after a confirmation.
    console.once("dialog", lambda dialog: dialog.accept())
    console.get_by_role(
        "button", name=f"Effacer la demande {second} à la demande de la personne"
    ).click()
    expect(console.locator("#status")).to_have_text(f"Demande {second} effacée.")
    expect(console.locator("#tickets li", has_text=second)).to_have_count(0)
    headers = {
        "Authorization": "Bearer "
        + console.evaluate("sessionStorage.getItem('relais.agent.token')")
    }
    remaining = gateway.get("/api/agent/tickets", headers=headers).json()["tickets"]
    assert {first, second}.isdisjoint(t["reference"] for t in remaining)

    assert gateway.post(f"/api/live/{conversation}/cancel", headers=person).status_code == 200
    expect(console.locator("#waiting")).to_have_text("Personne n'attend pour le moment.")
    expect(console).not_to_have_title(re.compile("en attente"))
    console.get_by_role("button", name="Se déconnecter").click()
    expect(console).to_have_title("Relais : console des intervenants")
    gateway.close()
