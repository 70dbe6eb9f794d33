"""The resource registry: the shipped YAML files, their validation, and who can talk now."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from directory.loader import ESTABLISHMENTS_FILE, RESOURCES_FILE, load_registry
from directory.models import Registry, RegistryError
from directory.opening_hours import TIMEZONE

TODAY = date(2026, 11, 23)
MONDAY_10AM = datetime(2026, 11, 23, 10, 0, tzinfo=TIMEZONE)
TUESDAY_3AM = datetime(2026, 11, 24, 3, 0, tzinfo=TIMEZONE)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(RESOURCES_FILE, ESTABLISHMENTS_FILE, today=TODAY)


def ids(rows) -> list[str]:
    return [row.resource.id for row in rows]


# --- the shipped files -----------------------------------------------------------------------


def test_shipped_files_load_and_validate(registry):
    national = {r.id: r for r in registry.resources}
    assert list(national) == [
        "ligne-1-866-appelle",
        "ligne-9-8-8",
        "info-social-811",
        "sos-violence-conjugale",
        "pamq",
        "urgence-911",
    ]
    assert national["ligne-1-866-appelle"].phone == "1 866 277-3553"
    assert national["ligne-1-866-appelle"].sms == "535353"
    assert national["ligne-1-866-appelle"].chat_url == "https://suicide.ca"
    assert national["ligne-1-866-appelle"].tel_uri == "tel:+18662773553"
    assert national["ligne-9-8-8"].tel_uri == "tel:988"
    assert "1 866 APPELLE" in (national["ligne-9-8-8"].note or "")
    assert (national["info-social-811"].phone, national["info-social-811"].phone_option) == (
        "811",
        "2",
    )
    assert national["sos-violence-conjugale"].phone == "1 800 363-9010"
    assert national["pamq"].phone == "514 397-0888"
    assert national["pamq"].hours.unknown and national["pamq"].audience == "physician"
    assert all(r.establishment is None for r in national.values())
    assert all(r.last_verified <= date.today() for r in national.values())


def test_shipped_establishments(registry):
    kinds = [e.kind for e in registry.establishments if not e.fictional]
    assert kinds.count("cisss") + kinds.count("ciusss") == 22
    assert kinds.count("non_fusionne") == 7
    names = {e.name for e in registry.establishments}
    assert "CIUSSS du Centre-Sud-de-l'Île-de-Montréal" in names
    assert "CISSS de la Montérégie-Centre" in names
    real = [e for e in registry.establishments if not e.fictional]
    assert real and all(not e.local_configured and e.local_resources == () for e in real)
    demo = registry.establishment("demo")
    assert demo is not None and demo.fictional and demo.name == "Établissement de démonstration"
    assert all("555-01" in (r.phone or "") for r in demo.local_resources)


# --- validation ------------------------------------------------------------------------------

GOOD_RESOURCE = {
    "id": "ligne-test",
    "name": "Ligne test",
    "kind": "crisis",
    "phone": "1 866 277-3553",
    "sms": None,
    "chat_url": None,
    "hours": {"always": True},
    "exceptions": {},
    "audience": "all",
    "languages": ["fr"],
    "establishment": None,
    "source": "https://suicide.ca",
    "last_verified": "2026-11-01",
}
GOOD_LOCAL = {
    "name": "PAE test",
    "kind": "pae",
    "phone": "514 555-0100",
    "sms": None,
    "chat_url": None,
    "hours": {"weekly": [{"days": ["mon"], "from": "08:00", "to": "16:00"}]},
    "exceptions": {"holidays": ["statutory"]},
    "audience": "employee",
    "languages": ["fr"],
    "source": "https://example.org/pae",
    "last_verified": "2026-11-01",
}
GOOD_ESTABLISHMENT = {
    "id": "etab-test",
    "name": "Établissement test",
    "region_code": "06",
    "region": "Montréal",
    "kind": "cisss",
    "source": "https://example.org",
    "fictional": True,
    "local_resources": {"pae-test": GOOD_LOCAL},
}


def write(tmp_path: Path, resources: list, establishments: list) -> tuple[Path, Path]:
    resources_path = tmp_path / "resources.yml"
    establishments_path = tmp_path / "establishments.yml"
    resources_path.write_text(yaml.safe_dump({"resources": resources}, allow_unicode=True))
    establishments_path.write_text(
        yaml.safe_dump({"establishments": establishments}, allow_unicode=True)
    )
    return resources_path, establishments_path


def problems_of(tmp_path: Path, resources: list, establishments: list) -> list[str]:
    with pytest.raises(RegistryError) as caught:
        load_registry(*write(tmp_path, resources, establishments), today=TODAY)
    return caught.value.problems


def test_minimal_files_are_valid(tmp_path):
    registry = load_registry(*write(tmp_path, [GOOD_RESOURCE], [GOOD_ESTABLISHMENT]), today=TODAY)
    establishment = registry.establishment("etab-test")
    assert establishment is not None and establishment.local_configured
    assert establishment.local_resources[0].establishment == "etab-test"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"phone": "514-555-0100"}, "resources.yml: ligne-test: phone: '514-555-0100': write it"),
        ({"phone": "555-0100"}, "resources.yml: ligne-test: phone: "),
        ({"sms": "53 53 53"}, "resources.yml: ligne-test: sms: '53 53 53': expected digits"),
        (
            {"chat_url": "http://suicide.ca"},
            "resources.yml: ligne-test: chat_url: 'http://suicide.ca'",
        ),
        ({"source": "suicide.ca"}, "resources.yml: ligne-test: source: 'suicide.ca'"),
        ({"kind": "hotline"}, "resources.yml: ligne-test: kind: 'hotline' is not one of"),
        ({"audience": "nurse"}, "resources.yml: ligne-test: audience: 'nurse' is not one of"),
        (
            {"id": "Ligne_Test"},
            "resources.yml: Ligne_Test: id: 'Ligne_Test': expected a kebab-case",
        ),
        (
            {"last_verified": "2027-01-01"},
            "resources.yml: ligne-test: last_verified: 2027-01-01 is in the future",
        ),
        (
            {"last_verified": "novembre"},
            "resources.yml: ligne-test: last_verified: expected a date",
        ),
        ({"languages": "fr"}, "resources.yml: ligne-test: languages: expected a list"),
        (
            {"phone": None},
            "resources.yml: ligne-test: phone: give at least one of phone, sms, chat_url",
        ),
        ({"establishment": "demo"}, "resources.yml: ligne-test: establishment: expected null"),
        ({"colour": "red"}, "resources.yml: ligne-test: colour: unknown key"),
        ({"name": ""}, "resources.yml: ligne-test: name: required"),
        ({"exceptions": None}, "resources.yml: ligne-test: exceptions: expected {}"),
        (
            {"hours": {"weekly": [{"days": ["mon"], "from": "08:00", "to": 990}]}},
            "resources.yml: ligne-test: hours.weekly[0].to: expected HH:MM",
        ),
        (
            {"hours": {"weekly": [{"days": ["lundi"], "from": "08:00", "to": "16:00"}]}},
            "resources.yml: ligne-test: hours.weekly[0].days: expected a list of days",
        ),
    ],
)
def test_validation_names_file_entry_and_field(tmp_path, change, expected):
    problems = problems_of(tmp_path, [{**GOOD_RESOURCE, **change}], [GOOD_ESTABLISHMENT])
    assert any(problem.startswith(expected) for problem in problems), problems


def test_a_resource_without_id_is_named_by_its_position(tmp_path):
    resource = {k: v for k, v in GOOD_RESOURCE.items() if k != "id"}
    problems = problems_of(tmp_path, [GOOD_RESOURCE, resource], [GOOD_ESTABLISHMENT])
    assert problems == ["resources.yml: #2: id: required"]


def test_local_resource_problems_name_the_establishment_and_the_path(tmp_path):
    local = {**GOOD_LOCAL, "audience": "everyone", "hours": {"weekly": [{"days": ["mon"]}]}}
    establishment = {**GOOD_ESTABLISHMENT, "local_resources": {"pae-test": local}}
    problems = problems_of(tmp_path, [GOOD_RESOURCE], [establishment])
    assert (
        "establishments.yml: etab-test: local_resources.pae-test.audience: 'everyone' is not one of employee, manager, physician, all"
        in problems
    )
    assert any(
        p.startswith(
            "establishments.yml: etab-test: local_resources.pae-test.hours.weekly[0].from:"
        )
        for p in problems
    )


def test_establishment_fields_are_checked(tmp_path):
    establishment = {
        **GOOD_ESTABLISHMENT,
        "region_code": 6,
        "kind": "hopital",
        "local_resources": None,
    }
    problems = problems_of(tmp_path, [GOOD_RESOURCE], [establishment])
    assert problems == [
        "establishments.yml: etab-test: local_resources: expected a mapping ({} when not configured)",
        'establishments.yml: etab-test: region_code: \'6\': expected a health region number "01" to "18", quoted',
        "establishments.yml: etab-test: kind: 'hopital' is not one of cisss, ciusss, non_fusionne, nordique",
    ]


def test_fictional_numbers_only_in_a_fictional_establishment(tmp_path):
    real = {**GOOD_ESTABLISHMENT, "fictional": False}
    problems = problems_of(tmp_path, [GOOD_RESOURCE], [real])
    assert problems == [
        "establishments.yml: etab-test: local_resources.pae-test.phone: 555-01xx numbers belong to fictional establishments"
    ]
    fictional_national = {**GOOD_RESOURCE, "phone": "514 555-0199"}
    problems = problems_of(tmp_path, [fictional_national], [GOOD_ESTABLISHMENT])
    assert problems[0].startswith("resources.yml: ligne-test: phone: 555-01xx")


def test_ids_are_unique_across_both_files(tmp_path):
    local_named_like_national = {
        **GOOD_ESTABLISHMENT,
        "local_resources": {"ligne-test": GOOD_LOCAL},
    }
    problems = problems_of(
        tmp_path, [GOOD_RESOURCE, GOOD_RESOURCE], [local_named_like_national, GOOD_ESTABLISHMENT]
    )
    assert problems == [
        "resources.yml: ligne-test: id: duplicate id (also in resources.yml)",
        "establishments.yml: ligne-test: id: duplicate id (also in resources.yml)",
        "establishments.yml: etab-test: id: duplicate id (also in establishments.yml)",
    ]


def test_unreadable_files_are_reported(tmp_path):
    resources_path, establishments_path = write(tmp_path, [GOOD_RESOURCE], [GOOD_ESTABLISHMENT])
    resources_path.write_text("resources: [unclosed")
    establishments_path.write_text("etablissements: []")
    with pytest.raises(RegistryError) as caught:
        load_registry(resources_path, establishments_path, today=TODAY)
    assert caught.value.problems[0].startswith("resources.yml: -: file: ")
    assert caught.value.problems[1] == (
        "establishments.yml: -: establishments: expected a top-level list 'establishments:'"
    )


# --- who can talk now ------------------------------------------------------------------------


def test_open_local_first_then_24_7_then_closed_local_and_911_last(registry):
    rows = registry.who_can_talk_now("demo", MONDAY_10AM, audience="manager")
    assert ids(rows) == [
        "demo-pae",
        "demo-bqvt",
        "ligne-1-866-appelle",
        "ligne-9-8-8",
        "info-social-811",
        "sos-violence-conjugale",
        "demo-ecoute",  # opens 18:00 today
        "demo-soutien-pairs",  # opens tomorrow at noon
        "urgence-911",
    ]
    assert [row.open_now for row in rows] == [True] * 6 + [False, False, True]
    assert rows[2].hours_text == "24 h sur 24, 7 jours sur 7"
    assert rows[0].hours_text == "lun.–ven. 8 h à 20 h (fermé les jours fériés)"
    assert rows[6].next_opening == datetime(2026, 11, 23, 18, 0, tzinfo=TIMEZONE)
    assert rows[7].next_opening == datetime(2026, 11, 24, 12, 0, tzinfo=TIMEZONE)
    assert rows[-1].resource.note == "Danger immédiat"
    assert registry.local_configured("demo")


def test_demo_pae_is_open_during_its_hours_and_closed_at_3am(registry):
    open_row = next(
        r for r in registry.who_can_talk_now("demo", MONDAY_10AM) if r.resource.id == "demo-pae"
    )
    assert open_row.open_now and open_row.next_opening is None
    assert open_row.resource.phone == "514 555-0100"
    rows = registry.who_can_talk_now("demo", TUESDAY_3AM)
    pae = next(r for r in rows if r.resource.id == "demo-pae")
    assert not pae.open_now
    assert pae.next_opening == datetime(2026, 11, 24, 8, 0, tzinfo=TIMEZONE)
    # At 3 a.m. the open 24/7 lines come before every closed local line; 911 stays last.
    assert ids(rows)[:4] == [
        "ligne-1-866-appelle",
        "ligne-9-8-8",
        "info-social-811",
        "sos-violence-conjugale",
    ]
    assert ids(rows)[-1] == "urgence-911"
    assert all(not r.open_now for r in rows[4:-1])


def test_overnight_local_line_is_open_after_midnight(registry):
    saturday_1am = datetime(2026, 11, 28, 1, 30, tzinfo=TIMEZONE)  # Friday's 20:00–02:00 shift
    rows = registry.who_can_talk_now("demo", saturday_1am)
    assert ids(rows)[0] == "demo-ecoute" and rows[0].open_now


@pytest.mark.parametrize("establishment_id", ["inconnu", None, "chum"])
def test_unknown_or_unconfigured_establishment_falls_back_to_national(registry, establishment_id):
    rows = registry.who_can_talk_now(establishment_id, MONDAY_10AM)
    assert all(row.resource.establishment is None for row in rows)
    assert ids(rows) == [
        "ligne-1-866-appelle",
        "ligne-9-8-8",
        "info-social-811",
        "sos-violence-conjugale",
        "urgence-911",
    ]
    assert registry.local_configured(establishment_id) is False
    assert registry.establishment("inconnu") is None


def test_physicians_get_the_pamq_with_hours_to_verify(registry):
    rows = registry.who_can_talk_now(None, MONDAY_10AM, audience="physician")
    pamq = next(row for row in rows if row.resource.id == "pamq")
    assert not pamq.open_now and pamq.next_opening is None
    assert pamq.hours_text == "heures à vérifier"
    assert ids(rows)[-2:] == ["pamq", "urgence-911"]
    assert "pamq" not in ids(registry.who_can_talk_now(None, MONDAY_10AM, audience="employee"))


def test_employees_do_not_get_the_managers_peer_support(registry):
    assert "demo-soutien-pairs" not in ids(registry.who_can_talk_now("demo", MONDAY_10AM))


def test_holidays_close_the_demo_lines(registry):
    fete_nationale = datetime(2027, 6, 24, 10, 0, tzinfo=TIMEZONE)
    rows = {row.resource.id: row for row in registry.who_can_talk_now("demo", fete_nationale)}
    assert not rows["demo-pae"].open_now
    assert rows["demo-pae"].next_opening == datetime(2027, 6, 25, 8, 0, tzinfo=TIMEZONE)
    easter_monday = datetime(2027, 3, 29, 10, 0, tzinfo=TIMEZONE)
    rows = {row.resource.id: row for row in registry.who_can_talk_now("demo", easter_monday)}
    assert rows["demo-pae"].open_now  # statutory: Vendredi saint only
    assert not rows["demo-bqvt"].open_now  # lists lundi-de-paques too


def test_naive_datetime_and_unknown_audience_are_refused(registry):
    with pytest.raises(ValueError, match="timezone-aware"):
        registry.who_can_talk_now("demo", datetime(2026, 11, 23, 10, 0))
    with pytest.raises(ValueError, match="audience"):
        registry.who_can_talk_now("demo", MONDAY_10AM, audience="patient")


def test_kb_check_also_validates_the_registry(tmp_path, capsys):
    from knowledge_base.check import main as check_main

    articles = Path(__file__).resolve().parents[2] / "knowledge_base" / "articles"
    good = write(tmp_path, [GOOD_RESOURCE], [GOOD_ESTABLISHMENT])
    args = ["--articles", str(articles), "--resources", str(good[0])]
    assert check_main([*args, "--establishments", str(good[1])]) == 0
    bad = dict(GOOD_RESOURCE, phone="911-XXXX")
    (tmp_path / "bad").mkdir()
    bad_files = write(tmp_path / "bad", [bad], [GOOD_ESTABLISHMENT])
    args = ["--articles", str(articles), "--resources", str(bad_files[0])]
    assert check_main([*args, "--establishments", str(bad_files[1])]) == 1
    assert "resources.yml: " in capsys.readouterr().out
