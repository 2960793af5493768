"""Compare a set of documents: which are versions of one article, which tell the same story.

The cost grows with the number of documents ``N`` in three stages, each cheaper per pair
than the next and run on fewer pairs:

1. **Fingerprints**, once per document (linear in ``N``): the sentence vectors of its
   content sentences (page furniture is set aside), their normalised mean, and the names,
   numbers and dates it mentions (:mod:`aligner.compare.entities`).
2. **Screening**, every pair (``N(N-1)/2`` dot products of fingerprint vectors and set
   intersections of name words): pairs whose document cosine reaches
   ``SetThresholds.candidate_cosine`` become candidates.
3. **Sentence evidence** for candidates only: mutual-best sentence matches above
   ``sentence_match`` that also keep their order (the longest increasing chain); their share
   of both documents is the ``coverage``. A pair whose coverage reaches
   ``translation_coverage`` is a ``translation`` and only then gets the full comparison
   (alignment, fidelity, flags) of :func:`aligner.compare.compare_documents`.

Two copies of one article in the same language are versions too, so they come out as
``translation``. A pair that is not a translation is ``related`` when the documents share informative names
and their cosine reaches ``related_cosine_with_names``, or their cosine alone reaches
``related_cosine``; otherwise ``unrelated``. Thresholds were tuned on NTREX dev folders
(see ``docs/benchmarks.md``, section *Multi-version comparison*).
"""

from __future__ import annotations

import bisect
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..config import DEFAULT_CONFIG, Config
from ..document import Document
from ..progress import step
from ..embed import Encoder, get_encoder
from ..embed.coverage import AUTO, pick_set_encoder
from ..errors import ConfigError, InputError
from .components import connected_components
from .entities import Entities, extract_entities, name_tokens
from .pair import Comparison, compare_documents
from .story import StoryMatrix, StoryRow, story_matrix

__all__ = [
    "RELATIONS", "SetThresholds", "DEFAULT_THRESHOLDS", "Fingerprint", "PairEvidence", "PairRelation",
    "VersionCoverage", "NWayView", "StoryRow", "StoryMatrix", "SetStats", "SetComparison",
    "fingerprint", "sentence_coverage", "compare_set",
]

logger = logging.getLogger("aligner")

#: The relations a pair of documents can have, closest first.
RELATIONS: tuple[str, ...] = ("translation", "related", "unrelated")


