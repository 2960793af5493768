"""Per-language sentence boundary rules inside one paragraph.

How a paragraph is split:

1. **Gaps.** Every run of white space between two tokens is a candidate boundary. The
   punctuation rules give each gap a :class:`Vote` (:func:`rule_vote`): a final mark that
   ends a sentence, a known abbreviation, an abbreviation that often ends a sentence
   (``dll.``, ``etc.``), an initial, an ordinal or date (``am 1. Januar``), a number and a
   dot after a mark (a list item or a sentence end: ``ohjeita: 1. Mene``), a dotted
   abbreviation (``z.B.``), an ellipsis, a colon, a semicolon, an emoticon, the end of a
   greeting or sign-off (``Hi John,`` ``Best regards,``; lists in ``data/segmentation/``), a
   quotation closed by ``?``/``!``/``.`` before a lower-case word (``"Is it over?" she
   asked``; also ``?``/``!`` before a word of ``<lang>.continuations.txt``, Turkish ``Niçin?
   diye sordu``, and, where the conventions name dialogue dashes, ``?``/``!`` before a dash and
   a lower-case word: ``– Dlaczego? – zapytał``), or no final punctuation. Where a language
   writes ordinals with a dot (:func:`aligner.locale_data.ordinal_dot`), a number, or a word
   made of the number words of ``<lang>.number-words.txt`` (Turkish ``yüzdokuz.``), with a dot
   before a lower-case word is an ordinal (``17. yüzyılda``). The final marks, quotes and brackets of each language
   and script come from :mod:`aligner.conventions`.
2. **Learned weights.** Where ``aligner/data/segmentation/<lang>.weights.tsv`` exists (else
   ``generic.weights.tsv``), a logistic model (:mod:`aligner.segment.model`) scores the gap from the vote and cheap
   features of the tokens on both sides (word shapes, the words themselves, the token after
   next, how many tokens since the last final mark, whether a capitalised next word is one the
   language writes in lower case inside sentences, Korean verb endings such as -다, -요, -죠,
   -니다). This finds boundaries that punctuation does not
   show: e-mail headers, list items, unpunctuated Korean sentences (-다, -요 ...), a
   lower-case sentence start in informal English. Elsewhere, and for votes the weights
   never saw, the vote decides: a final mark or a sentence-ending abbreviation before
   anything but a lower-case letter, a greeting always. An abbreviation before an opening
   bracket (``Inc. (SSI)``) and a quotation before a lower-case word never end a sentence.
   Around the marks (see :func:`gaps`): HTML character references are read as the marks
   they stand for (``нет!&#39;&#39;``); a detached straight quote opens or closes by its place
   and the quotes before it; no sentence ends right after an opening bracket, nor one word
   before a bracket opened earlier closes (``(SSK. II)``, :func:`closes_bracket`); a final
   mark closed by a bracket before a lower-case word goes on (``(etc.) zum``); a number and
   a dot after a dash ends a range, not a list item (``6 – 4.``); two hyphens stand for a
   dialogue dash; an ellipsis is scored, like a final mark, from the next word; a semicolon
   is scored knowing how far the paragraph's other semicolons are (a list: ``Terni, azioni
   300; Ilva, azioni 500;``).
3. **No-space boundaries.** Inside a token: CJK full stops (``。``, ``！``, ``？``, also
   before digits); in languages written without spaces between sentences (Chinese,
   Japanese) ASCII ``!``/``?`` between letters; in scripts whose final mark may be glued to
   the next word (Hangul) a final mark between a letter and a letter or digit (``맡았다.그
   후``, ``했다.19일``). A closing quote stays with its sentence, a quote followed by a
   particle (``같다."고 말했다``; Japanese ``「…。」と``) is not a boundary.

Abbreviation lists live in ``aligner/data/abbreviations/<lang>.txt`` (one per line, without
the final dot; a line ``-str`` makes every longer word ending in ``str`` one) and
``<lang>.final.txt`` (those that often end a sentence); month names, ordinal cues,
sentence-final endings (Korean), greetings and sign-offs in ``aligner/data/segmentation/``.
A language without a list of its own gets ``generic.txt`` (Latin script) and its script's
marks.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache
from importlib import resources

import regex

from .._version import SEGMENTATION_RULES_VERSION
from ..conventions import Conventions, conventions, conventions_for_text
from ..language import language_key
from ..locale_data import ordinal_dot
from .external import external_boundaries
from .model import BoundaryModel, boundary_model, model_for

__all__ = [
    "Vote", "LangRules", "lang_rules", "rules_for_text", "split_paragraph", "split_with_model",
    "abbreviations", "rule_vote", "gap_features", "gaps", "intoken_boundaries", "closes_bracket",
    "semicolon_distances", "RULES_VERSION",
]

#: Bumped whenever a rule or a shipped weight file changes the output.
RULES_VERSION = SEGMENTATION_RULES_VERSION  # defined in aligner._version (bump it there)


class Vote(StrEnum):
    """What the punctuation at a gap says. The values are the one-letter names the weight
    files' features use (``v=B``, ``v=A|Cap``)."""

    FINAL = "B"  #: a final mark after a word
    ABBREVIATION = "A"  #: a known abbreviation (``Dr.``)
    FINAL_ABBREVIATION = "F"  #: an abbreviation that often ends a sentence (``etc.``, ``dll.``)
    INITIAL = "I"  #: one letter and a dot (``J.``)
    ORDINAL = "O"  #: an ordinal number or date (``am 1. Januar``)
    NUMBER = "U"  #: a number of up to three digits and a dot after a mark: a list item or a sentence end
    DOTTED = "D"  #: a dotted abbreviation (``z.B.``)
    ELLIPSIS = "E"  #: ``...`` or ``…``
    COLON = "C"
    SEMICOLON = "S"
    EMOTICON = "M"  #: ``:)``, ``^^``
    GREETING = "G"  #: the end of a greeting or sign-off (``Hi John,``)
    QUOTE_GOES_ON = "Q"  #: a quotation closed by a final mark before a lower-case word
    DATELINE = "L"  #: the colon that ends a dateline at a sentence start (``London - IRNA:``)
    PLAIN = "N"  #: no final punctuation


