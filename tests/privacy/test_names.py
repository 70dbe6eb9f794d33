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
        # Issue 12's categories (names from the world lists, privacy/build_names.py, or unknown):
        ("Mackenson Pierre-Louis a quitté le quart en pleurant", "Mackenson Pierre-Louis"),
        ("Deepika Raman, technologue en imagerie, voudrait de l'aide", "Deepika Raman"),
        ("Joanna Reyes and Marvin Bautista asked about the EAP", "Joanna Reyes Marvin Bautista"),
        ("Wapan Kitchen, préposé, Mashteuiatsh.", "Wapan Kitchen"),
        ("Yasmine pis Karim Haddad cherchent le formulaire", "Yasmine Karim Haddad"),
        ("demandez à Édouardine à la pharmacie", "Édouardine"),
        ("Talk to Ravinder in housekeeping", "Ravinder"),
        ("jm'appelle cassandra jsuis pab", "cassandra"),
        ("cmoi dominique, de soir", "dominique"),
        ("svp dites a mme thibodeau que j'appelle", "thibodeau"),
        ("alejandro ramirez pis moi on fait les nuits", "alejandro ramirez"),
        ("Nguyen Van Thanh m'a remplacé hier", "Nguyen Van Thanh"),
        ("je m'appelle Đỗ Văn Hùng", "Đỗ Văn Hùng"),  # "Đỗ" is no "do", "Lê" no "le"
        ("ma collègue pascale tremblay m'a aidée", "pascale tremblay"),
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
        "L'Hôpital Pierre-Le Gardeur déborde depuis lundi",
        "Saint-Jérôme, Laval et Terrebonne sont dans le même réseau",
        "Le Centre hospitalier de l'Université de Montréal, le CHUM, recrute",
        "je me suis mis en NIM 3 pour mon père",  # an acronym that is also a first name
        "oké merci",
        "English please, I don't speak French",
        "Sunday night shift in January is the worst",
        "La Dre dit de prendre rendez-vous",
        "Là, je suis à bout. Où aller?",
        "ma collègue de nuit est épuisée",
        "I'm Done. I decided.",  # after an English cue, only a known name: never hide a risk
        "I am Exhausted and Alone",
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


def _registry_names() -> list[str]:
    import yaml

    from directory.loader import ESTABLISHMENTS_FILE, RESOURCES_FILE

    names: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("name", "name_fr", "name_en", "short_name") and isinstance(value, str):
                    names.add(value)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in (RESOURCES_FILE, ESTABLISHMENTS_FILE):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return sorted(names)


@pytest.mark.parametrize("template", ["Call {} tonight", "demandez à {} svp", "Merci {}!", "{}, c'est pour moi?",
                                      "Talk to {} and the PAE", "j'ai appelé {} et Tel-Aide"])
def test_the_registry_names_stay_after_every_cue(template: str) -> None:
    """A service or an establishment named after "demandez à", "call", "merci", or beside another
    name, is never taken for a person."""
    names = _registry_names()
    assert len(names) > 20
    lost = [name for name in names if name not in redact_names(template.format(name))]
    assert lost == []
