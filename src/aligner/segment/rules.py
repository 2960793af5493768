"""Per-language sentence boundary rules inside one paragraph.

How a paragraph is split:

1. **Gaps.** Every run of white space between two tokens is a candidate boundary. The
   punctuation rules give each gap a *vote* (:func:`rule_vote`): ``B`` a terminal mark that
   ends a sentence, ``A`` a known abbreviation, ``F`` an abbreviation that often ends a sentence
   (``dll.``, ``etc.``), ``I`` an initial, ``O`` a German ordinal or
   date (``am 1. Januar``), ``D`` a dotted abbreviation (``z.B.``), ``E`` an ellipsis, ``C`` a
   colon, ``S`` a semicolon, ``M`` an emoticon, ``G`` the end of a greeting or sign-off
   (``Hi John,`` ``Best regards,``; lists in ``data/segmentation/``), ``N`` no final
   punctuation.
2. **Learned weights.** Where ``aligner/data/segmentation/<lang>.weights.tsv`` exists, a
   logistic model (:mod:`aligner.segment.model`) scores the gap from the vote and cheap
   features of the tokens on both sides (word shapes, the words themselves, Korean verb
   endings such as -다, -요, -죠, -니다). This finds boundaries that punctuation does not
   show: e-mail headers, list items, unpunctuated Korean sentences (-다, -요 ...), a
   lower-case sentence start in informal English. Elsewhere, and for votes the weights
   never saw, the vote decides: ``B`` and ``F`` before anything but a lower-case letter,
   ``G`` always.
3. **No-space boundaries.** Inside a token: CJK full stops (``。``, ``！``, ``？``, also
   before digits), Japanese ASCII ``!``/``?`` between letters, and a Korean full stop
   between two Hangul syllables (``맡았다.그 후``). A closing quote stays with its sentence,
   and a Korean quote followed by a particle (``같다."고 말했다``) is not a boundary.

Abbreviation lists live in ``aligner/data/abbreviations/<lang>.txt`` (one per line, without
the final dot; a line ``-str`` makes every longer word ending in ``str`` one) and
``<lang>.final.txt`` (those that often end a sentence); month names, ordinal cues, Korean
endings, greetings and sign-offs in ``aligner/data/segmentation/``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import regex

from .model import BoundaryModel, boundary_model

__all__ = [
    "split_paragraph", "split_with_model", "abbreviations", "rule_vote", "gap_features", "gaps",
    "intoken_boundaries", "RULES_VERSION",
]

#: Bumped whenever a rule or a shipped weight file changes the output.
RULES_VERSION = "seg-2"

_NO_SPACE_LANGS = {"zh", "ja"}
CLOSERS = "\"'”’»)]}」』）】》›〉〕］｝"
#: What may trail a sentence's final mark: closers, and German closing quotes (“Ja.“, ‚so.‘).
_TRAILERS = CLOSERS + "“‘"
OPENERS = "\"'“‘«([{「『（【《‹〈〔［｛¿¡`"
#: Final marks: Latin, and for the generic fallback Devanagari dandas, Arabic question mark,
#: Urdu full stop, Ethiopic, Armenian and Myanmar full stops.
_TERM = ".!?…‼⁇⁈⁉।॥؟۔።։။"
_TOKEN = regex.compile(r"\S+")
# Inside a token: CJK terminals (then closers) followed by more text.
_CJK_IN = regex.compile(r"[。！？｡]++[" + regex.escape(CLOSERS) + r"]*+(?=[^\s。！？｡．.!?])")
# Japanese quotation particles after a closing quote: 「行きます。」と彼は言った。
_JA_QUOTE_PARTICLE = regex.compile(r"[とっ]")
# Japanese and Chinese also end sentences with ASCII or full-width ! ?, ☆ and ASCII ".." glued
# to the next one.
_CJK_BANG_IN = regex.compile(
    r"(?<=[\p{Han}\p{Hiragana}\p{Katakana}ー）」』])(?:[!?！？☆★♪]+|\.{2,})[" + regex.escape(CLOSERS) + r"]*"
    r"(?=[\p{Han}\p{Hiragana}\p{Katakana}「『（\p{N}\p{Lu}])"
)
# Korean full stop (or ! ?) between two Hangul syllables: "맡았다.그 후".
_KO_IN = regex.compile(r"(?<=\p{Hangul})[.!?]+(?=\p{Hangul})")
_EMOTICON = regex.compile(r"^(?:[:;=8xX][-o^']?[()\[\]DPpOo3/\\|*]+|\^[_-]?\^|<3|[()\[\]][-o^']?[:;=])$")
# Tokens that trail a sentence: Hangul jamo laughs and cries (ㅋㅋ, ㅠㅠ), ^^, ~~.
_TAIL = regex.compile(r"[\u3131-\u318e^~]+[.!?~]*$")
_TAIL_START = frozenset(chr(c) for c in range(0x3131, 0x318F)) | {"^", "~"}
_BULLETS = frozenset("-*•·–—>")
_NUMBERED = regex.compile(r"^\(?\d{1,2}[.)]$")
_TIME = regex.compile(r"^\d{1,2}:\d\d(?::\d\d)?(?:[ap]m)?$", regex.I)
_URLISH = regex.compile(r"://|^www\.|@\w|\.(?:com|org|net|de|id|go\.id|co\.kr|html?|pdf|doc)$", regex.I)


def _read_list(*parts: str) -> frozenset[str]:
    try:
        data = resources.files("aligner.data").joinpath(*parts).read_text("utf-8")
    except (FileNotFoundError, OSError):
        return frozenset()
    return frozenset(
        line.strip().rstrip(".").lower()
        for line in data.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@lru_cache(maxsize=None)
def abbreviations(lang: str) -> frozenset[str]:
    """Lower-cased abbreviations (without the final dot) known for ``lang``.

    Languages without a list of their own get ``abbreviations/generic.txt``.
    """
    words = _read_list("abbreviations", f"{lang}.txt") or _read_list("abbreviations", "generic.txt")
    return frozenset(w for w in words if not w.startswith("-"))


@lru_cache(maxsize=None)
def abbreviation_suffixes(lang: str) -> tuple[str, ...]:
    """Endings that make a word an abbreviation (``-str`` in German: ``Hauptstr.``)."""
    return tuple(w[1:] for w in _read_list("abbreviations", f"{lang}.txt") if w.startswith("-"))


@lru_cache(maxsize=None)
def final_abbreviations(lang: str) -> frozenset[str]:
    """Abbreviations that often end a sentence (``dll.``, ``etc.``): a boundary before a capital."""
    return _read_list("abbreviations", f"{lang}.final.txt")


@lru_cache(maxsize=None)
def korean_endings() -> tuple[str, ...]:
    """Korean sentence-final endings, longest first."""
    return tuple(sorted(_read_list("segmentation", "ko.endings.txt"), key=len, reverse=True))


@lru_cache(maxsize=None)
def months(lang: str) -> frozenset[str]:
    """Lower-cased month names for ``lang`` (date rule: ``am 1. Januar``)."""
    return _read_list("segmentation", f"{lang}.months.txt")


@lru_cache(maxsize=None)
def ordinal_cues(lang: str) -> frozenset[str]:
    """Words after which ``<number>.`` is an ordinal (``Die 27. Kammer``, ``am 1.``)."""
    return _read_list("segmentation", f"{lang}.ordinal-cues.txt")


def _shape(ch: str) -> str:
    if ch.islower():
        return "a"
    if ch.isupper():
        return "A"
    if ch.isdigit():
        return "9"
    if "\uac00" <= ch <= "\ud7a3":
        return "H"
    if "\u4e00" <= ch <= "\u9fff":
        return "C"
    if ch.isalpha():
        return "o"
    return ch


def _word_shape(word: str) -> str:
    if not word:
        return "-"
    if word.isupper() and len(word) > 1:
        return "UP"
    first = word[0]
    if first.isupper():
        return "Cap"
    if first.islower():
        return "low"
    if first.isdigit():
        return "num"
    return _shape(first)


def _greeting(phrase: str, left: str, right: str) -> bool:
    """Is ``phrase`` (ending with ``left``) a whole greeting or sign-off line?"""
    mark = left[-1]
    if mark != "," and mark != "!":
        return False
    key = phrase[:-1]
    if key in signoffs():
        return True
    first = key.split(" ", 1)[0]
    return first in _greeting_heads() and any(key == g or key.startswith(g + " ") for g in greetings())


@lru_cache(maxsize=None)
def greetings() -> frozenset[str]:
    """Openers of greeting lines, lower case (``hi``, ``dear``, ``sehr geehrte``)."""
    return _read_list("segmentation", "greetings.txt")


@lru_cache(maxsize=None)
def _greeting_heads() -> frozenset[str]:
    return frozenset(g.split(" ", 1)[0] for g in greetings())


@lru_cache(maxsize=None)
def signoffs() -> frozenset[str]:
    """Sign-off phrases, lower case (``thanks``, ``best regards``, ``viele grüße``)."""
    return _read_list("segmentation", "signoffs.txt")


def rule_vote(prev: str, left: str, right: str, lang: str, phrase: str = "") -> str:
    """The punctuation rules' vote on the gap between tokens ``left`` and ``right``.

    ``prev`` is the token before ``left`` ('' at the paragraph start); ``phrase`` is the
    short run of tokens since the last final mark (see :func:`gaps`), '' if unknown.

    Example:
        >>> rule_vote("", "Dr.", "Smith", "en"), rule_vote("am", "1.", "Januar", "de")
        ('A', 'O')
    """
    if phrase and _greeting(phrase, left, right):
        return "G"
    core = left.rstrip(_TRAILERS) or left
    last = core[-1]
    if last not in _TERM:
        if last == ":":
            return "M" if _EMOTICON.match(left) else "C"
        if last == ";":
            return "M" if _EMOTICON.match(left) else "S"
        if _EMOTICON.match(left):
            return "M"
        return "N"
    if last == "." and not core.endswith(".."):
        stem = core[:-1].lstrip(OPENERS)
        low = stem.lower()
        if not stem:
            return "B"
        if _URLISH.search(stem):
            return "B"
        if low in final_abbreviations(lang):
            return "F"
        if low in abbreviations(lang) or (len(low) > 4 and low.endswith(abbreviation_suffixes(lang))):
            return "A"
        if stem.isdigit() and len(stem) <= 3:
            r = right.lstrip(OPENERS).lower().rstrip(".,")
            if r in months(lang) or prev.lower() in ordinal_cues(lang):
                return "O"
            return "B"
        if len(stem) == 1 and stem.isalpha():
            return "I"
        if "." in stem and all(0 < len(piece) <= 3 and piece.isalpha() for piece in stem.split(".")):
            return "D"
        return "B"
    if core.endswith("..") or last == "…":
        return "E"
    return "B"


def gap_features(prev: str, left: str, right: str, lang: str, vote: str) -> list[str]:
    """Feature names of the gap between ``left`` and ``right`` for the learned model."""
    core = left.rstrip(_TRAILERS) or left
    stem = core.rstrip(_TERM + ":;,") or core
    lc = _shape(left[-1])
    l2 = _shape(left[-2]) + lc if len(left) > 1 else "^" + lc
    rc = _shape(right[0])
    rword = right.lstrip(OPENERS) or right
    rshape = _word_shape(rword)
    # Numbers are not words to learn one by one ("Page 1 of"): they share one feature.
    rkey = "#" if rword[0].isdigit() else rword.lower()[:12]
    low = left.lower()
    if vote == "B":
        # A terminal mark after a word: only the next token and the word itself may
        # overrule it, not the word's shape (an acronym may end a sentence: "di AS.").
        feats = ["v=B", "v=B|" + rshape, "rw=" + rkey, "lw=" + left.lower()[-12:]]
        if right[0] in OPENERS:
            feats.append("v=B|o" + right[0])
        if left != core:
            feats.append("cl=" + left[len(core):][:2] + "|" + rshape)
        return feats
    feats = [
        "v=" + vote,
        "v=" + vote + "|" + rshape,
        "lc=" + lc,
        "l2=" + l2,
        "rc=" + rc,
        "lr=" + lc + "|" + rc,
        "l2r=" + l2 + "|" + rc,
        "rs=" + rshape,
        "ls=" + vote + "|" + _word_shape(stem) + "|" + rshape,
        "rw=" + rkey,
        "lw=" + low[-12:],
    ]
    if right[0] in OPENERS:
        feats.append("v=" + vote + "|o" + right[0])
    if left != core:
        feats.append("cl=" + left[len(core):][:2] + "|" + rshape)
    if "@" in left or "://" in left:
        feats.append("url|" + rshape)
    if "@" in right or "://" in right or right.startswith("www."):
        feats.append("rurl|" + lc)
    if right in _BULLETS or _NUMBERED.match(right):
        feats.append("bullet|" + lc)
    if _TIME.match(left) or (left in ("AM", "PM", "am", "pm") and _TIME.match(prev)):
        feats.append("time|" + rshape)
    if len(left) > 1 and not any(ch.isalnum() for ch in left):
        feats.append("sep|" + rshape)
    feats.append("p=" + _word_shape(prev.lstrip(OPENERS)) + "|" + vote)
    if lang == "ko" and "\uac00" <= stem[-1] <= "\ud7a3":
        feats.append("k1=" + stem[-1])
        feats.append("k2=" + stem[-2:])
        feats.append("k1r=" + stem[-1] + "|" + _shape(rword[0]))
        feats.append("k1v=" + stem[-1] + "|" + vote)
        feats.append("r1=" + rword[0])
        for ending in korean_endings():
            if stem.endswith(ending):
                feats.append("ke=" + ending)
                feats.append("ke|" + vote)
                break
    return feats


def gaps(text: str, start: int, end: int) -> list[tuple[int, str, str, str, str]]:
    """``(offset, prev, left, right, phrase)`` for every white-space gap in ``text[start:end]``.

    ``offset`` is the end of ``left`` (where a sentence would end). ``phrase`` is the
    lower-cased run of at most four tokens since the paragraph start or the last final
    mark, ending with ``left`` ('' when the run is longer): the greeting and sign-off rule
    reads it.
    """
    tokens = [(m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]
    out = []
    prev = ""
    run: list[str] = []
    for i in range(len(tokens) - 1):
        offset, left = tokens[i]
        right = tokens[i + 1][1]
        run.append(left)
        phrase = " ".join(run).lower() if len(run) <= 4 else ""
        if (left.rstrip(_TRAILERS) or left)[-1] in _TERM:
            run = []
        if not right.strip(CLOSERS) or (right[0] in _TAIL_START and _TAIL.match(right)):
            continue  # "day. )", "좋아요 ㅋㅋ": a detached closer or laugh stays with its sentence
        if not left.strip(CLOSERS) and prev:
            out.append((offset, "", prev + left, right, phrase))
        else:
            out.append((offset, prev, left, right, phrase))
        prev = left
    return out


def _ja_quoted(text: str, match: regex.Match[str], lang: str) -> bool:
    """Is this a Japanese quotation closed and followed by a particle (「…。」と言った)?"""
    return lang == "ja" and match.group()[-1] in CLOSERS and _JA_QUOTE_PARTICLE.match(text, match.end()) is not None


def intoken_boundaries(text: str, start: int, end: int, lang: str) -> list[int]:
    """Boundaries with no white space after them (CJK full stops, ``맡았다.그``)."""
    found = [m.end() for m in _CJK_IN.finditer(text, start, end) if not _ja_quoted(text, m, lang)]
    if lang in _NO_SPACE_LANGS:
        found += [m.end() for m in _CJK_BANG_IN.finditer(text, start, end)]
    if lang == "ko":
        found += [m.end() for m in _KO_IN.finditer(text, start, end)]
    return found


#: Votes the rules decide even where weights exist (too rare in training data to learn).
RULED_VOTES = frozenset("GF")


def _fallback(vote: str, right: str) -> bool:
    if vote == "G":
        return True
    if vote != "B" and vote != "F":
        return False
    first = (right.lstrip(OPENERS) or right)[0]
    return not (first.islower() or first in ",;:")


def split_paragraph(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """Sentence ranges ``[s, e)`` covering ``text[start:end]`` (not yet trimmed)."""
    return split_with_model(text, start, end, lang, boundary_model(lang))


def split_with_model(
    text: str, start: int, end: int, lang: str, model: BoundaryModel | None
) -> list[tuple[int, int]]:
    """:func:`split_paragraph` with an explicit model (``None``: punctuation rules only)."""
    cuts = intoken_boundaries(text, start, end, lang)
    if model is None:
        for offset, prev, left, right, phrase in gaps(text, start, end):
            if _fallback(rule_vote(prev, left, right, lang, phrase), right):
                cuts.append(offset)
    else:
        weights, threshold = model.weights, model.threshold
        get = weights.get
        for offset, prev, left, right, phrase in gaps(text, start, end):
            vote = rule_vote(prev, left, right, lang, phrase)
            if vote == "N" and model.skip_plain(left, right):
                continue
            if vote in RULED_VOTES or "v=" + vote not in weights:  # ruled, or a vote training never saw
                if _fallback(vote, right):
                    cuts.append(offset)
                continue
            score = 0.0
            for f in gap_features(prev, left, right, lang, vote):
                score += get(f, 0.0)
            if score > threshold:
                cuts.append(offset)
    ranges: list[tuple[int, int]] = []
    sentence_start = start
    for cut in sorted(set(cuts)):
        if sentence_start < cut < end:
            ranges.append((sentence_start, cut))
            sentence_start = cut
    if sentence_start < end:
        ranges.append((sentence_start, end))
    return ranges