#: Votes for a dot that ends an abbreviation.
ABBREVIATION_VOTES = frozenset({Vote.ABBREVIATION, Vote.FINAL_ABBREVIATION, Vote.INITIAL, Vote.DOTTED})

CLOSERS = "\"'”’»)]}」』）】》›〉〕］｝"
#: What may trail a sentence's final mark: closers, and German closing quotes (“Ja.“, ‚so.‘).
_TRAILERS = CLOSERS + "“‘`"
OPENERS = "\"'“‘«([{「『（【《‹〈〔［｛¿¡`"
#: Marks that end a sentence in every script, besides each script's own.
_SHARED_FINAL = "‼⁇⁈⁉"
_QUOTES = "\"'”’»」』›“‘«"
_TOKEN = regex.compile(r"\S+")
# Inside a token: CJK terminals (then closers) followed by more text.
_CJK_IN = regex.compile(r"[。！？｡]++[" + regex.escape(CLOSERS) + r"]*+(?=[^\s。！？｡．.!?])")
# Japanese and Chinese also end sentences with ASCII or full-width ! ?, ☆ and ASCII ".." glued
# to the next one.
_CJK_BANG_IN = regex.compile(
    r"(?<=[\p{Han}\p{Hiragana}\p{Katakana}ー）」』])(?:[!?！？☆★♪]+|\.{2,})[" + regex.escape(CLOSERS) + r"]*"
    r"(?=[\p{Han}\p{Hiragana}\p{Katakana}「『（\p{N}\p{Lu}])"
)
_EMOTICON = regex.compile(r"^(?:[:;=8xX][-o^']?[()\[\]DPpOo3/\\|*]+|\^[_-]?\^|<3|[()\[\]][-o^']?[:;=])$")
# Tokens that trail a sentence: Hangul jamo laughs and cries (ㅋㅋ, ㅠㅠ), ^^, ~~.
_TAIL = regex.compile(r"[\u3131-\u318e^~]+[.!?~]*$")
_TAIL_START = frozenset(chr(c) for c in range(0x3131, 0x318F)) | {"^", "~"}
_BULLETS = frozenset("-*•·–—>")
_NUMBERED = regex.compile(r"^\(?\d{1,2}[.)]$")
_TIME = regex.compile(r"^\d{1,2}:\d\d(?::\d\d)?(?:[ap]m)?$", regex.I)
_DATE = regex.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$")
_URLISH = regex.compile(r"://|^www\.|@\w|\.(?:com|org|net|de|id|go\.id|co\.kr|html?|pdf|doc)$", regex.I)


@lru_cache(maxsize=None)
def _read_list(*parts: str) -> frozenset[str]:
    """The lines of a data list, each file read once per process (``pt`` and ``pt-BR`` share
    ``pt.txt``; every language without a list shares ``generic.txt``)."""
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
def _abbreviation_lines(lang: str) -> frozenset[str]:
    return _read_list("abbreviations", f"{language_key(lang)}.txt")


@lru_cache(maxsize=None)
def abbreviations(lang: str) -> frozenset[str]:
    """Lower-cased abbreviations (without the final dot) known for ``lang``.

    Languages without a list of their own get ``abbreviations/generic.txt``; every language
    also gets ``abbreviations/international.txt`` (English titles before English names:
    ``Mr.``, ``Ms.``, ``St.``, which Finnish, Hungarian or Spanish news write as they are).
    """
    words = _abbreviation_lines(lang) or _read_list("abbreviations", "generic.txt")
    return frozenset(w for w in words | _read_list("abbreviations", "international.txt") if not w.startswith("-"))


@lru_cache(maxsize=None)
def abbreviation_suffixes(lang: str) -> tuple[str, ...]:
    """Endings that make a word an abbreviation (``-str`` in German: ``Hauptstr.``)."""
    return tuple(w[1:] for w in _abbreviation_lines(lang) if w.startswith("-"))


@lru_cache(maxsize=None)
def final_abbreviations(lang: str) -> frozenset[str]:
    """Abbreviations that often end a sentence (``dll.``, ``etc.``): a boundary before a capital."""
    return _read_list("abbreviations", f"{language_key(lang)}.final.txt")


