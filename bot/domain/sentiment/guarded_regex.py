"""Regexes that skip, at C speed, the places where no match can start.

Python's `re` scans a pattern such as `\\bother vendors?\\b|\\balternatives\\b|\\brfp\\b` by
trying every alternative at every character of the text: it finds no fixed first
character to skip ahead to, because each alternative opens with `\\b`. The cue patterns
are written that way (a long alternation of word-bounded phrases), and trying them was
the largest part of scoring a comment. `compile_guarded` reads the pattern, works out
which characters a match can begin with and whether every match begins at a word
boundary, and puts that in front as a lookahead: `(?=[abr])\\b(?:...)`. The guard only
restates what the pattern itself requires at the place where a match starts, so the
matches, their spans and their groups are exactly the original's; only the places that
cannot match are given up after one test instead of one per alternative.

When the first characters cannot be listed (a pattern may start with `\\w`, `.` or a
negated class), when the pattern can match the empty string, or when `re` already skips
ahead on its own (a pattern opening with a literal, or anchored with `^`), the pattern
is compiled as written.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# The parser `re.compile` itself uses (`re._parser` since Python 3.11); its tree is only
# read here, and any node it does not know leaves the pattern unguarded.
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")
# A class range wider than this is not listed ("[a-z]" is; "[^x]" or "[\x00-\uffff]" not).
_MAX_RANGE = 256
_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w",
    _c.CATEGORY_NOT_WORD: r"\W",
}
_BROAD = frozenset({r"\w", r"\W", r"\S", r"\D"})
_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT)
_REPEATS = tuple(
    getattr(_c, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(_c, name)
)


class _UnlistedError(Exception):
    """The first characters of some match cannot be listed."""


def _class_chars(items: list[tuple[Any, Any]]) -> set[str]:
    """The members of a character class, as single characters or class escapes ("\\d")."""
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(re.escape(chr(av)))
        elif op is _c.RANGE and av[1] - av[0] < _MAX_RANGE:
            chars.update(re.escape(chr(code)) for code in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av in _CATEGORIES:
            chars.add(_CATEGORIES[av])
        else:  # NEGATE, wide ranges
            raise _UnlistedError
    return chars


def _head(items: Any, flags: int) -> tuple[set[str], bool, bool]:
    """(first characters, may consume nothing, every consuming path passes a \\b first)."""
    chars: set[str] = set()
    boundary = False  # a \b seen on this sequence before anything consumed
    all_bounded = True
    for op, av in items:
        if op is _c.AT:
            boundary = boundary or av is _c.AT_BOUNDARY
            continue
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL:
            chars.add(re.escape(chr(av)))
            return chars, False, all_bounded and boundary
        if op is _c.IN:
            chars |= _class_chars(av)
            return chars, False, all_bounded and boundary
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, inner = av
            if add_flags or del_flags:  # "(?i:...)", "(?a:...)": \b or case may differ inside
                raise _UnlistedError
            found, nullable, bounded = _head(inner, flags)
        elif op is _c.BRANCH:
            found, nullable, bounded = set(), False, True
            for alternative in av[1]:
                more, empty, fenced = _head(alternative, flags)
                found |= more
                nullable = nullable or empty
                bounded = bounded and fenced
        elif op in _REPEATS:
            low, _high, inner = av
            found, nullable, bounded = _head(inner, flags)
            nullable = nullable or low == 0
        else:  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, ATOMIC_GROUP, ...
            raise _UnlistedError
        chars |= found
        all_bounded = all_bounded and (boundary or bounded)
        if not nullable:
            return chars, False, all_bounded
        # The part may consume nothing: what follows can open the match as well. Whether
        # that path passed a \b inside the part is not tracked.
    return chars, True, all_bounded and boundary


def _worth_guarding(items: Any) -> bool:
    """Whether the pattern opens with a `\\b` or with alternatives `re` cannot skip ahead to.

    A pattern opening with a literal, a class or `^` is skipped ahead by `re` itself; one
    opening with a repeated class or a lookbehind tries each place quickly enough that a
    guard only adds a test.
    """
    while items:
        op, av = items[0]
        if op is _c.SUBPATTERN:
            items = av[3]
            continue
        if op is _c.AT:
            return av is _c.AT_BOUNDARY
        if op is _c.BRANCH:
            return not all(alt and alt[0][0] is _c.LITERAL for alt in av[1])
        return False
    return False


def guard(source: str, flags: int = 0) -> str | None:
    """The lookahead that restates where a match of `source` can start, or None."""
    parsed = _parser.parse(source, flags)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE) or not _worth_guarding(parsed.data):
        return None
    try:
        chars, nullable, bounded = _head(parsed.data, parsed.state.flags)
    except _UnlistedError:
        return None
    if nullable or not chars or not _BROAD.isdisjoint(chars):
        return None  # a guard that lets (nearly) every character through only adds a test
    listed = "".join(sorted(chars))
    return f"(?=[{listed}])" + ("\\b" if bounded else "")


def compile_guarded(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, with the guard in front when one can be worked out."""
    lead = guard(source, flags)
    if lead is None:
        return re.compile(source, flags)
    return re.compile(f"{lead}(?:{source})", flags)
