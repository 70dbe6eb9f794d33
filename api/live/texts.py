"""What the person and the counsellor read during a live chat, in one place.

The person reads French (vouvoiement) or, when the conversation is in English, English: the
language the page sent with the request (`LiveSession.language`). The counsellor's console
stays French. The 24/7 lines come from the registry (directory/resources.yml, `offered_24_7`)
and are written by directory/render.py, never by this file.
"""

from __future__ import annotations

from api.chat.language import Language

COUNSELLOR_FALLBACK_NAME = {"fr": "un intervenant", "en": "A counsellor"}

PERSON_LEFT = (
    "La personne a quitté la conversation avec vous. Son message suivant ira à l'assistant."
)
CRISIS_BANNER = (
    "Risque détecté dans le dernier message de la personne. "
    "Elle a reçu automatiquement la réponse de crise et les lignes 24/7."
)

_WITH_YOU = {
    "fr": "Une intervenante ou un intervenant est avec vous dans cette conversation.",
    "en": "A counsellor is with you in this conversation.",
}
_NOBODY_ONLINE = {
    "fr": (
        "Pour l'instant, aucune intervenante ni aucun intervenant n'est en ligne. Votre demande "
        "reste dans la file, mais nous ne pouvons pas vous dire quand quelqu'un pourra la prendre. "
        "Si vous préférez, remplissez le formulaire de rappel, ou appelez une des lignes ci-dessous. "
        "En attendant, l'assistant continue de vous répondre ici."
    ),
    "en": (
        "No counsellor is online right now. Your request stays in the queue, but we cannot tell "
        "you when someone will be able to take it. If you prefer, fill in the callback form, or "
        "call one of the lines below. In the meantime, the assistant will keep answering your "
        "questions here."
    ),
}
_NEXT = {"fr": "Vous êtes la prochaine personne dans la file.", "en": "You are next in the queue."}
_AHEAD = {
    "fr": "{ahead} personnes attendent avant vous.",
    "en": "{ahead} people are waiting ahead of you.",
}
_ONE_AHEAD = {"fr": "Une personne attend avant vous.", "en": "One person is waiting ahead of you."}
_QUEUED = {
    "fr": (
        "Votre demande est transmise. Les intervenants prennent les conversations dans l'ordre "
        "d'arrivée. {rank} Le délai peut varier : nous ne pouvons pas promettre une heure précise. "
        "En attendant, l'assistant continue de vous répondre ici, et un message vous avertira "
        "dès que quelqu'un se joindra à la conversation."
    ),
    "en": (
        "Your request has been sent. Counsellors take conversations in the order they arrive. "
        "{rank} The wait can vary: we can't promise an exact time. In the meantime, the assistant "
        "will keep answering your questions here, and a message will let you know as soon as "
        "someone joins the conversation."
    ),
}
_JOINED = {
    "fr": (
        "{agent} vous rejoint. Vous pouvez lui écrire ici : vos messages lui sont maintenant "
        "transmis directement, plutôt qu'à l'assistant."
    ),
    "en": (
        "{agent} is joining you. You can write to them here: your messages now go straight to "
        "them, not to the assistant."
    ),
}
_LEFT = {
    "fr": "{agent} a quitté la conversation. C'est de nouveau l'assistant qui vous répond. {lines}",
    "en": "{agent} has left the conversation. You're back with the assistant. {lines}",
}


def wait_explanation(
    position: int | None, counsellor_present: bool, lines: str, language: Language = "fr"
) -> str:
    if position is None:
        how = _WITH_YOU[language]
    elif not counsellor_present:
        how = _NOBODY_ONLINE[language]
    else:
        ahead = position - 1
        rank = (
            _NEXT[language]
            if ahead == 0
            else _ONE_AHEAD[language]
            if ahead == 1
            else _AHEAD[language].format(ahead=ahead)
        )
        how = _QUEUED[language].format(rank=rank)
    return f"{how} {lines}".strip()


def joined(agent: str, language: Language = "fr") -> str:
    return _JOINED[language].format(agent=agent)


def left(agent: str, lines: str, language: Language = "fr") -> str:
    return _LEFT[language].format(agent=agent, lines=lines).strip()
