"""One source per public number: directory/resources.yml.

The gateway, the actions, redaction and the pages write no crisis or help number of their own
(they render the registry's); the bot's static responses (which must stay static, so they keep
their numbers), in French and in English, name only numbers the registry has.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from directory.loader import load_registry

ROOT = Path(__file__).resolve().parents[2]
# Toll-free numbers and the short public lines, however they are spaced.
PUBLIC_LOOKING = re.compile(
    r"(?<![\w/.-])(?:1[ .\u00a0-]?)?8[0-9]{2}[ .\u00a0-]?[0-9]{3}[ .\u00a0-]?[0-9]{4}(?!\w)"
    r"|(?<![\w/.:-])(?:811|911|988|9-8-8|535353)(?![\w-])"
)
# Code and pages that must render the registry instead of writing numbers.
RENDERING = ["api/**/*.py", "api/static/*", "actions/*.py", "privacy/*.py", "knowledge_base/*.py", "stack/*.py", "tickets/*.py"]


def _numbers(text: str) -> list[str]:
    return [match.group(0) for match in PUBLIC_LOOKING.finditer(text)]


def _written(text: str) -> list[str]:
    """Numbers written to people: a regular expression that reads what a person typed ("et le
    811?") names a number without showing it, and is not counted."""
    shown = "\n".join(line for line in text.splitlines() if "re.compile(" not in line)
    return _numbers(shown)


def _files(patterns: list[str]) -> list[Path]:
    return sorted({path for pattern in patterns for path in ROOT.glob(pattern) if path.is_file()})


@pytest.mark.parametrize("path", _files(RENDERING), ids=lambda p: str(p.relative_to(ROOT)))
def test_code_and_pages_write_no_public_number(path: Path) -> None:
    assert _written(path.read_text(encoding="utf-8")) == []


def test_the_scan_sees_every_way_a_number_is_written() -> None:
    written = "1 866 277-3553, 1-866-277-3553, 18662773553, 811, 911, 9-8-8, 988, 535353"
    assert len(_numbers(written)) == 8
    assert _numbers("514 555-0100, 24/7, 2026-11-01, 3811, 9110") == []


def test_static_responses_name_only_registry_numbers() -> None:
    known = load_registry().public_numbers()
    found = {
        (path.name, number)
        for path in _files(["bot/domain/*.yml", "bot/english.yml"])
        for number in _numbers(path.read_text(encoding="utf-8"))
    }
    assert found, "the crisis responses name the 24/7 lines"
    unknown = sorted((name, n) for name, n in found if re.sub(r"\D", "", n) not in known)
    assert unknown == []
