"""Builds privacy/data/first_names_world.txt and last_names_world.txt (run by hand, never at run time).

The names of Quebec's staff come from many places: these lists add the person providers of Faker
40.54.0 (MIT licence; `pip install faker==40.54.0`, requirements/dev.txt) for English (US, UK,
Ireland, New Zealand, Kenya, Nigeria, Ghana), Belgian and Swiss French, South Asian (India, Pakistan), Spanish and Latin American
(Spain, Mexico, Colombia, Argentina, Chile), Portuguese and Brazilian, Italian, Romanian, Turkish,
Indonesian, Algerian, Swahili, Yoruba, Hausa, Igbo and Zulu locales, and Chinese names in pinyin,
to privacy/data/first_names.txt and last_names.txt (fr_CA, fr_FR, es_MX, pt_BR, vi_VN).

Left out, so that no ordinary word is ever taken for a name: any name that is a word in lower case
in Debian's French (wfrench) or English (wamerican) word lists, names of two letters or less, the
countries, states, provinces and regions of Faker's address providers, the places, months, days
and other words below, and what privacy/names.py never takes for a name. Matching folds accents and case.

    python -m privacy.build_names [--french /usr/share/dict/french] [--english /usr/share/dict/american-english]
"""

from __future__ import annotations

import argparse
import importlib
import re
from pathlib import Path

from privacy.names import FIRST_NAMES_FILE, LAST_NAMES_FILE, _fold, _word_set

DATA = Path(__file__).resolve().parent / "data"
FIRST_WORLD = DATA / "first_names_world.txt"
LAST_WORLD = DATA / "last_names_world.txt"
LOCALES = (
    "en", "en_US", "en_GB", "en_IE", "en_NZ", "fr_BE", "fr_CH", "en_KE", "en_NG", "tw_GH", "en_IN", "en_PK", "es_ES", "es_MX", "es_CO",
    "es_AR", "es_CL", "pt_PT", "pt_BR", "it_IT", "ro_RO", "tr_TR", "id_ID", "fr_DZ", "sw", "yo_NG",
    "ha_NG", "ig_NG", "zu_ZA", "fr_FR", "fr_CA", "vi_VN",
)
# Places of Quebec and common place words that some locale also lists as a name.
PLACES = _word_set(
    """laval granby quebec montreal gatineau sherbrooke longueuil levis joliette rimouski chicoutimi
    saguenay victoria victoriaville regina florence paris london lourdes sydney chelsea jordan
    india kenya georgia dakota brooklyn austin douglas verdun lachine rosemont maisonneuve outaouais
    gaspe mauricie estrie abitibi nunavik laurentides lanaudiere monteregie beauce charlevoix
    chateauguay kahnawake kanesatake mashteuiatsh uashat puvirnituq inukjuak chisasibi mistissini
    canada america france haiti mexico china italia lima santiago sofia valencia adelaide levis
    columbia mcgill manila chelsea alberta liban"""
)
# Months, days, languages, words of a message in SMS spelling, brands: capitalised, never people.
# The ambiguous names first_names.txt leaves out on purpose (they are names only after a cue).
NOT_PEOPLE = _word_set(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday english french spanish creole
    jai jsuis chu olá ola vic tim nan elden rose claire france grace prudence ange noel aurore
    lune kim eve christmas easter"""
)
# Faker's address providers name countries, states, provinces and regions: none is a person.
_PLACE_LOCALES = ("en", "en_US", "en_CA", "fr_CA", "fr_FR", "es_ES", "es_MX", "pt_BR", "it_IT", "en_GB")


def _places() -> frozenset[str]:
    places = set(PLACES)
    for locale in _PLACE_LOCALES:
        provider = importlib.import_module(f"faker.providers.address.{locale}").Provider
        for attribute in ("countries", "states", "provinces", "regions", "cities", "city_names"):
            for place in getattr(provider, attribute, ()) or ():
                places.update(_fold(part) for part in re.split(r"[\s-]+", str(place)))
    return frozenset(places)


def _lower_words(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8", errors="ignore").splitlines()
    return frozenset(_fold(line.strip()) for line in lines if line.strip() and line.strip()[0].islower())


def _listed(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(_fold(line.strip()) for line in lines if line.strip() and not line.startswith("#"))


def _faker_names(kind: str) -> set[str]:
    names: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in dir(provider):
            value = getattr(provider, attribute)
            if attribute.startswith(kind) and isinstance(value, tuple | list | dict):
                names.update(value)
    if kind == "first_name":
        names.update(importlib.import_module("faker.providers.person.zh_CN").Provider.first_romanized_names)
    else:
        names.update(importlib.import_module("faker.providers.person.zh_CN").Provider.last_romanized_names)
    return names


def _clean(names: set[str], words: frozenset[str], already: frozenset[str]) -> list[str]:
    from privacy.names import _NOT_NAMES

    places = _places()
    kept = set()
    for name in names:
        for part in re.split(r"[\s-]+", name):
            folded = _fold(part).replace("'", "")
            if (len(folded) < 3 or not folded.isascii() or not folded.isalpha() or folded in words
                    or folded in places or folded in NOT_PEOPLE or folded in _NOT_NAMES or folded in already):
                continue
            kept.add(folded)
    return sorted(kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--french", type=Path, default=Path("/usr/share/dict/french"))
    parser.add_argument("--english", type=Path, default=Path("/usr/share/dict/american-english"))
    args = parser.parse_args()
    words = _lower_words(args.french) | _lower_words(args.english)
    header = (
        "# Built by privacy/build_names.py from Faker 40.54.0's person providers (MIT): {kind} of many\n"
        "# locales beyond first_names.txt/last_names.txt, folded, less every lower-case word of Debian's\n"
        "# wfrench and wamerican lists, the places of Faker's address providers and the words listed in the script. {use}\n"
    )
    firsts = _clean(_faker_names("first_name"), words, _listed(FIRST_NAMES_FILE))
    FIRST_WORLD.write_text(header.format(kind="first names", use="Used like first_names.txt.")
                           + "\n".join(firsts) + "\n", encoding="utf-8")
    lasts = _clean(_faker_names("last_name"), words, _listed(LAST_NAMES_FILE) | frozenset(firsts))
    LAST_WORLD.write_text(header.format(
        kind="family names", use="Only in a name's shape (after a first name or a title), never alone.")
        + "\n".join(lasts) + "\n", encoding="utf-8")
    print(f"{len(firsts)} first names, {len(lasts)} family names")


if __name__ == "__main__":
    main()
