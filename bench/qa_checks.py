"""QA-check bench: errors injected into clean 1-1 pairs of every dev language pair, aligner vs pofilter.

Data: the 1-1 gold beads of ``../shared/data/alignment/ntrex-dev`` (en-id) and of every pair of
``ntrex-multi-dev`` (real human translations). For each check a kind of error is injected into
sampled beads of each document (a URL altered, a placeholder dropped, a glossary term
mistranslated, a bracket left open ...); the items that must be kept are first inserted into
both sides where the sentence has none. Per check and language pair the bench reports

* recall: the share of injected beads the check flags;
* clean: the share of the untouched 1-1 beads (real translations) the check flags.

The same beads are written as PO files (msgid = source, msgstr = target, one file per language
pair with the clean units and every injected unit) and run through translate-toolkit's
``pofilter`` with the target language set; its tests are mapped to the checks that stand for
them (``Check.pofilter``) and scored the same way.

Injections are clear cases of each error: a URL with one path segment changed, a placeholder
dropped, a bracket left open, a final mark dropped (not one inside closing quotes, which a
language may drop), a target cut to a fifth or grown to 3 times its length by sentences of
the same document ...; see the ``inj_*`` functions.

Usage: ``PYTHONPATH=src python bench/qa_checks.py [--pairs en-de,en-id] [--per-doc 2] [--json OUT]``
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import regex

from aligner.align.evaluate import read_beads
from aligner.align.model import Bead
from aligner.checks import CHECKS, GlossaryEntry, Term, conventions, run_checks
from aligner.checks.glossary import Glossary
from aligner.conventions import conventions as shared_conventions
from aligner.document import Document, Span

ROOT = Path(__file__).resolve().parents[1]
#: The shared dev data: beside the checkout, or beside the folder of worktrees.
DATA = next((p / "shared" / "data" / "alignment" for p in (ROOT.parent, ROOT.parents[1])
             if (p / "shared" / "data" / "alignment").is_dir()), ROOT.parent / "shared" / "data" / "alignment")
POFILTER_NAME = "pofilter"

# ---------------------------------------------------------------- data


@dataclass
class DocPair:
    """One document pair: its lines and the 1-1 gold beads (src line, tgt line)."""

    pair: str
    name: str
    src_lang: str
    tgt_lang: str
    src: list[str]
    tgt: list[str]
    ones: list[tuple[int, int]]


def _lines(path: Path) -> list[str]:
    lines = path.read_text("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.strip() for line in lines]


def load_pairs(only: set[str] | None) -> dict[str, list[DocPair]]:
    """Every dev language pair's documents (``ntrex-dev`` is ``en-id``)."""
    sets: list[tuple[str, Path, str, str]] = [("en-id", DATA / "ntrex-dev", "en", "id")]
    for folder in sorted((DATA / "ntrex-multi-dev").iterdir()):
        if folder.is_dir():
            l1, l2 = folder.name.split("-")
            sets.append((folder.name, folder, l1, l2))
    out: dict[str, list[DocPair]] = {}
    for pair, folder, l1, l2 in sets:
        if only and pair not in only:
            continue
        docs = []
        for gold in sorted(folder.glob(f"*.{l1}{l2}")):
            base = str(gold)[: -len(f".{l1}{l2}")]
            beads = read_beads(gold.read_text("utf-8"), str(gold))
            ones = [(s[0], t[0]) for s, t in beads if len(s) == 1 and len(t) == 1]
            docs.append(DocPair(pair, Path(base).name, l1, l2, _lines(Path(f"{base}.{l1}")),
                                _lines(Path(f"{base}.{l2}")), ones))
        out[pair] = docs
    return out


def document(lines: list[str], lang: str) -> Document:
    """A document with one sentence per line (spans exactly over each non-empty line)."""
    text = "\n".join(lines)
    spans, pos = [], 0
    for line in lines:
        if line:
            spans.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    return Document(text, lang, tuple(spans))


# ---------------------------------------------------------------- injections

