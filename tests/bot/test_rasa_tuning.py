"""bot/rasa_tuning.py, run in the Rasa runtime: each change removes a cost without changing what
Rasa does.

- The action server's answers are still validated: a valid answer passes, an invalid one raises
  jsonschema's ValidationError with Rasa's own wording.
- spaCy's entity recogniser is off once installed, and every training example gets the same
  tokens, lemmas, tags and vectors as with it (what DIET was trained on is unchanged).
- A SQLite database opened after `install()` is in write-ahead-log mode with synchronous=NORMAL.
- TensorFlow gets one intra-op and one inter-op thread, unless Rasa's own variables set them.
- The tracker store's queries built once read the same events, in the same order, as Rasa's own
  (the latest session, every session, the count before a save).
- An event's type name resolves to the same class as Rasa's own walk of its class tree, for every
  event class, and an unknown name behaves as before.
"""

from __future__ import annotations

import json

from tests.runtimes import PYTHONS, run_probe

RASA_PYTHON = PYTHONS[1]

_VALIDATION_PROBE = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from bot import rasa_tuning
rasa_tuning.install()
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

action = RemoteAction("action_answer_question", None)
valid = {"events": [{"event": "slot", "name": "context_article", "value": "pae"}],
         "responses": [{"text": "Le PAE...", "buttons": []}]}
found = {"valid": action._validate_action_result(valid)}
try:
    action._validate_action_result({"events": "not a list"})
    found["invalid"] = "accepted"
except ValidationError as error:
    found["invalid"] = error.message
print(json.dumps(found))
"""


def test_action_answers_are_still_validated() -> None:
    found = json.loads(run_probe(RASA_PYTHON, _VALIDATION_PROBE).splitlines()[-1])
    assert found["valid"] is True
    assert found["invalid"] != "accepted"
    assert "is not of type 'array'" in found["invalid"]
    assert "Failed to validate Action server response" in found["invalid"]


_SPACY_PROBE = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
import numpy as np
import spacy
from bot import rasa_tuning
rasa_tuning.install()
from rasa.nlu.utils.spacy_utils import SpacyNLP
from rasa.shared.nlu.training_data.loading import load_data

tuned = SpacyNLP.load_model("fr_core_news_md").model
full = spacy.load("fr_core_news_md", disable=["parser"])  # what Rasa loads without the tuning
texts = [m.get("text").lower() for m in load_data(str(Path(sys.argv[1]) / "nlu_data")).training_examples]

def reading(doc):
    return [(t.text, t.idx, t.lemma_, t.tag_, t.pos_) for t in doc]

differing = 0
for text in texts:
    a, b = full(text), tuned(text)
    same = reading(a) == reading(b) and np.array_equal(a.vector, b.vector) and all(
        np.array_equal(x.vector, y.vector) for x, y in zip(a, b))
    differing += not same
print(json.dumps({"pipes": tuned.pipe_names, "full_pipes": full.pipe_names,
                  "texts": len(texts), "differing": differing}))
"""


def test_spacy_runs_without_entities_and_reads_every_example_the_same() -> None:
    found = json.loads(run_probe(RASA_PYTHON, _SPACY_PROBE).splitlines()[-1])
    assert "ner" in found["full_pipes"]
    assert "ner" not in found["pipes"]
    assert {"tok2vec", "morphologizer", "lemmatizer"} <= set(found["pipes"])
    assert found["texts"] > 500
    assert found["differing"] == 0


_SQLITE_PROBE = r"""
import json, sys, tempfile
sys.path.insert(0, sys.argv[1])
from bot import rasa_tuning
rasa_tuning.install()
import sqlalchemy as sa

engine = sa.create_engine(f"sqlite:///{tempfile.mkdtemp()}/tracker.db")
with engine.connect() as connection:
    mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    synchronous = connection.exec_driver_sql("PRAGMA synchronous").scalar()
print(json.dumps({"mode": mode, "synchronous": synchronous}))
"""


def test_sqlite_tracker_store_writes_ahead() -> None:
    found = json.loads(run_probe(RASA_PYTHON, _SQLITE_PROBE).splitlines()[-1])
    assert found == {"mode": "wal", "synchronous": 1}


_TENSORFLOW_PROBE = r"""
import json, os, sys
sys.path.insert(0, sys.argv[1])
for name in ("TF_INTRA_OP_PARALLELISM_THREADS", "TF_INTER_OP_PARALLELISM_THREADS"):
    os.environ.pop(name, None)
if sys.argv[2:]:
    os.environ["TF_INTRA_OP_PARALLELISM_THREADS"] = sys.argv[2]
from bot import rasa_tuning
rasa_tuning.install()
import tensorflow as tf
print(json.dumps({"intra": tf.config.threading.get_intra_op_parallelism_threads(),
                  "inter": tf.config.threading.get_inter_op_parallelism_threads()}))
"""


