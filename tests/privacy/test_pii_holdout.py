"""Redaction measured on the newest held-out PII corpus (tests/privacy/data/pii_holdout_*.yml),
written by an author who never saw the redaction code nor the development corpus. Measured once
on 2026-12-03 (pii_holdout_2026_12b.yml, 398 cases, never tuned on): structured identifiers 0.962,
names 0.820 (146/178), public numbers lost 0/101. A fresh corpus by another author,
pii_holdout_2026_12c.yml (424 cases, 2026-12-04, measured once before any change, never tuned on):
structured 0.930 (address 0.810, e-mail 0.871, NAS 0.917), names 0.663 (136/205), public numbers
lost 0/76: both targets missed. Both corpora are development data from then on: the patterns
were then tuned on the categories of the misses of 12b and 12c (names of many origins, names
opening a message, two people, obfuscated e-mails, NAS groupings, addresses, employee numbers):
12c after that, structured 0.996, names 0.937 (192/205), no public number lost; 12b 0.985 and
0.933: figures on data read while tuning, not a fair check (bench/redaction.py prints them with the
false masking). Then a third author's corpus, pii_holdout_2026_12d.yml (432 cases, written while
the patterns changed, measured once after the last change, never tuned on): structured 0.971
(e-mail 20/23, address 26/28, DOB 28/29), names 0.926 (225/243), public numbers lost 0/63, none of
its 80 cases without personal information changed. The issue's targets are asserted on the newest
corpus: structured ≥ 0.95, names ≥ 0.80, no public number lost.
Only figures are printed, never a text."""

from __future__ import annotations

import pytest

from privacy import redact
from tests.privacy.pii_corpus import NAMES, STRUCTURED, cases, newest_holdout, score

HOLDOUT = newest_holdout()
pytestmark = pytest.mark.skipif(HOLDOUT is None, reason="no held-out PII corpus in tests/privacy/data")


def test_the_held_out_corpus_is_large_enough() -> None:
    assert HOLDOUT is not None
    assert len(cases(HOLDOUT)) >= 300


def test_held_out_recall_and_public_numbers() -> None:
    assert HOLDOUT is not None
    result = score(redact, HOLDOUT)
    print(f"\nPII corpus {HOLDOUT.name} (held out, never tuned on):")
    for line in result.lines():
        print("  " + line)
    assert not result.public_numbers_lost, f"{len(result.public_numbers_lost)} public numbers lost"
    assert result.recall(STRUCTURED) >= 0.95
    assert result.recall(NAMES) >= 0.80
