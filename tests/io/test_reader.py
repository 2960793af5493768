"""The reader: encodings, line endings, BOMs, and one-line InputErrors for unusable input."""

from __future__ import annotations

import codecs
import os

import pytest

from aligner.errors import InputError
from aligner.io import MAX_BYTES, decode_bytes, read_path
from aligner.config import DEFAULT_LIMITS

EN = "The minister said on Tuesday that prices rose 5 percent.\nIt was not expected.\n"


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16"),          # with BOM
    ("utf-16-le", "utf-16-le"),    # no BOM
    ("utf-16-be", "utf-16-be"),    # no BOM
    ("utf-32", "utf-32"),
])
def test_unicode_encodings_round_trip(encoding, expected):
    text = "Harga naik 5 persen — “kata” menteri. 한국어 문장. Ça va.\n"
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == expected


def test_utf16_without_bom_in_cjk_decodes():
    text = "政府は新しい法律を可決した。\n税金が上がる。\n"
    assert decode_bytes(text.encode("utf-16-le")).text == text


def test_cp1252_short_french_is_not_cp1250():
    """Regression: charset-normalizer alone reads this as cp1250 ("crčme")."""
    decoded = decode_bytes("café crème brûlée est très bon.".encode("cp1252"))
    assert decoded.text == "café crème brûlée est très bon."
    assert decoded.encoding == "cp1252"


@pytest.mark.parametrize("text", [
    "El niño comió mañana en la señorita ¿por qué? ¡Olé!",  # charset-normalizer: iso8859-13
    "A situação econômica não é boa; o governo anunciou ações.",
    "L'été dernier, nous sommes allés à la plage où l'eau était très froide.",
    "Grüße aus München, schön! Die Straße ist groß.",
])
def test_western_text_in_cp1252(text):
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.encoding in ("cp1252", "iso8859-15", "iso8859-1")


@pytest.mark.parametrize("text, encoding", [
    ("Zażółć gęślą jaźń. Wczoraj w Warszawie odbyło się spotkanie ministrów, którzy rozmawiali o przyszłości.",
     "cp1250"),
    ("Příliš žluťoučký kůň úpěl ďábelské ódy. Vláda schválila nový zákon o daních.", "cp1250"),
    ("Árvíztűrő tükörfúrógép. A kormány új törvényt fogadott el az adókról.", "cp1250"),
    ("Zażółć gęślą jaźń. Za\xadżółć.", "cp1250"),  # charset-normalizer alone finds nothing
    ("Вчера в Москве прошла встреча министров, которые обсуждали будущее.", "cp1251"),
    ("Вчера в Москве прошла встреча министров, которые обсуждали будущее.", "koi8-r"),
    ("Η κυβέρνηση ψήφισε νέο νόμο για τους φόρους.", "cp1253"),
    ("政府は新しい法律を可決した。税金が上がる。", "shift_jis"),
    ("政府は新しい法律を可決した。税金が上がる。", "euc-jp"),
    ("정부는 새로운 법을 통과시켰다. 세금이 오를 것이다.", "euc-kr"),
])
def test_other_legacy_encodings_are_kept(text, encoding):
    """The cp1252 preference must not break real Central European, Cyrillic or CJK text."""
    assert decode_bytes(text.encode(encoding)).text == text


@pytest.mark.parametrize("raw, newline", [
    (b"One.\r\nTwo.\r\n", "\r\n"),
    (b"One.\rTwo.\r", "\r"),
    (b"One.\nTwo.\n", "\n"),
    (b"One.\r\nTwo.\nThree.\r", "mixed"),
    (b"One.", ""),
])
def test_line_endings_normalised_and_recorded(raw, newline):
    decoded = decode_bytes(raw)
    assert "\r" not in decoded.text
    assert decoded.text.split("\n")[:2] == ["One.", "Two."] or decoded.text == "One."
    assert decoded.newline == newline


def test_boms_are_dropped_even_when_doubled():
    decoded = decode_bytes(codecs.BOM_UTF8 + "\ufeffHello.".encode("utf-8"))
    assert decoded.text == "Hello."
    # fuzz finding: UTF-16 BOM followed by more U+FEFF
    assert decode_bytes(b"\xff\xfe\xff\xfe\xff\xfe\xffA").text == "\u41ff"


@pytest.mark.parametrize("raw, message", [
    (b"", "empty"),
    (b" \n\t\r\n ", "whitespace"),
    ("\u200b\u200e\ufeff \u2060".encode("utf-8"), "invisible"),   # zero-width / marks only
    (b"\xff\xfe\xff\xfe\xff\xfe\xff\xfe", "invisible"),             # fuzz finding: BOMs only
    (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00", "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "binary"),
    (bytes(range(256)) * 4, "binary"),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13", "binary"),
    (b"\xef\xbb\xbf\xff\xfe\xfd", "invalid utf-8-sig"),
])
def test_unusable_bytes_give_one_line_input_error(raw, message):
    with pytest.raises(InputError) as info:
        decode_bytes(raw, "x.txt")
    text = str(info.value)
    assert message in text and text.startswith("x.txt: ") and "\n" not in text


