"""Both below: both sides are below their tolerance."""

from __future__ import annotations

from typing import Final

from bot.domain import alert_text as text
from bot.domain.alerts.model import SIDES, ClosedPulse, Finding, Side
from bot.domain.alerts.reasons import first_back_above, scores
from bot.domain.alerts.record import AlertRule, sided_headline
from bot.domain.alerts.wording import setting, shown
from bot.domain.i18n import deferred as _
from bot.domain.i18n import gettext

NAME: Final = "both_below"

FINDING: Final = _(
    "Both sides are below their tolerance: the client side is at {client} (tolerance "
    "{client_tolerance}) and the provider side at {provider} (tolerance {provider_tolerance})."
)


def check(pulse: ClosedPulse) -> Finding | None:
    """Both sides below their tolerance; always critical.

    Magnitude is the two shortfalls added up, so either side recovering shows. A
    withheld index never fires it.
    """
    client, provider = pulse.figures.client.index, pulse.figures.provider.index
    if client is None or provider is None:
        return None
    client_tolerance = pulse.thresholds.client_tolerance
    provider_tolerance = pulse.thresholds.provider_tolerance
    if client >= client_tolerance or provider >= provider_tolerance:
        return None
    sentence = gettext(FINDING).format(
        client=shown(client),
        client_tolerance=setting(client_tolerance),
        provider=shown(provider),
        provider_tolerance=setting(provider_tolerance),
    )
    shortfall = (client_tolerance - client) + (provider_tolerance - provider)
    return Finding(NAME, None, "critical", sentence, shortfall)


def resolution(side: Side | None, direction: str | None, pulse: ClosedPulse) -> str:
    """A side is back at or above its tolerance."""
    indices = scores(side, pulse)
    if isinstance(indices, str):
        return indices
    sides = (side,) if side is not None else SIDES
    return first_back_above(sides, indices, pulse.thresholds) or text.WHY_NOT_FOUND


RULE: Final = AlertRule(
    name=NAME,
    description="Both sides are below their tolerance.",
    check=check,
    title=_("Both sides below their tolerance"),
    side_title=_("{title} ({side} side)"),
    label=_("Both below"),
    headline=sided_headline(_("Both sides are unhappy")),
    priority=2,
    next_step=_(
        "Both leads meet this week and each names one change their side makes "
        "before the next pulse."
    ),
    step_priority=3,
    trend={
        "worse": _(
            "Worse: together the two sides are {now} points below their tolerances, "
            "{before} before."
        ),
        "better": _(
            "Better: together the two sides are {now} points below their tolerances, "
            "{before} before."
        ),
        "same": _(
            "No change: together the two sides are {now} points below their tolerances, as before."
        ),
    },
    resolution=resolution,
    worse="higher",
)
