"""CrisisOverride itself (bot/components/crisis_override.py), run in the Rasa runtime.

The component is built with the lexicon alone (`use_classifier: False`), so these tests hold
whatever the trained weights say; messages carry a scripted DIET result. Cases: a risk is marked
`crisis` with its `crisis_type`; DIET's unsure or idiomatic `crisis` guess is demoted to its next
intent (or `nlu_fallback`); DIET's confident guess counts only while the classifier is
unavailable; a classifier that fails on a message leaves the lexicon to decide; distress and
professional questions replace only a "no better answer" intent.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.runtimes import PYTHONS, run_probe

RASA_PYTHON = PYTHONS[1]

_PROBE = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from rasa.shared.nlu.training_data.message import Message
from bot.components.crisis_override import CrisisOverride
from risk_classifier import GuardedDetector

class Failing:
    def assess(self, text, assessment=None):
        raise RuntimeError("classifier down")

def run(text, intent, confidence, ranking=(), failing=False):
    component = CrisisOverride({"use_classifier": False, "diet_threshold": 0.9})
    if failing:
        component.detector = GuardedDetector(Failing())
    top = {"name": intent, "confidence": confidence}
    message = Message(data={"text": text, "intent": top,
        "intent_ranking": [top] + [{"name": n, "confidence": c} for n, c in ranking]})
    component.process([message])
    types = [e["value"] for e in message.get("entities") or [] if e["entity"] == "crisis_type"]
    return {"intent": message.get("intent")["name"], "types": types,
            "ranking": [r["name"] for r in message.get("intent_ranking")]}

cases = {
    "risk": run("chu pu capable, j'pense à en finir", "ask_pae", 0.8),
    "violence": run("mon chum me frappe pis j'ai peur qu'il me tue ce soir", "greet", 0.6),
    "idiom_demoted": run("ce formulaire me tue", "crisis", 0.97, [("ask_hr", 0.02)]),
    "unsure_demoted": run("bof", "crisis", 0.5, [("greet", 0.3)]),
    "demoted_to_fallback": run("bof", "crisis", 0.5),
    "diet_backup": run("bof", "crisis", 0.95),
    "failing_classifier_risk": run("je veux mourir", "greet", 0.9, failing=True),
    "failing_classifier_calm": run("où est le formulaire de vacances?", "ask_hr", 0.9, failing=True),
    "distress": run("je suis épuisée, je pleure dans mon auto après chaque quart", "nlu_fallback", 0.3),
    "distress_keeps_a_real_answer": run("je suis épuisée, comment joindre le PAE?", "ask_pae", 0.9),
    "professional": run("comment documenter le risque suicidaire d'un patient au dossier?", "nlu_fallback", 0.3),
}
print(json.dumps(cases))
"""


@pytest.fixture(scope="module")
def cases() -> dict[str, dict[str, Any]]:
    return json.loads(run_probe(RASA_PYTHON, _PROBE))


def test_a_risk_is_marked_crisis_with_its_type(cases: dict[str, dict[str, Any]]) -> None:
    assert cases["risk"]["intent"] == "crisis" and cases["risk"]["types"] == ["self"]
    assert cases["risk"]["ranking"][0] == "crisis"
    assert cases["violence"]["intent"] == "crisis" and cases["violence"]["types"] == ["violence"]


def test_diet_crisis_on_an_idiom_or_unsure_is_demoted(cases: dict[str, dict[str, Any]]) -> None:
    assert cases["idiom_demoted"]["intent"] == "ask_hr"
    assert "crisis" not in cases["idiom_demoted"]["ranking"]
    assert cases["unsure_demoted"]["intent"] == "greet"
    assert cases["demoted_to_fallback"]["intent"] == "nlu_fallback"


def test_diet_backup_counts_only_while_the_classifier_is_unavailable(
    cases: dict[str, dict[str, Any]],
) -> None:
    # Built without the classifier: DIET's confident guess is the backup, with the `self` reply.
    assert cases["diet_backup"]["intent"] == "crisis" and cases["diet_backup"]["types"] == ["self"]


def test_a_failing_classifier_leaves_the_lexicon_to_decide(
    cases: dict[str, dict[str, Any]],
) -> None:
    assert cases["failing_classifier_risk"]["intent"] == "crisis"
    assert cases["failing_classifier_calm"]["intent"] == "ask_hr"


def test_distress_and_professional_questions_replace_only_a_missing_answer(
    cases: dict[str, dict[str, Any]],
) -> None:
    assert cases["distress"]["intent"] == "express_distress"
    assert cases["distress_keeps_a_real_answer"]["intent"] == "ask_pae"
    assert cases["professional"]["intent"] == "ask_suicide_professional"
