"""Build ``src/aligner/data/language/country-names.iso-codes.tsv``: the country names of Debian's
iso-codes translations (ISO 3166-1 names and common names, not the official ones, translated by the
Translation Project) that CLDR does not list for the language (Vietnamese ``Mỹ`` beside CLDR's
``Hoa Kỳ``, Indonesian ``Britania Raya`` beside ``Inggris Raya``, Hungarian ``Amerikai Egyesült
Államok``).

Untranslated entries (the English name kept), short Latin names (``Man``) and names with a comma (``Korea, Republic of``) are
left out. Run on a machine with the ``iso-codes`` package installed (Debian: ``apt-get install
iso-codes``):

    python bench/build_country_names.py [--json /usr/share/iso-codes/json/iso_3166-1.json]
        [--locales /usr/share/locale] [--out src/aligner/data/language/country-names.iso-codes.tsv]
"""

from __future__ import annotations

import argparse
import gettext
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from aligner.language import language_key  # noqa: E402
from aligner.locale_data import _cldr_place_names, unaccented  # noqa: E402

_FIELDS = ("name", "common_name")


def build(countries: list[dict[str, str]], locales: Path) -> list[tuple[str, str, str]]:
    """``(language, CLDR territory code, name)`` for every translated name CLDR lacks."""
    rows: set[tuple[str, str, str]] = set()
    for mo in sorted(locales.glob("*/LC_MESSAGES/iso_3166-1.mo")):
        folder = mo.parent.parent.name
        lang = language_key(folder.split("@")[0].replace("_", "-"))
        if not lang or "@" in folder:
            continue
        with mo.open("rb") as fh:
            catalog = gettext.GNUTranslations(fh)
        known = _cldr_place_names(lang)
        if not known:
            continue  # no CLDR locale: the language gets no place names at all
        for country in countries:
            for field in _FIELDS:
                english = country.get(field)
                if not english:
                    continue
                name = catalog.gettext(english).strip()
                if name == english or "," in name or "(" in name or len(name) < 2 \
                        or (len(name) <= 3 and name.isascii()):
                    continue  # (a short Latin name is too often a word: Hungarian Man, Isle of Man)
                low = name.casefold()
                if low in known or unaccented(low) in known:
                    continue
                rows.add((lang, country["alpha_2"], name))
    return sorted(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, default=Path("/usr/share/iso-codes/json/iso_3166-1.json"))
    parser.add_argument("--locales", type=Path, default=Path("/usr/share/locale"))
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent
                        / "src" / "aligner" / "data" / "language" / "country-names.iso-codes.tsv")
    args = parser.parse_args(argv)
    countries = json.loads(args.json.read_text(encoding="utf-8"))["3166-1"]
    rows = build(countries, args.locales)
    header = ("# Country names of Debian's iso-codes translations (ISO 3166-1) that CLDR does not list;"
              " built by bench/build_country_names.py. language<TAB>CLDR code<TAB>name\n")
    args.out.write_text(header + "".join(f"{a}\t{b}\t{c}\n" for a, b, c in rows), encoding="utf-8")
    print(f"{len(rows)} names in {len({r[0] for r in rows})} languages -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
