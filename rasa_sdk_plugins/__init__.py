"""rasa_sdk's own extension point (rasa_sdk/plugin.py imports a top-level `rasa_sdk_plugins`
package and calls `init_hooks`): the action server warms itself when it starts, wherever it is
started (`python -m rasa_sdk --actions actions`, under the launcher or in a container).
The work is in actions/warm.py."""

from __future__ import annotations

from typing import Any

import pluggy

hookimpl = pluggy.HookimplMarker("rasa_sdk")


class _RelaisWarmUp:
    @hookimpl  # type: ignore[misc]
    def attach_sanic_app_extensions(self, app: Any) -> None:
        from actions.warm import attach

        attach(app)


def init_hooks(manager: pluggy.PluginManager) -> None:
    manager.register(_RelaisWarmUp())
