"""Things a translation must keep as they are: URLs, e-mails, file paths, placeholders, tags, entities."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

import regex

from .registry import Check, Context, Finding, register
from .side import EMAIL, ENTITY, PATH, PLACEHOLDER, TAG, URL, Side

__all__ = ["kept_items"]

_TAG_NAME = regex.compile(r"<(/?)([A-Za-z][\w:.-]*)[^<>]*?(/?)>")


def _tag_key(text: str) -> str:
    m = _TAG_NAME.match(text)
    if m is None:
        return text
    return f"<{m.group(1)}{m.group(2).lower()}{m.group(3)}>"


def _items(side: Side, pattern: regex.Pattern[str], key: Callable[[str], str],
           mask_first: bool) -> list[tuple[str, int, int]]:
    text = side.text
    if mask_first:  # paths and e-mails inside URLs are part of the URL
        hidden = [(m.start(), m.end()) for m in URL.finditer(text)]
        return [(key(m.group()), m.start(), m.end()) for m in pattern.finditer(text)
                if not any(a <= m.start() < b for a, b in hidden)]
    return [(key(m.group()), m.start(), m.end()) for m in pattern.finditer(text)]


def kept_items(src: Side, tgt: Side, what: str, pattern: regex.Pattern[str],
               key: Callable[[str], str] = str, mask_first: bool = False) -> Iterator[Finding]:
    """Findings where the items ``pattern`` finds differ between the two sides (as multisets).

    An item of the source missing from the target and one of the target missing from the
    source in the same bead are reported together as one changed item.
    """
    s_items = _items(src, pattern, key, mask_first)
    t_items = _items(tgt, pattern, key, mask_first)
    if not s_items and not t_items:
        return
    s_count, t_count = Counter(k for k, _, _ in s_items), Counter(k for k, _, _ in t_items)
    missing = [(k, a, b) for k, a, b in s_items if s_count[k] > t_count[k]]
    extra = [(k, a, b) for k, a, b in t_items if t_count[k] > s_count[k]]
    seen: set[str] = set()
    missing = [x for x in missing if not (x[0] in seen or seen.add(x[0]))]  # type: ignore[func-returns-value]
    seen = set()
    extra = [x for x in extra if not (x[0] in seen or seen.add(x[0]))]  # type: ignore[func-returns-value]
    for (_, a, b), (_, a2, b2) in zip(missing, extra):
        yield Finding(f"{what} changed: {src.text[a:b]!r} in the source, {tgt.text[a2:b2]!r} in the target",
                      (src.evidence(a, b), tgt.evidence(a2, b2)))
    for _, a, b in missing[len(extra):]:
        yield Finding(f"{what} {src.text[a:b]!r} is missing in the target",
                      (src.evidence(a, b),) + tgt.whole())
    for _, a, b in extra[len(missing):]:
        yield Finding(f"{what} {tgt.text[a:b]!r} in the target is not in the source",
                      (tgt.evidence(a, b),))


def _urls(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    return kept_items(src, tgt, "URL", URL)


def _emails(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    return kept_items(src, tgt, "e-mail address", EMAIL, str.lower, mask_first=True)


def _paths(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    return kept_items(src, tgt, "file path", PATH, mask_first=True)


def _placeholders(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    return kept_items(src, tgt, "placeholder", PLACEHOLDER, lambda s: regex.sub(r"\s+", "", s), mask_first=True)


def _tag_balance(side: Side) -> list[tuple[str, int, int]]:
    """Tags opened and not closed (or closed and not opened) on one side, in order."""
    stack: list[tuple[str, int, int]] = []
    stray: list[tuple[str, int, int]] = []
    for m in TAG.finditer(side.text):
        k = _TAG_NAME.match(m.group())
        if k is None or k.group(3) or k.group(2).lower() in ("br", "hr", "img", "input", "meta", "link", "wbr"):
            continue
        name = k.group(2).lower()
        if not k.group(1):
            stack.append((name, m.start(), m.end()))
        elif stack and stack[-1][0] == name:
            stack.pop()
        else:
            stray.append((name, m.start(), m.end()))
    return stack + stray


def _tags(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    found = list(kept_items(src, tgt, "tag", TAG, _tag_key))
    yield from found
    if not found and not _tag_balance(src):
        for _, a, b in _tag_balance(tgt)[:1]:
            yield Finding(f"tag {tgt.text[a:b]!r} is not closed (or not opened) in the target, as it is in the source",
                          (tgt.evidence(a, b),))


def _entities(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    return kept_items(src, tgt, "character entity", ENTITY)


register(Check("urls", "markup", "major", "URLs are kept exactly",
               ("See https://example.org/a.", "Lihat https://example.org/b."), ("urls",), bead=_urls))
register(Check("emails", "markup", "major", "e-mail addresses are kept",
               ("Write to info@example.org.", "Tulis ke info@example.com."), ("emails",), bead=_emails))
register(Check("paths", "markup", "major", "file paths are kept",
               ("Open /etc/aligner/config.", "Buka /etc/aligner/konfigurasi."), ("filepaths",), bead=_paths))
register(Check("placeholders", "markup", "major",
               "placeholders are kept: {0}, {name}, {{name}}, ${name}, %s, %1$d, %(name)s",
               ("Hello {name}, you have %d messages.", "Halo, Anda punya %d pesan."),
               ("printf", "pythonbraceformat", "variables"), bead=_placeholders))
register(Check("tags", "markup", "major", "inline tags are kept and closed (<b>...</b>, <br/>)",
               ("Press <b>Save</b>.", "Tekan <b>Simpan."), ("xmltags",), bead=_tags))
register(Check("entities", "markup", "minor", "character entities are kept (&amp;, &#169;)",
               ("Tom &amp; Jerry", "Tom & Jerry"), ("escapes",), bead=_entities))
