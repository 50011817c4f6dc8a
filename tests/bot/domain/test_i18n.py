"""Counts read as words: "1 finding", "8 findings", never "finding(s)"."""

from __future__ import annotations

import re
from types import ModuleType

from bot.domain import (
    catalogue,
    catalogue_alerts,
    catalogue_people,
    follow_up_text,
    help_text,
    operator_text,
)
from bot.domain.i18n import counted

TEXT_MODULES = (
    catalogue,
    catalogue_alerts,
    catalogue_people,
    follow_up_text,
    help_text,
    operator_text,
)


def sentences(module: ModuleType) -> list[str]:
    """Every string a text module holds, in constants, tuples and dicts."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, tuple | list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    for name, value in vars(module).items():
        if name.isupper():
            walk(value)
    return found


def test_counted_picks_the_form_for_the_count() -> None:
    forms = ("{count} finding", "{count} findings")
    assert [counted(forms, n) for n in (0, 1, 2, 8)] == [
        "0 findings",
        "1 finding",
        "2 findings",
        "8 findings",
    ]


def test_no_sentence_people_read_counts_with_s_in_brackets() -> None:
    said = [s for module in TEXT_MODULES for s in sentences(module)]
    assert len(said) > 200
    brackets = [s for s in said if re.search(r"\w\(s\)", s.replace("http(s)", ""))]
    assert brackets == []
