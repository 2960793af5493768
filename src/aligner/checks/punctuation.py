"""Punctuation per language conventions: end marks, opening marks, brackets, quotes, spacing."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from .conventions import _APOSTROPHES, Conventions, _all_quote_marks
from .registry import Check, Context, Finding, register
from .side import MASK, Side

__all__ = ["dialogue_dashes", "quote_marks", "quotes_balanced", "unpaired_quotes"]

_SPACES = " \u00a0\u202f\u2009\t"


@lru_cache(maxsize=1)
def _all_double_quotes() -> frozenset[str]:
    """Every quotation mark of the table that cannot be an apostrophe (read on first use)."""
    return _all_quote_marks() - _APOSTROPHES


def _last_mark(side: Side) -> tuple[int, int]:
    """Local span of the last non-space character of the side."""
    end = len(side.text.rstrip())
    return max(0, end - 1), end


#: Sentence classes that do not end a sentence: a segment ending so is a fragment.
_CONTINUING = ("comma", "semicolon")


def _ends_closed(text: str, conv: Conventions) -> bool:
    """The text ends with a closing quotation mark or bracket (which may end a sentence by itself)."""
    end = text.rstrip()
    return bool(end) and (end[-1] in _all_double_quotes() or end[-1] in {c for _, c in conv.brackets})


def _endpunc(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    s_class = ctx.src_conv.sentence_class(src.masked)
    t_class = ctx.tgt_conv.sentence_class(tgt.masked)
    # A closing quotation mark ends a sentence only where the language's data says so (Japanese
    # 「行く」); elsewhere a quotation closed without its period (Arabic "...", Russian «...») is
    # the final mark dropped. A headline given a period is no error, nor a segment that ends
    # inside a sentence (a comma).
    closed = t_class is None and s_class == "period" and ctx.tgt_conv.quote_ends \
        and _ends_closed(tgt.masked, ctx.tgt_conv)
    # a language that writes no full stop (Thai, Lao) ends a statement with none
    closed = closed or (t_class is None and s_class == "period" and not ctx.tgt_conv.writes_period)
    # a language that ends its questions with its ordinary stop or none (Burmese, Thai)
    closed = closed or (t_class in (None, "period") and s_class in ctx.tgt_conv.unmarked_classes) \
        or (s_class == "period" and t_class in ctx.src_conv.unmarked_classes)
    # a question asked by its final particle and closed with a full stop (Japanese か。)
    closed = closed or (s_class == "question" and t_class == "period" and ctx.tgt_conv.asks(tgt.masked)) \
        or (s_class == "period" and t_class == "question" and ctx.src_conv.asks(src.masked))
    if s_class not in (None, *_CONTINUING) and s_class != t_class and not closed:
        a, b = _last_mark(src)
        c, d = _last_mark(tgt)
        yield Finding(f"the source ends with {s_class}, the target with {t_class or 'no mark'}",
                      (src.evidence(a, b), tgt.evidence(c, d)))
    opener = ctx.tgt_conv.openers.get(t_class or "")
    if opener and opener not in tgt.text:
        c, d = _last_mark(tgt)
        yield Finding(f"the target ends with a {t_class} mark but has no opening {opener!r}",
                      (tgt.evidence(c, d),))


def _lead(text: str, conv: Conventions) -> tuple[str | None, int]:
    """The kind of punctuation a text starts with (openers of the language skipped), and where."""
    skip = set(conv.openers.values())
    for k, ch in enumerate(text):
        if ch.isspace() or ch in skip:
            continue
        if any(ch == a for a, _ in conv.quotes) or unicodedata.category(ch) in ("Pi",) or ch in "\"'\u201e\u00ab\u00bb\u300c\u300e":
            return "quote", k
        if ch in conv.bracket_kinds:
            return "bracket", k
        cat = unicodedata.category(ch)
        if cat == "Pd":
            return "dash", k
        if ch == MASK or not cat.startswith(("P", "S")):
            return None, k
        return ch, k
    return None, 0


def _speech_dash(text: str, k: int, conv: Conventions) -> bool:
    """Whether ``text`` starts (at ``k``) with one of the language's dialogue dashes."""
    return bool(conv.dialogue_dash) and k < len(text) and text[k] in conv.dialogue_dash


