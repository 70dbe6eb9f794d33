"""Personal information is removed; the public crisis and support numbers never are."""

from __future__ import annotations

import pytest

from privacy import redact


@pytest.mark.parametrize(
    ("text", "secret", "label"),
    [
        ("écrivez-moi à marie.tremblay@cisss-exemple.qc.ca svp", "marie.tremblay@cisss-exemple.qc.ca", "[courriel]"),
        ("mon cell: 514-555-0199", "514-555-0199", "[téléphone]"),
        ("appelez au (450) 555-0123 poste 221", "555-0123", "[téléphone]"),
        ("+1 819 555 0147", "555 0147", "[téléphone]"),
        ("mon NAS est 123 456 789", "123 456 789", "[NAS]"),
        ("carte soleil TREM 8501 0112", "TREM 8501 0112", "[NAM]"),
        ("j'habite au H2X 1Y4", "H2X 1Y4", "[code postal]"),
        # Issue 12's categories, examples of the patterns' author (not from the corpora):
        ("mon adresse : karine.roy{at}hotmail{dot}com", "karine.roy", "[courriel]"),
        ("écrivez à k.roy 'arobas' videotron.ca", "k.roy", "[courriel]"),
        ("karine . roy @ gmail . com", "karine", "[courriel]"),
        ("NAS : 046 45 46 42", "046 45 46 42", "[NAS]"),
        ("my SIN is 0464 5464 2", "0464 5464 2", "[NAS]"),
        ("mon numéro RAMQ est LAVK 1188 2201", "LAVK 1188 2201", "[NAM]"),
        ("texte-moi au 4 5 0 5 5 5 0 1 9 8", "4 5 0 5 5 5 0 1 9 8", "[téléphone]"),
        ("tél. maison 555-0177", "555-0177", "[téléphone]"),
        ("born on 11/23/1979", "11/23/1979", "[date de naissance]"),
        ("app. 3 - 4410 boul. Lévesque Ouest", "4410", "[adresse]"),
        ("je reste au 18A, chemin du Lac", "18A", "[adresse]"),
        ("j'habite 92 rue principale app 4", "92 rue principale", "[adresse]"),
        ("C.P. 2045, Mistissini", "2045", "[adresse]"),
        ("#emp 774210 svp", "774210", "[matricule]"),
        ("employee 774210 here", "774210", "[matricule]"),
        ("matricule 77-42-10", "77-42-10", "[matricule]"),
    ],
)
def test_personal_information_is_replaced(text: str, secret: str, label: str) -> None:
    redacted = redact(text)
    assert secret not in redacted
    assert label in redacted


@pytest.mark.parametrize(
    "public",
    ["1 866 277-3553", "1-866-277-3553", "1 800 363-9010", "514 397-0888", "811", "911", "9-8-8", "535353"],
)
def test_public_lines_are_never_redacted(public: str) -> None:
    text = f"J'ai appelé le {public} hier soir."
    assert redact(text) == text


def test_ordinary_text_is_unchanged() -> None:
    text = "Le PAE offre 3 à 6 séances par année, 24 h sur 24, depuis 2020."
    assert redact(text) == text


def test_sqlite_files_become_owner_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import stat

    from privacy.files import restrict_sqlite_file, sqlite_path

    database = tmp_path / "relais.db"
    database.write_bytes(b"")
    database.chmod(0o644)
    restrict_sqlite_file(f"sqlite:///{database}")
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    assert sqlite_path("postgresql+psycopg://x@127.0.0.1/relais") is None
    assert sqlite_path("sqlite+pysqlite:///var/t.db") is not None
