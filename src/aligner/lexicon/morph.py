"""Word forms for dictionary look-ups: Indonesian affix stripping, English inflection stripping.

``word_forms(word, lang)`` returns the word itself (lower-cased) and the candidate stems a
dictionary may list it under. Over-generation is harmless (a stem that is not a headword
finds nothing); the surface form always comes first.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["word_forms"]

_ID_PARTICLES = ("nya", "lah", "kah", "pun", "ku", "mu")
_ID_SUFFIXES = ("kan", "an", "i")
# prefix -> replacements of the prefix (nasal assimilation: meny+apu -> sapu, mem+ukul -> pukul)
_ID_PREFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("memper", ("", "per")),
    ("diper", ("", "per")),
    ("menge", ("",)),
    ("penge", ("",)),
    ("meng", ("", "k")),
    ("peng", ("", "k")),
    ("meny", ("s",)),
    ("peny", ("s",)),
    ("ber", ("",)),
    ("per", ("",)),
    ("ter", ("",)),
    ("mem", ("", "p")),
    ("pem", ("", "p")),
    ("men", ("", "t")),
    ("pen", ("", "t")),
    ("me", ("",)),
    ("pe", ("",)),
    ("be", ("",)),
    ("di", ("",)),
    ("ke", ("",)),
    ("se", ("",)),
)


def _id_forms(word: str) -> list[str]:
    forms = [word]
    if "-" in word:
        left, _, right = word.partition("-")
        if left == right or right.startswith(left):  # orang-orang, anak-anaknya
            forms.append(left)
        elif left in ("ke", "se"):  # ke-51
            forms.append(right)
    stems = [word]
    for p in _ID_PARTICLES:
        if word.endswith(p) and len(word) - len(p) >= 3:
            stems.append(word[: -len(p)])
    for s in list(stems):
        for suf in _ID_SUFFIXES:
            if s.endswith(suf) and len(s) - len(suf) >= 3:
                stems.append(s[: -len(suf)])
    for s in list(stems):
        for prefix, replacements in _ID_PREFIXES:
            if s.startswith(prefix) and len(s) - len(prefix) >= 3:
                rest = s[len(prefix):]
                stems.extend(r + rest for r in replacements)
                # ke-an / per-an / pe-an confixes already handled by suffix stripping above
                break
    for s in stems:
        if s not in forms:
            forms.append(s)
    return forms


_EN_IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "went": "go", "gone": "go", "made": "make",
    "took": "take", "taken": "take", "gave": "give", "given": "give", "found": "find",
    "thought": "think", "came": "come", "saw": "see", "seen": "see", "knew": "know",
    "known": "know", "got": "get", "left": "leave", "felt": "feel", "held": "hold",
    "brought": "bring", "began": "begin", "begun": "begin", "kept": "keep", "led": "lead",
    "met": "meet", "paid": "pay", "ran": "run", "sent": "send", "spent": "spend", "stood": "stand",
    "won": "win", "wrote": "write", "written": "write", "men": "man", "women": "woman",
    "children": "child", "people": "person", "died": "die", "lives": "life", "wives": "wife",
    "better": "good", "best": "good", "worse": "bad", "worst": "bad", "fell": "fall",
    "grew": "grow", "grown": "grow", "lost": "lose", "built": "build", "sold": "sell",
    "bought": "buy", "caught": "catch", "fought": "fight", "taught": "teach", "heard": "hear",
    "shot": "shoot", "struck": "strike", "spoke": "speak", "spoken": "speak", "chose": "choose",
    "rose": "rise", "risen": "rise", "drove": "drive", "driven": "drive", "ate": "eat",
}


def _en_forms(word: str) -> list[str]:
    forms = [word]
    if word.endswith("'s") or word.endswith("\u2019s"):
        word = word[:-2]
        forms.append(word)
    if word in _EN_IRREGULAR:
        forms.append(_EN_IRREGULAR[word])
    n = len(word)
    if n > 4 and word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if n > 3 and word.endswith("es"):
        forms.append(word[:-2])
    if n > 3 and word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    for suf in ("ed", "ing", "er", "est", "ly"):
        if n > len(suf) + 2 and word.endswith(suf):
            stem = word[: -len(suf)]
            forms.extend([stem, stem + "e"])
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])
            if stem.endswith("i"):
                forms.append(stem[:-1] + "y")
    if n > 5 and word.endswith("ation"):
        forms.append(word[:-5] + "e")
        forms.append(word[:-5])
    if n > 5 and word.endswith("ment"):
        forms.append(word[:-4])
    out: list[str] = []
    for f in forms:
        if f and f not in out:
            out.append(f)
    return out


@lru_cache(maxsize=200_000)
def word_forms(word: str, lang: str) -> tuple[str, ...]:
    """The lower-cased word and its candidate dictionary stems, surface form first.

    Example:
        >>> word_forms("Pemerintahnya", "id")[:2]
        ('pemerintahnya', 'pemerintah')
        >>> word_forms("studies", "en")
        ('studies', 'study', 'studi', 'studie')
    """
    w = word.lower()
    if lang == "id" or lang == "ms":
        return tuple(_id_forms(w))
    if lang == "en":
        return tuple(_en_forms(w))
    return (w,)