@dataclass(frozen=True)
class SetThresholds:
    """The decision thresholds of :func:`compare_set` (all cosines of unit vectors).

    Attributes:
        candidate_cosine: document cosine from which a pair gets sentence-level evidence.
        sentence_match: least cosine of a mutual-best sentence match that counts.
        translation_coverage: least share of both documents' content sentences covered by
            in-order matches for a ``translation``.
        related_cosine_with_names: least document cosine for ``related`` when the pair shares
            at least ``related_min_names`` informative name words, or one that both mention
            at least twice.
        related_min_names: see above.
        related_cosine: least document cosine for ``related`` without shared names.
        min_matches: a ``translation`` needs this many in-order matches, unless (very short
            documents) their mean cosine reaches ``short_match_similarity``.
        short_match_similarity: see above.
    """

    candidate_cosine: float = 0.45
    sentence_match: float = 0.45
    translation_coverage: float = 0.5
    related_cosine_with_names: float = 0.3
    related_min_names: int = 2
    related_cosine: float = 0.8
    min_matches: int = 3
    short_match_similarity: float = 0.7

    def __post_init__(self) -> None:
        for name in ("candidate_cosine", "sentence_match", "translation_coverage",
                     "related_cosine_with_names", "related_cosine", "short_match_similarity"):
            value = getattr(self, name)
            if not -1.0 <= value <= 1.0:
                raise ConfigError(f"threshold {name} must be in [-1, 1], got {value!r}")
        for name in ("related_min_names", "min_matches"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be >= 1, got {getattr(self, name)!r}")

    @property
    def signature(self) -> str:
        """The thresholds as one signature part, e.g. ``cand:0.45|sent:0.45|...``."""
        return (f"cand:{self.candidate_cosine:g}|sent:{self.sentence_match:g}|cov:{self.translation_coverage:g}"
                f"|relnames:{self.related_min_names}@{self.related_cosine_with_names:g}"
                f"|rel:{self.related_cosine:g}|minmatch:{self.min_matches}@{self.short_match_similarity:g}")


DEFAULT_THRESHOLDS = SetThresholds()


@dataclass(frozen=True, eq=False)
class Fingerprint:
    """The cheap summary of one document used to screen pairs.

    Attributes:
        vectors: ``(n_content, dim)`` unit rows, one per content sentence, in order.
        centroid: the normalised mean of ``vectors`` (zeros when there is no content).
        entities: names, numbers and dates of the content sentences.
        names: informative name words and their mention counts
            (:func:`aligner.compare.entities.name_tokens`).
        weak_names: the same for weak name candidates (German nouns, sentence openers);
            they count as shared only with another document's ``names``.
    """

    vectors: np.ndarray
    centroid: np.ndarray
    entities: Entities
    names: dict[str, int]
    weak_names: dict[str, int] = field(default_factory=dict)

    def shared_names(self, other: "Fingerprint") -> frozenset[str]:
        """Name words both mention, at least one of them as a (strong) name."""
        mine, theirs = self.names.keys(), other.names.keys()
        shared = (mine & (theirs | other.weak_names.keys())) | (theirs & self.weak_names.keys())
        # "inggris" also gave "inggri" (a genitive s dropped): one name, not two
        return frozenset(w for w in shared if w + "s" not in shared)

    def mentions(self, word: str) -> int:
        """How often this document mentions name word ``word`` (strong or weak)."""
        return self.names.get(word, 0) + self.weak_names.get(word, 0)


@dataclass(frozen=True)
class PairEvidence:
    """Why a pair got its relation.

    Attributes:
        cosine: cosine of the two fingerprint centroids.
        coverage: share of both documents' content sentences in the in-order mutual-best
            matches, ``2 * matched / (n_a + n_b)``; ``None`` when the pair was screened out.
        matched: number of those in-order matches (0 when screened out).
        match_similarity: mean cosine of those matches (0.0 when there are none).
        n_a, n_b: content sentences in each document.
        shared_names: informative name words both mention, sorted.
        salient_names: those of ``shared_names`` that each document mentions at least twice.
        shared_numbers: number values both mention, sorted.
        shared_dates: ``MM-DD`` dates both mention, sorted.
    """

    cosine: float
    coverage: float | None
    matched: int
    n_a: int
    n_b: int
    match_similarity: float = 0.0
    shared_names: tuple[str, ...] = ()
    salient_names: tuple[str, ...] = ()
    shared_numbers: tuple[str, ...] = ()
    shared_dates: tuple[str, ...] = ()

    @property
    def length_ratio(self) -> float:
        """Shorter over longer content sentence count (1.0 for equal lengths)."""
        longest = max(self.n_a, self.n_b)
        return min(self.n_a, self.n_b) / longest if longest else 1.0


@dataclass(frozen=True)
class PairRelation:
    """The relation of documents ``a`` and ``b`` (indices into ``SetComparison.documents``, ``a < b``).

    ``similarity`` in ``[0, 1]`` is ``(max(cosine, 0) + coverage) / 2`` with a screened-out
    pair's coverage taken as 0: translations score about 0.75 and above, unrelated pairs low.
    """

    a: int
    b: int
    relation: str
    similarity: float
    evidence: PairEvidence

    def __post_init__(self) -> None:
        if self.relation not in RELATIONS:
            raise ValueError(f"relation must be one of {RELATIONS}, got {self.relation!r}")
        if not 0 <= self.a < self.b:
            raise ValueError(f"need 0 <= a < b, got a={self.a}, b={self.b}")


@dataclass(frozen=True)
class VersionCoverage:
    """How one version covers the pivot's content sentences.

    Attributes:
        doc: the version (index into the set's documents).
        covered: for each pivot content sentence (in ``NWayView.pivot_sentences`` order), the
            version's sentence indices aligned to it; empty when the version omits it.
        added: the version's content sentences aligned to no pivot sentence.
        comparison: index into ``SetComparison.comparisons`` of the pivot -> version comparison.
    """

    doc: int
    covered: tuple[tuple[int, ...], ...]
    added: tuple[int, ...]
    comparison: int

    @property
    def omitted(self) -> tuple[int, ...]:
        """Positions (into ``covered``) of pivot sentences this version leaves out."""
        return tuple(k for k, ids in enumerate(self.covered) if not ids)


@dataclass(frozen=True)
class NWayView:
    """A group of versions of one article seen through a pivot document.

    Attributes:
        pivot: the pivot document (index into the set's documents).
        pivot_sentences: the pivot's content sentence indices, the rows of the view.
        versions: one ``VersionCoverage`` per other member of the group, in input order.
    """

    pivot: int
    pivot_sentences: tuple[int, ...]
    versions: tuple[VersionCoverage, ...]

    @property
    def members(self) -> tuple[int, ...]:
        """The pivot first, then the versions."""
        return (self.pivot,) + tuple(v.doc for v in self.versions)


@dataclass(frozen=True)
class SetStats:
    """What the run cost: pairs screened, pairs given sentence evidence, full comparisons run."""

    documents: int
    pairs: int
    candidates: int
    full_comparisons: int


@dataclass(frozen=True)
class SetComparison:
    """The result of :func:`compare_set`.

    Attributes:
        documents: the inputs, in the order given.
        pairs: every unordered pair once, ``(a, b)`` with ``a < b``, in lexicographic order.
        comparisons: full comparisons of translation pairs (and pivot comparisons a group needs).
        groups: sets of documents linked by translation relations (two or more each).
        views: one N-way view per group, in group order.
        stories: one story matrix per cluster of documents linked by translation or related
            relations, in order of their first document.
        stats: the cost figures.
        config: settings of the pair comparisons.
        encoder: name of the sentence encoder used for fingerprints.
        thresholds: the decision thresholds.
    """

    documents: tuple[Document, ...]
    pairs: tuple[PairRelation, ...]
    comparisons: tuple[Comparison, ...]
    groups: tuple[tuple[int, ...], ...]
    views: tuple[NWayView, ...]
    stories: tuple[StoryMatrix, ...]
    stats: SetStats
    config: Config
    encoder: str
    thresholds: SetThresholds = field(default=DEFAULT_THRESHOLDS)

    @property
    def signature(self) -> str:
        """The pair settings' signature plus the set encoder and thresholds."""
        return f"{self.config.signature}|set-enc:{self.encoder}|{self.thresholds.signature}"

    def relation(self, a: int, b: int) -> PairRelation:
        """The relation of documents ``a`` and ``b`` (either order)."""
        a, b = min(a, b), max(a, b)
        n = len(self.documents)
        if not (0 <= a < b < n):
            raise IndexError(f"no pair ({a}, {b}) among {n} documents")
        k = a * n - a * (a + 1) // 2 + (b - a - 1)
        return self.pairs[k]

    def comparison_for(self, a: int, b: int) -> Comparison | None:
        """The full comparison of documents ``a`` and ``b`` (either orientation), if one ran."""
        da, db = self.documents[a], self.documents[b]
        for c in self.comparisons:
            if (c.src is da and c.tgt is db) or (c.src is db and c.tgt is da):
                return c
        return None

    def by_relation(self, relation: str) -> tuple[PairRelation, ...]:
        """The pairs with ``relation``."""
        if relation not in RELATIONS:
            raise ConfigError(f"unknown relation {relation!r}; choose one of {list(RELATIONS)}")
        return tuple(p for p in self.pairs if p.relation == relation)


def fingerprint(doc: Document, vectors: np.ndarray) -> Fingerprint:
    """The fingerprint of ``doc``: content sentence vectors, their centroid, names and numbers.

    ``vectors`` holds one row per content sentence (``doc.content_indices``), in order.
    """
    if len(vectors) != len(doc.content_indices):
        raise ValueError(f"need one vector per content sentence ({len(doc.content_indices)}), got {len(vectors)}")
    if len(vectors):
        vectors = np.asarray(vectors, dtype=np.float32)
        mean = vectors.mean(axis=0)
        norm = float(np.linalg.norm(mean))
        centroid = mean / norm if norm > 0 else mean
    else:
        vectors = np.zeros((0, 1), dtype=np.float32)
        centroid = np.zeros(1, dtype=np.float32)
    entities = extract_entities(doc)
    return Fingerprint(vectors, centroid.astype(np.float32), entities, name_tokens(entities.names),
                       name_tokens(entities.weak_names))


def sentence_coverage(a: np.ndarray, b: np.ndarray, threshold: float) -> tuple[int, float, float]:
    """In-order mutual-best matches between two sentence-vector matrices and their coverage.

    A match is a pair ``(i, j)`` where ``j`` is the most similar row of ``b`` to ``a[i]`` and
    ``i`` the most similar row of ``a`` to ``b[j]``, with cosine >= ``threshold``. The matches
    kept are the longest chain increasing in both ``i`` and ``j``. Returns
    ``(matched, 2 * matched / (len(a) + len(b)), mean cosine of the matches kept)``.

    Example:
        >>> e = np.eye(3, dtype=np.float32)
        >>> sentence_coverage(e, e[[0, 2, 1]], 0.5)
        (2, 0.6666666666666666, 1.0)
    """
    n, m = len(a), len(b)
    if n == 0 or m == 0:
        return 0, 0.0, 0.0
    sims = a @ b.T
    best_j = sims.argmax(axis=1).tolist()
    best_i = sims.argmax(axis=0).tolist()
    best_sim = sims.max(axis=1).tolist()
    # longest chain increasing in j (patience sorting), remembering the chain itself
    tails: list[int] = []
    tail_pos: list[int] = []
    back: dict[int, int] = {}
    matches: list[tuple[int, int]] = []
    for i in range(n):
        j = best_j[i]
        if best_i[j] == i and best_sim[i] >= threshold:
            k = bisect.bisect_left(tails, j)
            pos = len(matches)
            matches.append((i, j))
            back[pos] = tail_pos[k - 1] if k else -1
            if k == len(tails):
                tails.append(j)
                tail_pos.append(pos)
            else:
                tails[k] = j
                tail_pos[k] = pos
    if not tails:
        return 0, 0.0, 0.0
    chain, pos = [], tail_pos[-1]
    while pos >= 0:
        chain.append(matches[pos])
        pos = back[pos]
    mean = float(np.mean([best_sim[i] for i, _ in chain]))
    return len(chain), 2.0 * len(chain) / (n + m), mean


def _relation(ev: PairEvidence, th: SetThresholds) -> str:
    if ev.coverage is not None and ev.coverage >= th.translation_coverage and (
            ev.matched >= th.min_matches or ev.match_similarity >= th.short_match_similarity):
        return "translation"
    if ev.cosine >= th.related_cosine_with_names and (
            len(ev.shared_names) >= th.related_min_names or ev.salient_names):
        return "related"
    if ev.cosine >= th.related_cosine:
        return "related"
    return "unrelated"


def _shared_keys(x: Sequence[object], y: Sequence[object]) -> tuple[str, ...]:
    return tuple(sorted({m.key for m in x} & {m.key for m in y}))  # type: ignore[attr-defined]


def _components(n: int, edges: Sequence[tuple[int, int]]) -> tuple[tuple[int, ...], ...]:
    return tuple(tuple(g) for g in connected_components(n, edges) if len(g) >= 2)


def _resolve_encoder(encoder: str | Encoder, max_chars: int, docs: Sequence[Document] = ()) -> tuple[Encoder, str]:
    """The fingerprint encoder and its name; ``auto`` picks by the documents' languages
    (:func:`~aligner.embed.coverage.pick_set_encoder`) and is named ``auto=<encoder>``."""
    if isinstance(encoder, str):
        if encoder == AUTO:
            chosen = pick_set_encoder([d.lang for d in docs])
            enc = get_encoder(chosen, max_chars)
            if enc is None:
                raise ConfigError("compare_set needs a sentence encoder to fingerprint documents; none is installed")
            return enc, f"{AUTO}={chosen}"
        enc = get_encoder(encoder, max_chars)
        if enc is None:
            raise ConfigError("compare_set needs a sentence encoder to fingerprint documents; "
                              "choose e.g. 'use' (encoder 'none' has no vectors)")
        return enc, encoder
    return encoder, getattr(encoder, "name", type(encoder).__name__)


def _is_named(doc: Document, pivot: str) -> bool:
    """Is ``doc`` the file ``pivot`` names (its path, or its file name)?"""
    return doc.path is not None and (doc.path == pivot or os.path.basename(doc.path) == pivot)


def _choose_pivot(group: tuple[int, ...], docs: Sequence[Document], pivot: str | None,
                  coverage: dict[tuple[int, int], float]) -> int:
    """The pivot of a group of versions: the one ``pivot`` names (a file, or a language),
    else the longest version (most content characters), the likeliest to be the original
    the others were translated from (a translation omits more than it adds); ties go to the
    member most covered by the others. The text alone does not tell which version is the
    original, so ``--pivot`` is there to say it."""
    if pivot:
        for i in group:
            if _is_named(docs[i], pivot):
                return i
        for i in group:
            if docs[i].lang == pivot:
                return i

    def centrality(i: int) -> float:
        return sum(coverage.get((min(i, j), max(i, j)), 0.0) for j in group if j != i)

    def content_chars(i: int) -> int:
        d = docs[i]
        return sum(d.sentences[k].end - d.sentences[k].start for k in d.content_indices)

    return max(group, key=lambda i: (content_chars(i), centrality(i), -i))


def _view(pivot: int, comparisons: list[tuple[int, int, Comparison]], group: tuple[int, ...],
          docs: Sequence[Document], index: dict[tuple[int, int], int]) -> NWayView:
    p_doc = docs[pivot]
    rows = p_doc.content_indices
    versions = []
    for v in group:
        if v == pivot:
            continue
        k = index[(pivot, v)]
        c = comparisons[k][2]
        v_content = set(docs[v].content_indices)
        to_version: dict[int, tuple[int, ...]] = {}
        added: list[int] = []
        for bead in c.alignment.beads:
            tgt = tuple(j for j in bead.tgt if j in v_content)
            if bead.src:
                for i in bead.src:
                    to_version[i] = tgt
            else:
                added.extend(tgt)
        versions.append(VersionCoverage(v, tuple(to_version.get(i, ()) for i in rows), tuple(sorted(added)), k))
    return NWayView(pivot, rows, tuple(versions))


def compare_set(documents: Sequence[Document], config: Config = DEFAULT_CONFIG, *,
                encoder: str | Encoder = AUTO, pivot: str | None = None,
                thresholds: SetThresholds = DEFAULT_THRESHOLDS) -> SetComparison:
    """Classify every pair of ``documents`` and compare the versions of each article.

    Args:
        documents: two or more documents (e.g. from :func:`aligner.load`), any languages.
        config: settings of the full pair comparisons run on translation pairs.
        encoder: the sentence encoder for fingerprints, by registry name or as an object;
            ``auto`` (the default) takes the first bundled encoder that covers every language
            of the set (USE, else e5: a Finnish or Hindi version among English and German ones
            needs e5 to land beside them).
        pivot: the pivot version of each group of translations, by file (path or file name)
            or by language; a group without such a member (and every group by default)
            pivots on its longest version (see :func:`_choose_pivot`).
        thresholds: the decision thresholds.

    Raises:
        InputError: fewer than two documents.
        ConfigError: encoder ``"none"``, an unknown encoder name, or a malformed ``pivot``.
    """
    docs = tuple(documents)
    n = len(docs)
    if n < 2:
        raise InputError(f"compare_set needs at least two documents, got {n}")
    if pivot is not None and not (pivot.isascii() and pivot.isalpha() and 2 <= len(pivot) <= 3) \
            and not any(_is_named(d, pivot) for d in docs):
        raise ConfigError(f"pivot must be a language code such as 'en' or one of the files, got {pivot!r}")
    enc, enc_name = _resolve_encoder(encoder, config.encoder_max_chars, docs)

    # 1. fingerprints: every content sentence through the encoder in one batch
    texts = [d.sentence_text(i) for d in docs for i in d.content_indices]
    with step("fingerprinting", total=len(texts)) as progress:
        encoded = np.asarray(enc.encode(texts), dtype=np.float32) if texts else np.zeros((0, 1), np.float32)
        progress.advance(len(texts))
    ends = np.cumsum([len(d.content_indices) for d in docs])
    prints = [fingerprint(d, encoded[end - len(d.content_indices):end]) for d, end in zip(docs, ends)]
    dim = max(p.centroid.shape[0] for p in prints)
    centroids = np.stack([p.centroid if p.centroid.shape[0] == dim else np.zeros(dim, np.float32)
                          for p in prints])

    # 2. screening every pair by centroid cosine; 3. sentence evidence for candidates
    cos = centroids @ centroids.T
    pairs: list[PairRelation] = []
    coverage: dict[tuple[int, int], float] = {}
    candidates = 0
    for a in range(n):
        for b in range(a + 1, n):
            c_ab = float(cos[a, b])
            cov: float | None = None
            matched, mean_sim = 0, 0.0
            if c_ab >= thresholds.candidate_cosine:
                candidates += 1
                matched, cov, mean_sim = sentence_coverage(prints[a].vectors, prints[b].vectors,
                                                           thresholds.sentence_match)
                coverage[(a, b)] = cov
            ea, eb = prints[a].entities, prints[b].entities
            shared = tuple(sorted(prints[a].shared_names(prints[b])))
            ev = PairEvidence(
                cosine=round(c_ab, 6), coverage=None if cov is None else round(cov, 6), matched=matched,
                n_a=len(docs[a].content_indices), n_b=len(docs[b].content_indices),
                match_similarity=round(mean_sim, 6),
                shared_names=shared,
                salient_names=tuple(w for w in shared if min(prints[a].mentions(w), prints[b].mentions(w)) >= 2),
                shared_numbers=_shared_keys(ea.numbers, eb.numbers),
                shared_dates=_shared_keys(ea.dates, eb.dates),
            )
            similarity = round(min(1.0, (max(c_ab, 0.0) + (cov or 0.0)) / 2.0), 6)
            pairs.append(PairRelation(a, b, _relation(ev, thresholds), similarity, ev))

    # groups of versions, their pivots, and the full comparisons they need
    translation_edges = [(p.a, p.b) for p in pairs if p.relation == "translation"]
    groups = _components(n, translation_edges)
    pivots = {g: _choose_pivot(g, docs, pivot, coverage) for g in groups}
    comparisons: list[tuple[int, int, Comparison]] = []
    index: dict[tuple[int, int], int] = {}

    def run(src: int, tgt: int) -> None:
        if (src, tgt) in index:
            return
        logger.debug("full comparison %s / %s", docs[src].path, docs[tgt].path)
        index[(src, tgt)] = len(comparisons)
        comparisons.append((src, tgt, compare_documents(docs[src], docs[tgt], config)))

    group_of = {i: g for g in groups for i in g}
    for a, b in translation_edges:
        p = pivots[group_of[a]]
        if b == p:
            a, b = b, a
        run(a, b)
    for g in groups:
        for v in g:
            if v != pivots[g]:
                run(pivots[g], v)
    views = tuple(_view(pivots[g], comparisons, g, docs, index) for g in groups)

    story_edges = [(p.a, p.b) for p in pairs if p.relation != "unrelated"]
    stories = tuple(story_matrix(c, [prints[i].entities for i in c]) for c in _components(n, story_edges))
    stats = SetStats(documents=n, pairs=len(pairs), candidates=candidates, full_comparisons=len(comparisons))
    return SetComparison(docs, tuple(pairs), tuple(c for _, _, c in comparisons), groups, views, stories,
                         stats, config, enc_name, thresholds)
