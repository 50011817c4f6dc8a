"""German verdicts told by a verb: each class found across its clause, and its negation."""

from __future__ import annotations

import pytest

from bot.domain.sentiment.german_verbs import FAILURES, SUCCESSES, VERBS
from bot.domain.sentiment.reading import read_comment


def rules_that_moved(text: str) -> set[str]:
    return {c.rule for c in read_comment(text, "de").contributions}


def polarity(text: str) -> float:
    reading = read_comment(text, "de")
    assert reading.sentiment is not None
    return reading.sentiment.polarity


# One comment per cue, in the order of VERBS, that only that cue reads.
EXAMPLES = [
    ("Der Import hat gestern wieder nicht funktioniert.", "failure", -1),
    ("Die Schnittstelle ist heute Nacht hängen geblieben.", "failure", -1),
    ("Die Lieferung blieb drei Tage im Lager liegen.", "failure", -1),
    ("Bei der Umstellung wurde die Druckerwarteschlange vergessen.", "failure", -1),
    ("Die Doku musste vom Kunden nachgebessert werden.", "rework", -1),
    ("So etwas darf nicht wieder passieren.", "obligation", -1),
    ("Das Projekt hat sich für uns gelohnt.", "success", 1),
    ("Die Umstellung am Wochenende lief reibungslos.", "success", 1),
    ("Der Bereitschaftsdienst hat uns am Sonntag gerettet.", "success", 1),
    ("Die Migration der Standorte ist durch.", "success", 1),
]


def test_each_cue_has_its_example() -> None:
    assert len({id(cue) for cue in VERBS}) == len(VERBS) == 10


@pytest.mark.parametrize(("index", "example"), list(enumerate(EXAMPLES)))
def test_each_cue_reads_its_verdict(index: int, example: tuple[str, str, int]) -> None:
    text, rule, sign = example
    cue = VERBS[index]
    assert cue.rule == rule
    assert cue.pattern.search(text.lower()), text
    assert rule in rules_that_moved(text)
    assert polarity(text) * sign > 0


@pytest.mark.parametrize(
    "text",
    [
        "Die Maschine fiel am Montag komplett aus.",
        "Das Backup brach nach zwei Stunden ab.",
        "Der Auftrag ging in der Übergabe verloren.",
        "Die Ersatzteile kamen bis heute nicht an.",
        "Der Rollout musste komplett neu aufgesetzt werden.",
        "Der Bericht sollte eigentlich schon längst fertig sein.",
    ],
)
def test_separable_verbs_and_obligations_are_complaints(text: str) -> None:
    assert rules_that_moved(text) & {"failure", "rework", "obligation"}
    assert polarity(text) < 0


@pytest.mark.parametrize(
    "text",
    [
        "Die Umstellung hat leider nicht geklappt.",
        "Der Workaround hat nicht funktioniert.",
        "Die Umstellung lief nicht reibungslos.",
    ],
)
def test_a_negated_success_is_a_failure(text: str) -> None:
    assert "success" not in rules_that_moved(text)
    assert polarity(text) < 0


@pytest.mark.parametrize(
    "text",
    [
        "Bitte nicht vergessen: Abnahme morgen um zehn.",
        "Das Ergebnis fiel positiv aus.",
        "Die neue Linie läuft nicht nur stabil, sie ist auch schneller.",
        "Der Termin ist durch den Change am Freitag gesetzt.",
    ],
)
def test_reminders_good_outcomes_and_prepositions_are_no_failure(text: str) -> None:
    assert "failure" not in rules_that_moved(text)
    assert "success" not in rules_that_moved(text) or polarity(text) > 0


def test_failures_weigh_down_and_successes_lift() -> None:
    assert all(cue.valence < 0 for cue in FAILURES)
    assert all(cue.valence > 0 for cue in SUCCESSES)


@pytest.mark.parametrize(
    "text",
    [
        "Die Tests hätten schon vor zwei Wochen fertig sein müssen.",
        "Die Korrekturbuchungen hätten schon vor dem Abschluss vorliegen müssen.",
    ],
)
def test_what_should_already_have_been_done_is_a_reproach(text: str) -> None:
    assert "obligation" in rules_that_moved(text)
    assert polarity(text) < -0.05
