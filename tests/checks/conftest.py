"""Helpers: one-bead document pairs for the checks."""

from __future__ import annotations

import pytest

from aligner.align.model import Bead
from aligner.checks import CHECKS, run_checks
from aligner.document import Document, Span


def one_bead(src: str, tgt: str, src_lang: str = "en", tgt_lang: str = "id") -> tuple[Document, Document, list[Bead]]:
    """A pair of one-sentence documents and the bead joining them."""
    return (Document(src, src_lang, (Span(0, len(src)),)), Document(tgt, tgt_lang, (Span(0, len(tgt)),)),
            [Bead((0,), (0,))])


def messages(name: str, src: str, tgt: str, src_lang: str = "en", tgt_lang: str = "id", glossary=None) -> list[str]:
    """Messages of check ``name`` on a one-bead pair."""
    assert name in CHECKS
    s, t, beads = one_bead(src, tgt, src_lang, tgt_lang)
    return [f.message for f in run_checks(s, t, beads, name, glossary).get(0, ())]


@pytest.fixture
def flagged():
    """``flagged(name, src, tgt, ...)``: the messages that check raises."""
    return messages
