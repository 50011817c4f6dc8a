"""Figures in a comment in any scored language other than English: a figure that moved,
or one beside the earlier figure or the target, as good or bad news by its metric."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Figures:
    """A figure that moved: its verbs, and the metrics where more is better.

    "Las quejas bajaron de 30 a 5" is good news, "la satisfacción bajó" bad: a fall is
    good unless a metric where more is better is named in the same clause.
    """

    fall: re.Pattern[str]
    rise: re.Pattern[str]
    more_is_better: re.Pattern[str]
    amount: re.Pattern[str]  # a figure or a size word: "bajamos el servidor" is no news
    valence: float = 1.8
    # A figure beside the earlier one or the target ("6 Stunden statt 2", "78 %, Ziel 70 %",
    # "en dos días en lugar de dos semanas"): groups now, now_unit, then, then_unit.
    compared: re.Pattern[str] | None = None
    less_is_better: re.Pattern[str] | None = None  # a compared figure's side when no time
    minutes: Mapping[str, float] = field(default_factory=dict)  # a unit's length
    numbers: Mapping[str, float] = field(default_factory=dict)  # number words

    def value(self, number: str, unit: str | None) -> float | None:
        """A figure in minutes when it carries a time unit, else as written; None if unread."""
        found = self.numbers.get(number)
        if found is None:
            digits = number.replace("'", "").replace(".", "").replace(",", ".")
            try:
                found = float(digits)
            except ValueError:
                return None
        return found * self.minutes.get(unit or "", 1.0)


_CLAUSE = re.compile(r"[^.;:!?]+")


def moved_figures(low: str, figures: Figures) -> list[tuple[str, str, float, tuple[int, int]]]:
    """Moved figures as good or bad news, each claiming its clause: (rule, phrase, valence,
    the clause's span) in the order they stand."""
    news: list[tuple[str, str, float, tuple[int, int]]] = []
    for clause in _CLAUSE.finditer(low):
        text = clause.group(0)
        fall, rise = figures.fall.search(text), figures.rise.search(text)
        moved = fall or rise
        if moved is None or not figures.amount.search(text):
            found = _compared(text, figures)
            if found is None:
                continue
            phrase, fell = found
        else:
            phrase, fell = moved.group(0), fall is not None
        good = fell != bool(figures.more_is_better.search(text))
        valence = figures.valence if good else -figures.valence
        news.append(("improvement" if good else "worse figures", phrase, valence, clause.span()))
    return news


def _compared(text: str, figures: Figures) -> tuple[str, bool] | None:
    """A figure beside the earlier one or the target: its words, and whether it is lower."""
    match = figures.compared.search(text) if figures.compared else None
    if match is None:
        return None
    now_unit = match.group("now_unit")
    then_unit = match.group("then_unit") or now_unit
    if (now_unit == "%") != (then_unit == "%"):
        return None
    now = figures.value(match.group("now"), now_unit)
    then = figures.value(match.group("then"), then_unit)
    if now is None or then is None or now == then:
        return None
    sided = figures.more_is_better.search(text) or (
        figures.less_is_better is not None and figures.less_is_better.search(text)
    )
    if (now_unit or "") not in figures.minutes and not sided:
        return None  # no metric named and no time: which way is better is not said
    return match.group(0), now < then
