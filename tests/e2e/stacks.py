"""The e2e tests' stacks: each on its own ports and in its own var folder, started in a thread.

tests/e2e/conftest.py starts, together, the shared stack and each stack of its own that a selected
test module declared with `own_stack` (the resilience tests), before the first e2e test. The
trained model (models/) and the built index (var/index) are reused, never rebuilt.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from stack.launcher import Stack
from stack.services import ROOT, StackConfig

MODEL = ROOT / "models" / "relais.tar.gz"
INDEX = ROOT / "var" / "index" / "manifest.json"
# Each stack's ports: 18000 + base (gateway), 15005 + base (Rasa), 15055 + base (actions).
SHARED_BASE, SCALED_BASE, TRACKER_OUTAGE_BASE, HEALING_BASE = 0, 200, 400, 600
START_TIMEOUT_SECONDS = 420.0

# How a test module makes the settings of its own stack, by module name (`own_stack`).
MakeConfig = Callable[[pytest.FixtureRequest, pytest.TempPathFactory], StackConfig]
OWN_STACKS: dict[str, MakeConfig] = {}


def e2e_config(tmp_path_factory: pytest.TempPathFactory, name: str, base: int, **settings: Any) -> StackConfig:
    """A stack's settings on its own ports and in its own var folder, on the session's model and
    index. RELAIS_E2E_PORT_OFFSET moves every port when another worktree's stacks hold them."""
    missing = [str(path) for path in (MODEL, INDEX) if not path.exists()]
    if missing:
        pytest.fail(f"run `make train index` first; missing {missing}")
    port = int(os.environ.get("RELAIS_E2E_PORT_OFFSET", "0")) + base
    var_dir: Path = tmp_path_factory.mktemp(name)
    return StackConfig(
        gateway_port=18000 + port, rasa_port=15005 + port, action_port=15055 + port,
        var_dir=var_dir, index_dir=ROOT / "var" / "index", **settings,
    )  # fmt: skip


def own_stack(module: str) -> Callable[[MakeConfig], MakeConfig]:
    """Declares how test module `module` makes its own stack's settings; the session starts that
    stack with the others when one of the module's tests is selected."""

    def register(make: MakeConfig) -> MakeConfig:
        OWN_STACKS[module] = make
        return make

    return register


class StartingStack:
    """A stack being started in a thread (supervised: a crashed service is started again);
    `ready()` waits for it and raises what its start raised."""

    def __init__(self, config: StackConfig | None, error: BaseException | None = None) -> None:
        self.stack = Stack(config) if config is not None else None
        self._error = error
        self._thread: threading.Thread | None = None
        if self.stack is not None:
            self._thread = threading.Thread(target=self._start, daemon=True)
            self._thread.start()

    def _start(self) -> None:
        assert self.stack is not None
        try:
            self.stack.start(timeout_seconds=START_TIMEOUT_SECONDS, supervise=True)
        except BaseException as error:  # raised again for the tests that need this stack
            self._error = error

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join(START_TIMEOUT_SECONDS + 120)

    def ready(self) -> Stack:
        self.wait()
        if self._error is not None:
            raise self._error
        assert self.stack is not None
        return self.stack

    def stop(self) -> None:
        if self.stack is not None:
            self.stack.stop()


def stack_of_its_own(stacks: dict[str, StartingStack], module: str) -> Iterator[Stack]:
    """For a module fixture: the module's own stack, stopped as soon as the module is done."""
    running = stacks[module].ready()
    yield running
    running.stop()
