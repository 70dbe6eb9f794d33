"""Phone numbers and e-mail addresses, normalised the same way every time."""

from __future__ import annotations

import pytest

from tickets.contact import InvalidContact, parse_contact


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("514 555-0100", "phone", "514 555-0100"),
        ("(514) 555-0100", "phone", "514 555-0100"),
        ("514.555.0100", "phone", "514 555-0100"),
        ("+1 514 555 0100", "phone", "514 555-0100"),
        ("1-800-555-0199", "phone", "800 555-0199"),
        ("5145550100", "phone", "514 555-0100"),
        ("514 555-0100 poste 1234", "phone", "514 555-0100, poste 1234"),
        ("514-555-0100, p. 22", "phone", "514 555-0100, poste 22"),
        ("514 555 0100 ext. 7", "phone", "514 555-0100, poste 7"),
        ("514 555 0100 x7", "phone", "514 555-0100, poste 7"),
        ("  Marie.Tremblay@CIUSSS.Exemple.QC.CA ", "email", "Marie.Tremblay@ciusss.exemple.qc.ca"),
        ("a+relais@exemple.ca", "email", "a+relais@exemple.ca"),
    ],
)
def test_valid_contacts_are_normalised(text: str, kind: str, value: str) -> None:
    contact = parse_contact(text)
    assert (contact.kind, contact.value) == (kind, value)
    assert parse_contact(contact.value) == contact


@pytest.mark.parametrize(
    "text",
    [
        "", "514 555-010", "514 555-01000", "014 555-0100", "514 055-0100", "2 514 555-0100",
        "555-0100", "appelez-moi", "marie@", "@exemple.ca", "marie@exemple", "marie@@exemple.ca",
        "marie tremblay@exemple.ca", ".marie@exemple.ca", "marie..t@exemple.ca", "514 555-0100 poste",
        "a" * 250 + "@exemple.ca",
    ],
)  # fmt: skip
def test_anything_else_is_refused(text: str) -> None:
    with pytest.raises(InvalidContact):
        parse_contact(text)
