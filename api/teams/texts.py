"""What Relais writes in Teams, in one place: French (vouvoiement), English for English locales.

Phone numbers never appear here: the 24/7 lines come from the registry through
directory/render.py and are passed in as `lines`.
"""

from __future__ import annotations

from typing import Literal

from api.chat.language import turn_language

Language = Literal["fr", "en"]


def both(fr: str, en: str) -> dict[Language, str]:
    """One text in the two languages, looked up by `language_of` or `language_of_text`."""
    return {"fr": fr, "en": en}


def language_of(locale: str | None) -> Language:
    return "en" if (locale or "").lower().startswith("en") else "fr"


# Under every answer in a team channel.
CHANNEL_NOTICE = both(
    fr=(
        "Rappel : tous les membres de ce canal voient votre question et cette réponse. "
        "Pour une question personnelle, écrivez-moi plutôt en conversation privée."
    ),
    en=(
        "Reminder: everyone in this channel sees your question and this answer. "
        "For a personal question, write to me in a private chat instead."
    ),
)

# A message showing risk in a channel: the lines and the private chat, never a discussion.
CHANNEL_RISK = both(
    fr=(
        "Votre message me fait penser que quelqu'un pourrait avoir besoin d'aide maintenant. "
        "Je ne peux pas en parler dans ce canal, que tout le monde voit. {lines} "
        "Vous pouvez aussi m'écrire en conversation privée."
    ),
    en=(
        "Your message makes me think someone may need help right now. I cannot talk about it in "
        "this channel, which everyone can see. Day and night, you can reach: {lines}. "
        "You can also write to me in a private chat."
    ),
)

CHANNEL_UNSURE = both(
    fr=(
        "Je ne suis pas certain d'avoir la bonne réponse à cette question. Pouvez-vous la "
        "reformuler, ou me l'écrire en conversation privée?"
    ),
    en=(
        "I am not sure I have the right answer to that. Could you rephrase it, or write to me in "
        "a private chat?"
    ),
)

# No answer within Teams' 5 seconds (a cold start, a slow machine): no claim about the message.
CHANNEL_TOO_SLOW = both(
    fr=(
        "Je n'ai pas pu trouver la réponse assez vite. Réessayez dans un instant, ou "
        "écrivez-moi en conversation privée. {lines}"
    ),
    en=(
        "I could not find the answer quickly enough. Please try again in a moment, or write to "
        "me in a private chat. Day and night, you can reach: {lines}."
    ),
)

CHANNEL_EMPTY = both(
    fr="Mentionnez Relais suivi de votre question, par exemple : « @Relais comment joindre le PAE? »",
    en="Mention Relais followed by your question, for example: “@Relais how do I reach the EAP?”",
)

PRIVATE_CHAT_BUTTON = both(fr="Conversation privée avec Relais", en="Private chat with Relais")
SOURCE_BUTTON = both(fr="Lire la source", en="Read the source")
SOURCE_LINE = both(
    fr="Source : {title} (révisée le {date})",
    en="Source: {title} (reviewed {date})",
)
CALL_BUTTON = both(fr="Appeler {name}", en="Call {name}")

# The personal chat.
WELCOME = both(
    fr=(
        "Bonjour, je suis Relais. Je peux vous renseigner sur le PAE (programme d'aide aux "
        "employés), le soutien offert au travail et les lignes d'écoute, ou vous diriger vers "
        "une personne. Cette conversation est privée : votre nom n'est pas conservé. "
        "En cas de danger immédiat, composez le {emergency}."
    ),
    en=(
        "Hello, I am Relais. I can tell you about the EAP (employee assistance program), support "
        "at work and listening lines, or direct you to a person. This chat is private: your name "
        "is not kept. In immediate danger, call {emergency}."
    ),
)

TURN_FAILED = both(
    fr=(
        "Désolé, je n'ai pas pu traiter votre message. Réessayez dans un instant. "
        "Si vous avez besoin de parler à quelqu'un maintenant : {lines}."
    ),
    en=(
        "Sorry, I could not process your message. Please try again in a moment. "
        "If you need to talk to someone now: {lines}."
    ),
)

LIVE_CHAT_BUTTON = both(
    fr="Écrire à une intervenante ou un intervenant",
    en="Chat with a counsellor",
)
CALLBACK_BUTTON = both(fr="Demander un rappel (version web)", en="Ask for a call back (web)")
COUNSELLOR_SAYS = both(fr="{agent} : {text}", en="{agent}: {text}")
TAP_TO_CALL = both(fr="Touchez pour appeler :", en="Tap to call:")


def language_of_text(text: str, locale: str | None = None) -> Language:
    """English when the words say so (api/chat/language.py, as on the web); the Teams locale only
    breaks a tie (many people in Quebec run Teams in English and write in French)."""
    return turn_language(text, language_of(locale))
