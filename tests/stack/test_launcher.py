"""`python -m stack` for real, on stand-in services (small HTTP servers): ready, a killed service
comes back and the launcher says so, SIGTERM or Ctrl-C (SIGINT) stops everything and leaves no
process behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from stack.services import ROOT
from tests.postgres import _free_port

LAUNCHER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from stack import launcher
    from stack.services import Service, StackConfig

    ports = [int(p) for p in sys.argv[2:]]
    def services(self):
        return [
            Service(f"fake-{n}", [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
                    f"http://127.0.0.1:{port}/")
            for n, port in enumerate(ports)
        ]
    StackConfig.services = services
    StackConfig.rasa_urls = property(lambda self: [])
    original = StackConfig.from_environment
    def from_environment():
        config = original()
        config.var_dir = Path(sys.argv[1])
        return config
    StackConfig.from_environment = staticmethod(from_environment)
    launcher.main()
    """
)


def _wait_for(path: Path, text: str, seconds: float = 30.0) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        content = path.read_text(encoding="utf-8") if path.exists() else ""
        if text in content:
            return content
        time.sleep(0.1)
    raise AssertionError(f"{text!r} not in {path}: {content!r}")


def _pid_of(port: int) -> int:
    out = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True).stdout
    pids = [int(line.split()[0]) for line in out.splitlines() if f"http.server {port} " in line]
    assert len(pids) == 1, out
    return pids[0]


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_the_launcher_heals_a_crash_and_stops_cleanly(tmp_path: Path, stop_signal: int) -> None:
    ports = [_free_port(), _free_port()]
    output = tmp_path / "out.txt"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RELAIS_AGENT_KEYS": "julie:a-real-key-0123456789"}
    with output.open("wb") as out:
        launcher = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER, str(tmp_path), *map(str, ports)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        _wait_for(output, "Relais est prêt")
        first = _pid_of(ports[0])
        os.kill(first, signal.SIGKILL)
        _wait_for(output, "fake-0 redémarré (redémarrage n° 1)")
        _wait_for(output, "fake-0 est de nouveau prêt")
        second = _pid_of(ports[0])
        assert second != first
        launcher.send_signal(stop_signal)
        assert launcher.wait(timeout=30) == 0
        text = _wait_for(output, "Relais est arrêté.")
        assert "fake-0 s'est arrêté (code -9)" in text
        assert "redémarrage dans 1 s (échec 1 de suite)" in text
        running = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
        assert not [port for port in ports if f"http.server {port} " in running]
        assert "fake-0 redémarré" in (tmp_path / "log" / "stack.log").read_text(encoding="utf-8")
    finally:
        if launcher.poll() is None:
            launcher.kill()