def test_read_path_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_path(tmp_path)
    big = tmp_path / "big.txt"
    big.write_text("word " * 100, "utf-8")
    with pytest.raises(InputError, match="more than the limit of 100 bytes"):
        read_path(big, max_bytes=100)
    assert read_path(big, max_bytes=1000).text.startswith("word")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_endless_special_files_are_refused_before_reading():
    """/dev/zero and /dev/urandom report size 0 and never end: refused, nothing read."""
    for device in ("/dev/zero", "/dev/urandom", "/dev/null"):
        with pytest.raises(InputError, match="is a character device, not a regular file"):
            read_path(device, max_bytes=1000)


def test_the_byte_limit_is_read_at_call_time(monkeypatch, tmp_path):
    """Issue 20 item 4: changing DEFAULT_LIMITS changes the reader's limit too (it was bound
    at import as MAX_BYTES)."""
    from aligner import config as config_module
    from aligner.config import Limits

    path = tmp_path / "a.txt"
    path.write_text("word " * 100, "utf-8")
    monkeypatch.setattr(config_module, "DEFAULT_LIMITS", Limits(max_bytes=100))
    with pytest.raises(InputError, match="more than the limit of 100 bytes"):
        read_path(path)


def test_symlink_loop_and_broken_link_say_so(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(InputError, match="symbolic link loop"):
        read_path(loop)
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(InputError, match="broken symbolic link"):
        read_path(broken)


FR_UTF8 = ("Le café crème coûte deux euros à Paris. Les élèves préfèrent le thé glacé. "
           "Où est la bibliothèque ? Ça dépend de l'été.\n")
JA_UTF8 = "東京の天気は晴れです。明日は雨が降るでしょう。経済は回復している。\n"


@pytest.mark.parametrize("text", [FR_UTF8, JA_UTF8], ids=["fr", "ja"])
def test_nearly_utf8_stays_utf8_with_the_bad_bytes_reported(text):
    """Issue 22 case 3: one invalid byte no longer turns a French UTF-8 file into ISO-8859-10
    mojibake (or gets a Japanese one refused)."""
    good = text.encode("utf-8")
    cut = good.index(" ".encode()) if " " in text else good.index("。".encode()) + 3
    raw = good[:cut] + b"\xe9" + good[cut:] + good[:cut] + b"\xff\xfe" + good[cut:]
    decoded = decode_bytes(raw, "x.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text == text[: len(good[:cut].decode())] + "\ufffd" + text[len(good[:cut].decode()):] + (
        text[: len(good[:cut].decode())] + "\ufffd\ufffd" + text[len(good[:cut].decode()):])
    assert decoded.replaced == (cut, len(good) + 1 + cut, len(good) + 1 + cut + 1)


def test_replaced_bytes_reach_the_document_and_the_cli_note(tmp_path, capsys):
    from aligner import load
    from aligner.cli import main

    path = tmp_path / "fr.txt"
    path.write_bytes(FR_UTF8.encode()[:10] + b"\x9d" + FR_UTF8.encode()[10:])
    doc = load(path, "fr")
    assert doc.encoding == "utf-8" and doc.replaced == (10,) and "café c\ufffdrème coûte" in doc.text
    assert main(["segment", str(path)]) == 0
    err = capsys.readouterr().err
    assert "1 invalid UTF-8 byte sequence replaced by U+FFFD (at byte 10)" in err


def test_legacy_text_is_not_taken_for_nearly_utf8():
    """A cp1252 file has invalid sequences and no valid non-ASCII UTF-8 at all."""
    raw = "café crème brûlée est très bon, à côté de la fenêtre.".encode("cp1252")
    assert decode_bytes(raw).encoding == "cp1252" and decode_bytes(raw).replaced == ()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_unreadable_file(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("Hello.", "utf-8")
    locked.chmod(0)
    try:
        with pytest.raises(InputError, match="cannot read"):
            read_path(locked)
    finally:
        locked.chmod(0o644)


def test_max_bytes_comes_from_limits():
    assert MAX_BYTES == DEFAULT_LIMITS.max_bytes


def test_offsets_index_the_decoded_text(tmp_path):
    """Spans index the decoded, newline-normalised text, whatever the bytes were."""
    from aligner import load

    path = tmp_path / "a.txt"
    path.write_bytes("Première phrase.\r\nDeuxième phrase ici.\r\n".encode("utf-16"))
    doc = load(path, "fr")
    assert doc.encoding == "utf-16"
    assert doc.sentence_texts == ("Première phrase.", "Deuxième phrase ici.")
    assert all(doc.text[s.start:s.end] == t for s, t in zip(doc.sentences, doc.sentence_texts))


def test_nul_in_path():
    with pytest.raises(InputError, match="NUL"):
        read_path("a\x00b.txt")
