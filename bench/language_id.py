"""Language identification: what ``aligner`` reads a text's language as, when it is not given.

    .venv/bin/python bench/language_id.py [--data ../shared/data] [--per-lang 200] [--json out.json]

Data (all from the shared dev sets, labels from their folders and file names):
- **paragraphs**: UD dev paragraphs of the segmentation set (17 languages), those of 30
  characters or more, the first ``--per-lang`` of each language;
- **documents**: every NTREX document of the alignment dev sets (``ntrex-dev`` and the 14 pairs
  of ``ntrex-multi-dev``: 16 languages), whole;
- **sentences**: lines of 40 characters or more of those documents, ``--per-lang`` per language.

Systems, on the same texts: ``aligner.detect_language`` (py3langid over all its languages,
a language outside ``SUPPORTED_LANGUAGES`` kept only at probability 0.9 or more), py3langid
restricted to ``SUPPORTED_LANGUAGES`` (what aligner did before), and py3langid over all of its
languages. Prints accuracy per language and kind of text, and the share of texts per system.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import py3langid.langid as langid_mod

from aligner.language import SUPPORTED_LANGUAGES, detect_language


def _py3langid(restrict: bool) -> Callable[[str], str]:
    model = langid_mod.LanguageIdentifier.from_model_file(langid_mod.MODEL_FILE)
    if restrict:
        model.set_languages([c for c in SUPPORTED_LANGUAGES if c in model.labels])
    return lambda text: str(model.classify(text[:20000])[0])


def _texts(data: Path, per_lang: int) -> dict[str, dict[str, list[str]]]:
    """kind -> language -> texts."""
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in sorted((data / "segmentation").glob("*.dev.jsonl")):
        lang = path.name.split(".")[0]
        for line in path.read_text("utf-8").splitlines():
            text = json.loads(line).get("text", "")
            if len(text) >= 30 and len(out["paragraphs"][lang]) < per_lang:
                out["paragraphs"][lang].append(text)
    folders = [data / "alignment" / "ntrex-dev"] + sorted((data / "alignment" / "ntrex-multi-dev").iterdir())
    seen: set[tuple[str, str]] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        langs = folder.name.split("-") if "-" in folder.name else ["en", "id"]
        for lang in langs:
            for path in sorted(folder.glob(f"*.{lang}")):
                if (lang, path.name) in seen:
                    continue  # the same English document in several pair folders counts once
                seen.add((lang, path.name))
                text = path.read_text("utf-8")
                out["documents"][lang].append(text)
                for sentence in text.splitlines():
                    if len(sentence) >= 40 and len(out["sentences"][lang]) < per_lang:
                        out["sentences"][lang].append(sentence)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared" / "data")
    parser.add_argument("--per-lang", type=int, default=200)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    systems: dict[str, Callable[[str], str]] = {
        "aligner": detect_language,
        "py3langid, SUPPORTED_LANGUAGES (before)": _py3langid(True),
        "py3langid, all languages": _py3langid(False),
    }
    texts = _texts(args.data, args.per_lang)
    results: dict[str, dict[str, dict[str, float]]] = {}
    seconds = dict.fromkeys(systems, 0.0)
    for kind, by_lang in texts.items():
        results[kind] = {}
        print(f"\n{kind}\n")
        print("| language | texts | " + " | ".join(systems) + " |")
        print("|---|---:|" + "---:|" * len(systems))
        totals = dict.fromkeys(systems, 0)
        n_all = 0
        for lang in sorted(by_lang):
            items = by_lang[lang]
            row = {}
            for name, detect in systems.items():
                start = time.process_time()
                right = sum(detect(t) == lang for t in items)
                seconds[name] += time.process_time() - start
                row[name] = right / len(items)
                totals[name] += right
            n_all += len(items)
            results[kind][lang] = row
            print(f"| {lang} | {len(items)} | " + " | ".join(f"{row[n]:.3f}" for n in systems) + " |")
        print(f"| all | {n_all} | " + " | ".join(f"{totals[n] / n_all:.3f}" for n in systems) + " |")
        results[kind]["all"] = {n: totals[n] / n_all for n in systems}
    print("\nCPU seconds, all texts: " + ", ".join(f"{n} {s:.1f}" for n, s in seconds.items()))
    if args.json:
        args.json.write_text(json.dumps({"results": results, "cpu_seconds": seconds}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
