"""What one alert rule is: its check and every word and choice that belongs to it, in one record.

Each rule module under `bot/domain/alerts/rules/` declares one `AlertRule`; the registry
collects them. Whoever needs a rule's title, headline, next step, trend or resolution
reads it from the record, so adding a rule is one module and nothing keyed by its name
anywhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal, Protocol

from bot.domain.alerts.model import SIDES, ClosedPulse, Finding, Side, Trend
from bot.domain.i18n import gettext, translated

Check = Callable[[ClosedPulse], Finding | list[Finding] | None]
"""A rule's test of a closed pulse."""

Resolution = Callable[[Side | None, str | None, ClosedPulse], str]
"""Why a live finding was not found again: ``(side, direction, pulse)``, the finding's side
and direction and the closed pulse whose check no longer found it."""

TRENDS: Final[tuple[Trend, ...]] = ("worse", "better", "same")


class Live(Protocol):
    """A live finding as a headline needs it: its rule, side and direction."""

    @property
    def rule(self) -> str: ...

    @property
    def side(self) -> str | None: ...

    @property
    def direction(self) -> str | None: ...


Headline = Callable[[Sequence[Live], Sequence[Live]], str]
"""A message's headline from the rule's own live findings (never empty) and all of them."""

_WORDS: Final = frozenset({"title", "side_title", "label", "next_step", "trend"})
"""The fields holding sentences, read in the reader's language."""


@dataclass(frozen=True, slots=True)
class AlertRule:
    """Everything that describes one alert rule.

    Attributes:
        name: the rule's name, stored with each finding and its alert.
        description: what it checks, in one plain sentence (help and docs).
        check: the test of a closed pulse.
        title: the finding's title.
        side_title: the title naming the side the finding is about (``{side}``, and
            ``{title}`` when it repeats the title).
        label: the rule's short name in the weekly digest.
        headline: the grouped message's headline when this rule leads it.
        priority: where the rule stands when the headline is chosen; lowest first.
        next_step: the suggested next step when this rule chooses it.
        step_priority: where the rule stands when the next step is chosen; lowest first.
        trend: the trend sentence for "worse", "better" and "same", with ``{before}``,
            ``{now}``, ``{side}`` and ``{direction}`` to fill.
        resolution: why a live finding was not found again, with the numbers.
        worse: which way the compared quantity moves when things get worse.

    The sentence fields are read in the reader's language, as a text module's are.
    """

    name: str
    description: str
    check: Check
    title: str
    side_title: str
    label: str
    headline: Headline
    priority: int
    next_step: str
    step_priority: int
    trend: Mapping[Trend, str]
    resolution: Resolution
    worse: Literal["lower", "higher"]

    if not TYPE_CHECKING:  # hidden from mypy, which would otherwise type every attribute Any

        def __getattribute__(self, name: str) -> Any:
            value = object.__getattribute__(self, name)
            return translated(value) if name in _WORDS else value


def other_of(side: str | None) -> str:
    """The side a headline sets against ``side``."""
    return "provider" if side == "client" else "client"


def sided_headline(one: str, both: str | None = None) -> Headline:
    """A headline naming the side (``{side}``, ``{other}``), or ``both`` when the rule
    found on both sides."""

    def headline(these: Sequence[Live], findings: Sequence[Live]) -> str:
        if both is not None and len({found.side for found in these}) > 1:
            return gettext(both)
        side = these[0].side
        return gettext(one).format(side=side, other=other_of(side))

    return headline


def on_each_side(check_side: Callable[[Side, ClosedPulse], Finding | None]) -> Check:
    """The check of a rule that judges each side on its own: a finding for each side it
    fires on, the client's first."""

    def check(pulse: ClosedPulse) -> list[Finding]:
        return [found for side in SIDES if (found := check_side(side, pulse)) is not None]

    return check