def test_tensorflow_runs_on_one_thread_unless_rasa_is_told_otherwise() -> None:
    found = json.loads(run_probe(RASA_PYTHON, _TENSORFLOW_PROBE).splitlines()[-1])
    assert found == {"intra": 1, "inter": 1}
    told = json.loads(run_probe(RASA_PYTHON, _TENSORFLOW_PROBE, "3").splitlines()[-1])
    assert told == {"intra": 0, "inter": 0}  # left to Rasa, which reads its variables itself


_EVENTS_PROBE = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses
walk = Event.resolve_by_type
names = sorted({cls.type_name for cls in all_subclasses(Event)})
before = {name: walk(name).__name__ for name in names}
from bot import rasa_tuning
rasa_tuning.install()
assert Event.resolve_by_type is not walk
after = {name: Event.resolve_by_type(name).__name__ for name in names}

from rasa.shared.core.events import ActionExecuted

class Later(ActionExecuted):  # a class imported after the table was built
    type_name = "relais_later_probe"

found = {"names": len(names), "same": before == after,
         "later": Event.resolve_by_type("relais_later_probe").__name__,
         "topic": Event.resolve_by_type("topic"),
         "default": Event.resolve_by_type("nope", Later).__name__}
try:
    Event.resolve_by_type("nope")
    found["unknown"] = "resolved"
except ValueError as error:
    found["unknown"] = str(error)
parsed = Event.from_parameters({"event": "user", "text": "bonjour", "parse_data": {}})
found["parsed"] = type(parsed).__name__
print(json.dumps(found))
"""


def test_stored_events_resolve_to_the_same_classes_through_the_table() -> None:
    found = json.loads(run_probe(RASA_PYTHON, _EVENTS_PROBE).splitlines()[-1])
    assert found["names"] > 20 and found["same"]
    assert found["later"] == "Later" and found["default"] == "Later"
    assert found["topic"] is None
    assert found["unknown"] == "Unknown event name 'nope'."
    assert found["parsed"] == "UserUttered"


_TRACKER_QUERIES_PROBE = r"""
import asyncio, json, os, sys, tempfile
sys.path.insert(0, sys.argv[1])
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

domain = Domain.load(os.path.join(sys.argv[1], "bot", "domain"))
path = os.path.join(tempfile.mkdtemp(), "tracker.db")
store = SQLTrackerStore(domain=domain, dialect="sqlite", db=path)

def turn(tracker, text, t):
    tracker.update(UserUttered(text, {"name": "greet", "confidence": 1.0}, timestamp=t))
    tracker.update(ActionExecuted("utter_greet", timestamp=t + 0.1))
    tracker.update(BotUttered("Bonjour!", timestamp=t + 0.2))
    tracker.update(ActionExecuted("action_listen", timestamp=t + 0.3))

async def read_all():
    out = {}
    for sender in ("a", "b", "nobody"):
        latest = await store.retrieve(sender)
        every = await store.retrieve_full_tracker(sender)
        out[sender] = [None if t is None else [e.as_dict() for e in t.events] for t in (latest, every)]
    with store.session_scope() as session:
        probe = DialogueStateTracker("a", domain.slots)
        stored = await store.retrieve("a")
        for event in stored.events:
            probe.update(event)
        turn(probe, "encore", 3000.0)
        out["additional"] = [e.as_dict() for e in store._additional_events(session, probe)]
    return out

async def main():
    for sender, start in (("a", 1000.0), ("b", 2000.0)):
        tracker = DialogueStateTracker(sender, domain.slots)
        tracker.update(SessionStarted(timestamp=start))
        turn(tracker, "bonjour", start + 1)
        await store.save(tracker)
        tracker.update(SessionStarted(timestamp=start + 10))  # a second session
        turn(tracker, "rebonjour", start + 11)
        await store.save(tracker)
    before = await read_all()
    from bot import rasa_tuning
    rasa_tuning.install()
    after = await read_all()
    patched = SQLTrackerStore._retrieve.__module__ == "bot.rasa_tuning"
    print(json.dumps({"same": before == after, "patched": patched, "latest": len(after["a"][0]),
                      "every": len(after["a"][1]), "nobody": after["nobody"],
                      "additional": len(after["additional"])}))

asyncio.run(main())
"""


def test_the_tracker_store_reads_the_same_events_with_its_queries_built_once() -> None:
    found = json.loads(run_probe(RASA_PYTHON, _TRACKER_QUERIES_PROBE).splitlines()[-1])
    assert found["patched"] and found["same"]
    # the latest session only (its SessionStarted and one turn), every session, nothing unknown
    assert found["latest"] == 5 and found["every"] == 10 and found["nobody"] == [None, None]
    assert found["additional"] == 4  # one new turn after the stored ones
