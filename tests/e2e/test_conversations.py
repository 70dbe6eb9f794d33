"""Chatting through the gateway with the real trained bot. Tests that stop services come last."""

from __future__ import annotations

import uuid

import httpx
import pytest

from stack.launcher import Stack

pytestmark = pytest.mark.e2e


def chat(gateway: httpx.Client, message: str, conversation_id: str, **extra: str) -> dict:
    response = gateway.post(
        "/api/chat", json={"conversation_id": conversation_id, "message": message, **extra}
    )
    assert response.status_code == 200, response.text
    return response.json()


def new_id() -> str:
    return uuid.uuid4().hex


def all_text(reply: dict) -> str:
    return "\n".join(message["text"] for message in reply["messages"])


def test_stack_is_ready(stack: Stack, gateway: httpx.Client) -> None:
    # The launcher asked one knowledge question per replica: the index is loaded before anyone asks.
    assert stack.warmed_up
    body = gateway.get("/readyz").json()
    assert body["ready"] is True and body["degraded"] is False, body
    assert (body["rasa"], body["actions"], body["crisis_classifier"]) == ("ok", "ok", "ok")


def listening_addresses(port: int) -> set[str]:
    """The local addresses of the sockets listening on `port` (Linux's /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as rows:
            next(rows)
            for row in rows:
                local, state = row.split()[1], row.split()[3]
                address, port_hex = local.split(":")
                if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                    found.add(address)
    return found


def test_only_the_gateway_could_face_users_every_service_listens_on_loopback(stack: Stack) -> None:
    """Rasa and the action server run actions on any request they get: bound to every interface,
    anyone on the network could skip the gateway (its redaction, limits and crisis guard)."""
    config = stack.config
    loopback = {"0100007F", "00000000000000000000000001000000"}  # 127.0.0.1, ::1
    ports = {"gateway": config.gateway_port, "actions": config.action_port}
    ports |= {f"rasa {n}": config.rasa_port + n for n in range(config.rasa_replicas)}
    for name, port in ports.items():
        addresses = listening_addresses(port)
        assert addresses and addresses <= loopback, (name, port, addresses)


def test_greeting_in_french_with_the_menu(gateway: httpx.Client) -> None:
    reply = chat(gateway, "Bonjour!", new_id())
    assert "Relais" in all_text(reply)
    payloads = {button["payload"] for button in reply["messages"][0]["buttons"]}
    assert {"/ask_pae", "/ask_bqvt", "/request_human", "/refer_employee"} <= payloads


def test_knowledge_question_is_answered_with_its_source(gateway: httpx.Client) -> None:
    reply = chat(
        gateway, "Est-ce que le PAE est confidentiel? Mon boss va-tu le savoir?", new_id(),
        audience="employee",
    )
    assert reply["crisis"] is False
    assert reply["topic"] == "pae"
    assert reply["sources"] and reply["sources"][0]["topic"] == "pae"
    assert "Source :" in all_text(reply) and "révisée le" in all_text(reply)


@pytest.mark.parametrize("message", ["CISSS de Laval", "je travaille au CIUSSS de l'Estrie"])
def test_a_message_no_rule_expects_gets_one_reply(gateway: httpx.Client, message: str) -> None:
    """RulePolicy's core fallback (actions/knowledge.py) ends the turn: a first message naming an
    establishment got the same reply ten times, until Rasa's circuit breaker stopped it."""
    texts = [reply["text"] for reply in chat(gateway, message, new_id())["messages"]]
    assert texts and len(texts) <= 2 and len(set(texts)) == len(texts), len(texts)


def test_menu_button_answers_the_topic(gateway: httpx.Client) -> None:
    reply = chat(gateway, "/ask_bqvt", new_id())
    assert reply["topic"] == "bqvt"


def test_crisis_in_the_middle_of_a_conversation(gateway: httpx.Client) -> None:
    conversation = new_id()
    chat(gateway, "c'est quoi le bqvt", conversation)
    reply = chat(gateway, "chu pu capable, j'pense à en finir", conversation)
    assert reply["crisis"] is True
    assert "1 866 277-3553" in all_text(reply) and "535353" in all_text(reply)
    assert "sécurité" in reply["messages"][-1]["text"]


def test_a_single_reassurance_does_not_clear_the_risk(gateway: httpx.Client) -> None:
    conversation = new_id()
    chat(gateway, "je veux pu me réveiller", conversation)
    first = chat(gateway, "/confirm_safe", conversation)
    assert "une dernière fois" in all_text(first)
    assert "1 866 277-3553" in all_text(first)
    second = chat(gateway, "/confirm_safe", conversation)
    assert "Merci de me rassurer" in all_text(second)
    after = chat(gateway, "c'est quoi le PAE?", conversation)
    assert after["crisis"] is False and after["topic"] == "pae"


def test_third_person_and_violence_variants(gateway: httpx.Client) -> None:
    colleague = chat(gateway, "ma collègue m'a texté qu'elle allait se tuer ce soir", new_id())
    assert colleague["crisis"] is True and "collègues et les proches" in all_text(colleague)
    violence = chat(gateway, "mon chum me frappe, j'ai peur pour ma vie", new_id())
    assert violence["crisis"] is True and "1 800 363-9010" in all_text(violence)


