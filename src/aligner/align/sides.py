"""What the aligner knows about each sentence of one document (:class:`Side`), and the band.

A *side* holds each sentence's length, surface tokens (numbers, long words, acronyms),
cognate keys, the sound keys of its tokens (so that a name written in another script can match:
:func:`sound_keys`), bracket depth and, where it was encoded, its sentence vector. A *window*
(:class:`Window`) is the band of DP nodes: at row ``i`` (``i`` source sentences consumed) the
target positions ``lo[i] .. lo[i] + width - 1``.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import regex

from ..measures import char_length

__all__ = [
    "PairGrid",
    "Side",
    "Window",
    "aligned_ratio",
    "block_sum",
    "bracket_profile",
    "char_length",
    "coarsen",
    "cuts_parenthesis",
    "doc_ratio",
    "expected_positions",
    "full_window",
    "make_side",
    "pair_grid",
    "ratio_prior_chars",
    "reach_starts",
    "sentence_keys",
    "sentence_sounds",
    "sound_keys",
]

_WORD = regex.compile(r"\p{N}+(?:[.,:]\p{N}+)*|\p{L}[\p{L}\p{M}\-']*")
# digit groups of three after a space (``820 000``, ``1 250 000``; thin and no-break spaces too),
# the thousands separator of many languages: read as one number, as ``820,000`` is
_SPACED_THOUSANDS = regex.compile(r"\b\p{Nd}{1,3}(?:[ \u00a0\u2009\u202f]\p{Nd}{3})+\b")
_GROUP_SPACE = regex.compile(r"[ \u00a0\u2009\u202f]")
_OPEN = frozenset("([{")
_CLOSE = frozenset(")]}")


@lru_cache(maxsize=200_000)
def _strip_accents(word: str) -> str:
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


# consonant classes of a transliterated word (vowels, h, w and y are left out): a name keeps
# its consonants through most transliterations (Trump / Трамп / 트럼프 / ترامب: T R N P), though
# transliterations often change voicing and l / r, so those share a class
_SOUND_CLASS = {c: k for cs, k in (("bpfv", "P"), ("cgkqx", "K"), ("dt", "T"), ("szj", "S"),
                                    ("lr", "R"), ("mn", "N")) for c in cs}
# a word that mixes scripts without spaces (Japanese) is read run by run; Han characters and
# hiragana are left out: their transliteration (pinyin, kana readings) does not follow the
# sounds of a foreign name the way an alphabet, a syllabary of loanwords or Hangul does
_SCRIPT_RUN = regex.compile(r"[\p{Katakana}\u30fc]+|\p{Han}+|\p{Hiragana}+|[^\p{Katakana}\u30fc\p{Han}\p{Hiragana}]+")
_NO_SOUND = regex.compile(r"[\p{Han}\p{Hiragana}]")


@lru_cache(maxsize=1)
def sound_classes() -> int:
    """Consonant classes of a sound key (``sound_classes`` of ``data/alignment/weights.json``,
    so that the weights' hash in the signature covers it): a word with fewer has no key, one
    with more keeps its first ones, so that an inflection or a particle does not count."""
    from .._version import alignment_weights_text

    return int(json.loads(alignment_weights_text()).get("sound_classes", 0))


@lru_cache(maxsize=200_000)
def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0].split("-", 1)[0]


@lru_cache(maxsize=200_000)
def _sound(run: str) -> str:
    from anyascii import anyascii

    out: list[str] = []
    for c in anyascii(run).lower():
        k = _SOUND_CLASS.get(c)
        if k is not None and (not out or out[-1] != k):
            out.append(k)
    size = sound_classes()
    return "".join(out[:size]) if size and len(out) >= size else ""


def sound_keys(word: str) -> frozenset[tuple[str, str]]:
    """``(script, key)`` of each run of ``word`` that may be a name heard in another script.

    The key is the run's first consonant classes (:func:`sound_classes`, four) after
    transliteration (anyascii); the script is the first word of its first letter's Unicode
    name (``LATIN``, ``CYRILLIC``, ``HANGUL``...). In a script with case only a capitalised run
    counts (a name, or a cognate like ``President`` / ``Президент``); in one without, every
    run (Han and hiragana runs never).
    """
    out: set[tuple[str, str]] = set()
    for run in _SCRIPT_RUN.findall(word):
        if not run[0].isalpha() or _NO_SOUND.match(run):
            continue
        if run.lower() != run.upper() and not run[0].isupper():
            continue
        key = _sound(run)
        if key:
            out.add((_script(run[0]), key))
    return frozenset(out)


@lru_cache(maxsize=200_000)
def sentence_sounds(text: str) -> frozenset[tuple[str, str, str]]:
    """``(token, script, key)``: the :func:`sound_keys` of each word token of a sentence."""
    out: set[tuple[str, str, str]] = set()
    for w in _WORD.findall(text):
        if not w[0].isdigit() and _is_word_token(w):
            low = w.lower()
            for script, key in sound_keys(w):
                out.add((low, script, key))
    return frozenset(out)


def _is_word_token(word: str) -> bool:
    """A word long enough to be a token: four letters or more, or an acronym."""
    return len(word) >= 4 or (len(word) >= 2 and word.isupper())


@lru_cache(maxsize=200_000)
def sentence_keys(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """``(tokens, numbers, cognate keys)`` of a sentence.

    Tokens are numbers (separators removed), words of four letters or more and acronyms,
    lower-cased; cognate keys are the first five letters, accents removed, of words of six
    letters or more. A number with a colon (a time, a score: ``27:37``) also gives each of its
    parts, since other scripts often write it without the colon (``27 分 37 秒``); digit groups
    separated by spaces (``820 000``) are one number.
    """
    toks: set[str] = set()
    nums: set[str] = set()
    cogs: set[str] = set()
    if " " in text or "\u00a0" in text or "\u2009" in text or "\u202f" in text:
        text = _SPACED_THOUSANDS.sub(lambda m: _GROUP_SPACE.sub("", m.group(0)), text)
    for w in _WORD.findall(text):
        if w[0].isdigit():
            n = regex.sub(r"[.,:]", "", w).lstrip("0") or "0"
            nums.add(n)
            toks.add("#" + n)
            if ":" in w:
                for part in regex.split(r"[.,:]", w):
                    part = part.lstrip("0") or "0"
                    nums.add(part)
                    toks.add("#" + part)
        elif _is_word_token(w):
            low = w.lower()
            toks.add(low)
            if len(w) >= 6:
                cogs.add(_strip_accents(low)[:5])
    return frozenset(toks), frozenset(nums), frozenset(cogs)


def bracket_profile(text: str) -> tuple[int, int]:
    """``(net, lowest)`` of a sentence's bracket depth: opening minus closing brackets, and
    the lowest depth reached (negative where it closes a bracket opened before it)."""
    depth = lowest = 0
    for c in text:
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth -= 1
            lowest = min(lowest, depth)
    return depth, lowest


@dataclass(frozen=True)
class Side:
    """Per-sentence evidence for one document (see the module docstring).

    Attributes:
        texts: the sentences.
        lengths: character lengths, shape ``(n,)``.
        tokens, numbers, cognates: per-sentence key sets (see :func:`sentence_keys`).
        sounds: per sentence, ``(token, script, key)`` of its tokens (:func:`sentence_sounds`);
            empty sets when not given.
        vectors: ``(n, dim)`` unit vectors; rows of NaN where a sentence was not encoded;
            ``None`` when nothing was encoded.
        paragraphs: paragraph index per sentence (soft evidence), or ``None``.
        brackets: ``(n, 2)`` integers, :func:`bracket_profile` of each sentence (computed from
            ``texts`` when not given).
    """

    texts: tuple[str, ...]
    lengths: np.ndarray
    tokens: tuple[frozenset[str], ...]
    numbers: tuple[frozenset[str], ...]
    cognates: tuple[frozenset[str], ...]
    vectors: np.ndarray | None = None
    paragraphs: np.ndarray | None = None
    brackets: np.ndarray | None = None
    sounds: tuple[frozenset[tuple[str, str, str]], ...] | None = None

    def __post_init__(self) -> None:
        if self.brackets is None:  # derived from the texts when not given
            object.__setattr__(self, "brackets", _brackets(self.texts))
        if self.sounds is None:
            object.__setattr__(self, "sounds", tuple(frozenset() for _ in self.texts))

    def __len__(self) -> int:
        return len(self.texts)

    @property
    def sound_sets(self) -> tuple[frozenset[tuple[str, str, str]], ...]:
        """``sounds``, never ``None``."""
        assert self.sounds is not None
        return self.sounds

    def with_vectors(self, vectors: np.ndarray | None) -> Side:
        """A copy holding ``vectors``."""
        return Side(self.texts, self.lengths, self.tokens, self.numbers, self.cognates, vectors,
                    self.paragraphs, self.brackets, self.sounds)


def coarsen(side: Side, factor: int = 2) -> Side:
    """Join every ``factor`` consecutive sentences into one (evidence merged, not recomputed)."""
    k = range(0, len(side), factor)
    return Side(
        texts=tuple(" ".join(side.texts[a : a + factor]) for a in k),
        lengths=np.array([side.lengths[a : a + factor].sum() for a in k]),
        tokens=tuple(frozenset().union(*side.tokens[a : a + factor]) for a in k),
        numbers=tuple(frozenset().union(*side.numbers[a : a + factor]) for a in k),
        cognates=tuple(frozenset().union(*side.cognates[a : a + factor]) for a in k),
        sounds=tuple(frozenset().union(*side.sound_sets[a : a + factor]) for a in k),
    )


def make_side(texts: Sequence[str], paragraphs: Sequence[int] | None = None) -> Side:
    """Build the surface evidence of a list of sentences (no encoder)."""
    keys = [sentence_keys(t) for t in texts]
    return Side(
        texts=tuple(texts),
        lengths=np.array([max(1.0, char_length(t)) for t in texts], dtype=np.float64),
        tokens=tuple(k[0] for k in keys),
        numbers=tuple(k[1] for k in keys),
        cognates=tuple(k[2] for k in keys),
        sounds=tuple(sentence_sounds(t) for t in texts),
        paragraphs=None if paragraphs is None else np.asarray(paragraphs, dtype=np.int64),
    )


def _brackets(texts: Sequence[str]) -> np.ndarray:
    return np.array([bracket_profile(t) for t in texts], dtype=np.int64).reshape(len(texts), 2)


def cuts_parenthesis(side: Side, ends: np.ndarray, size: int) -> np.ndarray:
    """Whether the ``size`` consecutive sentences ending before ``ends`` leave a bracket open
    or close one opened before them (a parenthesis cut by the bead boundary)."""
    nn = len(side)
    if nn == 0:
        return np.zeros(ends.shape, dtype=bool)
    br = side.brackets
    assert br is not None  # set by Side.__post_init__
    depth = np.zeros(ends.shape, dtype=np.int64)
    lowest = np.zeros(ends.shape, dtype=np.int64)
    for x in range(size):
        a = np.clip(ends - size + x, 0, nn - 1)
        lowest = np.minimum(lowest, depth + br[a, 1])
        depth = depth + br[a, 0]
    return (depth != 0) | (lowest < 0)


@dataclass(frozen=True)
class Window:
    """The band of DP nodes: row ``i`` holds target positions ``lo[i] .. lo[i] + width - 1``.

    ``centre`` (``(n_src + 1,)``, non-decreasing) is where the path the band was drawn around
    crosses each row (the middle of its target positions there): the sentences' expected
    positions, which do not depend on how wide the band is (:func:`expected_positions`);
    ``None``: the diagonal (the whole grid).
    """

    lo: np.ndarray  # (n_src + 1,), non-decreasing
    width: int
    centre: np.ndarray | None = None

    def cols(self, rows: tuple[int, int] | None = None) -> np.ndarray:
        """Target position of every node, shape ``(n_src + 1, width)`` (of the nodes of rows
        ``rows = (first, end)`` only, when given)."""
        lo = self.lo if rows is None else self.lo[rows[0]:rows[1]]
        return lo[:, None] + np.arange(self.width)[None, :]


def full_window(n_src: int, n_tgt: int) -> Window:
    """The whole grid as one band."""
    return Window(np.zeros(n_src + 1, dtype=np.int64), n_tgt + 1)


def expected_positions(window: Window, n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Where each source sentence's partner is expected among the ``m`` targets and each
    target's among the ``n`` sources (fractional indices, non-decreasing): along the path the
    band was drawn around (``window.centre``), else the diagonal. The same for a band of any width."""
    if window.centre is not None:
        c = np.asarray(window.centre, dtype=float)
        exp_s = 0.5 * (c[:-1] + c[1:]) - 0.5
    else:
        exp_s = (np.arange(n) + 0.5) * m / max(n, 1) - 0.5
    exp_s = np.maximum.accumulate(np.clip(exp_s, 0.0, max(m - 1, 0))) if n else exp_s
    b = np.arange(m, dtype=float)
    left = np.searchsorted(exp_s, b, side="left")
    right = np.searchsorted(exp_s, b, side="right")
    exp_t = np.clip(0.5 * (left + right - 1), 0.0, max(n - 1, 0))
    return exp_s, exp_t


def reach_starts(expected: tuple[np.ndarray, np.ndarray], radius: int) -> tuple[np.ndarray, np.ndarray]:
    """The first target of each source sentence's reach and the first source of each target's:
    the ``2 * radius + 1`` sentences of the other side centred on its expected position
    (``expected``: :func:`expected_positions`; they may run past the document's ends)."""
    exp_s, exp_t = expected
    return (np.rint(exp_s).astype(np.int64) - radius, np.rint(exp_t).astype(np.int64) - radius)


@lru_cache(maxsize=1)
def ratio_prior_chars() -> float:
    """How many characters of text the prior length ratio of :func:`doc_ratio` is worth
    (``ratio_prior_chars`` of ``data/alignment/weights.json``, so that the signature's hash
    covers it; 0: no prior)."""
    from .._version import alignment_weights_text

    return float(json.loads(alignment_weights_text()).get("ratio_prior_chars", 0.0))


def doc_ratio(src: Side, tgt: Side, prior: float = 1.0) -> float:
    """Target/source length ratio of the two documents (the Gale-Church ``c``), drawn toward
    ``prior`` (:func:`aligner.locale_data.usual_length_ratio`) the shorter the text: in log space the documents' own ratio
    weighs ``L / (L + K)``, ``L`` the shorter side's length and ``K`` :func:`ratio_prior_chars`.
    One sentence added to or left out of a short text moves its own ratio far (204 of 669
    characters: 1.06 to 0.74)."""
    a, b = float(src.lengths.sum()), float(tgt.lengths.sum())
    k = ratio_prior_chars()
    if k <= 0 or a <= 0 or b <= 0 or prior <= 0:
        return _ratio(a, b)
    w = min(a, b) / (min(a, b) + k)
    return _ratio(1.0, math.exp(w * math.log(b / a) + (1.0 - w) * math.log(prior)))


def aligned_ratio(src: Side, tgt: Side, path: Sequence[tuple[int, int, int, int]]) -> float:
    """Target/source length ratio over the sentences a path aligns (its ``(i, di, j, dj)``
    beads with both sides), i.e. :func:`doc_ratio` without the sentences it leaves out: an
    omitted or added sentence of a short document moves the whole document's ratio."""
    s = sum(float(src.lengths[i : i + di].sum()) for i, di, _, dj in path if di and dj)
    t = sum(float(tgt.lengths[j : j + dj].sum()) for _, di, j, dj in path if di and dj)
    return _ratio(s, t)


def _ratio(s: float, t: float) -> float:
    if s <= 0 or t <= 0:
        return 1.0
    return min(4.0, max(0.25, t / s))


@dataclass(frozen=True)
class PairGrid:
    """The pairs of single sentences near a band: source ``a`` (row ``a``) with targets
    ``plo[a] .. plo[a] + width - 1``; ``valid`` is False for targets outside the document."""

    plo: np.ndarray
    width: int
    valid: np.ndarray

    def gather(self, mat: np.ndarray, a: np.ndarray, b: np.ndarray, ok: np.ndarray, fill: float,
               dtype: type = np.float64) -> np.ndarray:
        """``mat`` (of the grid's shape) at pairs ``(a, b)`` where ``ok`` and inside the grid and
        the document, else ``fill``."""
        c = b - self.plo[np.clip(a, 0, len(self.plo) - 1)]
        good = ok & (c >= 0) & (c < self.width)
        out: np.ndarray = np.full(a.shape, fill, dtype=dtype)
        ac = np.clip(a, 0, mat.shape[0] - 1)
        cc = np.clip(c, 0, self.width - 1)
        vals = mat[ac, cc]
        out[good] = vals[good]
        out[good & ~self.valid[ac, cc]] = fill
        return out


def pair_grid(window: Window, n: int, m: int, max_bead: int, radius: int = 0,
              reach: tuple[np.ndarray, np.ndarray] | None = None) -> PairGrid:
    """The sentence pairs that the beads (up to ``max_bead`` sentences a side) ending at the
    window's nodes, and their neighbours, look at; with ``radius``, also every sentence's
    reach, on both sides (``reach``: :func:`reach_starts` of the window's expected positions
    and ``radius``, computed here when not given)."""
    k = max_bead
    if not n:
        return PairGrid(window.lo[:0] - k - 1, 1, np.zeros((0, 1), dtype=bool))
    # a bead ending at node (i, j) pairs source a = i-1-x with target b = j-1-y (x, y < k),
    # and its neighbours a = i-k-1 .. i with targets j-k-1 .. j (the neighbour margin);
    # row a is used by nodes of rows a .. a+k+1, so cover their columns.
    lo_rows = window.lo[:-1]
    hi_idx = np.minimum(np.arange(n) + k + 1, n)
    plo = lo_rows - k - 1
    end = window.lo[hi_idx] + window.width + 1  # one past the last column a row needs
    if radius and m:
        src_start, tgt_start = reach if reach is not None else reach_starts(expected_positions(window, n, m), radius)
        # the targets whose reach holds source a: tgt_start[b] <= a <= tgt_start[b] + 2 radius
        a = np.arange(n)
        first = np.searchsorted(tgt_start, a - 2 * radius, side="left")
        last = np.searchsorted(tgt_start, a, side="right")  # one past
        has = last > first
        plo = np.minimum(plo, np.minimum(src_start, np.where(has, first, src_start)))
        end = np.maximum(end, np.maximum(src_start + 2 * radius + 1, np.where(has, last, 0)))
    width = int(np.max(end - plo))
    cols = plo[:, None] + np.arange(width)[None, :]
    return PairGrid(plo, width, (cols >= 0) & (cols < m))


def block_sum(values: np.ndarray, ends: np.ndarray, size: int) -> np.ndarray:
    """Sum of ``values`` over the ``size`` consecutive sentences ending before each of ``ends``."""
    cum = np.r_[0.0, np.cumsum(values)]
    e = np.clip(ends, 0, len(values))
    return cum[e] - cum[np.clip(e - size, 0, len(values))]
