"""Bytes -> clean Unicode text, whatever encoding or invisible characters a seed has."""

from __future__ import annotations

import re
import unicodedata

# Zero-width and bidirectional control characters: invisible in an editor, they
# break matching ("Mo\u200bdi" != "Modi") and can reorder displayed text.
# U+061C (Arabic letter mark) and U+180E are bidi/format controls too; U+2061-2064
# are invisible operators.
_INVISIBLE = re.compile(
    "[\u200b\u200c\u200d\u2060-\u2064\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069\u00ad\u061c\u180e]"
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Other C0/C1 controls except tab and newline.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control bytes, mean this is not an article."""
    if data.startswith(_UTF16_BOMS):  # UTF-16 text is full of NULs but is text
        return False
    if b"\x00" in data[:65536]:
        return True
    sample = data[:65536]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.05


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), else Windows-1252, else Latin-1.

    Windows-1252 before Latin-1 because legacy news text uses its curly quotes
    (0x93/0x94), which Latin-1 would turn into invisible C1 controls.
    """
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def normalize(text: str) -> str:
    """NFC, LF line endings, no invisible or control characters, no trailing spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Unicode's own line and paragraph separators (some word processors paste them).
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    text = text.replace("\u00a0", " ").replace("\t", " ")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def abbreviates(short: str, long: str) -> bool:
    """ "Lib Dems" for "Liberal Democrats": word by word, each word the start of the long one's.

    Two words at least, each cut to three letters or more; a plural
    "s" on a shortened word goes with the long word's own ("Dems", "Democrats").
    """
    s_words, l_words = short.lower().split(), long.lower().split()
    if len(s_words) != len(l_words) or len(s_words) < 2 or s_words == l_words:
        return False
    for s, w in zip(s_words, l_words, strict=True):
        stem = s[:-1] if s.endswith("s") and w.endswith("s") else s
        # Every word cut by two letters or more: "Middle East" is no short "Middle Eastern".
        if len(stem) < 3 or not w.startswith(stem) or len(w) - len(stem) < 3:
            return False
    return True


_NAME_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def fold(s: str) -> str:
    """The one key under which two spellings of a name are the same name: case, accents,
    quotation-mark style and hyphens do not count ("Erdoğan" and "Erdogan",
    "Kilroy-Silk" and "Kilroy Silk")."""
    s = unicodedata.normalize("NFKD", s.translate(_NAME_QUOTES))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[\s\-‐]+", " ", s).strip().lower()
