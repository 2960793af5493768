"""Names, numbers and dates a document mentions, comparable across languages and scripts.

Deliberately simple and explainable:

* **Names** are Latin-script tokens that look like names: a capitalised word that does not
  open a sentence, a word with inner capitals or digits (``OpenAI``, ``GPT-4``), or a run of
  capitalised words (``Sam Altman``). In languages that capitalise every noun (German) a lone
  capitalised word counts only when it is mixed-case or part of a run; in Korean, Chinese or
  Japanese text only names written in Latin letters are seen (``OpenAI``, ``Altman``), names
  in Hangul or Han characters are not extracted.
* **Numbers** are compared by value (:func:`aligner.score.numbers.extract_quantities`; of
  several readings an integer, the largest: ``38,000`` is 38000) and shown as written.
* **Dates** with a month (``November 17``, ``17. November``, ``17 November``, ``11월 17일``,
  ``11月17日``, ``2023-11-22``) become ``MM-DD``: the year is shown, not compared, so
  ``17 November`` matches ``2023-11-17``.

Only content sentences are read; page furniture (``kind == "boilerplate"``) is ignored.
Name keys are case-folded with accents stripped, so ``Openai`` matches ``OpenAI`` and
``Müller`` matches ``Muller``.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..document import Document
from ..language import SUPPORTED_LANGUAGES
from ..locale_data import calendar_words, capitalises_nouns, month_names, month_names_with_english, usual_script
from ..score.numbers import extract_quantities

__all__ = ["Mention", "Entities", "extract_entities", "name_key", "names_match", "name_tokens"]

_LATIN_WORD = regex.compile(r"\p{Latin}[\p{Latin}\p{M}\p{N}]*(?:['’.][\p{Latin}\p{M}]+|-\p{N}[\p{Latin}\p{N}]*)*")
_SENTENCE_START = regex.compile(r"^[\s\p{P}\p{S}\p{N}]*$")
_CONNECTOR = {"bin", "binti", "van", "von", "der", "de", "da", "del", "di", "al", "el", "le", "la", "du", "ibn"}


@lru_cache(maxsize=128)
def _date_patterns(lang: str) -> tuple["regex.Pattern[str]", "regex.Pattern[str]"]:
    alt = "|".join(regex.escape(n) for n in sorted(month_names_with_english(lang), key=len, reverse=True))
    day_month = regex.compile(rf"(?<!\p{{N}})(\d{{1,2}})\.?\s+(?:de\s+)?({alt})\.?(?:\s+(?:de\s+)?(\d{{4}}))?(?!\p{{L}})", regex.I)
    month_day = regex.compile(rf"(?<!\p{{L}})({alt})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?!\p{{N}})(?:,?\s+(\d{{4}}))?", regex.I)
    return day_month, month_day


@lru_cache(maxsize=1)
def _all_months() -> frozenset[str]:
    """Month names of every language the language detector knows (a name key is no month)."""
    return frozenset(n for lang in SUPPORTED_LANGUAGES for n in month_names(lang))


_CJK_DATE = regex.compile(r"(?:(\d{4})\s*[년年]\s*)?(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日]")
_ISO_DATE = regex.compile(r"(?<!\p{N})(\d{4})-(\d{2})-(\d{2})(?!\p{N})")


@dataclass(frozen=True)
class Mention:
    """One thing a document mentions.

    Attributes:
        kind: ``"name"``, ``"number"`` or ``"date"``.
        key: the comparable form (case-folded name, number value, ``MM-DD`` date).
        surface: the text as first written in the document (for display).
        count: how many times the document mentions it.
    """

    kind: str
    key: str
    surface: str
    count: int = 1


@dataclass(frozen=True)
class Entities:
    """The mentions of one document, by kind (each a tuple sorted by key, no duplicate keys).

    ``weak_names`` are capitalised words that may be names or may be capitalised for another
    reason (a sentence opening, a German noun); they count only where another document's
    name confirms them.
    """

    names: tuple[Mention, ...]
    numbers: tuple[Mention, ...]
    dates: tuple[Mention, ...]
    weak_names: tuple[Mention, ...] = ()

    @property
    def all(self) -> tuple[Mention, ...]:
        """Every mention: names, then numbers, then dates."""
        return self.names + self.numbers + self.dates


def name_key(text: str) -> str:
    """The comparable form of a name: accents stripped, case-folded, possessive dropped.

    Example:
        >>> name_key("Müller's")
        'muller'
    """
    text = regex.sub(r"['’]s$", "", text.strip())
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().replace("’", "'").split())


def _token_match(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if not (short.isalpha() and long_.isalpha()):
        return False  # "gpt-4" and "gpt-4o" are different things
    # an inflected form: German genitive "Altmans", Indonesian "-nya" is rare on names
    if len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 2:
        return True
    if len(short) >= 6:
        from rapidfuzz.distance import Levenshtein

        return Levenshtein.distance(a, b) <= 1
    return False


def names_match(a: str, b: str) -> bool:
    """Whether two name keys plausibly name the same thing.

    Equal keys match; so do inflected forms (``altmans`` / ``altman``), one edit in a long
    word, and a single word of a longer name (``altman`` / ``sam altman``; other than the
    last word only with 4+ letters: ``ilya`` / ``ilya sutskever``). Words with digits match
    only exactly (``gpt-4`` is not ``gpt-4o``).

    Example:
        >>> names_match("sam altman", "altman"), names_match("openai", "meta")
        (True, False)
    """
    if a == b:
        return True
    ta, tb = a.split(), b.split()
    if len(ta) == len(tb):
        return all(_token_match(x, y) for x, y in zip(ta, tb))
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    if len(short) == 1:
        word = short[0]
        if len(word) >= 3 and _token_match(word, long_[-1]):
            return True  # a surname alone: "altman" / "sam altman"
        return len(word) >= 4 and any(_token_match(word, t) for t in long_[:-1])  # "ilya" / "ilya sutskever"
    return False


def _is_strong(tok: str) -> bool:
    """Mixed case or letters with digits: ``OpenAI``, ``ChatGPT``, ``GPT-4``, ``iPhone``."""
    inner_upper = any(c.isupper() for c in tok[1:]) and any(c.islower() for c in tok)
    return inner_upper or (any(c.isalpha() for c in tok) and any(c.isdigit() for c in tok))


def _is_acronym(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _split_run(run: list[str], split_all: bool = False) -> list[list[str]]:
    """Split a run of capitalised words at acronyms that open it or sit inside it.

    ``CEO Sam Altman`` -> ``CEO`` + ``Sam Altman``; ``Microsoft CEO Nadella`` -> three parts;
    a closing acronym stays (``Meta AI``) unless ``split_all``.
    """
    parts: list[list[str]] = []
    current: list[str] = []
    for k, tok in enumerate(run):
        last = k == len(run) - 1
        if _is_acronym(tok) and (split_all or not (last and current)):
            if current:
                parts.append(current)
            parts.append([tok])
            current = []
        else:
            current.append(tok)
    if current:
        parts.append(current)
    return parts


def _sentence_names(sentence: str, lang: str, latin_doc: bool) -> list[tuple[str, bool]]:
    """Name candidates in one sentence as ``(surface, strong)``; weak ones need confirming."""
    out: list[tuple[str, bool]] = []
    runs: list[tuple[list[str], bool]] = []  # (tokens, starts the sentence)
    run: list[str] = []
    run_initial = False
    previous_end: int | None = None
    nouns_capitalised = capitalises_nouns(lang)
    connectors = _CONNECTOR if not nouns_capitalised else set()
    not_names = calendar_words(lang)

    for m in _LATIN_WORD.finditer(sentence):
        tok = m.group(0).rstrip(".")
        gap = sentence[previous_end : m.start()] if previous_end is not None else None
        adjacent = gap in (" ", "\u00a0")
        initial = latin_doc and previous_end is None and bool(_SENTENCE_START.match(sentence[: m.start()]))
        if tok[0].isupper() or _is_strong(tok):
            if run and adjacent:
                run.append(tok)
            else:
                if run:
                    runs.append((run, run_initial))
                run, run_initial = [tok], initial
        elif run and adjacent and tok.casefold() in connectors:
            run.append(tok)
        else:
            if run:
                runs.append((run, run_initial))
            run = []
        previous_end = m.end()
    if run:
        runs.append((run, run_initial))

    for tokens, initial in runs:
        while tokens and tokens[-1].casefold() in connectors:
            tokens = tokens[:-1]
        if initial and len(tokens) > 1 and not (_is_strong(tokens[0]) or _is_acronym(tokens[0])):
            # "For AI startups", "Die Personalunruhen": the opening word is capitalised anyway
            tokens, initial = tokens[1:], False
        parts = _split_run(tokens, nouns_capitalised)
        if nouns_capitalised and any(_is_strong(t) or _is_acronym(t) for t in tokens):
            parts = [[t] for t in tokens]  # "Intelligenz xAI": a noun beside a name
        for part in parts:
            if part[0].casefold().rstrip(".") in not_names:
                continue
            surface = " ".join(part)
            if any(_is_strong(t) or _is_acronym(t) for t in part):
                strong = True
            elif not latin_doc:
                strong = True  # Latin letters inside Hangul/Han text
            elif nouns_capitalised:
                # every noun is capitalised: a capital proves nothing, and a run may be a
                # noun beside a name ("Chefwissenschaftler Ilya Sutskever"), so each word
                # stands alone and needs confirming
                out.extend((tok, False) for tok in part)
                continue
            elif len(part) >= 2:
                strong = True
            else:
                strong = not (initial and part[0] == tokens[0])
            out.append((surface, strong))
    return out


def _dates(text: str, lang: str) -> dict[str, str]:
    found: dict[str, str] = {}

    def add(month: int, day: str, surface: str) -> None:
        d = int(day)
        if 1 <= month <= 12 and 1 <= d <= 31:
            found.setdefault(f"{month:02d}-{d:02d}", surface)

    months = month_names_with_english(lang)
    day_month, month_day = _date_patterns(lang)
    for m in day_month.finditer(text):
        add(months[m.group(2).casefold()], m.group(1), m.group(0))
    for m in month_day.finditer(text):
        add(months[m.group(1).casefold()], m.group(2), m.group(0))
    for m in _CJK_DATE.finditer(text):
        add(int(m.group(2)), m.group(3), m.group(0))
    for m in _ISO_DATE.finditer(text):
        add(int(m.group(2)), m.group(3), m.group(0))
    return found


def extract_entities(doc: Document) -> Entities:
    """The names, numbers and dates in the content sentences of ``doc``.

    Example:
        >>> from aligner import from_text
        >>> e = extract_entities(from_text("On November 17, OpenAI fired Sam Altman. It cost 5 million.", "en"))
        >>> [m.key for m in e.names], [m.key for m in e.numbers], [m.key for m in e.dates]
        (['openai', 'sam altman'], ['5000000'], ['11-17'])
    """
    texts = [doc.sentence_text(i) for i in doc.content_indices]
    latin_doc = usual_script(doc.lang) == "Latn"
    candidates: list[tuple[str, bool]] = []
    for sentence in texts:
        candidates.extend(_sentence_names(sentence, doc.lang, latin_doc))
    strong_keys = {name_key(s) for s, strong in candidates if strong}
    strong_tokens = {t for k in strong_keys for t in k.split()}
    names: dict[str, str] = {}
    weak: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for surface, strong in candidates:
        key = name_key(surface)
        if len(key) < 2:
            continue
        counts[key] += 1
        if strong or key in strong_tokens:
            names.setdefault(key, surface)
        else:
            weak.setdefault(key, surface)

    joined = "\n".join(texts)
    dates = _dates(joined, doc.lang)
    date_text = joined
    for pattern in _date_patterns(doc.lang) + (_CJK_DATE, _ISO_DATE):
        date_text = pattern.sub(" ", date_text)
    numbers: dict[str, str] = {}
    for q in extract_quantities(date_text, doc.lang):
        if q.kind in ("number", "percent", "ordinal"):
            # shown as written ("38,000", "1.5 million"), matched by value
            numbers.setdefault(_number_key(q.values), " ".join(date_text[q.start:q.end].split()))
    return Entities(
        names=tuple(Mention("name", k, v, counts[k]) for k, v in sorted(names.items())),
        numbers=tuple(Mention("number", k, v) for k, v in sorted(numbers.items(), key=lambda kv: _num_order(kv[0]))),
        dates=tuple(Mention("date", k, v) for k, v in sorted(dates.items())),
        weak_names=tuple(Mention("name", k, v, counts[k]) for k, v in sorted(weak.items()) if k not in names),
    )


def _number_key(values: frozenset[float]) -> str:
    """The value a number is matched by: of its readings, an integer first and the largest
    one (``38,000`` is 38000, not 38; ``1.500`` is 1500; ``2,5`` is 2.5)."""
    best = max(values, key=lambda v: (v == int(v), v))
    return str(int(best)) if best == int(best) else f"{best:.6f}".rstrip("0").rstrip(".")


def _num_order(key: str) -> tuple[float, str]:
    try:
        return (float(key), key)
    except ValueError:
        return (float("inf"), key)


def name_tokens(mentions: Sequence[Mention]) -> dict[str, int]:
    """Informative single words (4+ letters) of name mentions, with their mention counts.

    A cheap, order-free key for screening many pairs; a genitive ``altmans`` also gives
    ``altman``.

    Example:
        >>> from aligner import from_text
        >>> e = extract_entities(from_text("Yesterday OpenAI fired Sam Altman. Altman left.", "en"))
        >>> sorted(name_tokens(e.names).items())
        [('altman', 2), ('openai', 1)]
    """
    out: Counter[str] = Counter()
    for m in mentions:
        words: set[str] = set()
        for tok in m.key.split():
            if sum(c.isalpha() for c in tok) >= 4 and tok not in _all_months():
                words.add(tok)
                if tok.endswith("s") and len(tok) >= 6:
                    words.add(tok[:-1])
        for w in words:
            out[w] += m.count
    return dict(sorted(out.items()))