@lru_cache(maxsize=None)
def sentence_endings(lang: str) -> tuple[str, ...]:
    """Sentence-final word endings of ``lang`` (Korean ``-다``, ``-요``), longest first."""
    words = _read_list("segmentation", f"{language_key(lang)}.endings.txt")
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def months(lang: str) -> frozenset[str]:
    """Lower-cased month names for ``lang`` (date rule: ``am 1. Januar``)."""
    return _read_list("segmentation", f"{language_key(lang)}.months.txt")


@lru_cache(maxsize=None)
def ordinal_cues(lang: str) -> frozenset[str]:
    """Words after which ``<number>.`` is an ordinal (``Die 27. Kammer``, ``am 1.``)."""
    return _read_list("segmentation", f"{language_key(lang)}.ordinal-cues.txt")


def _number_words(lang: str) -> regex.Pattern[str] | None:
    """A lower-case word made of the language's number words (``data/segmentation/<lang>.number-words.txt``:
    Turkish ``yüzdokuz``, ``beşyüzdört``), or ``None`` where there is no list."""
    words = _read_list("segmentation", f"{language_key(lang)}.number-words.txt")
    if not words:
        return None
    return regex.compile("(?:" + "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) + ")+")


@lru_cache(maxsize=None)
def continuations(lang: str) -> frozenset[str]:
    """Lower-case words that continue a sentence right after ``?`` or ``!`` (Turkish ``diye``)."""
    return _read_list("segmentation", f"{language_key(lang)}.continuations.txt")


@dataclass(frozen=True)
class LangRules:
    """Everything the rules know about one language, gathered once (see :func:`lang_rules`)."""

    lang: str
    conventions: Conventions
    final: str
    trailers: str
    openers: str
    abbreviations: frozenset[str]
    final_abbreviations: frozenset[str]
    suffixes: tuple[str, ...]
    months: frozenset[str]
    ordinal_cues: frozenset[str]
    endings: tuple[str, ...]
    continuations: frozenset[str]
    glued: regex.Pattern[str] | None
    quote_particles: regex.Pattern[str] | None
    dashes: str = ""
    ordinal_dot: bool = False
    number_words: regex.Pattern[str] | None = None
    #: The text ends its sentences with its script's own full stop (Hindi ``।``), so a ``.``
    #: after a short word marks an abbreviation or initials (``डॉ.``, ``यू.के.``); see
    #: :func:`rules_for_text`.
    dot_abbreviates: bool = False

    @property
    def no_space(self) -> bool:
        """Are sentences written without a space between them (Chinese, Japanese)?"""
        return self.conventions.spacing == "none"


def _unique(text: str) -> str:
    return "".join(dict.fromkeys(text))


def _build_rules(lang: str, conv: Conventions) -> LangRules:
    final = _unique(conv.final + _SHARED_FINAL)
    closers = _unique(_TRAILERS + conv.closing_quotes + "".join(b for _a, b in conv.brackets))
    openers = _unique(OPENERS + conv.opening_quotes + conv.openers + "".join(a for a, _b in conv.brackets))
    glued = None
    if conv.glued_final:
        letter = r"\p{Script=" + conv.script + "}"
        glued = regex.compile(r"(?<=" + letter + r")[" + regex.escape(conv.final) + r"]+(?=[" + letter + r"\p{N}])")
    particles = regex.compile("[" + regex.escape(conv.quote_particles) + "]") if conv.quote_particles else None
    return LangRules(
        lang=lang, conventions=conv, final=final, trailers=closers, openers=openers,
        abbreviations=abbreviations(lang), final_abbreviations=final_abbreviations(lang),
        suffixes=abbreviation_suffixes(lang), months=months(lang), ordinal_cues=ordinal_cues(lang),
        endings=sentence_endings(lang), continuations=continuations(lang), glued=glued,
        quote_particles=particles,
        # A lone hyphen-minus is how a dialogue dash is often typed ("- Dlaczego? - zapytał").
        dashes=conv.dialogue_dash + "-" if conv.dialogue_dash else "",
        ordinal_dot=ordinal_dot(lang),
        number_words=_number_words(lang),
    )


@lru_cache(maxsize=None)
def lang_rules(lang: str, script: str | None = None) -> LangRules:
    """The rules of ``lang`` (any language code; an unknown one gets ``script``'s marks)."""
    return _build_rules(lang, conventions(lang, script))


def rules_for_text(lang: str, text: str) -> LangRules:
    """:func:`lang_rules`, with the script of ``text`` for a language the tables lack.

    Where the script has a full stop of its own (:attr:`~aligner.conventions.Conventions.own_stops`:
    Devanagari ``।``, Armenian ``։``, Ethiopic ``።``), words are spaced, and ``text`` ends more
    of its lines with that stop than with a ``.`` (on a tie: uses it more often than a ``.``
    before a space), a ``.`` after a word of at most
    :data:`SHORT_ABBREVIATION` letters (or after dotted short pieces) marks an abbreviation:
    NTREX Hindi ends none of its 900 lines with ``.`` and writes ``डॉ.``, ``मि.``, ``यू.के.``.
    """
    conv = conventions_for_text(lang, text)
    rules = lang_rules(lang, None if conv.known else conv.script)
    stops = conv.own_stops
    if stops and conv.spacing == "space" and any(c in text for c in stops):
        # how the text's lines end tells first (abbreviations do not end lines), then all marks
        ends = [line.rstrip().rstrip(rules.trailers)[-1:] for line in text.splitlines() if line.strip()]
        own_ends, dot_ends = sum(1 for e in ends if e and e in stops), ends.count(".")
        if own_ends > dot_ends or (own_ends == dot_ends and
                                   sum(text.count(c) for c in stops) > len(_DOT_BEFORE_SPACE.findall(text))):
            return replace(rules, dot_abbreviates=True)
    return rules


