"""Names around introductions, titles and frequent family names (privacy/names.py) — and the
ordinary words, places and public resources that must stay. Examples written by the patterns'
author: they show the intent; the PII corpus and the lead's fresh one measure it."""

from __future__ import annotations

import pytest

from privacy.names import LABEL, first_names, last_names, redact_names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tremblay m'a encore crié après devant les patients", "Tremblay"),
        ("J'ai parlé à Mme Lévesque hier", "Lévesque"),
        ("le Dr Nguyen ne m'écoute pas", "Nguyen"),
        ("Je travaille avec Kevin Boivin au bloc", "Kevin Boivin"),
        ("c'est julie gagnon qui m'a dit ça", "julie gagnon"),
        ("Rendez-vous avec Anne-Sophie Beaulieu", "Anne-Sophie Beaulieu"),
        ("Mon nom de famille est Beaulieu", "Beaulieu"),
        ("La Dre Fatima Zahra Benali est super", "Fatima Zahra Benali"),
        ("Pouvez-vous transmettre à Sophie Lachance?", "Sophie Lachance"),
    ],
)
def test_names_are_masked(text: str, name: str) -> None:
    redacted = redact_names(text)
    assert LABEL in redacted
    assert not any(part in redacted for part in name.split())


@pytest.mark.parametrize(
    "text",
    [
        "Je vais à la Place Ville Marie demain",
        "Rose est ma couleur préférée",
        "Claire et nette, la réponse du BQVT",
        "Parent d'un enfant malade, je manque de temps",
        "Fortin de la Pointe, une vieille maison",
        "Lundi matin au CHSLD Saint-Laurent",
        "Appelez le 1 866 APPELLE (1 866 277-3553), Info-Social 811 ou Tel-Aide",
        "c'est pierre qui roule",  # a first name that is also a word: not in lower case
        "carte soleil [NAM], NAS [NAS]",  # the other labels are no names
    ],
)
def test_ordinary_words_places_and_public_lines_stay(text: str) -> None:
    assert redact_names(text) == text


def test_the_lists_hold_no_ordinary_word() -> None:
    """The lists were filtered against a French word list when built; these stay out."""
    for word in ("parent", "plante", "cote", "rose", "claire", "fontaine", "boucher"):
        assert word not in first_names() | last_names(), word
    assert {"tremblay", "gagnon", "nguyen"} <= last_names()
    assert len(first_names()) > 700 and len(last_names()) > 150
