"""A divergence set for language pairs the fidelity model has never seen, made from gold alignments.

The divergence dev sets (``../shared/data/divergence``) cover nine pairs, all from English. To
see whether the fidelity model and its flags hold elsewhere, this script takes the human
1-1 links of other gold-aligned NTREX documents (``../shared/data/alignment/ntrex-multi-dev``:
``en-hu``, ``en-vi``, ``en-hi``, ``en-ar`` and the pairs without English ``de-id``, ``ko-id``)
and corrupts about a quarter of the target lines with the recipe the divergence README
describes, written here from that description alone (nothing in it looks at what the aligner
detects):

* ``number``: one number of the line changed (its digits kept in their own script);
* ``entity``: a name the target writes as the source does (a capitalised Latin word found in
  both) replaced by a capitalised word of another article;
* ``clause_omission``: the line cut at a comma and one side dropped;
* ``clause_addition``: a sentence of another article appended, joined with the target
  language's "and" (CLDR list patterns, through Babel);
* ``untranslated``: the source sentence copied;
* ``unrelated``: a sentence of another article.

Output: ``OUT/ntrex-multi-dev/PAIR/NAME.L1``, ``NAME.L2`` and ``NAME.labels`` (the layout of
the divergence dev sets), so ``bench/divergence.py --data OUT --pairs ...`` reads it. The
documents keep NTREX-128's licence (CC BY-SA 4.0; the alignment set's LICENSE.md is copied
beside them). Run:

    python bench/synth_divergence.py --out /tmp/synth
    python bench/divergence.py --data /tmp/synth --pairs en-hu,en-vi,en-hi,en-ar,de-id,ko-id
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import unicodedata
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _aligndata import MULTI, Doc, load_set  # noqa: E402

PAIRS = ("en-hu", "en-vi", "en-hi", "en-ar", "de-id", "ko-id")
#: Share of target lines corrupted, and the weight of each kind among those a line allows
#: (about the dev sets' mix; only a quarter of the lines hold a number, so that kind weighs more).
CORRUPTED = 0.25
KINDS = {"entity": 8, "clause_addition": 4, "number": 30, "unrelated": 4, "untranslated": 3, "clause_omission": 4}

_NUMBER = regex.compile(r"\d+(?:[.,]\d+)*")
_NAME = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}\p{Ll}{2,}(?![\p{L}\p{N}])")
_COMMA = regex.compile(r"[,،、，]\s*")
_END = regex.compile(r"[\s.!?。！？؟।]+$")


def one_to_one(doc: Doc) -> list[tuple[str, str]]:
    """The document's gold beads with a sentence on both sides, each side joined into one line."""
    return [(" ".join(doc.src[i] for i in s), " ".join(doc.tgt[j] for j in t)) for s, t in doc.gold if s and t]


def _and_pattern(lang: str) -> str:
    """CLDR's pattern for the last two items of a list in ``lang`` (``{0} és {1}``), or ``{0}, {1}``."""
    from babel import Locale

    try:
        return str(Locale.parse(lang).list_patterns["standard"]["end"])
    except Exception:  # noqa: BLE001 - a language Babel lacks gets a comma
        return "{0}, {1}"


def _change_number(line: str, rng: random.Random) -> str | None:
    found = list(_NUMBER.finditer(line))
    if not found:
        return None
    m = rng.choice(found)
    digits = [c for c in m.group() if c.isdigit()]
    pos = rng.randrange(len(digits))
    old = unicodedata.digit(digits[pos])
    new = rng.choice([d for d in range(10) if d != old and (d or pos or len(digits) == 1)])
    zero = ord(digits[pos]) - old  # the same script's digit zero
    idx = [i for i, c in enumerate(m.group()) if c.isdigit()][pos]
    text = m.group()[:idx] + chr(zero + new) + m.group()[idx + 1:]
    return line[: m.start()] + text + line[m.end():]


