"""The establishment a person types is recognised, or the bot asks which one."""

from __future__ import annotations

import pytest

from directory.loader import load_registry
from directory.matching import is_establishment_name, match_establishments


@pytest.fixture(scope="module")
def establishments():
    return load_registry().establishments


def ids(establishments, text: str) -> list[str]:
    return [e.id for e in match_establishments(establishments, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CIUSSS du Centre-Sud-de-l'Île-de-Montréal", "ciusss-centre-sud-de-l-ile-de-montreal"),
        ("je travaille au ciusss centre sud", "ciusss-centre-sud-de-l-ile-de-montreal"),
        ("centre ouest", "ciusss-centre-ouest-de-l-ile-de-montreal"),
        ("le CHUM", "chum"),
        ("MUHC", "cusm"),
        ("Sainte-Justine", "chu-sainte-justine"),
        ("CISSS DE LAVAL", "cisss-laval"),
        ("je suis a laval", "cisss-laval"),
        ("estrie", "ciusss-estrie-chus"),
        ("Outaouais", "cisss-outaouais"),
        ("saguenay", "ciusss-saguenay-lac-saint-jean"),
        ("CISSS Montérégie-Est", "cisss-monteregie-est"),
        ("Établissement de démonstration", "demo"),
    ],
)
def test_one_establishment_is_found(establishments, text, expected):
    assert ids(establishments, text) == [expected]


def test_a_region_with_several_establishments_asks_which(establishments):
    assert ids(establishments, "Montérégie") == [
        "cisss-monteregie-centre",
        "cisss-monteregie-est",
        "cisss-monteregie-ouest",
    ]
    montreal = ids(establishments, "Montréal")
    assert "chum" in montreal and "ciusss-nord-de-l-ile-de-montreal" in montreal
    # The fictional demo is found by its own name only, never by a region word.
    assert "demo" not in montreal


@pytest.mark.parametrize("text", ["je sais pas", "bonjour", "oui", "", "???"])
def test_nothing_fits(establishments, text):
    assert ids(establishments, text) == []


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("CISSS de Laval", True),
        ("le CHUM", True),
        ("centre hospitalier de l'université de montréal", True),
        ("c'est quoi le PAE?", False),  # "est" is a word of a name, not the answer
        ("je travaille au CHUM, c'est-tu confidentiel?", False),
        ("ok", False),
    ],
)
def test_a_whole_answer_naming_an_establishment_is_told_from_a_question(
    establishments, text: str, named: bool
) -> None:
    assert is_establishment_name(establishments, text) is named
