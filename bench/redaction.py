"""Redaction's recall, false masking and speed: `python bench/redaction.py`.

Prints, for each PII corpus of tests/privacy/data (all development data: the patterns were tuned on
them), recall per type and the public strings lost; then the false masking on ordinary messages
(messages changed and words masked): the knowledge base's queries (data/kb), three crisis design
files (data/crisis: some of their messages do name a colleague or a singer, so a change there is
not always a mistake) and each corpus's cases with no personal information; then the time of
`privacy.redact` per message (p50/p95, one at a time, warm, the fastest of three runs) on the first 600 of those ordinary
messages. `--show` prints the changed ordinary messages (design data only, never a PII case).
Figures only: nothing here is asserted.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.timing import load, percentiles  # noqa: E402
from privacy import redact  # noqa: E402
from tests.privacy.pii_corpus import DATA, cases, score  # noqa: E402

_LABELS = re.compile(r"\[(?:nom|téléphone|courriel|NAS|NAM|code postal|date de naissance|adresse|matricule)\]")
_WORDS = re.compile(r"\w+")


def _ordinary() -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {"kb queries (data/kb)": [], "crisis design (3 files)": []}
    for name in ("queries.yml", "queries_2026_12.yml", "offtopic.yml"):
        data = yaml.safe_load((ROOT / "data" / "kb" / name).read_text(encoding="utf-8"))
        sets["kb queries (data/kb)"] += [q["text"] for q in data.get("queries") or data.get("messages") or []]
    for name in ("design.yml", "design_2026_12_nurse_resident.yml", "design_2026_12_english_support.yml"):
        data = yaml.safe_load((ROOT / "data" / "crisis" / name).read_text(encoding="utf-8"))
        sets["crisis design (3 files)"] += [m["text"] for m in data["messages"]]
    for path in sorted(DATA.glob("pii_*.yml")):
        sets[f"no-PII cases of {path.stem}"] = [c["text"] for c in cases(path) if not c.get("pii")]
    return sets


def _masked_words(text: str) -> tuple[int, str]:
    text = unicodedata.normalize("NFKC", text)
    redacted = redact(text)
    if redacted == text:
        return 0, redacted
    return max(1, len(_WORDS.findall(text)) - len(_WORDS.findall(_LABELS.sub("", redacted)))), redacted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print the changed design messages")
    args = parser.parse_args()
    for path in sorted(DATA.glob("pii_*.yml")):
        print(f"{path.name} ({len(cases(path))} cases, development data)")
        for line in score(redact, path).lines():
            print("  " + line)
    sets = _ordinary()
    print("false masking on ordinary messages")
    for name, texts in sets.items():
        changed = masked = total = 0
        for text in texts:
            words, redacted = _masked_words(text)
            total += len(_WORDS.findall(text))
            if words:
                changed += 1
                masked += words
                if args.show and not name.startswith("no-PII"):
                    print("    " + redacted[:160])
        print(f"  {name:40} {len(texts):5} messages: {changed:3} changed, {masked:3}/{total} words masked")
    ordinary = (sets["kb queries (data/kb)"] + sets["crisis design (3 files)"])[:600]
    redact("réchauffement")
    samples = []
    for text in ordinary:  # the fastest of three runs: the CPU is shared, a pause is not redaction
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            redact(text)
            runs.append((time.perf_counter() - start) * 1000)
        samples.append(min(runs))
    print(f"privacy.redact per message (fastest of 3 runs): {percentiles(samples, digits=3)}   {load()}")


if __name__ == "__main__":
    main()