def _swap_name(src: str, tgt: str, names: list[str], rng: random.Random) -> str | None:
    shared = [m for m in _NAME.finditer(tgt) if m.start() > 0 and m.group() in src]
    if not shared:
        return None
    m = rng.choice(shared)
    choices = [n for n in names if n not in src and n not in tgt]
    if not choices:
        return None
    return tgt[: m.start()] + rng.choice(choices) + tgt[m.end():]


def _drop_clause(tgt: str, rng: random.Random) -> str | None:
    cuts = [m for m in _COMMA.finditer(tgt) if 0.2 * len(tgt) < m.start() < 0.8 * len(tgt)]
    if not cuts:
        return None
    m = rng.choice(cuts)
    return tgt[m.end():] if rng.random() < 0.5 else tgt[: m.start()] + tgt[len(_END.sub("", tgt)):]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:1].isupper() else text


def _add_clause(tgt: str, other: str, pattern: str) -> str:
    core = _END.sub("", tgt)
    tail = tgt[len(core):].strip() or "."
    joined = pattern.replace("{0}", core + ("" if ", " in pattern else ","), 1)
    return joined.replace("{1}", _lower_first(_END.sub("", other)), 1) + tail


def corrupt(lines: list[tuple[str, str]], others: list[str], names: list[str], lang: str,
            rng: random.Random) -> tuple[list[str], list[str]]:
    """Target lines with about :data:`CORRUPTED` of them corrupted, and every line's label."""
    pattern = _and_pattern(lang)
    out, labels = [], []
    for src, tgt in lines:
        new, label = tgt, "ok"
        if rng.random() < CORRUPTED:
            made = {
                "number": _change_number(tgt, rng),
                "entity": _swap_name(src, tgt, names, rng),
                "clause_omission": _drop_clause(tgt, rng),
                "clause_addition": _add_clause(tgt, rng.choice(others), pattern),
                "untranslated": src,
                "unrelated": rng.choice(others),
            }
            usable = [k for k, v in made.items() if v and v != tgt]
            if usable:
                label = rng.choices(usable, weights=[KINDS[k] for k in usable])[0]
                new = made[label] or tgt
        out.append(new)
        labels.append(label)
    return out, labels


def build(pair: str, out: Path, seed: int) -> tuple[int, dict[str, int]]:
    """Write one pair's corrupted documents under ``out``; the number of lines and of each label."""
    docs = load_set(f"ntrex-multi:{pair}")
    l1, l2 = pair.split("-")
    folder = out / "ntrex-multi-dev" / pair
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(MULTI / "LICENSE.md", out / "ntrex-multi-dev" / "LICENSE.md")
    rng = random.Random(f"{seed}:{pair}")
    counts: dict[str, int] = {}
    total = 0
    for doc in docs:
        lines = one_to_one(doc)
        if not lines:
            continue
        foreign = [d for d in docs if d.name != doc.name]
        others = [t for d in foreign for _, t in one_to_one(d)]
        names = sorted({m.group() for d in foreign for s, _ in one_to_one(d) for m in _NAME.finditer(s)
                        if m.start() > 0})
        tgt, labels = corrupt(lines, others, names, l2, rng)
        (folder / f"{doc.name}.{l1}").write_text("\n".join(s for s, _ in lines) + "\n", encoding="utf-8")
        (folder / f"{doc.name}.{l2}").write_text("\n".join(tgt) + "\n", encoding="utf-8")
        (folder / f"{doc.name}.labels").write_text(
            "".join(f"{i}\t{lab}\n" for i, lab in enumerate(labels)), encoding="utf-8")
        total += len(labels)
        for lab in labels:
            counts[lab] = counts.get(lab, 0) + 1
    return total, counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--out", required=True, help="folder to write (it gets ntrex-multi-dev/PAIR/)")
    ap.add_argument("--pairs", default=",".join(PAIRS))
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    for pair in args.pairs.split(","):
        total, counts = build(pair, Path(args.out), args.seed)
        print(f"{pair}: {total} lines, " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
