"""Spanish cues of account chat: each found in its family, and good news kept apart from bad."""

from __future__ import annotations

import pytest

from bot.domain.sentiment.german_cues import CUES as GERMAN_CUES
from bot.domain.sentiment.german_verbs import VERBS as GERMAN_VERBS
from bot.domain.sentiment.spanish_cues import COMPLAINTS, CUES
from bot.domain.sentiment.spanish_good_news import GOOD_NEWS
from bot.domain.sentiment.spanish_threats import THREATS

GOOD_FAMILIES = {"heroics", "improvement", "no bad news", "thanks"}


def families(text: str) -> set[str]:
    return {cue.rule for cue in CUES if cue.pattern.search(text.lower())}


def test_good_families_lift_and_the_others_weigh_down() -> None:
    for cue in CUES:
        assert (cue.valence > 0) == (cue.rule in GOOD_FAMILIES), cue
        assert 0 < abs(cue.valence) <= 4, cue


def test_each_module_holds_its_own_families_and_the_reader_looks_for_all() -> None:
    assert {cue.rule for cue in GOOD_NEWS} == GOOD_FAMILIES
    assert not {cue.rule for cue in COMPLAINTS} & (GOOD_FAMILIES | {"threat"})
    assert {cue.rule for cue in THREATS} == {"threat"}
    assert (*COMPLAINTS, *THREATS, *GOOD_NEWS) == CUES


def test_a_worry_said_to_be_over_is_good_news() -> None:
    assert families("Ya no me preocupa el cierre de mes.") == {"no bad news"}
    assert families("Me preocupa el cierre de mes.") == {"worry"}


def test_spanish_reads_the_families_of_german_but_its_verbs() -> None:
    german_verbs = {cue.rule for cue in GERMAN_VERBS}
    assert {cue.rule for cue in CUES} == {cue.rule for cue in GERMAN_CUES} - german_verbs


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Llevamos tres semanas esperando el informe.", "waiting"),
        ("Tuve que insistir otra vez.", "chasing"),
        ("Tuve que insistir otra vez.", "repeated"),
        ("Ninguna incidencia este mes.", "no bad news"),
        ("Gracias por trabajar el fin de semana.", "heroics"),
    ],
)
def test_a_cue_is_found_by_its_family(text: str, rule: str) -> None:
    assert rule in families(text)


def test_plain_praise_is_no_cue() -> None:
    assert families("La colaboración es excelente.") == set()
