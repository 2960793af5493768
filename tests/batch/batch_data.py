"""Small document pairs for the batch tests and a helper reading the reports back."""

from __future__ import annotations

from pathlib import Path

PAIRS = {
    "prices": ("The price of rice rose 5 percent in May.\nThe minister said nothing.\nShops closed early.\n",
               "Harga beras naik 5 persen pada bulan Mei.\nMenteri tidak berkata apa-apa.\nToko tutup lebih awal.\n"),
    "rain": ("Heavy rain hit Jakarta on Monday.\nTwelve roads were flooded.\n",
             "Hujan lebat melanda Jakarta pada hari Senin.\nDua belas jalan terendam banjir.\n"),
    "team": ("The team won 3-1.\nFans celebrated in the streets.\nThe coach thanked the players.\n",
             "Tim itu menang 3-1.\nPara penggemar merayakan di jalan.\nPelatih berterima kasih kepada para pemain.\n"),
}


def write_pairs(folder: Path, extra_rows: tuple[str, ...] = ()) -> Path:
    """Write the PAIRS documents under ``folder/docs`` and a manifest with relative paths."""
    docs = folder / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    rows = ["name\tsrc\ttgt"]
    for name, (en, id_) in PAIRS.items():
        (docs / f"{name}.en").write_text(en, "utf-8")
        (docs / f"{name}.id").write_text(id_, "utf-8")
        rows.append(f"{name}\tdocs/{name}.en\tdocs/{name}.id")
    rows.extend(extra_rows)
    manifest = folder / "pairs.tsv"
    manifest.write_text("\n".join(rows) + "\n", "utf-8")
    return manifest


def reports(out: Path) -> dict[str, bytes]:
    """Every pair report in ``out`` by file name (the summary and the consistency findings left out)."""
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.json"))
            if p.name not in ("summary.json", "consistency.json")}