def _startpunc(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    s_kind, a = _lead(src.masked, ctx.src_conv)
    t_kind, c = _lead(tgt.masked, ctx.tgt_conv)
    # "X," he said -> he said "X": quotes move. A dialogue dash of the language (Hungarian
    # "– Igen.", Spanish "—Sí.") sets speech off as a quotation mark does, so it moves as freely.
    s_kind = None if s_kind == "quote" or _speech_dash(src.masked, a, ctx.src_conv) else s_kind
    t_kind = None if t_kind == "quote" or _speech_dash(tgt.masked, c, ctx.tgt_conv) else t_kind
    if s_kind != t_kind:
        yield Finding(f"the source starts with {s_kind or 'a word'}, the target with {t_kind or 'a word'}",
                      (src.evidence(a, a + 1), tgt.evidence(c, c + 1)))


def _bracket_counts(text: str, conv: Conventions) -> list[int]:
    """Offsets of the brackets of ``text`` that are not paired (in order)."""
    opening = {a for a, _ in conv.brackets}
    depth: dict[str, list[int]] = {}
    stray: list[int] = []
    for k, ch in enumerate(text):
        kind = conv.bracket_kinds.get(ch)
        if kind is None:
            continue
        if ch in opening:
            depth.setdefault(kind, []).append(k)
        elif depth.get(kind):
            depth[kind].pop()
        else:
            stray.append(k)
    return sorted(stray + [k for v in depth.values() for k in v])


def _brackets(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    s_bad = _bracket_counts(src.masked, ctx.src_conv)
    t_bad = _bracket_counts(tgt.masked, ctx.tgt_conv)
    # Brackets added or dropped in pairs (a gloss "(Leroy Sane)") are the translator's choice; an
    # unpaired one in the target where the source pairs them all is a slip.
    if t_bad and not s_bad:
        k = t_bad[0]
        yield Finding(f"bracket {tgt.text[k]!r} is not paired in the target (it is in the source)",
                      (tgt.evidence(k, k + 1),))


def _between_letters(text: str, k: int) -> bool:
    return 0 < k < len(text) - 1 and text[k - 1].isalpha() and text[k + 1].isalpha()


def quote_marks(text: str, conv: Conventions) -> list[int]:
    """Offsets of the double quotation marks of ``text``: those of ``conv`` and of every other language."""
    marks = _all_double_quotes() | {ch for pair in conv.double_quotes for ch in pair}
    return [k for k, ch in enumerate(text) if ch in marks]


def _single_marks(text: str, conv: Conventions) -> tuple[list[int], list[int]]:
    """Offsets of the single quotation marks of ``text`` and of those that pair with nothing.

    An opening mark is one of the language's single opening marks (‘, ‚, › ...) or a straight
    ``'`` before a word; any single closing mark (’, ‘, ', ‹ ...) closes the one open (styles
    may mix). A mark between two letters is an apostrophe (``it's``), unless a typographic
    closing mark ends an open quotation before a particle (Korean ``‘실망’했다``); one after a
    letter with nothing open is an apostrophe too (``students’``).
    """
    pairs = [p for p in conv.quotes if set(p) & _APOSTROPHES] + [("\u2018", "\u2019"), ("'", "'")]
    opens = {a for a, _ in pairs}
    closes = {b for _, b in pairs}
    stack: list[int] = []
    stray: list[int] = []
    marks: list[int] = []
    n = len(text)
    for k, ch in enumerate(text):
        if ch not in opens and ch not in closes:
            continue
        inside = _between_letters(text, k) and (conv.word_apostrophes or not stack)
        before = text[k - 1] if k else " "
        after = text[k + 1] if k + 1 < n else " "
        if stack and ch in closes and (not inside or ch != "'") and not before.isspace():
            stack.pop()
            marks.append(k)
        elif ch in opens and not inside and (before.isspace() or unicodedata.category(before) in ("Ps", "Pi", "Pd", "Po")) \
                and not after.isspace():
            stack.append(k)
            marks.append(k)
        elif ch in closes and not before.isalpha() and not inside and ch != "'":
            stray.append(k)
            marks.append(k)
    return marks, sorted(stray + stack)


def _unpaired_singles(text: str, conv: Conventions) -> list[int]:
    """Offsets of the single quotation marks of ``text`` that pair with nothing (see :func:`_single_marks`)."""
    return _single_marks(text, conv)[1]


def unpaired_quotes(text: str, conv: Conventions) -> list[int]:
    """Offsets showing quotation marks that do not pair: the last counted mark when their number
    is odd (styles may mix: a straight opening and a curly closing mark pair up; which marks a
    language uses is the ``quotestyle`` check's business), and unpaired typographic single quotes.

    Example:
        >>> from aligner.checks.conventions import conventions
        >>> unpaired_quotes("Er sagte: „Ja“ und ‚nein‘.", conventions("de"))
        []
        >>> unpaired_quotes("Il a dit « oui.", conventions("fr"))
        [9]
    """
    marks = quote_marks(text, conv)
    return ([marks[-1]] if len(marks) % 2 else []) + _unpaired_singles(text, conv)


def quotes_balanced(text: str, conv: Conventions) -> int | None:
    """None when every quotation mark of ``text`` pairs (see :func:`unpaired_quotes`), else the
    offset of the first one that does not."""
    bad = unpaired_quotes(text, conv)
    return min(bad) if bad else None


def dialogue_dashes(text: str, marks: list[int], conv: Conventions) -> list[int]:
    """The offset of a dialogue dash of ``text`` that takes the place of the one quotation mark
    its ``marks`` (an odd number of them) lack, or ``[]``.

    Where a language sets speech off with dashes (``conv.dialogue_dash``), a dash that opens
    the text may open the speech that a closing mark ends (``– Ma már nincs.”``), and where the
    language's data says so (``dash_closes_quote``) a spaced dash right after an opening mark
    may close it (``„Igen – mondta.``). A dash after a closing mark (``„Ja” – mondta``), a
    range, a copula (``«CBS — 3,1 млн``) or an aside stands for nothing.

    Example:
        >>> from aligner.checks.conventions import conventions
        >>> dialogue_dashes("„Igen – mondta.", [0], conventions("hu"))
        [6]
        >>> dialogue_dashes("„Az „ő” – mondta.", [0, 4, 6], conventions("hu"))
        []
    """
    if not conv.dialogue_dash or len(marks) % 2 == 0:
        return []
    closing = {b for _, b in conv.quotes}
    opening = {a for a, _ in conv.quotes} - closing
    start = len(text) - len(text.lstrip())
    for k, ch in enumerate(text):
        if ch not in conv.dialogue_dash:
            continue
        before = [m for m in marks if m < k]
        if k == start and text[marks[0]] in closing:
            return [k]
        if conv.dash_closes and before and text[before[-1]] in opening and text[k - 1].isspace() \
                and k + 1 < len(text) and text[k + 1].isspace():
            return [k]
    return []


def _quotes(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    # Quotation marks of every style are counted together (a source's 'single' quotation may
    # become a “double” one). A quotation running over several sentences leaves a mark
    # unpaired on both sides, a translation may close in each sentence what the source leaves
    # open, or leave out a mark that only closes a quotation begun sentences before. So the
    # target flags when its marks do not pair where the source's do, or when the source leaves
    # one open and the target has some but fewer marks (one dropped); single marks left open
    # flag where the source pairs all of its own.
    s_single, s_open = _single_marks(src.masked, ctx.src_conv)
    t_single, t_open = _single_marks(tgt.masked, ctx.tgt_conv)
    s_marks = sorted(quote_marks(src.masked, ctx.src_conv) + s_single)
    t_marks = sorted(quote_marks(tgt.masked, ctx.tgt_conv) + t_single)
    s_odd, t_odd = len(s_marks) % 2, len(t_marks) % 2
    if ctx.tgt_conv.dialogue_dash and any(d in tgt.masked for d in ctx.tgt_conv.dialogue_dash):
        # speech set off by dashes (Hungarian "– Igen – mondta.", "„Igen – mondta."): a dash
        # stands for the mark it replaces
        t_marks = sorted(t_marks + dialogue_dashes(tgt.masked, t_marks, ctx.tgt_conv))
        t_odd = len(t_marks) % 2
    if (t_odd and not s_odd) or (s_odd and not t_odd and 0 < len(t_marks) < len(s_marks)):
        where = t_marks[-1] if t_marks else None
    elif t_open and not s_open and not t_odd:
        where = t_open[0]
    else:
        return
    usual = ctx.tgt_conv.double_quotes[0]
    evidence = (tgt.evidence(where, where + 1),) if where is not None else tgt.whole()
    yield Finding(f"quotation marks do not pair as in the source ({len(s_marks)} in the source, "
                  f"{len(t_marks)} in the target; {tgt.lang} quotes {usual[0]}...{usual[1]})", evidence)


def _quotestyle(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    used = {ch for pair in ctx.tgt_conv.double_quotes for ch in pair}
    for k in quote_marks(tgt.masked, ctx.tgt_conv):
        ch = tgt.text[k]
        if ch not in used and ch not in _APOSTROPHES:
            usual = ctx.tgt_conv.double_quotes[0]
            yield Finding(f"quotation mark {ch!r} is not one {tgt.lang} uses (usually {usual[0]}...{usual[1]})",
                          (tgt.evidence(k, k + 1),))
            return


def _punctspacing(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    conv = ctx.tgt_conv
    text = tgt.masked
    n = len(text)
    for k, ch in enumerate(text):
        before = text[k - 1] if k else ""
        after = text[k + 1] if k + 1 < n else ""
        if ch in conv.space_before and before and not before.isspace() and before not in _SPACES:
            if not (before.isdigit() and after.isdigit()) and before != MASK and not unicodedata.category(before).startswith("P"):
                yield Finding(f"{tgt.lang} puts a space before {ch!r}", (tgt.evidence(k, k + 1),))
                return
        elif ch in conv.no_space_before and before in _SPACES and k >= 2 and text[k - 2].isalnum() \
                and (after == "" or after.isspace() or ch in ")]"):
            yield Finding(f"space before {ch!r}", (tgt.evidence(k - 1, k + 1),))
            return
        elif ch in conv.space_after and after and after not in _SPACES:
            yield Finding(f"{tgt.lang} puts a space after {ch!r}", (tgt.evidence(k, k + 1),))
            return
        elif ch in conv.space_after_marks and before.isalpha() and after.isalpha():
            yield Finding(f"no space after {ch!r}", (tgt.evidence(k, k + 2),))
            return


register(Check("endpunc", "punctuation", "minor",
               "the sentence ends with the same kind of mark (period, question, exclamation, colon...) "
               "in the target's script; a question or exclamation has its opening mark where the language uses one",
               ("Is it ready?", "Apakah sudah siap."), ("endpunc",), bead=_endpunc))
register(Check("startpunc", "punctuation", "minor", "the sentence starts with the same kind of punctuation",
               ("\u2013 Yes.", "Ya."), ("startpunc",), bead=_startpunc))
register(Check("brackets", "punctuation", "minor", "brackets are paired in the target where they are in the source",
               ("It rose (by 5%).", "Naik (sebesar 5%."), ("brackets",), bead=_brackets))
register(Check("quotes", "punctuation", "minor",
               "quotation marks are paired as the target language pairs them (« », „ “, 「」 ...)",
               ('He said "yes".', "Er sagte „ja."), ("doublequoting",), bead=_quotes,
               example_langs=("en", "de")))
register(Check("quotestyle", "punctuation", "info",
               "the target's quotation marks are ones its language uses (per the conventions data)",
               ('He said "yes".', "Er sagte “ja”."), ("doublequoting",), bead=_quotestyle,
               example_langs=("en", "de")))
register(Check("punctspacing", "punctuation", "minor",
               "spacing around punctuation follows the target language (French: a space before : ; ? ! and inside « »)",
               ("Really?", "Vraiment?"), ("puncspacing",), bead=_punctspacing,
               example_langs=("en", "fr")))
