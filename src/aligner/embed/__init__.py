"""Sentence encoders behind one protocol, found by name in a registry.

``get_encoder(name)`` returns an :class:`Encoder` whose ``encode(texts)`` gives an
``(n, dim)`` float32 array of L2-normalised rows. Encoders are batched and memoise vectors by
text (a bounded cache), so nothing is encoded twice in a run; the cache never changes results.
"""

from .base import ENCODER_MAX_CHARS, Encoder, available_encoders, encoder_input, get_encoder

__all__ = ["Encoder", "get_encoder", "available_encoders", "ENCODER_MAX_CHARS", "encoder_input"]
