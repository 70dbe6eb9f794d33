"""A scripted week of traffic through the real gateway (scripted Rasa replies carrying the bot's
`relais` payloads), then the quarterly report of it. For looking at the page and the report; the
figures are made up by this script (a fixed seed), not measured on anyone.

    .venv/app/bin/python bench/indicators_week.py     # → var/sample/relais.db, var/indicators/<quarter>/

Three establishments: the Capitale-Nationale (busy, unanswered questions turned on), Laval
(medium), Outaouais (a handful: its cells are suppressed), and conversations that name none.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from api.main import create_app  # noqa: E402
from api.settings import Settings  # noqa: E402
from indicators import report  # noqa: E402
from indicators.weeks import iso_week  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
AGENT = ("Julie", "julie-key-0123456789")
ESTABLISHMENTS = {
    "ciusss-capitale-nationale": 140,
    "cisss-laval": 70,
    "cisss-outaouais": 6,
    None: 20,
}


def confident(article: str, topic: str) -> dict[str, Any]:
    source = {"id": article, "title": article, "topic": topic, "last_reviewed": "2026-11-23"}
    return {"topic": topic, "sources": [source], "answer": "confident"}


def unsure(nearest: str) -> dict[str, Any]:
    return {"topic": None, "sources": [], "answer": "unsure", "nearest": nearest}


# (weight, message, payload): written for this script.
TURNS: list[tuple[int, str, dict[str, Any]]] = [
    (30, "C'est quoi le PAE?", confident("pae-c-est-quoi", "pae")),
    (14, "Combien de séances le PAE offre-t-il?", confident("pae-seances", "pae")),
    (10, "Comment joindre le PAE?", confident("pae-joindre", "pae")),
    (12, "Signes d'épuisement professionnel", confident("sante-travail-signes-epuisement", "sante_au_travail")),
    (8, "Je travaille de nuit et je suis toujours fatigué", confident("sante-travail-fatigue-travail-de-nuit", "sante_au_travail")),
    (9, "Conflit avec une collègue, que faire?", confident("relations-travail-conflit-entre-collegues", "relations_de_travail")),
    (6, "C'est quoi le BQVT?", confident("bqvt-c-est-quoi", "bqvt")),
    (6, "Mon employé ne va pas bien, comment lui parler du PAE?", confident("gestionnaire-suggerer-le-pae", "gestionnaire")),
    (6, "Est-ce que mon employeur saura que j'ai écrit ici?", confident("confidentialite-employeur", "confidentialite")),
    (3, "Le PAMQ, c'est pour qui?", confident("medecins-pamq", "medecins")),
    (4, "Le PAE couvre-t-il la zoothérapie?", unsure("pae-types-de-problemes")),
    (3, "Est-ce que le PAE rembourse un psychologue privé?", unsure("pae-ou-psychologue")),
    (3, "Le PAE peut-il aider mon conjoint qui travaille ailleurs?", unsure("pae-admissibilite")),
    (4, "Comment faire reconnaître une lésion psychologique à la CNESST?", unsure("relations-travail-harcelement-porter-plainte")),
    (3, "Combien de temps dure un retour progressif?", unsure("gestionnaire-retour-au-travail")),
    (3, "Y a-t-il une salle de repos la nuit au pavillon B?", unsure("bqvt-espaces-de-repos")),
    (4, "Quelle est la météo demain?", {"answer": "out_of_scope"}),
    (3, "Quel est mon solde de vacances?", {"answer": "out_of_scope"}),
    (2, "Le stationnement de l'hôpital est plein, que faire?", {"answer": "out_of_scope"}),
    (6, "Je voudrais parler à quelqu'un", {"handoff": {"resources": [{"name": "Info-Social", "phone": "811"}]}, "offers": ["callback", "live_chat"]}),
    (4, "Je suis épuisée, je n'en peux plus de mes quarts", {"distress": True}),
    (2, "Je pense à en finir", {"crisis": True, "crisis_type": "self"}),
]  # fmt: skip
REPLIES = {message: payload for _, message, payload in TURNS}


def scripted_rasa(request: httpx.Request) -> httpx.Response:
    data = json.loads(request.content)
    payload = REPLIES.get(data["message"], {})
    replies = [{"recipient_id": data["sender"], "text": "Réponse."}]
    if payload:
        replies.append({"recipient_id": data["sender"], "custom": {"relais": payload}})
    return httpx.Response(200, json=replies)


def week(client: TestClient, rng: random.Random) -> Counter[str]:
    done: Counter[str] = Counter()
    weights = [w for w, _, _ in TURNS]
    agent = client.post("/api/agent/session", json={"name": AGENT[0], "key": AGENT[1]}).json()
    headers = {"Authorization": f"Bearer {agent['token']}"}
    live = client.app.state.live_chat  # type: ignore[attr-defined]
    for establishment, conversations in ESTABLISHMENTS.items():
        for _ in range(conversations):
            conversation = uuid.uuid4().hex
            for _, message, payload in rng.choices(
                TURNS, weights, k=rng.choice((1, 1, 2, 2, 3, 4))
            ):
                body = {"conversation_id": conversation, "message": message}
                if establishment:
                    body["establishment"] = establishment
                assert client.post("/api/chat", json=body).status_code == 200
                done["turns"] += 1
                sources = payload.get("sources") or []
                if sources and rng.random() < 0.35:
                    helpful = rng.random() < (0.3 if sources[0]["id"] == "pae-seances" else 0.75)
                    feedback = {
                        "conversation_id": conversation,
                        "article_id": sources[0]["id"],
                        "helpful": helpful,
                    }
                    assert client.post("/api/feedback", json=feedback).status_code == 204
                    done["feedback"] += 1
                if "live_chat" in payload.get("offers", []) and rng.random() < 0.6:
                    assert client.post(f"/api/live/{conversation}/request").status_code == 200
                    start, wait = live.clock(), rng.uniform(20, 900)
                    live.clock = lambda start=start, wait=wait: start + wait
                    client.post(f"/api/agent/conversations/{conversation}/take", headers=headers)
                    client.post(f"/api/agent/conversations/{conversation}/end", headers=headers)
                    live.clock = time.time
                    done["live_chats"] += 1
                if "callback" in payload.get("offers", []) and establishment and rng.random() < 0.5:
                    form = {
                        "first_name": "Alex", "contact": "514 555-0100", "time_window": "soir",
                        "establishment": establishment, "consent": True, "conversation_id": conversation,
                    }  # fmt: skip
                    reference = client.post("/api/callback", json=form).json()["reference"]
                    if rng.random() < 0.8:
                        client.post(f"/api/agent/tickets/{reference}/handled", headers=headers)
                    done["callbacks"] += 1
            done["conversations"] += 1
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", type=Path, default=ROOT / "var" / "sample" / "relais.db")
    parser.add_argument("--output", type=Path, default=ROOT / "var" / "indicators")
    parser.add_argument("--seed", type=int, default=49)
    args = parser.parse_args()
    args.database.unlink(missing_ok=True)
    url = f"sqlite:///{args.database}"
    settings = Settings(
        rasa_urls=["http://rasa.sample"],
        agent_keys={AGENT[0]: AGENT[1]},
        database_url=url,
        crisis_classifier=False,
        unanswered_establishments=["ciusss-capitale-nationale"],
    )
    app = create_app(settings, rasa_transport=httpx.MockTransport(scripted_rasa))
    with TestClient(app) as client:
        done = week(client, random.Random(args.seed))
        now = client.app.state.indicators.clock()  # type: ignore[attr-defined]
    quarter = f"{now.year}-Q{(now.month - 1) // 3 + 1}"
    print(
        f"scripted week {iso_week(now)}: " + ", ".join(f"{v} {k}" for k, v in sorted(done.items()))
    )
    report.main(["--quarter", quarter, "--database-url", url, "--output", str(args.output)])
    print(f"database: {args.database}")


if __name__ == "__main__":
    main()
