"""German cues of account chat: each found in its family, and good news kept apart from bad."""

from __future__ import annotations

import pytest

from bot.domain.sentiment.german_cues import COMPLAINTS, CUES
from bot.domain.sentiment.german_good_news import GOOD_NEWS
from bot.domain.sentiment.german_threats import THREATS
from bot.domain.sentiment.german_verbs import FAILURES, SUCCESSES, VERBS
from bot.domain.sentiment.reading import read_comment
from bot.domain.sentiment.spanish_cues import CUES as SPANISH_CUES

GOOD_FAMILIES = {"heroics", "improvement", "no bad news", "thanks", "success"}
VERB_FAMILIES = {"failure", "rework", "obligation", "success"}


def families(text: str) -> set[str]:
    return {cue.rule for cue in CUES if cue.pattern.search(text.lower())}


def test_good_families_lift_and_the_others_weigh_down() -> None:
    for cue in CUES:
        assert (cue.valence > 0) == (cue.rule in GOOD_FAMILIES), cue
        assert 0 < abs(cue.valence) <= 4, cue


def test_each_module_holds_its_own_families_and_the_reader_looks_for_all() -> None:
    assert {cue.rule for cue in GOOD_NEWS} == GOOD_FAMILIES - {"success"}
    assert {cue.rule for cue in SUCCESSES} == {"success"}
    assert {cue.rule for cue in FAILURES} == VERB_FAMILIES - {"success"}
    assert not {cue.rule for cue in COMPLAINTS} & (GOOD_FAMILIES | {"threat"})
    assert {cue.rule for cue in THREATS} == {"threat"}
    assert (*COMPLAINTS, *THREATS, *GOOD_NEWS, *VERBS) == CUES


def test_german_reads_the_families_of_spanish_and_its_verbs() -> None:
    assert {cue.rule for cue in CUES} == {cue.rule for cue in SPANISH_CUES} | VERB_FAMILIES


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Wir warten seit drei Wochen auf den Bericht.", "waiting"),
        ("Ich musste schon wieder nachhaken.", "chasing"),
        ("Ich musste schon wieder nachhaken.", "repeated"),
        ("Wenn das so weitergeht, kündigen wir den Vertrag.", "threat"),
        ("Keine Störungen diesen Monat.", "no bad news"),
    ],
)
def test_a_cue_is_found_by_its_family(text: str, rule: str) -> None:
    assert rule in families(text)


def test_plain_praise_is_no_cue() -> None:
    assert families("Die Zusammenarbeit ist super.") == set()


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Es kam bis jetzt keine Freigabe.", -1),
        ("Vom Support gibt es keine Rückmeldung.", -1),
        ("Es gab keine Probleme.", 1),
        ("Bisher keine Probleme, alles läuft.", 1),
    ],
)
def test_nothing_arrived_is_waiting_and_no_problem_is_not(text: str, sign: int) -> None:
    reading = read_comment(text, "de")
    assert reading.sentiment is not None
    assert reading.sentiment.polarity * sign > 0.05
