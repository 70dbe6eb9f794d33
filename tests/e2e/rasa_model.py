"""Run by Rasa's own interpreter (.venv/rasa): loads the trained model in-process and parses each
line of JSON text read on stdin, answering `INTENT <json name>` per line. Rasa's HTTP API is off
(README "Rasa's surface"), so /model/parse is not there to ask."""

from __future__ import annotations

import asyncio
import json
import sys

from rasa.core.agent import Agent


def main(model_path: str) -> None:
    agent = Agent.load(model_path)
    print("READY", flush=True)
    loop = asyncio.new_event_loop()
    for line in sys.stdin:
        parsed = loop.run_until_complete(agent.parse_message(json.loads(line)))
        print("INTENT " + json.dumps(parsed["intent"]["name"]), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