#: At most this many letters (each with its marks: ``डॉ`` is one) before a ``.`` make an
#: abbreviation in a text that ends its sentences with its script's own stop.
SHORT_ABBREVIATION = 3
_DOT_BEFORE_SPACE = regex.compile(r"\.(?=\s|$)")
_SHORT_WORD = regex.compile(r"(?:\p{L}\p{M}*){1,%d}" % SHORT_ABBREVIATION)


def _short_pieces(stem: str) -> bool:
    """Is ``stem`` one short word, or short words joined by dots (``यू.के``)?"""
    return all(_SHORT_WORD.fullmatch(piece) for piece in stem.split("."))


@lru_cache(maxsize=8192)
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


@lru_cache(maxsize=65536)
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


def rule_vote(prev: str, left: str, right: str, lang: str, phrase: str = "", after: str = "") -> Vote:
    """The punctuation rules' vote on the gap between tokens ``left`` and ``right``.

    ``prev`` is the token before ``left`` ('' at the paragraph start); ``phrase`` is the
    short run of tokens since the last final mark (see :func:`gaps`), '' if unknown;
    ``after`` is the token after ``right`` ('' if none).

    Example:
        >>> str(rule_vote("", "Dr.", "Smith", "en")), str(rule_vote("am", "1.", "Januar", "de"))
        ('A', 'O')
    """
    return vote_with(lang_rules(lang), prev, left, right, phrase, after)


def vote_with(rules: LangRules, prev: str, left: str, right: str, phrase: str = "", after: str = "") -> Vote:
    """:func:`rule_vote` with the language's rules given."""
    if phrase and _greeting(phrase, left, right):
        return Vote.GREETING
    core = _core(left, rules.trailers)
    last = core[-1]
    if last not in rules.final:
        if last == ":":
            if phrase and not right[:1].islower() and _dateline(phrase, left):
                return Vote.DATELINE
            return Vote.EMOTICON if _EMOTICON.match(left) else Vote.COLON
        if last == ";":
            return Vote.EMOTICON if _EMOTICON.match(left) else Vote.SEMICOLON
        if _EMOTICON.match(left):
            return Vote.EMOTICON
        return Vote.PLAIN
    if last == "." and not core.endswith(".."):
        stem = core[:-1].lstrip(rules.openers)
        low = stem.lower()
        if not stem:
            return Vote.FINAL
        if _URLISH.search(stem):
            return Vote.FINAL
        if low in rules.final_abbreviations:
            return Vote.FINAL_ABBREVIATION
        if low in rules.abbreviations or (len(low) > 4 and low.endswith(rules.suffixes)):
            return Vote.ABBREVIATION
        if rules.dot_abbreviates and _short_pieces(stem):
            return Vote.ABBREVIATION
        if rules.ordinal_dot and right[0].islower() and (
            stem.isdigit() or (rules.number_words is not None and rules.number_words.fullmatch(stem))
        ):
            return Vote.ORDINAL  # "17. yüzyılda", "yüzdokuz. maddesinde": an ordinal goes on
        if stem.isdigit() and len(stem) <= 3:
            r = right.lstrip(rules.openers).lower().rstrip(".,")
            if r in rules.months or prev.lower() in rules.ordinal_cues:
                return Vote.ORDINAL
            if left == core and (not prev or not prev[-1].isalnum()) and prev not in _DASHES:
                # At a sentence start or after a mark: a list item? (After a dash, the end
                # of a range or a score: "6 – 4.", "862 -- 871.")
                return Vote.NUMBER
            return _quoted(left, core, right)
        if len(stem) == 1 and stem.isalpha() and (stem.lower() != stem.upper() or _initial(prev) or _initial(right)):
            # "J. Smith". A letter of a script without case (Hebrew, Arabic, Hangul) and a
            # dot is no initial by its shape, and no capital after it can mark a name: it is
            # a word or a letter abbreviation, read as a final mark ("קרן גון מ. שנית", "곳.
            # 효성은"), unless it stands in a run of initials ("א. ב. יהושע").
            return Vote.INITIAL
        if "." in stem and all(0 < len(piece) <= 3 and piece.isalpha() for piece in stem.split(".")):
            return Vote.DOTTED
        return _quoted(left, core, right)
    if rules.dashes and last != "." and (right in rules.dashes or right == "--") and after[:1].islower():
        # "- Dlaczego? - zapytał.": the narrator's words after a dialogue dash (or "--",
        # the dash typed as two hyphens) go on.
        return Vote.QUOTE_GOES_ON
    if core.endswith("..") or last == "…":
        return Vote.ELLIPSIS
    if rules.continuations and right[0].islower() and right.rstrip(".,!?") in rules.continuations:
        return Vote.QUOTE_GOES_ON  # "Niçin? diye sordu": a verb of saying goes on
    return _quoted(left, core, right)


