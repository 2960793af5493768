"""Decode input files into text, with clear errors for inputs that cannot be used.

Every failure raises :class:`aligner.errors.InputError` with a one-line message naming the
file; the CLI turns it into exit code 2.

Offsets: every span in a :class:`aligner.Document` indexes the *decoded* text returned here
(after a leading byte-order mark is dropped and line endings become ``\\n``), never the raw
bytes. ``DecodedText.newline`` records what the line endings were, so nothing about the
input is lost silently.

Detection order:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) settles the encoding;
2. NUL bytes: UTF-16/UTF-32 without a BOM if the bytes decode cleanly into printable text,
   else the file is binary;
3. strict UTF-8;
4. charset-normalizer, with a tie-break. Its candidates whose "chaos" (mess ratio) is
   within ``_TIE_CHAOS`` of the best tie, joined by the widespread 8-bit codecs it may not
   have tried (``_EIGHT_BIT``, scored with its own mess measure). Among the tied readings:
   drop UTF-16/32 when an 8-bit reading exists, drop readings that switch script inside a
   word (``"cafﻠ"``), keep widespread codecs (``_COMMON``) and those with as many
   characters as bytes; then charset-normalizer's order decides, except that the Western
   family (cp1252 / Latin-9 / Latin-1) wins between two Latin readings unless a language
   identifier (py3langid) finds the other clearly more natural. So short French in cp1252
   is no longer read as cp1250 (``"crème"`` -> ``"crčme"``), while real Polish, Czech or
   Hungarian cp1250 text still is. Inputs of a word or two stay ambiguous.

   ``bench/fuzz/encoding_matrix.py`` measures this on 17 samples x 18 encodings.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, BinaryIO

from .. import config as _config
from ..config import DEFAULT_LIMITS
from ..errors import InputError
from .output import special_kind

__all__ = ["MAX_BYTES", "DecodedText", "decode_bytes", "read_path", "read_bounded", "read_stdin"]

#: The default of ``Limits.max_bytes`` (50 MiB), kept for callers that imported it. The
#: readers look ``aligner.config.DEFAULT_LIMITS`` up at call time instead of using this.
MAX_BYTES = DEFAULT_LIMITS.max_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Candidates within this much chaos (charset-normalizer's mess ratio) of the best one tie.
_TIE_CHAOS = 0.02
#: Widespread legacy encodings, most preferred first (names as ``codecs.lookup(...).name``
#: spells them). Tied candidates outside this list are used only when none inside it fits.
_COMMON = (
    "cp1252", "iso8859-15", "iso8859-1", "cp1250", "iso8859-2", "cp1251", "koi8-r", "cp1253",
    "iso8859-7", "cp1254", "cp1257", "cp1256", "cp1255", "cp874", "cp1258",
    "cp932", "shift_jis", "euc_jp", "gb18030", "gbk", "gb2312", "big5", "cp950", "cp949", "euc_kr",
)
#: 8-bit codecs always tried beside charset-normalizer's own candidates.
_EIGHT_BIT = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1257", "koi8-r")
_WESTERN = ("cp1252", "iso8859-15", "iso8859-1")
#: Script words (first word of a Unicode character name) for the script-switch test.
_SCRIPTS = frozenset((
    "LATIN", "GREEK", "CYRILLIC", "ARMENIAN", "HEBREW", "ARABIC", "THAI", "LAO", "DEVANAGARI",
    "BENGALI", "GEORGIAN", "HANGUL", "CJK", "TIBETAN", "ETHIOPIC", "KHMER", "MONGOLIAN",
))
_WIDE = ("utf_16", "utf-16", "utf_32", "utf-32")
#: Characters of each tied decoding the language identifier looks at.
_SAMPLE_CHARS = 4000
#: The Western candidate wins unless the best one is this much (relative) more natural.
_NATURAL_TOLERANCE = 0.02
#: Characters allowed besides printable text (tab, line feed, form feed, carriage return, ESC).
_ALLOWED_CONTROL = frozenset((9, 10, 12, 13, 27))


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes.

    Attributes:
        text: the decoded text, leading BOM removed, line endings normalised to ``\\n``.
        encoding: the Python codec name that decoded it (``"utf-8"``, ``"utf-8-sig"``,
            ``"utf-16"``, ``"cp1252"`` ...).
        newline: the line endings the input used: ``"\\n"``, ``"\\r\\n"``, ``"\\r"``,
            ``"mixed"`` or ``""`` (a single line).
        replaced: byte offsets of the invalid byte sequences of a file that is UTF-8 but for
            a few bytes; each became one U+FFFD in ``text``. Empty for clean input.
    """

    text: str
    encoding: str
    newline: str = "\n"
    replaced: tuple[int, ...] = ()

    @property
    def is_utf8(self) -> bool:
        """Was the input UTF-8 (with or without a BOM)?"""
        return self.encoding in ("utf-8", "utf-8-sig")