_WORD = regex.compile(r"(?<![\p{L}\p{M}])\p{L}[\p{L}\p{M}]{3,}(?![\p{L}\p{M}])")
_TERM_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['\u2019-][\p{L}\p{M}\p{N}]+)*")
_FINAL = regex.compile(r"[.!?\u3002\uff01\uff1f\u0964\u06d4\u061f]+[\"'\u201d\u2019\u00bb\u300d)]*$")


def _spaceless(lang: str) -> bool:
    """The language's script is written without spaces (Han, Kana: ``spacing`` ``none`` in the
    conventions data), so a "word" for doubled-word and comma-spacing injections does not exist."""
    return shared_conventions(lang).spacing == "none"


def _insert(line: str, item: str) -> str:
    """``item`` inserted before the final punctuation (or at the end)."""
    m = _FINAL.search(line)
    k = m.start() if m else len(line)
    return f"{line[:k].rstrip()} {item}{line[k:]}"


def _first_word(line: str) -> regex.Match[str] | None:
    return _WORD.search(line)


Injection = tuple[str, str, str, str] | None  # clean src, clean tgt, error src, error tgt


def inj_urls(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    url = f"https://www.example.org/news/{rng.randrange(1000, 9999)}/story.html"
    s2, t2 = _insert(s, url), _insert(t, url)
    bad = url.replace("story", "berita") if rng.random() < 0.5 else url.replace("https://www.", "https://")
    return s2, t2, s2, _insert(t, bad)


def inj_emails(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    mail = f"desk{rng.randrange(10, 99)}@example.org"
    s2, t2 = _insert(s, mail), _insert(t, mail)
    return s2, t2, s2, (_insert(t, mail.replace("example.org", "example.com")) if rng.random() < 0.5 else t)


def inj_paths(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    path = f"/var/lib/report/data{rng.randrange(10, 99)}.csv"
    s2, t2 = _insert(s, path), _insert(t, path)
    return s2, t2, s2, _insert(t, path.replace("report", "laporan"))


_PLACEHOLDERS = ("{0}", "%s", "{{name}}", "%(count)d", "{user}", "%1$s", "${total}")


def inj_placeholders(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    ph = rng.choice(_PLACEHOLDERS)
    s2, t2 = _insert(s, ph), _insert(t, ph)
    return s2, t2, s2, t


def _wrap_first(line: str, open_: str, close: str) -> str | None:
    m = _first_word(line)
    if m is None:
        return None
    return f"{line[:m.start()]}{open_}{m.group()}{close}{line[m.end():]}"


def inj_tags(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    s2, t2 = _wrap_first(s, "<b>", "</b>"), _wrap_first(t, "<b>", "</b>")
    if s2 is None or t2 is None:
        return None
    bad = t2.replace("</b>", "", 1) if rng.random() < 0.5 else t2.replace("<b>", "<i>").replace("</b>", "</i>")
    return s2, t2, s2, bad


def inj_entities(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    ent = rng.choice(("&amp;", "&copy;", "&#169;", "&nbsp;"))
    s2, t2 = _insert(s, ent), _insert(t, ent)
    return s2, t2, s2, _insert(t, {"&amp;": "&", "&copy;": "\u00a9", "&#169;": "\u00a9", "&nbsp;": "\u00a0"}[ent])


def inj_endpunc(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    m = _FINAL.search(t)
    if m is None or not _FINAL.search(s) or m.end() - m.start() != len(m.group().rstrip("\"'\u201d\u2019\u00bb\u300d)")):
        return None  # a mark inside closing quotes may go: the quote ends the sentence (see endpunc)
    return s, t, s, t[: m.start()].rstrip() + t[m.start():].lstrip(".!?\u3002\uff01\uff1f\u0964\u06d4\u061f")


def inj_startpunc(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    if not s[:1].isalnum() or not t[:1].isalnum():
        return None
    return s, t, s, rng.choice(("- ", "\u2026 ", "* ")) + t


def inj_brackets(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    s2, t2 = _wrap_first(s, "(", ")"), _wrap_first(t, "(", ")")
    if s2 is None or t2 is None:
        return None
    return s2, t2, s2, t2.replace(")", "", 1)


def inj_quotes(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    so, sc = conventions(d.src_lang).double_quotes[0]
    to, tc = conventions(d.tgt_lang).double_quotes[0]
    s2, t2 = _wrap_first(s, so, sc), _wrap_first(t, to, tc)
    if s2 is None or t2 is None:
        return None
    return s2, t2, s2, t2.replace(tc, "", 1) if to != tc else t2[::-1].replace(tc, "", 1)[::-1]


def inj_quotestyle(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    from aligner.checks.punctuation import _all_double_quotes

    used = {ch for pair in conventions(d.tgt_lang).double_quotes for ch in pair}
    foreign = sorted(_all_double_quotes() - used)
    so, sc = conventions(d.src_lang).double_quotes[0]
    to, tc = conventions(d.tgt_lang).double_quotes[0]
    s2, t2 = _wrap_first(s, so, sc), _wrap_first(t, to, tc)
    if s2 is None or t2 is None or not foreign:
        return None
    return s2, t2, s2, _wrap_first(t, rng.choice(foreign), rng.choice(foreign))


def inj_punctspacing(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    if _spaceless(d.tgt_lang):
        return None
    m = regex.search(r"(?<=\p{L}), (?=\p{L})", t)
    if m is None:
        return None
    return s, t, s, t[: m.start()] + "," + t[m.end():]


def inj_doublewords(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    if _spaceless(d.tgt_lang):
        return None
    words = [m for m in _TERM_WORD.finditer(t) if m.group().isalpha() and len(m.group()) >= 3
             and (m.start() == 0 or t[m.start() - 1] == " ") and (m.end() == len(t) or t[m.end()] in " ,.;:")]
    if not words:
        return None
    m = rng.choice(words)
    return s, t, s, f"{t[:m.end()]} {m.group()}{t[m.end():]}"


def inj_doublespace(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    spaces = [m.start() for m in re.finditer(r"(?<=\S) (?=\S)", t)]
    if not spaces or "  " in s:
        return None
    k = rng.choice(spaces)
    return s, t, s, t[:k] + "  " + t[k + 1:]


def inj_edgespace(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    return s, t, s, t + " " if rng.random() < 0.5 else " " + t


def inj_startcaps(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    if not (s[:1].isupper() and t[:1].isupper()):
        return None
    return s, t, s, t[0].lower() + t[1:]


_ACRO = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])")


def inj_acronyms(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    kept = [m.group() for m in _ACRO.finditer(s) if m.group() in t]
    if kept:
        a = kept[0]
        return s, t, s, t.replace(a, a.capitalize() if rng.random() < 0.5 else a[:-1])
    a = rng.choice(("NATO", "UNICEF", "FIFA", "NASA"))
    s2, t2 = _insert(s, a), _insert(t, a)
    return s2, t2, s2, _insert(t, a.capitalize())


def inj_camelcase(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    name = rng.choice(("iPhone", "YouTube", "PowerPoint", "eBay", "LinkedIn"))
    s2, t2 = _insert(s, name), _insert(t, name)
    return s2, t2, s2, _insert(t, name.capitalize() if rng.random() < 0.5 else name.lower())


def inj_currency(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    n = rng.randrange(2, 900)
    a, b = rng.choice((("$", "\u20ac"), ("\u20ac", "\u00a3"), ("\u00a3", "$"), ("USD", "EUR"), ("\u00a5", "\u20b9")))
    s2, t2 = _insert(s, f"{a}{n}"), _insert(t, f"{a}{n}")
    return s2, t2, s2, _insert(t, f"{b}{n}")


def inj_units(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    n = rng.randrange(2, 900)
    a, b = rng.choice((("km", "mi"), ("kg", "lb"), ("\u00b0C", "\u00b0F"), ("km/h", "mph"), ("m", "ft")))
    s2, t2 = _insert(s, f"{n} {a}"), _insert(t, f"{n} {a}")
    return s2, t2, s2, _insert(t, f"{n} {b}")


def inj_length(s: str, t: str, rng: random.Random, d: DocPair) -> Injection:
    if len(t) < 40:
        return None
    if rng.random() < 0.5:
        cut = t[: max(8, len(t) // 5)]
        return s, t, s, cut.rsplit(" ", 1)[0] if " " in cut and not _spaceless(d.tgt_lang) else cut
    others = [x for x in d.tgt if x and x != t]
    rng.shuffle(others)
    longer = t
    while others and len(longer) < 3 * len(t):
        longer = f"{longer} {others.pop()}"
    return s, t, s, longer


# glossary and consistency work on the whole document: see _doc_injections

INJECTIONS: dict[str, Callable[[str, str, random.Random, DocPair], Injection]] = {
    "urls": inj_urls, "emails": inj_emails, "paths": inj_paths, "placeholders": inj_placeholders,
    "tags": inj_tags, "entities": inj_entities, "endpunc": inj_endpunc, "startpunc": inj_startpunc,
    "brackets": inj_brackets, "quotes": inj_quotes, "quotestyle": inj_quotestyle, "punctspacing": inj_punctspacing,
    "doublewords": inj_doublewords, "doublespace": inj_doublespace, "edgespace": inj_edgespace,
    "startcaps": inj_startcaps, "acronyms": inj_acronyms, "camelcase": inj_camelcase,
    "currency": inj_currency, "units": inj_units, "length": inj_length,
}


def _glossary_for(d: DocPair, s: str, t: str, rng: random.Random) -> tuple[GlossaryEntry, str] | None:
    """A glossary entry (a source word -> a target word of this bead) and the target with the term replaced."""
    sw = [m.group() for m in _TERM_WORD.finditer(s) if len(m.group()) >= 5 and m.group().isalpha()]
    if _spaceless(d.tgt_lang):
        # two different letters of the uncased script (not a piece of a Latin word such as LGBT),
        # so that the reversed, forbidden term does not contain the allowed one
        tw = [t[k:k + 2] for k in range(0, max(0, len(t) - 2), 3)
              if regex.fullmatch(r"\p{Lo}{2}", t[k:k + 2]) and t[k] != t[k + 1]]
    else:
        tw = [m.group() for m in _TERM_WORD.finditer(t) if len(m.group()) >= 5 and m.group().isalpha()]
    if not sw or not tw:
        return None
    src_term, tgt_term = rng.choice(sw), rng.choice(tw)
    wrong = "X" + tgt_term[::-1].lower()
    entry = GlossaryEntry(Term.of(src_term), (Term.of(tgt_term),), (Term.of(wrong),))
    # every occurrence, in any case: the term matches case-folded, so a "Semua" left beside the
    # replaced "semua" would still be the glossary's term
    bound = "" if _spaceless(d.tgt_lang) else r"(?<![\p{L}\p{N}])"
    end = "" if _spaceless(d.tgt_lang) else r"(?![\p{L}\p{N}])"
    return entry, regex.sub(bound + regex.escape(tgt_term) + end, wrong, t, flags=regex.IGNORECASE)


# ---------------------------------------------------------------- running


@dataclass
class Unit:
    """One PO unit: its id, source and target, what it is (``clean`` or the check injected)."""

    uid: str
    kind: str
    src: str
    tgt: str


def _flagged(src_lines: list[str], tgt_lines: list[str], d: DocPair, spec: str, glossary: Glossary | None = None
             ) -> dict[tuple[int, int], set[str]]:
    """Check names that fire on each 1-1 bead (keyed by its lines), running ``spec``."""
    src_doc, tgt_doc = document(src_lines, d.src_lang), document(tgt_lines, d.tgt_lang)
    s_index = {span.start: i for i, span in enumerate(src_doc.sentences)}
    t_index = {span.start: i for i, span in enumerate(tgt_doc.sentences)}
    s_start = [sum(len(x) + 1 for x in src_lines[:k]) for k in range(len(src_lines))]
    t_start = [sum(len(x) + 1 for x in tgt_lines[:k]) for k in range(len(tgt_lines))]
    keys, beads = [], []
    for a, b in d.ones:
        if s_start[a] in s_index and t_start[b] in t_index and src_lines[a] and tgt_lines[b]:
            keys.append((a, b))
            beads.append(Bead((s_index[s_start[a]],), (t_index[t_start[b]],)))
    out: dict[tuple[int, int], set[str]] = {k: set() for k in keys}
    for k, flags in run_checks(src_doc, tgt_doc, beads, spec, glossary).items():
        for f in flags:
            out[keys[k]].add(f.message[1:].split("]", 1)[0])
    return out


def run_aligner(docs: list[DocPair], per_doc: int, seed: int) -> tuple[dict, dict, list[Unit], float]:
    """recall[check] = [hits, n], clean[check] = [flagged, n]; the PO units; seconds spent in checks."""
    recall: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    clean: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    units: list[Unit] = []
    spent = 0.0
    for d in docs:
        rng = random.Random(f"{seed}:{d.pair}:{d.name}")
        t0 = time.perf_counter()
        base = _flagged(d.src, d.tgt, d, "all")
        spent += time.perf_counter() - t0  # the time of every check on the real document pair
        for (a, b), names in base.items():
            units.append(Unit(f"{d.name}:{a}:{b}", "clean", d.src[a], d.tgt[b]))
            for name in CHECKS:
                if not CHECKS[name].needs_glossary:
                    clean[name][1] += 1
                    clean[name][0] += name in names
        unflagged = [k for k, names in base.items() if not names]
        for name, inject in INJECTIONS.items():
            picks = rng.sample(unflagged, min(len(unflagged), per_doc * 3))
            src, tgt = list(d.src), list(d.tgt)
            done: list[tuple[int, int]] = []
            for a, b in picks:
                made = inject(d.src[a], d.tgt[b], rng, d)
                if made is None:
                    continue
                src[a], tgt[b] = made[2], made[3]
                done.append((a, b))
                units.append(Unit(f"{d.name}:{a}:{b}:{name}", name, made[2], made[3]))
                if len(done) == per_doc:
                    break
            if not done:
                continue
            got = _flagged(src, tgt, d, name)
            for k in done:
                recall[name][1] += 1
                recall[name][0] += name in got.get(k, set())
        _doc_injections(d, rng, base, per_doc, recall, clean, units)
    return recall, clean, units, spent


def _doc_injections(d: DocPair, rng: random.Random, base: dict, per_doc: int, recall: dict, clean: dict,
                    units: list[Unit]) -> None:
    """Glossary, forbidden-term and consistency injections (they need several beads or a glossary)."""
    unflagged = [k for k, names in base.items() if not names]
    if len(unflagged) < 4:
        return
    # glossary: a term of each picked bead; the clean run must not flag it, the error run must
    picks = rng.sample(unflagged, min(len(unflagged), per_doc))
    for a, b in picks:  # one glossary entry per picked bead, so that entries do not meet in other beads
        made = _glossary_for(d, d.src[a], d.tgt[b], rng)
        if made is None:
            continue
        wrong_tgt = list(d.tgt)
        wrong_tgt[b] = made[1]
        units.append(Unit(f"{d.name}:{a}:{b}:glossary", "glossary", d.src[a], made[1]))
        glossary = Glossary([made[0]], d.src_lang, d.tgt_lang)
        ok = _flagged(d.src, d.tgt, d, "glossary,forbidden", glossary)
        bad = _flagged(d.src, wrong_tgt, d, "glossary,forbidden", glossary)
        for k in ((a, b),):
            for name in ("glossary", "forbidden"):
                clean[name][1] += 1
                clean[name][0] += name in ok.get(k, set())
                recall[name][1] += 1
                recall[name][0] += name in bad.get(k, set())
    # consistency: copy bead A's pair onto bead B, then change one side of B by one word
    for name in ("inconsistent_target", "inconsistent_source"):
        (a1, b1), (a2, b2) = rng.sample(unflagged, 2)
        src, tgt = list(d.src), list(d.tgt)
        src[a2], tgt[b2] = src[a1], tgt[b1]
        side = tgt if name == "inconsistent_target" else src
        k = b2 if name == "inconsistent_target" else a2
        words = side[k].split(" ")
        if len(words) < 3:
            continue
        del words[rng.randrange(1, len(words))]
        side[k] = " ".join(words)
        got = _flagged(src, tgt, d, name)
        recall[name][1] += 1
        recall[name][0] += name in got.get((a2, b2), set()) or name in got.get((a1, b1), set())
        units.append(Unit(f"{d.name}:{a2}:{b2}:{name}", name, src[a2], tgt[b2]))


# ---------------------------------------------------------------- pofilter


def _po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def write_po(units: list[Unit], path: Path, lang: str) -> None:
    """A PO file with one unit per bead; ``msgctxt`` holds the unit id."""
    lines = ['msgid ""', 'msgstr ""', f'"Language: {lang}\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for u in units:
        lines += [f"msgctxt {_po_string(u.uid)}", f"msgid {_po_string(u.src)}", f"msgstr {_po_string(u.tgt)}", ""]
    path.write_text("\n".join(lines), "utf-8")


#: pofilter tests left out: not about prose (KDE, Gettext, fuzzy marks, plurals), or needing config.
POFILTER_SKIP = ("accelerators", "compendiumconflicts", "credits", "hassuggestion", "isfuzzy", "isreview",
                 "kdecomments", "nplurals", "spellcheck", "validchars", "musttranslatewords",
                 "notranslatewords", "functions", "options", "simpleplurals", "purepunc")


def run_pofilter(units: list[Unit], lang: str, workdir: Path) -> dict[str, set[str]]:
    """pofilter test names that fail on each unit id."""
    exe = shutil.which(POFILTER_NAME) or str(Path(sys.executable).parent / POFILTER_NAME)
    src, out = workdir / f"{lang}.po", workdir / f"{lang}.out.po"
    write_po(units, src, lang)
    cmd = [exe, f"--language={lang}", "--nofuzzy", *[f"--excludefilter={t}" for t in POFILTER_SKIP],
           str(src), str(out)]
    subprocess.run(cmd, check=True, capture_output=True)
    failed: dict[str, set[str]] = defaultdict(set)
    current: list[str] = []
    for line in out.read_text("utf-8").splitlines():
        if line.startswith("# (pofilter) "):
            current.append(line[len("# (pofilter) "):].split(":", 1)[0].strip())
        elif line.startswith("msgctxt "):
            uid = json.loads(line[len("msgctxt "):])
            failed[uid].update(current)
            current = []
        elif not line.strip():
            current = [] if not current else current
    return failed


# ---------------------------------------------------------------- report


def scaling(sizes: tuple[int, ...] = (1000, 4000)) -> list[tuple[int, float]]:
    """Seconds for every check over synthetic pairs of ``sizes`` 1-1 beads (each bead with a
    quotation, an amount, a unit, brackets and a URL): linear time shows as a flat time a bead."""
    out = []
    for n in sizes:
        src = document([f'He said "the price of {i} kg rose by $5" (see https://a.org/{i}).' for i in range(n)], "en")
        tgt = document([f"Er sagte, \u201eder Preis von {i} kg stieg um $5\u201c (siehe https://a.org/{i})." for i in range(n)], "de")
        beads = [Bead((i,), (i,)) for i in range(n)]
        start = time.perf_counter()
        run_checks(src, tgt, beads, "all")
        out.append((n, time.perf_counter() - start))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", help="comma-separated language pairs (default: every dev pair)")
    ap.add_argument("--per-doc", type=int, default=2, help="injected beads per check and document (default: 2)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-pofilter", action="store_true")
    ap.add_argument("--json", help="write every figure here")
    ap.add_argument("--scaling", action="store_true", help="only time every check on 1,000 and 4,000 synthetic beads")
    args = ap.parse_args(argv)
    if args.scaling:
        for n, seconds in scaling():
            print(f"{n} beads: {seconds:.2f} s, {1000 * seconds / n:.2f} ms a bead")
        return 0
    pairs = load_pairs(set(args.pairs.split(",")) if args.pairs else None)
    results: dict[str, dict] = {}
    total_spent, total_beads = 0.0, 0
    with tempfile.TemporaryDirectory() as tmp:
        for pair, docs in pairs.items():
            recall, clean, units, spent = run_aligner(docs, args.per_doc, args.seed)
            total_spent += spent
            total_beads += sum(1 for u in units if u.kind == "clean")
            po: dict[str, dict[str, list[int]]] = {"recall": defaultdict(lambda: [0, 0]), "clean": defaultdict(lambda: [0, 0])}
            po_any: dict[str, list[int]] = defaultdict(lambda: [0, 0])
            if not args.no_pofilter:
                failed = run_pofilter(units, pair.split("-")[1], Path(tmp))
                for u in units:
                    tests = failed.get(u.uid, set())
                    if u.kind == "clean":
                        for t in tests:
                            po["clean"][t][0] += 1
                        po_any["clean"][1] += 1
                        po_any["clean"][0] += bool(tests)
                    else:
                        mapped = set(CHECKS[u.kind].pofilter)
                        if mapped:
                            po["recall"][u.kind][1] += 1
                            po["recall"][u.kind][0] += bool(tests & mapped)
                n_clean = po_any["clean"][1]
                for t in list(po["clean"]):
                    po["clean"][t][1] = n_clean
            results[pair] = {"recall": dict(recall), "clean": dict(clean),
                             "pofilter_recall": dict(po["recall"]), "pofilter_clean": dict(po["clean"]),
                             "pofilter_clean_any": po_any["clean"], "n_clean": sum(1 for u in units if u.kind == "clean")}
            print(f"{pair}: {results[pair]['n_clean']} clean beads, {len(units)} units", file=sys.stderr, flush=True)
    table = report(results)
    print(table)
    print(f"\nall checks on the real pairs: {total_spent:.2f} s for {total_beads} 1-1 beads "
          f"({1000 * total_spent / max(1, total_beads):.2f} ms a bead)", file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps({"results": results, "seconds": total_spent}, indent=1), "utf-8")
    return 0


def _rate(pairs: dict[str, dict], key: str, name: str) -> tuple[int, int, float | None, str]:
    hit = n = 0
    worst: tuple[float, str] | None = None
    for pair, r in pairs.items():
        h, m = r[key].get(name, [0, 0])
        hit, n = hit + h, n + m
        if m:
            v = h / m
            if worst is None or (v < worst[0] if key.endswith("recall") else v > worst[0]):
                worst = (v, pair)
    return hit, n, (hit / n if n else None), (f"{worst[0]:.2f} {worst[1]}" if worst else "-")


def _pof_clean(results: dict[str, dict], tests: tuple[str, ...]) -> str:
    if not tests:
        return "-"
    flagged = n = 0
    for r in results.values():
        n += r["n_clean"]
        flagged += max((r["pofilter_clean"].get(t, [0, 0])[0] for t in tests), default=0)
    return f"{flagged / n:.2%}" if n else "-"


def report(results: dict[str, dict]) -> str:
    """The Markdown table: per check, aligner's recall and clean-flag rate beside pofilter's."""
    rows = ["| check | pofilter counterpart | recall (all pairs) | worst pair recall | clean flags | worst pair clean "
            "| pofilter recall | pofilter clean flags |", "|---|---|---|---|---|---|---|---|"]
    for name, check in CHECKS.items():
        h, n, r, worst_r = _rate(results, "recall", name)
        ch, cn, c, worst_c = _rate(results, "clean", name)
        ph, pn, pr, _ = _rate(results, "pofilter_recall", name)
        recall_s = f"{r:.3f} ({h}/{n})" if r is not None else "-"
        clean_s = f"{c:.2%} ({ch}/{cn})" if c is not None else "-"
        rows.append(f"| {name} | {', '.join(check.pofilter) or '-'} | {recall_s} | {worst_r} | {clean_s} | {worst_c} | "
                    f"{f'{pr:.3f}' if pr is not None else '-'} | {_pof_clean(results, check.pofilter)} |")
    counts: Counter[str] = Counter()
    n = 0
    for r in results.values():
        n += r["n_clean"]
        for t, (f, _) in r["pofilter_clean"].items():
            counts[t] += f
    rows.append("")
    rows.append("pofilter clean-flag rate per test (all pairs): " + ", ".join(
        f"{t} {c / n:.2%}" for t, c in counts.most_common()) if n else "")
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
