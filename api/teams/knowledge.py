"""The knowledge base for the channels' answers, loaded once, off the event loop.

The same index as the bot's (`make index`, RELAIS_INDEX_DIR). Until it is loaded, or when it
cannot be, the channel says it is not sure and invites to the private chat.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from knowledge_base.index import IndexLoadError
from knowledge_base.search import KnowledgeBase

logger = logging.getLogger("relais.teams")


class ChannelKnowledge:
    def __init__(self, index_dir: Path) -> None:
        self._index_dir = index_dir
        self.knowledge_base: KnowledgeBase | None = None  # None while loading: "not sure"

    def __call__(self) -> KnowledgeBase | None:
        return self.knowledge_base

    async def load(self) -> None:
        try:
            loaded = await asyncio.to_thread(KnowledgeBase.load, self._index_dir)
            # One search warms the embedders: the first question must fit in Teams' 5 seconds.
            await asyncio.to_thread(loaded.search, "programme d'aide aux employés", None, 1)
            self.knowledge_base = loaded
            logger.info("teams channel: search index loaded from %s", self._index_dir)
        except (IndexLoadError, OSError, ValueError) as error:
            logger.warning(
                "teams channel: search index %s unavailable (%s); channel answers say they are "
                "not sure until `make index` is run and the gateway restarted",
                self._index_dir,
                type(error).__name__,
            )
