"""Watermelon: the SLA status is green while the client side is below its tolerance."""

from __future__ import annotations

from typing import Final

from bot.domain.alerts.model import ClosedPulse, Finding, Side
from bot.domain.alerts.reasons import back_above, withheld
from bot.domain.alerts.record import AlertRule, sided_headline
from bot.domain.alerts.wording import SCORE_TREND, setting, shown
from bot.domain.i18n import deferred as _
from bot.domain.i18n import gettext

NAME: Final = "watermelon"

FINDING: Final = _(
    "The SLA status is green, but the client side is at {index}, below its tolerance of "
    "{tolerance}."
)
WHY_SLA_NOT_GREEN: Final = _(
    "SLA now {status}: the watermelon rule no longer applies, but the client is still at "
    "{index}, below its {tolerance}"
)
WHY_SLA_NONE: Final = _(
    "no SLA status is recorded any more: the watermelon rule no longer applies, but the "
    "client is still at {index}, below its {tolerance}"
)
TITLE: Final = _("Watermelon: SLAs green, client unhappy")


def check(pulse: ClosedPulse) -> Finding | None:
    """The latest SLA status is green while the client side is below its tolerance.

    Always critical: the contract's figures say all is well and the client does not
    agree. ``side`` is "client"; magnitude is how far it is below its tolerance.
    """
    client = pulse.figures.client.index
    tolerance = pulse.thresholds.client_tolerance
    if pulse.sla_status != "green" or client is None or client >= tolerance:
        return None
    sentence = gettext(FINDING).format(index=shown(client), tolerance=setting(tolerance))
    return Finding(NAME, "client", "critical", sentence, tolerance - client, client)


def resolution(side: Side | None, direction: str | None, pulse: ClosedPulse) -> str:
    """The client is back at its tolerance, or the SLA status is no longer green."""
    if (reason := withheld(side, pulse)) is not None:
        return reason
    if (reason := withheld("client", pulse)) is not None:
        return reason
    client, tolerance = pulse.figures.client.index, pulse.thresholds.client_tolerance
    assert client is not None
    if client >= tolerance:
        return back_above("client", client, tolerance)
    numbers = {"index": shown(client), "tolerance": setting(tolerance)}
    if pulse.sla_status is None:
        return gettext(WHY_SLA_NONE).format(**numbers)
    return gettext(WHY_SLA_NOT_GREEN).format(status=pulse.sla_status, **numbers)


RULE: Final = AlertRule(
    name=NAME,
    description="The SLA status is green while the client side is below its tolerance.",
    check=check,
    title=TITLE,
    side_title=TITLE,
    label=_("Watermelon"),
    headline=sided_headline(_("The SLAs are green but the client side is unhappy")),
    priority=3,
    next_step=_(
        "Bring the SLA and the feeling to the same table: both leads go through "
        "the green SLA report with the client side and ask what it does not show."
    ),
    step_priority=1,
    trend=SCORE_TREND,
    resolution=resolution,
    worse="lower",
)
