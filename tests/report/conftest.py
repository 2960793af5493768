"""Fixtures for the report tests: the seed comparison and a hand-built hostile one.

The hostile comparison is assembled from the data model directly (not through the aligner),
so it holds every bead shape (1-1, 2-1, 1-0, 0-1), partial, whole and overlapping evidence
whatever the aligner and flag rules of the day do.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import aligner
from aligner.align import Alignment, Bead
from aligner.compare import Comparison
from aligner.config import DEFAULT_CONFIG
from aligner.document import BOILERPLATE, CONTENT, Document, Span
from aligner.flags import Evidence, Flag
from aligner.score import BeadScore

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"

SCRIPT_SRC = '<script>alert("x")</script>'
IMG_SRC = "<img src=x onerror=alert(1)>"
SCRIPT_TGT = "<script>alert(2)</script>"
IMG_TGT = "<img src=x onerror=alert(3)>"
SRC_PATH = "<img src=x onerror=alert('p')>.txt"
TGT_PATH = '</script><script>alert("t")</script>.txt'
FLAG_MESSAGE = "<b>bold</b> \"double\" 'single' </script> & |pipe|"

SRC_SENTENCES = [
    f'{SCRIPT_SRC} The minister said "no" & left.',
    f"{IMG_SRC} Price | rose 5% 🎉 today.",
    "Omitted: it's 'quoted' ]]> and a\x0bvertical tab\u2028line sep.",
    "Part one, with `code` and *stars*.",
    "Part two with\ttab.",
    "Home | News | Login",
]
TGT_SENTENCES = [
    f"مرحبا {SCRIPT_TGT} بالعالم",
    f"שלום {IMG_TGT} 6% 🎉👍🏽",
    "Teil eins und zwei.",
    "Added: [link](javascript:alert(4)) # not a heading\nsecond line",
    "Startseite | Nachrichten",
]


def _document(sentences: list[str], kinds: list[str], lang: str, path: str) -> Document:
    spans, pieces, offset = [], [], 0
    for k, (text, kind) in enumerate(zip(sentences, kinds)):
        if pieces:
            pieces.append("\n\n")
            offset += 2
        spans.append(Span(offset, offset + len(text), paragraph=k, kind=kind))
        pieces.append(text)
        offset += len(text)
    return Document("".join(pieces), lang, tuple(spans), path=path, encoding="utf-8")


def _find(doc: Document, sentence: int, needle: str) -> tuple[int, int]:
    # Test helper only: locate a known needle inside one known sentence.
    span = doc.sentences[sentence]
    start = doc.text.index(needle, span.start, span.end)
    return start, start + len(needle)


def hostile_comparison() -> Comparison:
    """A comparison whose every text field holds markup, quotes, RTL script and emoji."""
    src = _document(SRC_SENTENCES, [CONTENT] * 5 + [BOILERPLATE], "en", SRC_PATH)
    tgt = _document(TGT_SENTENCES, [CONTENT] * 4 + [BOILERPLATE], "he", TGT_PATH)
    beads = (
        Bead((0,), (0,), 0.9),
        Bead((1,), (1,), 0.8),
        Bead((2,), (), 0.4),
        Bead((3, 4), (2,), 0.7),
        Bead((), (3,), 0.3),
        Bead((5,), (4,), 0.5),
    )
    alignment = Alignment(beads, len(src), len(tgt))
    scores = (
        BeadScore(0.92, {"length": 0.9, "semantic": 0.95}),
        BeadScore(0.55, {"length": 0.8, "numbers": 0.0}),
        BeadScore(0.0, {}),
        BeadScore(0.7, {"length": 0.6}),
        BeadScore(0.0, {}),
        BeadScore(0.0, {}),
    )
    s0 = _find(src, 0, SCRIPT_SRC)
    t0 = _find(tgt, 0, SCRIPT_TGT)
    five = _find(src, 1, "5%")
    rose = _find(src, 1, "rose 5%")
    flags = (
        (Flag("entity_mismatch", "major", FLAG_MESSAGE,
              (Evidence("src", 0, *s0), Evidence("tgt", 0, *t0))),),
        (Flag("number_mismatch", "minor", "numbers differ: source only ['5%'], target only ['6%']",
              (Evidence("src", 1, *five), Evidence("tgt", 1, tgt.sentences[1].start, tgt.sentences[1].end))),
         Flag("typography", "info", "odd spacing: 'rose 5%'", (Evidence("src", 1, *rose),))),
        (Flag("omission", "major", "source sentence has no counterpart in the target",
              (Evidence("src", 2, src.sentences[2].start, src.sentences[2].end),)),),
        (),
        (Flag("addition", "major", "target sentence has no counterpart in the source",
              (Evidence("tgt", 3, tgt.sentences[3].start, tgt.sentences[3].end),)),),
        (Flag("boilerplate", "info", "page furniture, not article content; set aside",
              (Evidence("src", 5, src.sentences[5].start, src.sentences[5].end),)),),
    )
    return Comparison(src, tgt, alignment, scores, flags, 0.61, DEFAULT_CONFIG)


@pytest.fixture(scope="session")
def hostile() -> Comparison:
    """The hand-built hostile comparison."""
    return hostile_comparison()


@pytest.fixture(scope="session")
def seed_comparison() -> Comparison:
    """The seed pair 000 (id) / 001 (en) through the whole pipeline."""
    return aligner.compare_files(SEEDS / "000_ae4071aa207af74f.txt", SEEDS / "001_2f5c058692c94630.txt")


@pytest.fixture(scope="session")
def hostile_pipeline() -> Comparison:
    """Hostile text through the real pipeline (segmenter, aligner, scorer, flag rules)."""
    src = aligner.from_text(
        f'{SCRIPT_SRC} The minister said "no" & left. {IMG_SRC} Prices rose 5% 🎉. '
        "مرحبا بالعالم. It's 'quoted'.", "en", path=SRC_PATH)
    tgt = aligner.from_text(
        f'{SCRIPT_TGT} Menteri berkata "tidak" & pergi. {IMG_TGT} Harga naik 6% 🎉👍🏽. '
        "שלום עולם. Itu 'dikutip'.", "id", path=TGT_PATH)
    return aligner.compare(src, tgt)
