"""A person's message that races the end of their live chat (the counsellor ends it on another
gateway between the gateway reading the session and relaying the message) is answered by the bot,
with the crisis reply when it shows risk: never a counsellor's 409, never lost."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.errors import LiveChatClosed
from tests.api.live.test_counsellor_scope import AGENT, QUEBEC, client, sign_in, waiting_person  # noqa: F401

CRISIS = "je vais me tuer ce soir, j'ai tout préparé"


def test_a_message_racing_the_end_of_the_live_chat_gets_the_bot_and_the_crisis_reply(
    client: TestClient,  # noqa: F811
) -> None:
    waiting_person(client, "conv-race", QUEBEC)
    julie = sign_in(client, "Julie")
    assert client.post(f"{AGENT}/conv-race/take", headers=julie).status_code == 200

    live_chat = client.app.state.live_chat  # type: ignore[attr-defined]

    def ended_meanwhile(conversation_id: str, text: str) -> None:
        raise LiveChatClosed()

    live_chat.person_message = ended_meanwhile
    response = client.post("/api/chat", json={"conversation_id": "conv-race", "message": CRISIS})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["crisis"] is True
    assert body["messages"]  # the static crisis reply, from the bot's path
