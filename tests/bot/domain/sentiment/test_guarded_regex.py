"""Guarded regexes find exactly what the plain ones find, only faster."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.domain.sentiment import cues, markup, sarcasm, stance
from bot.domain.sentiment.cue_patterns import PATTERNS
from bot.domain.sentiment.event_patterns import EVENTS
from bot.domain.sentiment.good_news_patterns import GOOD_NEWS
from bot.domain.sentiment.guarded_regex import compile_guarded, guard
from bot.domain.sentiment.kind_patterns import KINDS
from bot.domain.sentiment.risk_patterns import RISKS


def found(
    pattern: re.Pattern[str], text: str
) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(match.span(), match.groups()) for match in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Every alternative opens at a word boundary: its first letters and the boundary.
        (r"\bother vendors\b|\balternatives\b|\brfp\b", r"(?=[aor])\b"),
        (r"(?<!since the )\bother\b|\brfp\b", r"(?=[or])\b"),
        (r"\b(?:\d+|two) days\b|\bnth\b", r"(?=[\dnt])\b"),
        # One alternative does not need the boundary: only the letters are guarded.
        (r"\bhello\b|(?:^|(?<=\s))'quoted'", r"(?=['h])"),
        # An optional first part lets what follows open the match too.
        (r"\b(?:very )?late\b|\bslow\b", r"(?=[lsv])\b"),
    ],
)
def test_the_guard_names_the_first_characters_and_the_boundary(source: str, expected: str) -> None:
    assert guard(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        r"late",  # a literal first: re skips ahead on its own
        r"^(?:please|kindly)\b",  # anchored: tried at the start only
        r"\s+(?:you|u)\b",  # a repeated class first
        r"\b\w+ covers\b|\bcovering\b",  # any word character may open it
        r"\b(?:late)?",  # may match the empty string
        r"\b(?:late|slow)\b",  # with IGNORECASE below
        r"\b(?i:late)\b|\bslow\b",  # local flags
        r"\b[^x]y|\bz",  # a negated class
    ],
)
def test_no_guard_where_it_cannot_be_listed_or_would_not_help(source: str) -> None:
    flags = re.IGNORECASE if source == r"\b(?:late|slow)\b" else 0
    assert guard(source, flags) is None
    assert compile_guarded(source, flags).pattern == source


_GUARD = re.compile(r"\(\?=\[(?:\\.|[^\]\\])+\]\)(?:\\b)?\(\?:")


def plain(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern as written, before its guard was put in front."""
    lead = _GUARD.match(pattern.pattern)
    if lead is None:
        return pattern
    source = pattern.pattern[lead.end() : -1]
    assert compile_guarded(source, pattern.flags).pattern == pattern.pattern
    return re.compile(source, pattern.flags)


_TABLES = [re.compile(p.regex) for p in (*PATTERNS, *EVENTS, *GOOD_NEWS, *KINDS, *RISKS)]
_MODULES = [
    value
    for module in (markup, sarcasm, stance)
    for value in vars(module).values()
    if isinstance(value, re.Pattern)
]
_SOURCES = " ".join(p.pattern for p in (*_TABLES, *_MODULES))
_VOCABULARY = sorted(set(re.findall(r"[a-z][a-z'-]*", _SOURCES)))
_PIECES = [*_VOCABULARY, *"0123456789", "12", "3rd", "r4.2m", "$850k", ":", "'", "“", "”", "’"]
_SEPARATORS = [" ", " ", " ", ", ", ". ", "! ", "? ", "\n", "  ", "-", "*", "_", "'", '"']
texts = st.lists(
    st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPARATORS)), max_size=25
).map(lambda parts: "".join(word + gap for word, gap in parts))


def test_the_scorer_compiles_its_alternations_guarded() -> None:
    assert all(cue.regex.pattern.startswith("(?=[") for cue in cues._COMPILED)
    assert sum(plain(pattern) is not pattern for pattern in _MODULES) >= 6


@given(texts)
def test_every_cue_pattern_finds_the_same_matches_guarded(text: str) -> None:
    for pattern, cue in zip(_TABLES, cues._COMPILED, strict=True):
        assert found(cue.regex, text) == found(pattern, text), pattern.pattern


@given(texts)
def test_every_guarded_module_pattern_finds_the_same_matches(text: str) -> None:
    for pattern in _MODULES:
        assert found(pattern, text) == found(plain(pattern), text), pattern.pattern
        assert found(pattern, text.lower()) == found(plain(pattern), text.lower())


# Small regexes of the shapes the guard reads: alternatives that open with a boundary or a
# lookbehind, then a letter, a class, a digit or a choice of them, then anything.
_HEADS = st.sampled_from(["", r"\b", r"(?<!a )\b", r"\b(?<!b)", r"(?<=\s)", r"(?<!\w)"])
_FIRSTS = st.sampled_from(["a", "ab", "b", "'", "é", "1", r"\d", "[ab]", "[a-c]", r"\s"])
_TAILS = st.sampled_from(["", "a", "b", " ", r"\b", r"\d", "[ab]", "'", "(?!a)", r"\w"])


def _rest() -> st.SearchStrategy[str]:
    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.lists(inner, min_size=1, max_size=3).map("".join),
            st.lists(inner, min_size=2, max_size=3).map(lambda alts: "(?:" + "|".join(alts) + ")"),
            inner.map(lambda part: f"(?:{part})?"),
            inner.map(lambda part: f"(?:{part})+"),
            inner.map(lambda part: f"({part})"),
        )

    return st.recursive(_TAILS, extend, max_leaves=6)


_OPENINGS = st.one_of(
    _FIRSTS,
    st.lists(_FIRSTS, min_size=2, max_size=3).map(lambda alts: "(?:" + "|".join(alts) + ")"),
    st.tuples(_FIRSTS, _FIRSTS).map(lambda pair: f"(?:{pair[0]})?{pair[1]}"),
)
_ALTERNATIVES = st.tuples(_HEADS, _OPENINGS, _rest()).map("".join)
regexes = st.lists(_ALTERNATIVES, min_size=1, max_size=4).map("|".join)


@given(regexes, st.text("ab é'1\n", max_size=30))
def test_any_guarded_regex_finds_what_the_plain_one_finds(source: str, text: str) -> None:
    assume(guard(source) is not None)  # unguarded, it is compiled as written
    plain_pattern = re.compile(source)
    guarded_pattern = compile_guarded(source)
    assert found(guarded_pattern, text) == found(plain_pattern, text)
    for start in range(len(text) + 1):
        plain_match = plain_pattern.match(text, start)
        guarded_match = guarded_pattern.match(text, start)
        assert (plain_match and plain_match.span()) == (guarded_match and guarded_match.span())