def _core(token: str, trailers: str) -> str:
    """``token`` without the quotes and brackets that trail its final mark (``tot."`` -> ``tot.``),
    or the whole token where it is nothing but those."""
    return token.rstrip(trailers) or token


def _initial(token: str) -> bool:
    """Is ``token`` one letter and a dot (``J.``, ``א.``)?"""
    return len(token) == 2 and token[1] == "." and token[0].isalpha()


def _dateline(phrase: str, left: str) -> bool:
    """Is ``phrase`` (the tokens since the sentence start, ending with ``left``) a dateline:
    one or two words of a place, a detached dash and one word of an agency with a colon
    (``London - IRNA:``, ``دهلی نو - ایرنا:``)? In any script it stands as its own line."""
    words = phrase.split()
    if not 3 <= len(words) <= 4 or words[-2] not in _DASHES or left[:-1] != left[:-1].rstrip(":"):
        return False
    return all(w.isalpha() for w in words[:-2]) and words[-1][:-1].isalpha()


_DASHES = frozenset({"-", "–", "—", "--"})


#: Closers after a final mark that a lower-case word continues: quotes and brackets.
_GOES_ON_CLOSERS = _QUOTES + ")]"


def _quoted(left: str, core: str, right: str) -> Vote:
    """A final mark; inside a quotation or brackets that a lower-case word continues
    (``"Why?" she asked``, ``(Weltmeisterschaft etc.) zum``), the sentence goes on."""
    if left != core and left[len(core)] in _GOES_ON_CLOSERS and right[0].islower():
        return Vote.QUOTE_GOES_ON
    return Vote.FINAL


def gap_features(prev: str, left: str, right: str, lang: str, vote: Vote, after: str = "", run: int = 0,
                 lower: frozenset[str] = frozenset(), loose: int = 0, near: int = 0) -> list[str]:
    """Feature names of the gap between ``left`` and ``right`` for the learned model
    (``after``: the token after ``right``; ``run``: tokens since the last final mark;
    ``lower``: the language's lower-case words, see :class:`~aligner.segment.model.BoundaryModel`;
    ``loose``: :func:`lower_starts` of the paragraph; ``near``: for a semicolon, how many gaps
    away the nearest other semicolon of the paragraph is, see :func:`semicolon_distances`)."""
    return features_with(lang_rules(lang), prev, left, right, vote, after, run, lower, loose, near)


def _lower_feature(rules: LangRules, rword: str, v: str, lower: frozenset[str]) -> str:
    """Is a capitalised next word one the language writes in lower case inside a sentence
    ("Manchmal", "These": a sentence start) or not (a name, a German noun)?"""
    word = rword.rstrip(rules.trailers + rules.final + ",;:").lower()
    return "lx=" + v + ("|in" if word in lower else "|out")


def _run_bucket(run: int) -> str:
    """Tokens since the last final mark, in a few bins (a heading or a dateline is short)."""
    return "1" if run <= 1 else "2" if run == 2 else "3" if run <= 4 else "5" if run <= 8 else "9" if run <= 16 else "L"


#: At most this many gaps between two semicolons of a list (``Terni, azioni 300;``).
_LIST_ITEM = 6


def semicolon_distances(found: list[tuple[int, str, str, str, str, str, int]], rules: LangRules) -> dict[int, int]:
    """For each gap of ``found`` (:func:`gaps`) after a semicolon, by its index: how many gaps
    away the nearest other semicolon of the paragraph is (0 where it is the only one)."""
    trailers = rules.trailers
    where = [i for i, g in enumerate(found) if _core(g[2], trailers)[-1] == ";"]
    if len(where) < 2:
        return dict.fromkeys(where, 0)
    out = {}
    for k, i in enumerate(where):
        before = i - where[k - 1] if k else len(found)
        later = where[k + 1] - i if k + 1 < len(where) else len(found)
        out[i] = min(before, later)
    return out


def lower_starts(found: list[tuple[int, str, str, str, str, str, int]], rules: LangRules) -> int:
    """How many gaps of a paragraph (``found``: :func:`gaps`) have a final mark before a
    lower-case word: a writer who starts sentences in lower case ("great. i loved it") has
    several; in a carefully cased text a lower-case word after a mark goes on."""
    final, trailers = rules.final, rules.trailers
    return sum(1 for g in found if g[3][0].islower() and _core(g[2], trailers)[-1] in final)


def _mark_context(rules: LangRules, left: str, core: str, right: str, rword: str, rshape: str, v: str,
                  lower: frozenset[str]) -> list[str]:
    """Features of a final mark's or an ellipsis's surroundings: an opening mark after the
    gap, closers after the mark, and a capitalised next word the language writes in lower case."""
    feats = []
    if right[0] in rules.openers:
        feats.append("v=" + v + "|o" + right[0])
    if left != core:
        feats.append("cl=" + left[len(core):][:2] + "|" + rshape)
    if lower and rshape == "Cap":
        feats.append(_lower_feature(rules, rword, v, lower))
    return feats


