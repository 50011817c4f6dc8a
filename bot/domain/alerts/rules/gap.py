"""Gap: the two sides' scores are at least the gap threshold apart."""

from __future__ import annotations

import math
from typing import Final

from bot.domain.alerts.model import ClosedPulse, Finding, Side, other_side
from bot.domain.alerts.reasons import scores
from bot.domain.alerts.record import AlertRule, sided_headline
from bot.domain.alerts.wording import setting, severity_past, shown
from bot.domain.i18n import deferred as _
from bot.domain.i18n import gettext

NAME: Final = "gap"

FINDING: Final = _(
    "The {side} side is at {index}, {points} points below the {other} side at {other_index}; "
    "the gap threshold is {threshold}."
)
WHY_CLOSED: Final = _("the gap is now {gap} points, under the threshold of {threshold}")
WHY_FLIPPED: Final = _(
    "the {side} side is no longer the lower one: it is at {index}, the {other} side at "
    "{other_index}"
)


def check(pulse: ClosedPulse) -> Finding | None:
    """The two indices differ by at least the gap threshold.

    ``side`` is the lower side; magnitude is the gap in points; critical at 15 points
    or more over the threshold. A withheld index never fires it.
    """
    client, provider = pulse.figures.client.index, pulse.figures.provider.index
    if client is None or provider is None:
        return None
    size = abs(client - provider)
    if size < pulse.thresholds.gap:
        return None
    low: Side = "client" if client < provider else "provider"
    high = other_side(low)
    low_index, high_index = shown(min(client, provider)), shown(max(client, provider))
    sentence = gettext(FINDING).format(
        side=low,
        index=low_index,
        points=high_index - low_index,
        other=high,
        other_index=high_index,
        threshold=setting(pulse.thresholds.gap),
    )
    severity = severity_past(size - pulse.thresholds.gap)
    # Trends compare the gap as the sentence shows it, so the words match the numbers.
    return Finding(NAME, low, severity, sentence, size, measure=high_index - low_index)


def resolution(side: Side | None, direction: str | None, pulse: ClosedPulse) -> str:
    """The gap closed under the threshold, or the lower side is now the higher one."""
    indices = scores(side, pulse)
    if isinstance(indices, str):
        return indices
    client, provider = indices["client"], indices["provider"]
    threshold = pulse.thresholds.gap
    if abs(client - provider) < threshold or side is None:
        return gettext(WHY_CLOSED).format(
            gap=_gap_text(client, provider, threshold), threshold=setting(threshold)
        )
    other = other_side(side)
    return gettext(WHY_FLIPPED).format(
        side=side, other=other, index=shown(indices[side]), other_index=shown(indices[other])
    )


def _gap_text(client: float, provider: float, threshold: float) -> str:
    """The gap in whole points as the two shown scores give it, unless that would read as
    at or over the threshold it is under (57.4 against 72.0): then to a tenth."""
    whole = shown(max(client, provider)) - shown(min(client, provider))
    if whole < threshold:
        return str(whole)
    return f"{math.floor(abs(client - provider) * 10) / 10:g}"


RULE: Final = AlertRule(
    name=NAME,
    description="The two sides' scores are at least the gap threshold apart.",
    check=check,
    title=_("Wide gap between the sides"),
    side_title=_("Wide gap between the sides (the {side} side lower)"),
    label=_("Gap"),
    headline=sided_headline(_("The two sides are far apart")),
    priority=4,
    next_step=_(
        "Hold a joint 30-minute review with both leads this week: put both sides' "
        "figures on the table and ask where the difference comes from."
    ),
    step_priority=5,
    trend={
        "worse": _("Worse: the gap grew from {before} to {now} points."),
        "better": _("Better: the gap narrowed from {before} to {now} points."),
        "same": _("No change: the gap is {now} points, as before."),
    },
    resolution=resolution,
    worse="higher",
)