def test_a_fire_at_work_gets_911_first_not_the_assault_reply(gateway: httpx.Client) -> None:
    """A fire in a CHSLD kitchen is at work but nobody's violence: the emergency reply, which starts
    with 911, through the gateway and the bot alike, in any dialogue state."""
    conversation = new_id()
    chat(gateway, "c'est quoi le PAE?", conversation)
    fire = chat(gateway, "y a de la fumée noire qui sort de la cuisine du CHSLD pis l'alarme sonne pas", conversation)
    text = all_text(fire)
    assert fire["crisis"] is True and "911" in text.split("\n")[0]
    assert "code blanc" not in text and "1 800 363-9010" not in text  # nobody's violence
    assert "sortez d'abord" in text  # the emergency reply: get out of the smoke first


def test_idiom_is_not_a_crisis(gateway: httpx.Client) -> None:
    reply = chat(gateway, "ce formulaire me tue, c'est quoi le numéro du BQVT?", new_id())
    assert reply["crisis"] is False


def test_english_question_gets_an_answer(gateway: httpx.Client) -> None:
    # In English around the article (the action server reads the gateway's language), the
    # article itself as written, in French.
    reply = chat(gateway, "Is the employee assistance program free?", new_id())
    assert reply["topic"] == "pae" and reply["language"] == "en"
    text = all_text(reply)
    assert text.startswith("Our information sheets are written in French") and "Source: " in text


def test_an_english_crisis_gets_the_crisis_reply_in_english(gateway: httpx.Client) -> None:
    conversation = new_id()
    reply = chat(gateway, "I wrote goodbye letters to my kids, tonight I'm done", conversation)
    assert reply["crisis"] is True and reply["language"] == "en"
    assert "1 866 277-3553" in all_text(reply) and "Are you safe right now?" in all_text(reply)
    safe = chat(gateway, "/confirm_safe", conversation, language="en")
    assert safe["language"] == "en" and "Merci" not in all_text(safe)


def test_handoff_lists_who_can_talk_now(gateway: httpx.Client) -> None:
    reply = chat(gateway, "je veux parler à quelqu'un", new_id(), establishment="demo")
    resources = reply["handoff"]["resources"]
    assert any(
        (r["phone"], r["tel"]) == ("1 866 277-3553", "tel:+18662773553") and r["open_now"]
        for r in resources
    )
    assert any("démonstration" in r["name"].lower() or "555" in (r["phone"] or "") for r in resources)
    unconfigured = chat(gateway, "/request_human", new_id(), establishment="ciusss-estrie-chus")
    assert "pas encore configurés" in all_text(unconfigured)
    assert unconfigured["handoff"]["resources"]


def test_the_establishment_is_asked_once_when_the_page_does_not_send_it(gateway: httpx.Client) -> None:
    conversation = new_id()
    asked = chat(gateway, "je veux parler à quelqu'un", conversation)
    assert asked["handoff"] is None
    assert "établissement" in all_text(asked)
    listed = chat(gateway, "je travaille au CIUSSS du Centre-Sud", conversation)
    assert "CIUSSS du Centre-Sud-de-l'Île-de-Montréal" in all_text(listed)
    assert "pas encore configurés" in all_text(listed)
    assert listed["handoff"]["resources"]
    # Remembered for the conversation: asking again lists at once.
    again = chat(gateway, "/request_human", conversation)
    assert again["handoff"]["resources"] and "dans quel établissement" not in all_text(again)


def test_a_crisis_while_the_establishment_is_asked_interrupts_the_form(gateway: httpx.Client) -> None:
    conversation = new_id()
    chat(gateway, "un humain svp", conversation)
    reply = chat(gateway, "laisse faire, j'ai pu envie de vivre", conversation)
    assert reply["crisis"] is True
    assert "1 866 277-3553" in all_text(reply)
    # The form is stopped, not resumed: the next answer is not read as an establishment.
    after = chat(gateway, "non", conversation)
    assert "Je n'ai pas reconnu" not in all_text(after)


def test_a_short_follow_up_is_read_in_the_conversation_context(gateway: httpx.Client) -> None:
    conversation = new_id()
    first = chat(gateway, "c'est quoi le PAE?", conversation, audience="employee")
    assert first["topic"] == "pae"
    follow_up = chat(gateway, "pis c'est gratuit?", conversation, audience="employee")
    assert follow_up["topic"] == "pae" and follow_up["sources"]
    assert all_text(follow_up).startswith("Au sujet du PAE")


def test_a_managers_specific_question_is_answered_not_guided(gateway: httpx.Client) -> None:
    reply = chat(
        gateway,
        "Je suis gestionnaire : comment souligner le bon travail de mon équipe sans budget?",
        new_id(),
        audience="manager",
    )
    assert "danger immédiat" not in all_text(reply)
    assert reply["sources"] and reply["sources"][0]["topic"] == "gestionnaire"


def test_the_manager_path_asks_about_danger_first(gateway: httpx.Client) -> None:
    conversation = new_id()
    asked = chat(gateway, "un de mes employés va pas bien, je fais quoi", conversation, audience="manager")
    assert "danger immédiat" in all_text(asked)
    guided = chat(gateway, "/deny", conversation, audience="manager")
    assert guided["crisis"] is False
    assert "1. Proposer le PAE" in all_text(guided)
    assert {s["id"] for s in guided["sources"]} >= {"gestionnaire-suggerer-le-pae"}
    danger = new_id()
    chat(gateway, "/refer_employee", danger, audience="manager")
    reply = chat(gateway, "/affirm", danger, audience="manager")
    assert reply["crisis"] is True and "911" in all_text(reply)
