"""What the privacy articles promise is what the code does: retention days, purge delay, what is
masked, how long a live transcript stays in memory."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from api.conversations.records import PURGE_EVERY_SECONDS
from api.live.queue import ABANDONED_SECONDS, GRACE_SECONDS
from api.settings import Settings
from privacy import redact
from privacy.redaction import MASKED
from tests.privacy.pii_corpus import caught

ARTICLES = Path(__file__).resolve().parents[2] / "knowledge_base" / "articles" / "confidentialite"


def body(name: str) -> str:
    return (ARTICLES / f"{name}.md").read_text(encoding="utf-8").split("---", 2)[2]


def defaults() -> Settings:
    return Settings(_env_file=None, environment="development")  # type: ignore[call-arg]


def test_the_retention_promised_is_the_default_setting() -> None:
    settings = defaults()
    text = (ARTICLES / "confidentialite-conservation.md").read_text(encoding="utf-8")
    days = {int(n) for n in re.findall(r"(\d+) jours", text)}
    assert days == {settings.conversation_retention_days} == {settings.ticket_retention_days}
    for other in ARTICLES.glob("confidentialite-*.md"):
        mentioned = {int(n) for n in re.findall(r"(\d+) jours", other.read_text(encoding="utf-8"))}
        assert mentioned <= {settings.conversation_retention_days}, other.name
    assert "au plus tard une heure après" in text and PURGE_EVERY_SECONDS == 3600
    assert "deux minutes après la fin" in text and GRACE_SECONDS == 120
    assert "après 30 minutes sans activité" in text and ABANDONED_SECONDS == 30 * 60


def test_what_is_masked_is_exactly_what_the_redaction_masks() -> None:
    text = body("confidentialite-anonymat")
    listed = re.search(r"Relais masque automatiquement : (.+?)\. ", text)
    assert listed, "the article lists what is masked after 'Relais masque automatiquement :'"
    promised = {item.strip() for item in re.split(r", | et ", listed.group(1))}
    assert promised == set(MASKED)


@pytest.mark.parametrize(("what", "example"), MASKED.items())
def test_each_promise_holds(what: str, example: str) -> None:
    text = f"Bonjour, {example}, merci."
    value = re.sub(r"^(?:je m'appelle|née le|matricule) ", "", example)
    assert caught(text, redact(text), value), (what, redact(text))


def test_the_public_lines_the_article_names_stay_visible() -> None:
    assert "1 866 APPELLE" in body("confidentialite-anonymat")
    assert redact("le 1 866 APPELLE ou le 1 866 277-3553") == "le 1 866 APPELLE ou le 1 866 277-3553"
