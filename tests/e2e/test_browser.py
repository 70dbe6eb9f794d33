"""The person's chat page (the widget, full page) and the counsellors' console in real headless
Chromium, on the real stack. tests/widget/ covers the widget and the console in more depth
(embedding, axe-core, keyboard, screenshots) against a scripted Rasa.

Chromium comes from Debian (`apt-get install chromium`, as .ci/run does); Playwright drives it and
never downloads a browser of its own. Without Chromium these tests are skipped, or fail under CI.
The tests run in file order: the call-back test needs nobody signed in at the console yet.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from stack.launcher import Stack
from tests.availability import unavailable

pytestmark = pytest.mark.e2e

# Bot replies go through Rasa and the action server on 2 CPU cores; live events arrive by polling
# every 2.5 s. Waits end as soon as the page shows what is expected.
WAIT_MS = 20_000
CRISIS_MESSAGE = "chu pu capable, j'pense à en finir"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        message = "chromium not found: `apt-get install chromium` (.ci/run does)"
        unavailable(message)
    expect.set_options(timeout=WAIT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Browser, stack: Stack) -> Iterator[Callable[[str], Page]]:
    """Opens a page in a browser context of its own: separate sessionStorage, like another device."""
    contexts: list[BrowserContext] = []

    def opener(path: str) -> Page:
        context = browser.new_context(base_url=stack.config.gateway_url, locale="fr-CA")
        context.set_default_timeout(WAIT_MS)
        contexts.append(context)
        page = context.new_page()
        page.goto(path)
        return page

    yield opener
    for context in contexts:
        context.close()


def say(page: Page, text: str) -> dict:
    """Types a message on the person's page and waits for the gateway's answer."""
    box = page.get_by_label("Votre message")
    with page.expect_response(lambda r: r.url.endswith("/api/chat")) as answer:
        box.fill(text)
        box.press("Enter")
    assert answer.value.ok, answer.value.text()
    return answer.value.json()


def conversation_of(page: Page) -> str:
    return page.evaluate("sessionStorage.getItem('relais.conversation_id')")


def test_crisis_banner_shows_and_survives_a_reload(open_page: Callable[[str], Page]) -> None:
    page = open_page("/")
    banner = page.locator("#crisis-banner")
    expect(banner).to_be_hidden()

    say(page, CRISIS_MESSAGE)
    expect(banner).to_be_visible()
    # The banner's links are the registry's `tel` URIs (directory/render.py).
    for href in ("tel:+18662773553", "tel:811", "tel:911"):
        expect(banner.locator(f'a[href="{href}"]')).to_be_visible()
    replies = page.locator("#log .msg.bot")
    expect(replies.first).to_contain_text("1 866 277-3553")
    expect(replies.first.locator('a[href="tel:+18662773553"]')).to_be_visible()
    expect(replies.last).to_contain_text("Êtes-vous en sécurité")
    conversation = conversation_of(page)
    shown = page.locator("#log .msg").count()

    page.reload()
    expect(banner).to_be_visible()
    expect(banner.locator('a[href="tel:+18662773553"]')).to_be_visible()
    # The transcript comes back from sessionStorage (this tab only).
    expect(page.locator("#log .msg")).to_have_count(shown)
    assert conversation_of(page) == conversation


def test_asking_for_a_person_then_a_call_back(
    open_page: Callable[[str], Page], stack: Stack, gateway: httpx.Client
) -> None:
    page = open_page("/")
    say(page, "je veux parler à quelqu'un")
    expect(page.locator("#log .msg.bot").last).to_contain_text("dans quel établissement")

    say(page, "CISSS de Laval")
    listing = page.locator("#log .msg.bot", has_text="Voici qui peut vous parler")
    expect(listing).to_be_visible()
    for href in ("tel:+18662773553", "tel:811", "tel:911"):
        expect(listing.locator(f'a[href="{href}"]').first).to_be_visible()
    offer = page.get_by_role("button", name="Être rappelé")
    expect(offer).to_be_visible()
    # Nobody has signed in at the console: a live chat is not offered.
    expect(page.get_by_role("button", name="Clavarder avec une personne")).to_have_count(0)

    offer.click()
    form = page.locator("#callback")
    expect(form).to_be_visible()
    expect(form.locator("#callback-notice p")).to_have_count(4)
    expect(form).to_contain_text("Ce que nous gardons")
    expect(form).to_contain_text("Ce n'est pas un service d'urgence")
    consent = form.get_by_label("J'accepte que Relais garde ces renseignements")
    expect(consent).not_to_be_checked()
    form.get_by_label("Prénom ou pseudonyme").fill("Josée")
    form.get_by_label("Téléphone ou courriel").fill("514 555-0199")
    form.get_by_label("Moment préféré").select_option("soir")
    form.get_by_label("Établissement").select_option(label="CISSS de Laval")
    send = form.get_by_role("button", name="Envoyer la demande")

    with page.expect_response("**/api/callback") as refused:
        send.click()
    assert refused.value.status == 422
    expect(form.locator(".relais-form-error")).to_contain_text(
        "Sans votre accord, nous ne pouvons pas vous rappeler"
    )
    expect(form).to_be_visible()

    consent.check()
    with page.expect_response("**/api/callback") as created:
        send.click()
    assert created.value.status == 201
    confirmation = page.locator("#log .msg.system").last
    expect(confirmation).to_contain_text(re.compile(r"Votre référence : R-[0-9A-Z]{6}\."))
    expect(form).to_be_hidden()
    reference = re.search(r"R-[0-9A-Z]{6}", confirmation.inner_text()).group()  # type: ignore[union-attr]

    # What the browser sent is what the callback team gets.
    name, key = stack.config.agent_keys.split(":", 1)
    token = gateway.post("/api/agent/session", json={"name": name, "key": key}).json()["token"]
    agent = {"Authorization": f"Bearer {token}"}
    tickets = gateway.get("/api/agent/tickets", headers=agent).json()["tickets"]
    # Signing out ends the counsellor's presence: later tests expect nobody at the console.
    gateway.post("/api/agent/logout", headers=agent)
    ticket = next(t for t in tickets if t["reference"] == reference)
    assert (ticket["first_name"], ticket["contact"], ticket["contact_kind"]) == (
        "Josée", "514 555-0199", "phone",
    )  # fmt: skip
    assert (ticket["establishment_id"], ticket["time_window"]) == ("cisss-laval", "soir")


def test_a_counsellor_chats_from_the_console_then_hands_back(
    open_page: Callable[[str], Page], stack: Stack
) -> None:
    name, key = stack.config.agent_keys.split(":", 1)
    console = open_page("/agent")
    console.get_by_label("Nom").fill(name)
    console.get_by_label("Clé").fill(key)
    console.get_by_role("button", name="Se connecter").click()
    expect(console.locator("#me")).to_have_text(name)
    expect(console.locator("#login")).to_be_hidden()

    # An intranet page passes the establishment: the bot lists the resources at once.
    person = open_page("/?etablissement=cisss-laval")
    say(person, "je veux parler à quelqu'un")
    expect(person.get_by_role("button", name="Être rappelé")).to_be_visible()
    person.get_by_role("button", name="Clavarder avec une personne").click()
    live_banner = person.locator("#live-banner")
    expect(live_banner).to_contain_text("vous êtes 1re dans la file")
    expect(person.locator("#log .msg.system").last).to_contain_text("prochaine personne")
    conversation = conversation_of(person)

    waiting = console.locator("#waiting li", has_text=f"Conversation {conversation[:8]}")
    waiting.get_by_role("button", name="Prendre").click()
    expect(console.locator("#status")).to_have_text("Conversation prise.")
    expect(console.locator("#history")).to_contain_text("Personne : je veux parler à quelqu'un")
    expect(console.locator("#history")).to_contain_text("Assistant : Voici qui peut vous parler")
    expect(console.locator("#mine")).to_contain_text(f"Conversation {conversation[:8]}")

    console.get_by_label("Votre message").fill("Bonjour, je suis là")
    console.get_by_role("button", name="Envoyer", exact=True).click()
    expect(console.locator("#live")).to_contain_text("Vous : Bonjour, je suis là")
    expect(person.locator("#log .msg.counsellor .relais-text")).to_have_text("Bonjour, je suis là")
    expect(live_banner).to_have_text(f"Vous clavardez avec {name}.")
    expect(person.locator("#log .msg.system", has_text=f"{name} vous rejoint")).to_have_count(1)

    bot_replies = person.locator("#log .msg.bot").count()
    reply = say(person, "Merci, la semaine a été dure")
    assert reply["messages"] == [] and reply["live"]["state"] == "with_counsellor"
    expect(console.locator("#live")).to_contain_text("Personne : Merci, la semaine a été dure")
    expect(person.locator("#log .msg.bot")).to_have_count(bot_replies)

    console.once("dialog", lambda dialog: dialog.accept())
    console.get_by_role("button", name="Terminer et rendre la conversation à l'assistant").click()
    expect(console.locator("#status")).to_have_text("La conversation est terminée.")
    expect(console.locator("#reply-form")).to_be_hidden()
    expect(person.locator("#log .msg.system").last).to_contain_text(
        f"{name} a quitté la conversation. C'est de nouveau l'assistant qui vous répond."
    )
    expect(live_banner).to_be_hidden()

    say(person, "c'est quoi le PAE?")
    expect(person.locator("#log .msg.bot")).not_to_have_count(bot_replies)
    expect(person.locator("#log .msg.bot").last).to_contain_text("PAE")

    console.get_by_role("button", name="Se déconnecter").click()
    expect(console.locator("#login")).to_be_visible()
    expect(console.locator("#status")).to_have_text("Vous êtes déconnecté·e.")
