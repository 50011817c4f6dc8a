"""A count in words with the noun's right form: "1 finding", "8 findings", never "(s)"."""

from __future__ import annotations

from gettext import ngettext

Forms = tuple[str, str]
"""A sentence's singular and plural forms, each with a ``{count}`` placeholder."""


def counted(forms: Forms, count: int) -> str:
    """The form of ``forms`` for ``count`` (through gettext's plural rule), filled in."""
    one, many = forms
    return ngettext(one, many, count).format(count=count)
