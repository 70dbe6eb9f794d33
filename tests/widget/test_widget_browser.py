"""The chat widget in headless Chromium, full page at / and embedded in an intranet page on another
origin: the conversation, crisis, feedback, clearing, the live chat and the callback form, axe-core
on each state, keyboard-only journeys, small screens and zoom. Screenshots go to var/screenshots/."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, Route, expect

from tests.api.conftest import AGENT_KEYS
from tests.widget.conftest import (
    CRISIS_MESSAGE,
    Servers,
    axe_violations,
    focused,
    shot,
    tab_to,
)

pytestmark = pytest.mark.browser
Opener = Callable[..., Page]


def say(page: Page, text: str) -> dict[str, Any]:
    box = page.get_by_label("Votre message").or_(page.get_by_label("Your message"))
    with page.expect_response(lambda r: r.url.endswith("/api/chat")) as answer:
        box.fill(text)
        box.press("Enter")
    assert answer.value.ok, answer.value.text()
    return dict(answer.value.json())


def storage(page: Page, key: str) -> Any:
    return page.evaluate(f"sessionStorage.getItem('relais.{key}')")


def no_serious_violation(page: Page, label: str) -> None:
    violations = axe_violations(page, label)
    assert not violations, json.dumps(
        [{"id": v["id"], "impact": v["impact"], "nodes": [n["html"] for n in v["nodes"]]} for v in violations],
        ensure_ascii=False, indent=1,
    )  # fmt: skip


def shows_the_newest_message(page: Page) -> None:
    """Waits (5 s at most) until the transcript is scrolled to its end; fails if it never is."""
    scroller = page.locator(".relais-scroll").element_handle()
    page.wait_for_function(
        "e => e.scrollTop + e.clientHeight >= e.scrollHeight - 2", arg=scroller, timeout=5000
    )


@contextmanager
def signed_in_counsellor(servers: Servers, name: str) -> Iterator[tuple[httpx.Client, dict[str, str]]]:
    """A client of the gateway and `name`'s console headers, signed out on the way out (later
    tests expect nobody at the console)."""
    gateway = httpx.Client(base_url=servers.gateway, timeout=10)
    session = gateway.post("/api/agent/session", json={"name": name, "key": AGENT_KEYS[name]})
    agent = {"Authorization": f"Bearer {session.json()['token']}"}
    try:
        yield gateway, agent
    finally:
        gateway.post("/api/agent/logout", headers=agent)
        gateway.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_knowledge_answer_reads_like_a_chat(open_page: Opener, width: int) -> None:
    page = open_page("/", width=width)
    expect(page.locator(".msg.welcome")).to_be_visible()
    shot(page, "page-empty")
    no_serious_violation(page, f"page-empty-{width}")

    say(page, "c'est quoi le PAE?")
    person = page.locator("#log .msg.user").last
    expect(person.locator(".relais-who")).to_have_text("Vous")
    expect(person.locator(".relais-text")).to_have_text("c'est quoi le PAE?")
    answer = page.locator("#log .msg.bot").last
    expect(answer.locator(".relais-who")).to_have_text("Relais")
    # Links are built from the text: https for a site, tel: for a number; nothing else.
    expect(answer.locator('a[href="https://suicide.ca"]')).to_have_attribute(
        "rel", "noopener noreferrer"
    )
    expect(answer.locator('a[href="tel:+15145550100"]')).to_have_text("514 555-0100")
    # The source under the answer, with its review date.
    expect(answer.locator(".relais-sources")).to_have_text(
        "Source : Le PAE, c'est quoi? · révisé le 23 novembre 2026"
    )
    expect(page.get_by_text("Cette réponse vous a aidé?")).to_be_visible()
    # Only the bot's words are announced, politely; no button sits in the live region.
    announcer = page.locator('[role="log"]')
    expect(announcer).to_have_attribute("aria-live", "polite")
    expect(announcer).to_contain_text("Relais : Le PAE (programme d'aide aux employés)")
    expect(announcer).not_to_contain_text("c'est quoi le PAE?")
    expect(announcer.locator("button, a")).to_have_count(0)
    expect(page.get_by_label("Votre message")).to_be_focused()
    shot(page, "page-answer")
    no_serious_violation(page, f"page-answer-{width}")


def test_waiting_shows_typing_and_blocks_a_second_send(open_page: Opener) -> None:
    page = open_page("/")
    held: list[Route] = []
    page.route("**/api/chat", lambda route: held.append(route))
    box = page.get_by_label("Votre message")
    box.fill("c'est quoi le PAE?")
    box.press("Enter")
    expect(page.get_by_text("Relais écrit…")).to_be_visible()
    expect(page.get_by_role("button", name="Envoyer")).to_be_disabled()
    box.fill("encore?")
    box.press("Enter")  # ignored while waiting: no double send
    expect(page.locator("#log .msg.user")).to_have_count(1)
    page.wait_for_timeout(200)
    assert len(held) == 1
    held[0].continue_()
    expect(page.locator("#log .msg.bot")).to_have_count(1)
    expect(page.get_by_text("Relais écrit…")).to_be_hidden()
    expect(page.get_by_role("button", name="Envoyer")).to_be_enabled()
    expect(box).to_have_value("encore?")  # what was typed meanwhile is kept


def test_quick_replies_and_feedback_are_used_once(open_page: Opener) -> None:
    page = open_page("/")
    say(page, "c'est quoi le PAE?")
    with page.expect_request("**/api/feedback") as sent:
        page.get_by_role("button", name="Oui", exact=True).click()
    body = json.loads(sent.value.post_data or "{}")
    assert body == {"conversation_id": storage(page, "conversation_id"),
                    "article_id": "pae-c-est-quoi", "helpful": True}  # fmt: skip
    # The indicators endpoint may not be deployed yet: a 404 still thanks the person.
    expect(page.get_by_text("Merci de votre avis.")).to_be_visible()
    expect(page.get_by_role("button", name="Oui", exact=True)).to_have_count(0)
    expect(page.get_by_label("Votre message")).to_be_focused()

    quick = page.get_by_role("button", name="Comment joindre le PAE?")
    with page.expect_response("**/api/chat"):
        quick.click()
    expect(quick).to_be_disabled()
    expect(page.locator("#log .msg.user").last).to_contain_text("Comment joindre le PAE?")
    expect(page.locator("#log .msg.bot").last).to_contain_text("Appelez le PAE")
    expect(page.get_by_label("Votre message")).to_be_focused()


def test_crisis_banner_and_transcript_survive_a_reload(open_page: Opener) -> None:
    page = open_page("/", width=390)
    banner = page.locator("#crisis-banner")
    expect(banner).to_be_hidden()
    say(page, CRISIS_MESSAGE)
    expect(banner).to_be_visible()
    lines = httpx.get(page.url.split("/?")[0].rstrip("/") + "/api/lines").json()["lines"]
    for line in lines:  # the numbers shown are the registry's
        expect(banner.locator(f'a[href="{line["tel"]}"]')).to_be_visible()
    expect(banner.locator('a[href^="sms:"]')).to_be_visible()
    expect(page.locator("#log .msg.bot").first).to_contain_text("1 866 277-3553")
    expect(page.locator("#log .msg.bot").last).to_contain_text("Êtes-vous en sécurité")
    shot(page, "page-crisis")
    no_serious_violation(page, "page-crisis-390")
    bubbles = page.locator("#log .msg").count()
    conversation = storage(page, "conversation_id")

    # A style sheet that arrives late (a busy network) changes the layout after the widget mounted.
    page.route("**/widget.css", lambda route: (time.sleep(0.5), route.continue_()))
    page.reload()
    expect(banner).to_be_visible()
    expect(page.locator("#log .msg")).to_have_count(bubbles)
    # Back where the conversation was: at its newest message, once the style sheet has arrived.
    shows_the_newest_message(page)
    assert storage(page, "conversation_id") == conversation
    # A restored transcript is not read out again.
    expect(page.locator('[role="log"] p')).to_have_count(0)
    assert page.evaluate("localStorage.length") == 0


def test_a_crisis_reply_followed_by_an_answer_stays_in_view_and_is_read_out(open_page: Opener) -> None:
    page = open_page("/", width=390)
    say(page, "j'pense à en finir, pis le PAE c'est tu confidentiel?")
    crisis, answer = page.locator("#log .msg.bot").first, page.locator("#log .msg.bot").last
    expect(crisis).to_contain_text("1 866 277-3553")
    expect(answer).to_contain_text("Le PAE")
    # The crisis reply's first message is at the top of the transcript's view, not scrolled away
    # by the long answer after it; the jump button says more is below.
    top = page.locator(".relais-scroll").evaluate(
        "(s, m) => m.getBoundingClientRect().top - s.getBoundingClientRect().top", crisis.element_handle()
    )
    assert 0 <= top <= 40
    expect(page.locator(".relais-jump")).to_be_visible()
    # The screen reader's log holds the whole turn, the crisis lines first.
    log = page.locator('[role="log"] p')
    expect(log.first).to_contain_text("1 866 277-3553")
    expect(log.last).to_contain_text("Le PAE")
    shot(page, "page-crisis-then-answer")


def test_clearing_erases_the_browser_and_asks_the_gateway(open_page: Opener) -> None:
    page = open_page("/")
    say(page, "c'est quoi le PAE?")
    conversation = storage(page, "conversation_id")
    with page.expect_response(f"**/api/conversations/{conversation}") as erased:
        page.get_by_role("button", name="Effacer la conversation").click()
    assert erased.value.request.method == "DELETE"
    assert erased.value.status == 204
    expect(
        page.locator("#log").get_by_text("La conversation a été effacée de cet appareil.")
    ).to_be_visible()
    expect(page.locator("#log .msg.user")).to_have_count(0)
    for key in ("conversation_id", "transcript", "crisis", "token"):
        assert storage(page, key) is None
    expect(page.get_by_label("Votre message")).to_be_focused()
    page.reload()
    expect(page.locator("#log .msg.user")).to_have_count(0)


def test_the_conversation_token_is_kept_and_sent_back(open_page: Opener) -> None:
    page = open_page("/")
    with page.expect_response("**/api/chat") as first:
        say(page, "c'est quoi le PAE?")
    issued = first.value.json()["conversation_token"]
    assert issued and storage(page, "token") == issued
    with page.expect_response("**/api/chat") as second:
        say(page, "comment joindre le PAE?")
    assert second.value.request.headers.get("x-conversation-token") == issued
    assert second.value.ok  # the gateway accepts the token it issued
    with page.expect_response("**/api/conversations/*") as erase:
        page.get_by_role("button", name="Effacer la conversation").click()
    assert erase.value.request.headers.get("x-conversation-token") == issued
    assert erase.value.status == 204  # erased on the server too


def test_english_labels_for_an_english_writer(open_page: Opener) -> None:
    page = open_page("/")
    expect(page.get_by_role("button", name="Envoyer")).to_be_visible()
    say(page, "what is the EAP?")
    expect(page.get_by_role("button", name="Send")).to_be_visible()
    expect(page.get_by_text("Did this answer help you?")).to_be_visible()
    expect(page.locator("#log .msg.bot").last.locator(".relais-sources")).to_contain_text(
        "reviewed on November 23, 2026"
    )
    expect(page.locator("#log .msg.bot").last).to_have_attribute("lang", "en-CA")
    say(page, "c'est quoi le PAE?")
    expect(page.get_by_role("button", name="Envoyer")).to_be_visible()


def test_an_english_crisis_is_answered_in_english_and_its_button_too(open_page: Opener) -> None:
    page = open_page("/", width=390)
    reply = say(page, "I wrote my goodbye letters, tonight is the night")
    assert reply["crisis"] is True and reply["language"] == "en"
    expect(page.locator("#log .msg.bot").first).to_contain_text("1 866 277-3553")
    expect(page.locator("#log .msg.bot").last).to_contain_text("Are you safe right now?")
    expect(page.locator("#crisis-banner")).to_be_visible()
    shot(page, "page-crisis-english")
    no_serious_violation(page, "page-crisis-english-390")
    # The button says no language: the page sends back the last reply's, and it stays English.
    with page.expect_response(lambda r: r.url.endswith("/api/chat")) as answer:
        page.get_by_role("button", name="Yes, I'm safe").click()
    assert answer.value.request.post_data_json["language"] == "en"
    assert answer.value.json()["language"] == "en"


def test_auto_scroll_stops_when_the_person_scrolls_up(open_page: Opener) -> None:
    page = open_page("/", width=390, height=600)
    for _ in range(3):
        say(page, "c'est quoi le PAE?")
    scroller = page.locator(".relais-scroll")
    shows_the_newest_message(page)
    scroller.evaluate("e => { e.scrollTop = 0; e.dispatchEvent(new Event('scroll')); }")
    say(page, "c'est quoi le PAE?")
    assert scroller.evaluate("e => e.scrollTop") < 50
    jump = page.get_by_role("button", name="Nouveau message ↓")
    expect(jump).to_be_visible()
    jump.click()
    shows_the_newest_message(page)


def test_live_chat_with_a_counsellor(open_page: Opener, servers: Servers) -> None:
    name = "Julie"
    with signed_in_counsellor(servers, name) as (gateway, agent):
        page = open_page("/?etablissement=cisss-laval")
        say(page, "je veux parler à quelqu'un")
        page.get_by_role("button", name="Clavarder avec une personne").click()
        live = page.locator("#live-banner")
        expect(live).to_contain_text("vous êtes 1re dans la file")
        expect(page.get_by_role("button", name="Annuler l'attente")).to_be_enabled()
        conversation = storage(page, "conversation_id")
        gateway.post(f"/api/agent/conversations/{conversation}/take", headers=agent)
        gateway.post(
            f"/api/agent/conversations/{conversation}/messages", headers=agent,
            json={"text": "Bonjour, je suis là. Vous pouvez aussi texter au 535353."},
        )  # fmt: skip
        counsellor = page.locator("#log .msg.counsellor")
        expect(counsellor.locator(".relais-text")).to_have_text(
            "Bonjour, je suis là. Vous pouvez aussi texter au 535353."
        )
        expect(counsellor.locator(".relais-who")).to_have_text(name)
        expect(live).to_have_text(f"Vous clavardez avec {name}.")
        expect(counsellor.locator('a[href="sms:535353"]')).to_be_visible()
        # Nothing to stop waiting for once the counsellor is there.
        expect(page.get_by_role("button", name="Annuler l'attente")).to_be_disabled()
        shot(page, "page-live")
        no_serious_violation(page, "page-live")
        gateway.post(f"/api/agent/conversations/{conversation}/end", headers=agent)
        expect(live).to_be_hidden()


def test_an_english_writer_waits_and_chats_in_english(open_page: Opener, servers: Servers) -> None:
    name = "Julie"
    with signed_in_counsellor(servers, name) as (gateway, agent):
        page = open_page("/?etablissement=cisss-laval", width=390)
        say(page, "I would like to talk to a person please")
        with page.expect_response(lambda r: "/api/live/" in r.url) as asked:
            page.get_by_role("button", name="Chat with a person").click()
        assert asked.value.request.url.endswith("/request?language=en")
        explanation = page.locator("#log .msg.system").last
        expect(explanation).to_contain_text("You are next in the queue.")
        expect(explanation).to_contain_text("1 866 277-3553")
        expect(page.locator("#live-banner")).to_contain_text("you are number 1 in the queue")
        shot(page, "page-live-english")
        no_serious_violation(page, "page-live-english-390")
        conversation = storage(page, "conversation_id")
        gateway.post(f"/api/agent/conversations/{conversation}/take", headers=agent)
        expect(page.locator("#log .msg.system", has_text=f"{name} is joining you.")).to_have_count(1)
        gateway.post(f"/api/agent/conversations/{conversation}/end", headers=agent)
        expect(page.locator("#log .msg.system").last).to_contain_text(
            f"{name} has left the conversation. You're back with the assistant."
        )


def test_keyboard_only_ask_quick_reply_callback_and_clear(open_page: Opener) -> None:
    page = open_page("/?etablissement=cisss-laval", width=390)
    tab_to(page, "Votre message")
    page.keyboard.type("c'est quoi le PAE?")
    with page.expect_response("**/api/chat"):
        page.keyboard.press("Enter")
    expect(page.locator("#log .msg.bot")).to_have_count(1)

    tab_to(page, "Comment joindre le PAE?", backwards=True)
    outline = page.evaluate(
        """() => { let a = document.activeElement; while (a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
        return getComputedStyle(a).outlineStyle; }"""
    )
    assert outline != "none", "the focused button shows no focus ring"
    with page.expect_response("**/api/chat"):
        page.keyboard.press("Enter")
    expect(page.locator("#log .msg.user").last).to_contain_text("Comment joindre le PAE?")
    assert focused(page) == "Votre message"

    page.keyboard.type("je veux parler à quelqu'un")
    with page.expect_response("**/api/chat"):
        page.keyboard.press("Enter")
    tab_to(page, "Être rappelé", backwards=True)
    with page.expect_response("**/api/establishments"):
        page.keyboard.press("Enter")
    form = page.locator("#callback")
    expect(form).to_be_visible()
    # The heading first, then the notice is read, then the fields.
    expect(form.get_by_role("heading", name="Être rappelé")).to_be_focused()
    shot(page, "page-callback")
    no_serious_violation(page, "page-callback-390")
    tab_to(page, "Prénom ou pseudonyme")  # past the notice's tap-to-call links
    expect(form.get_by_label("Prénom ou pseudonyme")).to_be_focused()
    page.keyboard.type("Josée")
    page.keyboard.press("Tab")
    page.keyboard.type("514 555-0199")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # the time window
    page.keyboard.press("Tab")  # the establishment, chosen from the page's ?etablissement=
    expect(form.get_by_label("Établissement")).to_have_value("cisss-laval")
    page.keyboard.press("Tab")
    with page.expect_response("**/api/callback") as refused:
        tab_to(page, "Envoyer la demande")
        page.keyboard.press("Enter")
    assert refused.value.status == 422
    expect(form.locator(".relais-form-error")).to_contain_text("Sans votre accord")
    expect(form.get_by_role("checkbox")).to_be_focused()
    page.keyboard.press("Space")
    with page.expect_response("**/api/callback") as created:
        tab_to(page, "Envoyer la demande")
        page.keyboard.press("Enter")
    assert created.value.status == 201
    expect(page.locator("#log .msg.system").last).to_contain_text(re.compile(r"R-[0-9A-Z]{6}"))
    expect(form).to_be_hidden()
    expect(page.get_by_label("Votre message")).to_be_focused()

    tab_to(page, "Effacer la conversation", backwards=True)
    page.keyboard.press("Enter")
    expect(
        page.locator("#log").get_by_text("La conversation a été effacée de cet appareil.")
    ).to_be_visible()
    expect(page.get_by_label("Votre message")).to_be_focused()


@pytest.mark.parametrize("width", [1280, 390])
def test_embedded_on_another_origin_under_a_strict_csp(
    open_page: Opener, servers: Servers, width: int
) -> None:
    page = open_page(servers.intranet + "/", width=width)
    launcher = page.get_by_role("button", name="Besoin de soutien? Relais")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    shot(page, "embed-closed")
    tab_to(page, "Besoin de soutien? Relais")
    page.keyboard.press("Enter")
    expect(launcher).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_label("Votre message")).to_be_focused()
    reply = say(page, "c'est quoi le PAE?")
    assert reply["sources"][0]["id"] == "pae-c-est-quoi"
    expect(page.locator(".relais-footer a").first).to_be_visible()  # the lines, from /api/lines
    # Nothing was refused by the intranet's CSP and no script failed (checked before axe is
    # injected: axe is not the widget and sets inline styles of its own).
    problems = page.problems  # type: ignore[attr-defined]
    assert [p for p in problems if "Content Security Policy" in p or "pageerror" in p] == []
    shot(page, "embed-answer")
    no_serious_violation(page, f"embed-answer-{width}")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    page.keyboard.press("Escape")
    expect(launcher).to_be_focused()
    expect(page.locator("#relais-panel")).to_be_hidden()
    no_serious_violation(page, f"embed-closed-{width}")


def test_an_english_intranet_page_gets_english_labels(open_page: Opener, servers: Servers) -> None:
    page = open_page(servers.intranet + "/?lang=en", width=390)
    page.get_by_role("button", name="Need support? Relais").click()
    expect(page.get_by_label("Your message")).to_be_focused()
    expect(page.get_by_role("button", name="Clear the conversation")).to_be_visible()
    shot(page, "embed-english")


@pytest.mark.parametrize(
    ("width", "height", "scale", "label"),
    [(320, 640, 1, "320px"), (640, 400, 2, "zoom200")],  # 200 % zoom of a 1280 x 800 window
)
def test_narrow_and_zoomed_without_horizontal_scroll(
    open_page: Opener, servers: Servers, width: int, height: int, scale: int, label: str
) -> None:
    for url in ("/", servers.intranet + "/"):
        page = open_page(url, width=width, height=height, device_scale_factor=scale)
        if url != "/":
            page.get_by_role("button", name="Besoin de soutien? Relais").click()
        say(page, CRISIS_MESSAGE)
        say(page, "je veux parler à quelqu'un")
        page.get_by_role("button", name="Être rappelé").click()
        expect(page.locator("#callback")).to_be_visible()
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width
        overflow = page.locator(".relais-panel").evaluate(
            "p => [...p.querySelectorAll('*')].filter(e => e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible').map(e => e.className)"
        )
        assert overflow == []
        # Every control is at least 44 x 44 px (the consent box 28 px, its label clickable too);
        # links inside sentences are exempt.
        small = page.locator(".relais-panel").evaluate(
            """p => [...p.querySelectorAll('button, input, select, textarea')]
              .filter(e => e.offsetParent !== null)
              .map(e => [e, e.getBoundingClientRect()])
              .filter(([e, r]) => e.type === 'checkbox' ? r.width < 24 : (r.width < 44 || r.height < 44))
              .map(([e, r]) => (e.textContent || e.name) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))"""
        )
        assert small == []
        shot(page, f"{'page' if url == '/' else 'embed'}-{label}")


def test_reduced_motion_stops_the_typing_animation(open_page: Opener) -> None:
    page = open_page("/", reduced_motion="reduce")
    dot = page.locator(".relais-dots span").first
    assert dot.evaluate("d => getComputedStyle(d).animationName") == "none"
    moving = open_page("/")
    assert (
        moving.locator(".relais-dots span").first.evaluate("d => getComputedStyle(d).animationName")
        == "relais-bounce"
    )
