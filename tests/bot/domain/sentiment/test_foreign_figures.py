"""Figures outside English: which way a figure moved, and whether that is good for its metric."""

from __future__ import annotations

import pytest

from bot.domain.sentiment.foreign_figures import moved_figures
from bot.domain.sentiment.german_figures import FIGURES as GERMAN
from bot.domain.sentiment.spanish_figures import FIGURES as SPANISH


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("die beschwerden sind von 30 auf 5 gesunken", "improvement"),
        ("die zufriedenheit ist um 10 prozent gesunken", "worse figures"),
        ("der job läuft in 20 minuten statt in 3 stunden", "improvement"),
    ],
)
def test_a_german_figure_is_news_by_its_metric(text: str, rule: str) -> None:
    [(found, _, valence, _)] = moved_figures(text, GERMAN)
    assert found == rule and (valence > 0) == (rule == "improvement")


def test_each_figure_claims_its_own_clause() -> None:
    text = "las quejas bajaron de 30 a 5. la satisfacción bajó 10 puntos"
    found = moved_figures(text, SPANISH)
    assert [rule for rule, *_ in found] == ["improvement", "worse figures"]
    assert [text[start:end].strip() for *_, (start, end) in found] == [
        "las quejas bajaron de 30 a 5",
        "la satisfacción bajó 10 puntos",
    ]


def test_a_figure_beside_a_target_with_no_metric_or_time_is_no_news() -> None:
    assert moved_figures("stand 97 %, ziel 95 %", GERMAN) == []
    [(rule, *_)] = moved_figures("otif 97 %, ziel 95 %", GERMAN)
    assert rule == "improvement"  # OTIF is a metric where more is better
