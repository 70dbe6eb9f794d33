"""What a test does when something it needs is not on this machine: skip locally, fail under CI.

CI sets CI=1 (or true/yes) so that a missing server, browser or runtime is a failure there,
never a test that silently vanished.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def unavailable(message: str) -> NoReturn:
    """Skip the test with `message`, or fail it under CI."""
    if in_ci():
        pytest.fail(message)
    pytest.skip(message)
