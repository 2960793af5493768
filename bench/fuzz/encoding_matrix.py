"""Encoding detection matrix: sample sentences x legacy encodings, ours vs charset-normalizer.

Run: .venv/bin/python bench/fuzz/encoding_matrix.py
Prints one row per (sample, encoding) whose bytes are not plain ASCII-compatible UTF-8, and
a summary: how many decode back to the original text with aligner.io.decode_bytes and with
charset-normalizer's ``best()`` alone.
"""

from __future__ import annotations

from charset_normalizer import from_bytes

from aligner.errors import InputError
from aligner.io import decode_bytes

SAMPLES = {
    "pl": "Zażółć gęślą jaźń. Wczoraj w Warszawie odbyło się spotkanie ministrów, którzy rozmawiali o przyszłości.",
    "pl-shy": "Zażółć gęślą jaźń. Za\xadżółć.",
    "cs": "Příliš žluťoučký kůň úpěl ďábelské ódy. Vláda schválila nový zákon o daních.",
    "cs-short": "Ročník byl dobrý.",
    "hu": "Árvíztűrő tükörfúrógép. A kormány új törvényt fogadott el az adókról.",
    "fr-short": "café crème brûlée est très bon.",
    "fr": "L'été dernier, nous sommes allés à la plage où l'eau était très froide. Ça m'a plu.",
    "de": "Grüße aus München, schön! Die Straße ist groß.",
    "es": "El niño comió mañana en la señorita ¿por qué? ¡Olé!",
    "pt": "A situação econômica não é boa; o governo anunciou ações.",
    "ru": "Вчера в Москве прошла встреча министров, которые обсуждали будущее.",
    "quotes": "“Smart quotes” – and dashes € 5",
    "tr": "Türkiye'de hükümet yeni bir yasa çıkardı; vergiler artacak.",
    "el": "Η κυβέρνηση ψήφισε νέο νόμο για τους φόρους.",
    "ja": "政府は新しい法律を可決した。税金が上がる。",
    "zh": "政府通過了新的法律。稅收將會增加。",
    "ko": "정부는 새로운 법을 통과시켰다. 세금이 오를 것이다.",
}
ENCODINGS = ["cp1252", "latin-1", "cp1250", "iso-8859-2", "cp1251", "koi8-r", "cp1254", "iso-8859-7",
             "shift_jis", "euc-jp", "gb2312", "big5", "euc-kr", "utf-16-le", "utf-16-be", "utf-16",
             "utf-32", "utf-8-sig"]


def main() -> None:
    ours = theirs = total = 0
    for name, text in SAMPLES.items():
        for encoding in ENCODINGS:
            try:
                data = text.encode(encoding)
            except UnicodeEncodeError:
                continue
            if data == text.encode("utf-8"):
                continue
            total += 1
            best = from_bytes(data).best()
            cn_ok = best is not None and str(best) == text
            try:
                decoded = decode_bytes(data)
                ok, got = decoded.text == text, decoded.encoding
            except InputError as exc:
                ok, got = False, f"error: {exc}"
            ours += ok
            theirs += cn_ok
            print(f"{name:9} {encoding:11} ours={'ok ' if ok else 'BAD'} {got:15} "
                  f"charset-normalizer={'ok' if cn_ok else 'BAD'} ({best.encoding if best else None})")
    print(f"\nround-trips: aligner {ours}/{total}, charset-normalizer best() {theirs}/{total}")
    nearly_utf8()


def nearly_utf8() -> None:
    """Each sample in UTF-8 with one invalid byte (0xFF) put in after its first word: kept as
    UTF-8 with exactly that byte replaced and reported (issue 22 case 3)."""
    kept = total = 0
    for name, text in SAMPLES.items():
        good = text.encode("utf-8")
        if good.isascii():
            continue
        cut = good.find(b" ") + 1 if b" " in good else len(text[:2].encode("utf-8"))
        total += 1
        try:
            decoded = decode_bytes(good[:cut] + b"\xff" + good[cut:])
            ok = (decoded.encoding == "utf-8" and decoded.replaced == (cut,)
                  and decoded.text.replace("\ufffd", "", 1) == text)
            got = f"{decoded.encoding} replaced={decoded.replaced}"
        except InputError as exc:
            ok, got = False, f"error: {exc}"
        kept += ok
        print(f"{name:9} utf-8+0xff  ours={'ok ' if ok else 'BAD'} {got}")
    print(f"\nnearly UTF-8 (one invalid byte in a non-ASCII sample): kept as UTF-8 and reported {kept}/{total}")


if __name__ == "__main__":
    main()
