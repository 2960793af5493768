"""Word tokens with character offsets, stop words and content words, per language."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

__all__ = ["Token", "tokens", "content_tokens", "is_stopword", "STOPWORDS"]

# Latin-script words and words of other scripts are separate tokens, so a name written in
# Latin letters inside Korean or Japanese text stands alone ("Smith가" -> "Smith", "가").
_WORD = regex.compile(r"\p{N}+(?:[.,:/\u00a0]\p{N}+)*(?:-\p{L}+)?"
                      r"|[\p{Latin}\p{M}]+(?:[-'\u2019][\p{Latin}\p{M}]+)*"
                      r"|[[\p{L}\p{M}]--\p{Latin}]+(?:[-'\u2019][[\p{L}\p{M}]--\p{Latin}]+)*", regex.V1)

#: Function words that carry little meaning of their own (compared without them).
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("""
a an the and or but nor so yet if then than that this these those there here of in on at to
for from by with without about as into onto upon over under after before between through
during against among within across along around up down out off is are was were be been
being am do does did done doing have has had having will would shall should can could may
might must not no yes it its it's he him his she her hers they them their theirs we us our
ours you your yours i me my mine who whom whose which what when where why how all any both
each every some such own same other another more most very too also just only even still
again ever never now once while because although though whether also s t just said says
say told tell mr mrs ms dr one two it's i'm don't didn't doesn't isn't wasn't aren't weren't
can't won't wouldn't couldn't shouldn't has hasn't haven't hadn't let much many like well
""".split()),
    "id": frozenset("""
yang dan atau tetapi tapi namun serta maupun jika kalau maka bahwa ini itu tersebut di ke
dari pada untuk oleh dengan tanpa tentang sebagai dalam atas bawah setelah sebelum sesudah
antara melalui selama terhadap kepada bagi akan telah sudah sedang masih belum tidak bukan
ya adalah ialah merupakan ada ia dia beliau mereka kami kita kamu anda engkau saya aku -nya
nya siapa apa kapan mana mengapa kenapa bagaimana semua setiap beberapa para sang si juga
hanya bahkan lagi pun saja lah kah sangat lebih paling sudah pernah karena sehingga agar
supaya walaupun meskipun walau sementara ketika saat yaitu yakni hal satu dua itulah inilah
dapat bisa harus boleh mungkin akan ujar kata katanya mengatakan menyatakan papar tutur
sebuah seorang suatu begitu demikian banyak sedikit sekitar hingga sampai seperti pula
""".split()),
}


@dataclass(frozen=True)
class Token:
    """A word of a text: ``text[start:end]`` is ``surface``."""

    surface: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        """The lower-cased surface form."""
        return self.surface.lower()

    @property
    def is_number(self) -> bool:
        """True when the token starts with a digit."""
        return self.surface[:1].isdigit()


def is_stopword(word: str, lang: str) -> bool:
    """True for a function word of ``lang`` (False for languages without a list)."""
    return word.lower() in STOPWORDS.get(lang, frozenset())


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[Token, ...]:
    """Word and number tokens with offsets into ``text``.

    Example:
        >>> [t.surface for t in tokens("Harga naik 5,5 persen, kata orang-orang.")]
        ['Harga', 'naik', '5,5', 'persen', 'kata', 'orang-orang']
    """
    return tuple(Token(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text))


def content_tokens(text: str, lang: str) -> tuple[Token, ...]:
    """Tokens that are neither stop words, numbers nor single letters."""
    return tuple(t for t in tokens(text)
                 if not t.is_number and len(t.surface) > 1 and not is_stopword(t.surface, lang))
