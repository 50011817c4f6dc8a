"""Clean text from people before it is stored: no control, bidi or zero-width characters."""

from __future__ import annotations

import unicodedata

# Cc: control characters (NUL included); Cf: format characters (bidi overrides and
# isolates, zero-width spaces and joiners, the BOM, soft hyphens); Cs/Co/Cn: surrogates,
# private use and unassigned code points, which no keyboard produces.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_LINE_BREAKS = frozenset({"\n", "\r", "\u2028", "\u2029"})


def clean_line(text: str, limit: int | None = None) -> str:
    """One line of text: invisible characters removed, whitespace collapsed, capped."""
    kept = "".join(ch for ch in text if unicodedata.category(ch) not in _INVISIBLE or ch.isspace())
    collapsed = " ".join(kept.split())
    return collapsed if limit is None else collapsed[:limit].rstrip()


def clean_paragraphs(text: str, limit: int | None = None) -> str:
    """Free text such as a comment: like `clean_line`, but line breaks are kept."""
    lines = "".join("\n" if ch in _LINE_BREAKS else ch for ch in text.replace("\r\n", "\n"))
    cleaned = "\n".join(clean_line(line) for line in lines.split("\n"))
    while "\n\n\n" in cleaned:
        cleaned = cleaned.replace("\n\n\n", "\n\n")
    cleaned = cleaned.strip()
    return cleaned if limit is None else cleaned[:limit].rstrip()