def _canonical(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in _ALLOWED_CONTROL)
    return control > max(8, len(sample) // 50)


def _printable(text: str) -> bool:
    """No control characters beyond whitespace, no unassigned or private code points."""
    sample = text[:8192]
    bad = 0
    for ch in sample:
        if ch in "\t\n\r\f\x1b":
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs", "Cn", "Co"):
            bad += 1
    return bad <= len(sample) // 200


def _newline_style(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [k for k, n in (("\r\n", crlf), ("\r", cr), ("\n", lf)) if n]
    if not kinds:
        return ""
    return kinds[0] if len(kinds) == 1 else "mixed"


def _decoded(text: str, encoding: str, name: str, replaced: tuple[int, ...] = ()) -> DecodedText:
    if text.startswith("\ufeff"):
        text = text.lstrip("\ufeff")  # the BOM, and any doubled ones (files glued together)
    newline = _newline_style(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _has_visible(text):
        raise InputError(f"{name}: the file holds only whitespace or invisible characters")
    if "\x00" in text:
        raise InputError(f"{name}: the text holds NUL characters; it looks like a binary file")
    return DecodedText(text, encoding, newline, replaced)


def _has_visible(text: str) -> bool:
    """Any character that is neither whitespace nor an invisible format character (BOM,
    zero-width space, direction marks)?"""
    return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in text)


def _wide_unicode(data: bytes) -> tuple[str, str] | None:
    """UTF-16 / UTF-32 without a BOM: the decoding that gives clean printable text, if any."""
    sample = data[:8192]
    candidates = []
    if len(data) % 4 == 0:
        candidates += ["utf-32-le", "utf-32-be"]
    if len(data) % 2 == 0:
        # The side with more NULs holds the high bytes of ASCII characters.
        even_nul = sample[0::2].count(0)
        odd_nul = sample[1::2].count(0)
        candidates += ["utf-16-le", "utf-16-be"] if odd_nul >= even_nul else ["utf-16-be", "utf-16-le"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and _printable(text):
            return text, encoding
    return None


def _detect(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's answer, with the tie-break described in the module docstring."""
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    matches = [m for m in from_bytes(data) if m.encoding]
    if not matches:
        # Every candidate looked messy; take the least messy one rather than refuse text
        # that is merely unusual (a soft hyphen, a stray symbol).
        matches = [m for m in from_bytes(data, threshold=0.5) if m.encoding]
    if not matches:
        return None
    best = matches[0]  # charset-normalizer keeps them sorted, best first
    tied: dict[str, str] = {}
    for m in matches:
        if m.chaos <= best.chaos + _TIE_CHAOS:
            for encoding in (m.encoding, *m.could_be_from_charset):
                tied.setdefault(_canonical(encoding), str(m))
    # charset-normalizer stops early and may not offer the widespread 8-bit codecs at all
    # ("Ça va?" comes back as Big5 only); try them with its own mess measure.
    for encoding in _EIGHT_BIT:
        if encoding not in tied:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if mess_ratio(text[:_SAMPLE_CHARS], maximum_threshold=1.0) <= best.chaos + _TIE_CHAOS:
                tied[encoding] = text
    # UTF-16/32 without a BOM nearly always hold NUL bytes (line feeds, spaces, which
    # _wide_unicode handles); beside an 8-bit reading they are misreadings of short text.
    if any(not e.startswith(_WIDE) for e in tied):
        tied = {e: t for e, t in tied.items() if not e.startswith(_WIDE)}
    # A decoding that switches script inside a word ("cafﻠ", Latin then Arabic) is a misreading.
    oddness = {encoding: _script_switches(text) for encoding, text in tied.items()}
    fewest = min(oddness.values())
    plausible = [encoding for encoding in tied if oddness[encoding] == fewest]
    common = [encoding for encoding in plausible if encoding in _COMMON] or plausible[:1]
    # Short input can tie an 8-bit reading with a double-byte one; the 8-bit one (as many
    # characters as bytes) wins.
    longest = max(len(tied[e]) for e in common)
    common = [e for e in common if len(tied[e]) == longest]
    first = common[0]  # charset-normalizer's order, then _EIGHT_BIT's
    western = next((e for e in common if e in _WESTERN), None)
    if western is None or tied[western] == tied[first]:
        encoding = western or first
        return tied[encoding], encoding
    # Both Latin readings of the same bytes, same length: the language identifier decides,
    # with the Western family winning near-ties (it is by far the commonest).
    if _script_switches(tied[first]) == 0 and _is_latin(tied[first]):
        western_score, first_score = _naturalness(tied[western]), _naturalness(tied[first])
        if western_score >= first_score - _NATURAL_TOLERANCE * abs(first_score):
            return tied[western], western
    return tied[first], first


def _is_latin(text: str) -> bool:
    letters = [ch for ch in text[:_SAMPLE_CHARS] if ch.isalpha()]
    return bool(letters) and sum(_script(ch) == "LATIN" for ch in letters) >= 0.9 * len(letters)


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    word = name.split(" ", 1)[0]
    return "CJK" if word in ("HIRAGANA", "KATAKANA", "HALFWIDTH") else word


def _script_switches(text: str) -> int:
    """How often two adjacent letters belong to different scripts (by Unicode name)."""
    switches = 0
    previous = ""
    for ch in text[:_SAMPLE_CHARS]:
        if not ch.isalpha():
            script = _script(ch)
            if unicodedata.category(ch).startswith("M"):  # a mark belongs to its letter
                if script != "COMBINING" and previous and script != previous:
                    switches += 1
                continue
            if previous and script in _SCRIPTS and script != previous:
                switches += 1  # "na๏ve": a Thai sign inside a Latin word
            previous = ""
            continue
        script = _script(ch)
        if previous and script != previous:
            switches += 1
        previous = script
    return switches


def _naturalness(text: str) -> float:
    """How natural ``text`` looks to a language identifier: py3langid's raw log-likelihood
    under its best language (higher is more natural). Compared only between decodings with
    the same number of characters.

    ``"café crème"`` scores above ``"café crčme"``, and ``"Ročník"`` above ``"Roèník"``.
    """
    _, score = _identifier().classify(text[:_SAMPLE_CHARS])
    return float(score)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    import py3langid.langid as langid_mod

    return langid_mod.LanguageIdentifier.from_model_file(langid_mod.MODEL_FILE)


#: A file is read as UTF-8 with its invalid bytes replaced when it holds at least this many
#: valid non-ASCII UTF-8 characters per invalid sequence (a legacy 8-bit file has almost none).
_UTF8_VALID_PER_INVALID = 4

_recorder = threading.local()


def _record_invalid(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _recorder.offsets.append(exc.start)
    return "\ufffd", exc.end


codecs.register_error("aligner.record", _record_invalid)


def _nearly_utf8(data: bytes) -> tuple[str, tuple[int, ...]] | None:
    """UTF-8 with a few invalid byte sequences: the text (each one replaced by U+FFFD) and
    their byte offsets; ``None`` when the bytes are not mostly UTF-8."""
    _recorder.offsets = []
    try:
        text = data.decode("utf-8", errors="aligner.record")
        offsets = tuple(_recorder.offsets)
    finally:
        _recorder.offsets = []
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    valid = non_ascii - len(offsets)
    if not offsets or valid < _UTF8_VALID_PER_INVALID * len(offsets):
        return None
    return text, offsets


def describe_replaced(data_name: str, replaced: tuple[int, ...], shown: int = 5) -> str:
    """One line saying how many invalid UTF-8 sequences were replaced, and where (byte offsets).

    Example:
        >>> describe_replaced("a.txt", (10, 420))
        'a.txt: 2 invalid UTF-8 byte sequences replaced by U+FFFD (at bytes 10, 420)'
    """
    where = ", ".join(str(o) for o in replaced[:shown]) + (", ..." if len(replaced) > shown else "")
    noun = "sequence" if len(replaced) == 1 else "sequences"
    return f"{data_name}: {len(replaced)} invalid UTF-8 byte {noun} replaced by U+FFFD (at byte{'s' if len(replaced) > 1 else ''} {where})"


def decode_bytes(data: bytes, name: str = "<input>") -> DecodedText:
    """Decode ``data``: BOM, then UTF-16/32 without BOM, then UTF-8, then UTF-8 with a few
    invalid sequences replaced (``DecodedText.replaced`` says where), then charset-normalizer.

    Line endings become ``\\n``; a leading BOM is dropped. Raises ``InputError`` for empty,
    whitespace-only, binary or undecodable input.

    Example:
        >>> decode_bytes("café crème\\r\\n".encode("cp1252"))
        DecodedText(text='café crème\\n', encoding='cp1252', newline='\\r\\n')
    """
    if not data:
        raise InputError(f"{name}: the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: invalid {encoding} after its byte-order mark ({exc.reason})") from None
            return _decoded(text, encoding, name)
    if b"\x00" in data[:8192]:
        wide = _wide_unicode(data)
        if wide is None:
            raise InputError(f"{name}: looks like a binary file, not text")
        return _decoded(wide[0], wide[1], name)
    if _looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return _decoded(data.decode("utf-8"), "utf-8", name)
    except UnicodeDecodeError:
        pass
    nearly = _nearly_utf8(data)
    if nearly is not None:
        return _decoded(nearly[0], "utf-8", name, nearly[1])
    detected = _detect(data)
    if detected is None:
        raise InputError(f"{name}: cannot decode the text (not UTF-8 and no other encoding fits)")
    text, encoding = detected
    if not _printable(text):
        raise InputError(f"{name}: looks like a binary file, not text (no encoding gives clean text)")
    return _decoded(text, encoding, name)


def _limit(max_bytes: int | None) -> int:
    return _config.DEFAULT_LIMITS.max_bytes if max_bytes is None else max_bytes


def _kind(mode: int) -> str:
    return special_kind(mode) or "not a regular file"


def _open_regular(p: str, what: str) -> int:
    """Open ``p`` for reading without ever blocking; refuse anything but a regular file."""
    if "\x00" in p:
        raise InputError(f"{p!r}: a file name cannot hold a NUL character")
    try:
        st = os.stat(p)
    except FileNotFoundError:
        if os.path.islink(p):
            raise InputError(f"{p}: a broken symbolic link (its target does not exist)") from None
        raise InputError(f"{p}: no such {what}") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(f"{p}: a symbolic link loop (too many levels of links)") from None
        raise InputError(f"{p}: cannot read the {what} ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{p}: is a directory, expected a {'text file' if what == 'file' else what}")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{p}: is {_kind(st.st_mode)}, not a regular file; save the input to a file first")
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(p, flags)
    except OSError as exc:
        raise InputError(f"{p}: cannot read the {what} ({exc.strerror or exc})") from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):  # replaced between the two looks
        os.close(fd)
        raise InputError(f"{p}: is {_kind(st.st_mode)}, not a regular file; save the input to a file first")
    return fd


def _read_at_most(handle: BinaryIO, limit: int, name: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = handle.read(min(1 << 20, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise InputError(f"{name}: the input has more than the limit of {limit:,} bytes (Limits.max_bytes)")
    return b"".join(chunks)


def read_bounded(path: str | os.PathLike[str], max_bytes: int | None = None, *, what: str = "file") -> bytes:
    """The bytes of the regular file at ``path``, at most ``max_bytes`` of them.

    The one way ``aligner`` reads an input file (documents, manifests, lexicons, glossaries).
    FIFOs, devices and sockets are refused before anything is read (opening never blocks),
    so a named pipe or ``/dev/zero`` cannot hang or exhaust memory; a file larger than
    ``max_bytes`` (default ``DEFAULT_LIMITS.max_bytes``, looked up at call time) is refused
    from its size, and reading stops one byte past the limit if it grew meanwhile. Every
    failure is an ``InputError`` naming ``path``; ``what`` names the kind of file in them.
    """
    p = os.fspath(path)
    limit = _limit(max_bytes)
    fd = _open_regular(p, what)
    try:
        with os.fdopen(fd, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise InputError(f"{p}: the file has {size:,} bytes, more than the limit of {limit:,} bytes "
                                 f"(Limits.max_bytes)")
            return _read_at_most(handle, limit, p)
    except OSError as exc:
        raise InputError(f"{p}: cannot read the {what} ({exc.strerror or exc})") from None


def read_stdin(max_bytes: int | None = None) -> bytes:
    """Standard input's bytes, at most ``max_bytes`` (default ``DEFAULT_LIMITS.max_bytes``)."""
    return _read_at_most(sys.stdin.buffer, _limit(max_bytes), "<stdin>")


def read_path(path: str | os.PathLike[str], max_bytes: int | None = None) -> DecodedText:
    """Read (with :func:`read_bounded`) and decode a file; raise ``InputError`` with a one-line
    reason if it cannot be used."""
    return decode_bytes(read_bounded(path, max_bytes), os.fspath(path))
