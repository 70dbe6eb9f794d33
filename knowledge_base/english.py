"""A knowledge answer for someone who wrote in English.

The articles are written in French (the BQVT maintains one text per fact). What the bot says
around an article is said in English: a first sentence that says the sheet is in French (or the
hedge, or the lead after distress, in English), which program a follow-up is about, the source
line, the "not sure" reply and the button to a person. The article's own summary and section,
and the titles of the articles offered as buttons, stay as written.
"""

from __future__ import annotations

import re

from knowledge_base.answers import (
    DISTRESS_LEAD,
    HEDGE,
    HUMAN_BUTTON,
    UNSURE_WITH_TOPICS,
    UNSURE_WITHOUT_TOPICS,
    Answer,
)
from knowledge_base.conversation import TOPIC_LABELS

IN_FRENCH = "Our information sheets are written in French. Here is the one that fits best:"
LEADS = {
    HEDGE: "I'm not sure this is exactly your question, but here is the closest sheet I have "
    "(written in French):",
    DISTRESS_LEAD: "Here is some information that might help (written in French):",
}
TOPIC_LABELS_EN: dict[str, str] = {
    "pae": "the EAP (employee assistance program, PAE)",
    "bqvt": "the workplace quality-of-life office (BQVT)",
    "ecoute": "listening lines and peer support",
    "crise": "crisis help resources",
    "gestionnaire": "your role as a manager",
    "sante_au_travail": "health at work",
    "relations_de_travail": "labour relations",
    "medecins": "support for physicians (PAMQ)",
    "confidentialite": "Relais and your privacy",
}
UNSURE = {
    UNSURE_WITH_TOPICS: "I'm not sure I have the right answer. Does one of these topics help "
    "(they are written in French)? If not, I can put you in touch with a person.",
    UNSURE_WITHOUT_TOPICS: "I'm not sure I have the right answer. Could you say it another way? "
    "I can also put you in touch with a person.",
}
HUMAN_BUTTON_EN = {"title": "Talk to someone", "payload": HUMAN_BUTTON["payload"]}
_ABOUT = {f"Au sujet {label} :": f"About {TOPIC_LABELS_EN[topic]}:" for topic, label in TOPIC_LABELS.items()}
_SOURCE = re.compile(r"^Source : (?P<title>.+) \(révisée le (?P<date>\d{4}-\d{2}-\d{2})\)$")


def in_english(answer: Answer) -> Answer:
    """`answer` with its own words in English (see the module docstring)."""
    if answer.text in UNSURE:
        text = UNSURE[answer.text]
    else:
        parts = answer.text.split("\n\n")
        if parts[0] in LEADS:
            parts[0] = LEADS[parts[0]]
        else:
            parts.insert(0, IN_FRENCH)
        parts = [_ABOUT.get(part, part) for part in parts]
        source = _SOURCE.match(parts[-1])
        if source is not None:
            parts[-1] = f"Source: {source['title']} (reviewed {source['date']})"
        text = "\n\n".join(parts)
    buttons = [HUMAN_BUTTON_EN if button == HUMAN_BUTTON else button for button in answer.buttons]
    return Answer(text=text, buttons=buttons, sources=answer.sources, topic=answer.topic)