def features_with(rules: LangRules, prev: str, left: str, right: str, vote: Vote, after: str = "", run: int = 0,
                  lower: frozenset[str] = frozenset(), loose: int = 0, near: int = 0) -> list[str]:
    """:func:`gap_features` with the language's rules given (``loose``: :func:`lower_starts`
    of the paragraph; ``near``: :func:`semicolon_distances`)."""
    core = _core(left, rules.trailers)
    stem = core.rstrip(rules.final + ":;,") or core
    lc = _shape(left[-1])
    l2 = _shape(left[-2]) + lc if len(left) > 1 else "^" + lc
    rc = _shape(right[0])
    rword = right.lstrip(rules.openers) or right
    rshape = _word_shape(rword)
    # Numbers are not words to learn one by one ("Page 1 of"): they share one feature.
    rkey = "#" if rword[0].isdigit() else rword.lower()[:12]
    low = left.lower()
    v = vote.value
    if vote is Vote.FINAL:
        # A terminal mark after a word: only the next token and the word itself may
        # overrule it, not the word's shape (an acronym may end a sentence: "di AS.").
        feats = ["v=B", "v=B|" + rshape, "rw=" + rkey, "lw=" + left.lower()[-12:]]
        if rshape == "low":
            # Is this the one lower-case word after a mark in the paragraph, or one of several?
            feats.append("v=B|low|" + ("loose" if loose > 1 else "tidy"))
        if core[-1] != ".":
            # "?" and "!" before a lower-case word or a dash often go on ("mi? diye", "? - zapytał").
            feats.append("m=" + core[-1] + "|" + rshape)
        return feats + _mark_context(rules, left, core, right, rword, rshape, v, lower)
    if vote is Vote.ELLIPSIS:
        # An ellipsis: like a final mark, the next word decides ("weg... Verdiente"
        # starts a sentence, "gefreut... aber" goes on), not the letters before it.
        feats = ["v=E", "es=" + rshape, "rw=" + rkey, "lw=" + left.lower()[-12:]]
        return feats + _mark_context(rules, left, core, right, rword, rshape, v, lower)
    feats = [
        "v=" + v,
        "v=" + v + "|" + rshape,
        "lc=" + lc,
        "l2=" + l2,
        "rc=" + rc,
        "lr=" + lc + "|" + rc,
        "l2r=" + l2 + "|" + rc,
        "rs=" + rshape,
        "ls=" + v + "|" + _word_shape(stem) + "|" + rshape,
        "rw=" + rkey,
        "lw=" + low[-12:],
    ]
    if right[0] in rules.openers:
        feats.append("v=" + v + "|o" + right[0])
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
    if len(right) > 1 and not any(ch.isalnum() for ch in right):
        feats.append("rsep|" + lc)
    if _DATE.match(right):
        feats.append("rdate|" + _word_shape(left))
    if _DATE.match(left) or _DATE.match(prev):
        feats.append("ldate|" + rshape)
    if lower and rshape == "Cap":
        feats.append(_lower_feature(rules, rword, v, lower))
    if vote is Vote.SEMICOLON:
        # Items of a list set off by semicolons are short ("Terni, azioni 300; Ilva, azioni
        # 500;"); a semicolon between two long clauses may end a sentence (French, Spanish).
        feats.append("sn=" + ("near" if 0 < near <= _LIST_ITEM else "far"))
    if run and vote is Vote.PLAIN:
        # How many tokens since the last final mark: a heading or a name line is short; an
        # unpunctuated stretch that goes on and on has lost a boundary.
        feats.append("run=" + v + "|" + _run_bucket(run))
    if after:
        # The token after next: "Scott Neal | 08/16/2000 03:48 PM", "Kelly | Cloud has".
        feats.append("ra=" + v + "|" + rshape + "|" + _word_shape(after.lstrip(rules.openers)))
    pshape = _word_shape(prev.lstrip(rules.openers))
    feats.append("p=" + pshape + "|" + v)
    if prev:
        # What ends the token before: "ohjeita: 1. Mene" (a list item after a colon).
        feats.append("pe=" + _shape(prev[-1]) + "|" + v)
    lshape = _word_shape(left)
    if "Cap" in (pshape, lshape, rshape) or "UP" in (pshape, lshape, rshape):
        # Three shapes in a row where letters have case: "Debra Perlingiere | Gerald" (names
        # on lines of their own).
        feats.append("plr=" + pshape + "|" + lshape + "|" + rshape)
    if "\uac00" <= stem[-1] <= "\ud7a3":  # a Hangul syllable: its ending tells
        feats.append("k1=" + stem[-1])
        feats.append("k2=" + stem[-2:])
        feats.append("k1r=" + stem[-1] + "|" + _shape(rword[0]))
        feats.append("k1v=" + stem[-1] + "|" + v)
        feats.append("r1=" + rword[0])
    for ending in rules.endings:
        if stem.endswith(ending):
            feats.append("ke=" + ending)
            feats.append("ke|" + v)
            break
    return feats


