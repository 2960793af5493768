"""URLs, e-mails, paths, placeholders, tags and entities kept."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("name", "src", "tgt"), [
    ("urls", "See https://example.org/a/b.", "Lihat https://example.org/a/c."),
    ("urls", "See www.example.org for more.", "Lihat situsnya."),
    ("emails", "Write to help@example.org today.", "Tulis ke help@example.com hari ini."),
    ("paths", "Edit /etc/aligner/config.toml first.", "Sunting /etc/aligner/konfig.toml dulu."),
    ("paths", r"Open C:\Users\Ana\notes.txt now.", "Buka catatannya sekarang."),
    ("placeholders", "Hello {name}, you have %d messages.", "Halo, Anda punya %d pesan."),
    ("placeholders", "Welcome {{user}}!", "Selamat datang {{pengguna}}!"),
    ("placeholders", "Item {0} of {1}", "Butir {0} dari"),
    ("placeholders", "Saved %(count)s files.", "Menyimpan %(jumlah)s berkas."),
    ("tags", "Press <b>Save</b> now.", "Tekan <b>Simpan sekarang."),
    ("tags", "Press <b>Save</b> now.", "Tekan <i>Simpan</i> sekarang."),
    ("entities", "Tom &amp; Jerry", "Tom & Jerry"),
])
def test_changed_or_missing_items_are_flagged(flagged, name, src, tgt):
    assert flagged(name, src, tgt)


@pytest.mark.parametrize(("name", "src", "tgt"), [
    ("urls", "See https://example.org/a/b.", "Lihat https://example.org/a/b."),
    ("emails", "Write to help@example.org.", "Tulis ke HELP@example.org."),
    ("paths", "Prices rose 24/7 and/or fell on 12/05/2020.", "Harga naik 24/7 dan/atau turun pada 12/05/2020."),
    ("paths", "See https://example.org/a/b/c for it.", "Lihat https://example.org/a/b/c untuknya."),
    ("placeholders", "Growth was 50% or more, 5%d.", "Pertumbuhan 50% atau lebih."),
    ("placeholders", "Hello {name}, %s.", "%s, halo {name}."),
    ("tags", "Press <b>Save</b>.", "Tekan <B>Simpan</B>."),
    ("entities", "Tom &amp; Jerry", "Tom &amp; Jerry"),
])
def test_kept_items_are_not_flagged(flagged, name, src, tgt):
    assert flagged(name, src, tgt) == []


def test_url_message_and_evidence_point_at_both_urls():
    from aligner.checks import run_checks

    from .conftest import one_bead

    src, tgt, beads = one_bead("Go to https://a.org/x now.", "Pergi ke https://a.org/y sekarang.")
    (flag,) = run_checks(src, tgt, beads, "urls")[0]
    assert flag.type == "markup" and flag.severity == "major"
    assert [(e.side, src.text[e.start:e.end] if e.side == "src" else tgt.text[e.start:e.end])
            for e in flag.evidence] == [("src", "https://a.org/x"), ("tgt", "https://a.org/y")]


def test_unclosed_tag_in_target_only():
    from .conftest import messages

    assert messages("tags", "A <b>bold</b> move.", "Langkah <b>berani<b>.")
