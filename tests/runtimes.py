"""The two Python runtimes a shared package must load in: the app's (3.11) and Rasa's (3.10)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.availability import unavailable

ROOT = Path(__file__).resolve().parents[1]
PYTHONS = [sys.executable, str(ROOT / ".venv" / "rasa" / "bin" / "python")]
PYTHON_IDS = ["app-runtime", "rasa-runtime"]


def run_probe(python: str, code: str, *args: str) -> str:
    """What `code` prints when run by `python` with the project root as `sys.argv[1]` (then
    `args`); skips when that runtime is not installed (fails under CI: the Rasa-runtime probe
    never vanishes)."""
    if not Path(python).exists():
        unavailable(f"{python} is not installed: run `make install`")
    done = subprocess.run(
        [python, "-c", code, str(ROOT), *args], capture_output=True, text=True, check=True
    )
    return done.stdout