_GENERIC = "generic"
#: An emoticon's eyes and mouth, typed as two tokens (": (", "; )").
_EYES = ":;="
_MOUTHS = frozenset({"(", ")"})
#: Quotation marks that may open or close ("), read by their place when detached.
_AMBIGUOUS_QUOTES = frozenset({'"', "'"})


def gaps(text: str, start: int, end: int, rules: LangRules | None = None) -> list[tuple[int, str, str, str, str, str, int]]:
    """``(offset, prev, left, right, phrase, after, run)`` for every white-space gap in
    ``text[start:end]``.

    ``offset`` is the end of ``left`` (where a sentence would end). ``phrase`` is the
    lower-cased run of at most four tokens since the paragraph start or the last final
    mark, ending with ``left`` ('' when the run is longer): the greeting and sign-off rule
    reads it; ``run`` is the number of tokens in that run. ``after`` is the token after
    ``right`` ('' at the paragraph end). ``rules`` gives the final marks and closers
    (default: Latin script's).

    Tokens are read with their HTML character references decoded (``&#39;`` is ``'``). A
    detached closer or final mark is read with the word before it (``anh .`` is ``anh.``,
    with that word's ``prev``), so no gap comes before it; no gap comes after a token of
    opening brackets or quotes (``(«``); a detached straight quote after a final mark and
    before a capital, where the quotes before it in the paragraph are balanced, opens the
    next sentence: the gap comes before it and ``right`` is the quote and its word
    (``"Các``).
    """
    rules = rules or lang_rules(_GENERIC)
    final, trailers, openers = rules.final, rules.trailers, rules.openers
    marks = trailers + final
    tokens = [(m.end(), _unref(m.group())) for m in _TOKEN.finditer(text, start, end)]
    out = []
    prev = ""
    pending = ""  # a word and the detached marks after it, until a gap is kept
    pending_prev = ""  # the token before that word
    opening = False  # was the last gap before a detached opening quote?
    quotes = dict.fromkeys(_AMBIGUOUS_QUOTES, 0)  # straight quotes so far, not apostrophes
    run: list[str] = []
    count = 0
    last = len(tokens) - 1
    for i in range(last):
        offset, left = tokens[i]
        right = tokens[i + 1][1]
        after = tokens[i + 2][1] if i + 1 < last else ""
        count += 1
        if "'" in left or '"' in left:
            for q in _AMBIGUOUS_QUOTES:
                quotes[q] += _quote_marks(left, q)
        if len(run) < 5:
            run.append(left)
        phrase = " ".join(run).lower() if len(run) <= 4 else ""
        size = count
        if _core(left, trailers)[-1] in final:
            run = []
            count = 0
        if opening:
            opening = False  # the gap after a detached opening quote: not a boundary
            prev = left
            continue
        if left in _MOUTHS and pending and pending[-1] in _EYES:
            # "Zigarettenstummel: ( Die": an emoticon typed with a space is read as one.
            shown, before = pending[-1] + left, pending[:-1]
        elif not left.strip(openers) and not any(c in trailers for c in left):
            # "(« Le roi": no sentence ends right after an opening bracket or quote.
            pending = ""
            prev = left
            continue
        else:
            word = pending or prev
            # A detached closer or final mark ("anh ." in tokenised text) is read with its
            # word (and the marks between: "day . )").
            merged = bool(word) and not left.strip(marks)
            shown, before = (word + left, pending_prev if pending else "") if merged else (left, prev)
        if (not right.strip(marks) or (right[0] in _TAIL_START and _TAIL.match(right))
                or (right in _MOUTHS and shown[-1] in _EYES)):
            if (right in _AMBIGUOUS_QUOTES and after[:1].isupper() and _core(shown, trailers)[-1] in final
                    and quotes[right] % 2 == 0):
                # 'rừng . " Các anh': a straight quote after a final mark and before a
                # capital, with as many such quotes before it in the paragraph opened as
                # closed, opens the next sentence; it is read with the word it opens.
                later = tokens[i + 3][1] if i + 2 < last else ""
                out.append((offset, before, shown, right + after, phrase, later, size))
                opening = True
                pending = ""
                prev = left
                continue
            # "day. )", "so . .", "좋아요 ㅋㅋ": a detached mark or laugh stays with its sentence
            pending, pending_prev = shown, before
            continue
        out.append((offset, before, shown, right, phrase, after, size))
        pending = ""
        prev = left
    return out


def _quote_marks(token: str, quote: str) -> int:
    """How many times ``quote`` stands in ``token`` as a quotation mark, not as an apostrophe
    between two letters (``l'appelait``, ``don't``)."""
    n = 0
    for j, ch in enumerate(token):
        if ch == quote and not (0 < j < len(token) - 1 and token[j - 1].isalpha() and token[j + 1].isalpha()):
            n += 1
    return n


_CHAR_REF = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,9});")


def _unref(token: str) -> str:
    """``token`` with its HTML character references read (``нет!&#39;&#39;`` is ``нет!''``,
    not a word and a semicolon): text taken from web pages often keeps them."""
    if "&" not in token:
        return token
    return _CHAR_REF.sub(lambda m: html.unescape(m.group()), token)


