"""Encoding damage inside decoded text: found, repaired, reported, and never read as furniture."""

from __future__ import annotations

import pytest

from aligner import api
from aligner.mojibake import mojibake_repair
from aligner.segment.boilerplate import is_furniture_line


def _damaged(text: str, encoding: str) -> str:
    return text.encode("utf-8").decode(encoding, errors="replace")


@pytest.mark.parametrize("text, encoding", [
    ("Он сказал, что экономика растёт.", "latin-1"),
    ("Είπε ότι η οικονομία αναπτύσσεται.", "cp1252"),
    ("Café au lait, naïve façade.", "cp1252"),
    ("Kota Bandung – “Paris van Java”.", "cp1252"),
])
def test_damaged_text_is_found_and_repaired(text, encoding):
    repair = mojibake_repair(_damaged(text, encoding))
    assert repair is not None
    fixed, misread = repair
    assert misread in ("latin-1", "windows-1252")
    assert sum(a == b for a, b in zip(fixed, text)) >= 0.9 * len(text)


@pytest.mark.parametrize("text", [
    "Tiếng Việt có dấu.", "Hőmérséklet ő ű.", "naïve façade — “quotes” ½ €5", "Ääkköset öljyssä.",
    "Президент выступил вчера.", "«Ça va?» dit-il.", "Größe: 5 µm, 20 °C", "Ⅷ ½ ¼ × ÷ ©",
])
def test_clean_text_is_left_alone(text):
    assert mojibake_repair(text) is None


def test_a_damaged_line_is_content_and_flagged_as_typography():
    line = _damaged("Είπε ότι η οικονομία αναπτύσσεται.", "cp1252")
    assert not is_furniture_line(line, "el")
    src = api.from_text("He spoke yesterday. He said the economy is growing.", "en", presegmented=False)
    tgt = api.from_text("Μίλησε χθες.\n" + _damaged("Είπε ότι η οικονομία μεγαλώνει γρήγορα.", "latin-1"), "el")
    comparison = api.compare(src, tgt, encoder="none")
    flags = [f for fs in comparison.flags for f in fs if f.type == "typography" and f.severity == "major"]
    assert flags and "μεγαλώνει" in flags[0].message
