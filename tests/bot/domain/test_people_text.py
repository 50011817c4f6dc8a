"""The confirmation of who was put on an engagement: one sentence per role, in every form."""

from __future__ import annotations

import pytest

from bot.domain import people_text as people
from bot.domain.i18n import LANGUAGES, ngettext, reading_as
from bot.domain.vocabulary import ROLES
from tests.bot.domain.text_uses import misfilled, placeholders

MODULE = "bot.domain.people_text"


def test_every_role_is_confirmed_and_explained() -> None:
    assert set(people.ADDED_AS) == set(ROLES)
    assert set(people.ROLE_MEANS) == set(ROLES)


def test_the_callers_fill_what_the_sentences_ask() -> None:
    assert misfilled(MODULE) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("count", [1, 3])
def test_a_confirmation_reads_whole_with_its_role_and_weight(
    language: str, role: str, count: int
) -> None:
    """The handler appends the role's meaning and the weight to the confirmation."""
    with reading_as(language):
        template = ngettext(*people.ADDED_AS[role], count)
        assert placeholders(template) == {"side", "engagement", "people"}
        said = template.format(side="client", engagement="Acme", people="<@U1>")
        said += people.ROLE_MEANS[role] + people.ADDED_WEIGHT.format(weight=2.5)
    assert "{" not in said and "Acme" in said and "2.5" in said
    assert people.ROLE_MEANS[role].startswith(" ")