def _quote_particle(text: str, match: regex.Match[str], rules: LangRules) -> bool:
    """Is this quotation closed and followed by a particle that continues it (「…。」と言った)?"""
    particles = rules.quote_particles
    return particles is not None and match.group()[-1] in CLOSERS and particles.match(text, match.end()) is not None


def intoken_boundaries(text: str, start: int, end: int, lang: str | LangRules) -> list[int]:
    """Boundaries with no white space after them (CJK full stops, ``맡았다.그``, ``했다.19일``)."""
    rules = lang_rules(lang) if isinstance(lang, str) else lang
    found = [m.end() for m in _CJK_IN.finditer(text, start, end) if not _quote_particle(text, m, rules)]
    if rules.no_space:
        found += [m.end() for m in _CJK_BANG_IN.finditer(text, start, end)]
    if rules.glued is not None:
        found += [m.end() for m in rules.glued.finditer(text, start, end)]
    return found


_CLOSING_BRACKETS = {")": "(", "]": "["}
#: How far back (characters) :func:`closes_bracket` looks for the opening bracket.
_BRACKET_REACH = 200


def closes_bracket(text: str, start: int, offset: int, right: str, rules: LangRules) -> bool:
    """Does the token ``right`` after the gap at ``offset`` end with its word a bracket opened
    before the gap, in the paragraph starting at ``start`` (``(SSK. II)``, ``(Bl.) RM
    Smith)``)? A sentence does not end one word before the bracket around it closes."""
    if ")" not in right and "]" not in right:
        return False
    for i, ch in enumerate(right):
        if ch in "([":
            return False
        opener = _CLOSING_BRACKETS.get(ch)
        if opener is not None:
            if i == 0 or any(c in rules.final for c in right[:i]):
                return False
            window = text[max(start, offset - _BRACKET_REACH):offset]
            return window.count(opener) > window.count(ch)
    return False


#: Votes the rules decide even where weights exist (too rare in training data to learn).
RULED_VOTES = frozenset({Vote.GREETING, Vote.FINAL_ABBREVIATION, Vote.QUOTE_GOES_ON, Vote.DATELINE})


def ruled(vote: Vote, right: str) -> bool:
    """Does the vote alone decide this gap, whatever the weights say?"""
    return vote in RULED_VOTES or (vote in ABBREVIATION_VOTES and right[0] in "([")


def _fallback(vote: Vote, right: str, after: str = "") -> bool:
    if vote is Vote.GREETING or vote is Vote.DATELINE:
        return True
    if vote in ABBREVIATION_VOTES and right[0] in "([":
        return False
    if vote is not Vote.FINAL and vote is not Vote.FINAL_ABBREVIATION and vote is not Vote.NUMBER:
        return False
    if after and not any(ch.isalnum() for ch in right):
        right = after  # "2002 г. -- американский": read the word after a detached dash
    first = (right.lstrip(OPENERS) or right)[0]
    return not (first.islower() or first in ",;:([")


def split_paragraph(
    text: str, start: int, end: int, lang: str, rules: LangRules | None = None
) -> list[tuple[int, int]]:
    """Sentence ranges ``[s, e)`` covering ``text[start:end]`` (not yet trimmed).

    A language whose sentences a space alone separates (Thai) gets no generic model (its
    gaps look like no language it was trained on) but the segmenter its conventions name.
    """
    rules = rules or lang_rules(lang)
    if rules.conventions.spacing == "model":
        return split_with_model(text, start, end, lang, boundary_model(lang), rules)
    return split_with_model(text, start, end, lang, model_for(lang), rules)


def split_with_model(
    text: str, start: int, end: int, lang: str, model: BoundaryModel | None, rules: LangRules | None = None
) -> list[tuple[int, int]]:
    """:func:`split_paragraph` with an explicit model (``None``: punctuation rules only)."""
    rules = rules or lang_rules(lang)
    cuts = intoken_boundaries(text, start, end, rules)
    if rules.conventions.sentence_model:
        cuts += external_boundaries(rules.conventions.sentence_model, text, start, end) or []
    if model is None:
        for offset, prev, left, right, phrase, after, _run in gaps(text, start, end, rules):
            if closes_bracket(text, start, offset, right, rules):
                continue
            if _fallback(vote_with(rules, prev, left, right, phrase, after), right, after):
                cuts.append(offset)
    else:
        weights, threshold, lower = model.weights, model.threshold, model.lower
        get = weights.get
        # The generic weights never saw this language's abbreviation list: its entries decide.
        generic = boundary_model(lang) is None
        found = gaps(text, start, end, rules)
        loose = lower_starts(found, rules)
        semis = semicolon_distances(found, rules)
        for i, (offset, prev, left, right, phrase, after, run) in enumerate(found):
            if closes_bracket(text, start, offset, right, rules):
                continue
            vote = vote_with(rules, prev, left, right, phrase, after)
            if vote is Vote.PLAIN and model.skip_plain(left, right):
                continue
            if ruled(vote, right) or "v=" + vote.value not in weights or (generic and vote is Vote.ABBREVIATION):  # ruled, or a vote training never saw
                if _fallback(vote, right, after):
                    cuts.append(offset)
                continue
            score = 0.0
            for f in features_with(rules, prev, left, right, vote, after, run, lower, loose, semis.get(i, 0)):
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
