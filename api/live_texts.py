"""What the person and the counsellor read during a live chat, in one place (French, vouvoiement).

The 24/7 lines come from the registry (knowledge_base/resources.yml), never from this file.
"""

from __future__ import annotations

from api.schemas import HandoffResource
from knowledge_base.resources import Registry, Resource

# Offered whenever a person waits or a counsellor leaves, in this order (911 last).
LINES_24_7 = ("ligne-1-866-appelle", "info-social-811", "urgence-911")
COUNSELLOR_FALLBACK_NAME = "un intervenant"

PERSON_LEFT = (
    "La personne a quitté la conversation avec vous. Son message suivant ira à l'assistant."
)
CRISIS_BANNER = (
    "Risque détecté dans le dernier message de la personne. "
    "Elle a reçu automatiquement la réponse de crise et les lignes 24/7."
)


def lines_24_7(registry: Registry) -> list[Resource]:
    """The 24/7 lines of the registry, skipping any whose hours are no longer 24/7."""
    by_id = {resource.id: resource for resource in registry.resources}
    return [by_id[i] for i in LINES_24_7 if i in by_id and by_id[i].hours.always]


def as_handoff(resources: list[Resource]) -> list[HandoffResource]:
    return [
        HandoffResource(
            name=r.name, phone=r.phone, sms=r.sms, url=r.chat_url, open_now=True, hours=r.hours_text
        )
        for r in resources
    ]


def describe_line(resource: Resource) -> str:
    """ "Info-Social 811, option 2", "le 911 en cas de danger immédiat", or the name and how to reach it."""
    if resource.kind == "emergency":
        return f"le {resource.phone} en cas de danger immédiat"
    reach: list[str] = []
    if resource.phone and resource.phone not in resource.name:
        option = f", option {resource.phone_option}" if resource.phone_option else ""
        reach.append(f"{resource.phone}{option}")
    if resource.sms:
        reach.append(f"texto au {resource.sms}")
    if resource.chat_url:
        reach.append(f"clavardage sur {resource.chat_url.removeprefix('https://').rstrip('/')}")
    return f"{resource.name} ({', '.join(reach)})" if reach else resource.name


def lines_sentence(resources: list[Resource]) -> str:
    described = [describe_line(r) for r in resources]
    if not described:
        return ""
    listed = (
        described[0] if len(described) == 1 else "; ".join(described[:-1]) + "; ou " + described[-1]
    )
    return f"Si vous avez besoin de parler à quelqu'un maintenant, jour et nuit : {listed}."


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
