"""What the person and the counsellor read during a live chat, in one place (French, vouvoiement).

The 24/7 lines come from the registry (directory/resources.yml, `offered_24_7`) and are written
by directory/render.py, never by this file.
"""

from __future__ import annotations

COUNSELLOR_FALLBACK_NAME = "un intervenant"

PERSON_LEFT = (
    "La personne a quitté la conversation avec vous. Son message suivant ira à l'assistant."
)
CRISIS_BANNER = (
    "Risque détecté dans le dernier message de la personne. "
    "Elle a reçu automatiquement la réponse de crise et les lignes 24/7."
)


def wait_explanation(position: int | None, counsellor_present: bool, lines: str) -> str:
    if position is None:
        how = "Une intervenante ou un intervenant est avec vous dans cette conversation."
    elif not counsellor_present:
        how = (
            "Pour l'instant, aucune intervenante ni aucun intervenant n'est en ligne. Votre demande "
            "reste dans la file, mais nous ne pouvons pas vous dire quand quelqu'un pourra la prendre. "
            "Si vous préférez, remplissez le formulaire de rappel, ou appelez une des lignes ci-dessous. "
            "En attendant, l'assistant continue de vous répondre ici."
        )
    else:
        rank = (
            "Vous êtes la prochaine personne dans la file."
            if position == 1
            else f"{position - 1} personne(s) attendent avant vous."
        )
        how = (
            "Votre demande est transmise. Les intervenants prennent les conversations dans l'ordre "
            f"d'arrivée. {rank} Le délai peut varier : nous ne pouvons pas promettre une heure précise. "
            "En attendant, l'assistant continue de vous répondre ici, et un message vous avertira "
            "dès que quelqu'un se joindra à la conversation."
        )
    return f"{how} {lines}".strip()


def joined(agent: str) -> str:
    return (
        f"{agent} vous rejoint. Vous pouvez lui écrire ici : vos messages lui sont maintenant "
        "transmis directement, plutôt qu'à l'assistant."
    )


def left(agent: str, lines: str) -> str:
    return (
        f"{agent} a quitté la conversation. C'est de nouveau l'assistant qui vous répond. {lines}"
    ).strip()
