"""Sentences confirming who was put on an engagement, in which role, with which stake."""

from __future__ import annotations

from typing import Final

from bot.domain.i18n import N_, localised
from bot.domain.i18n import deferred as _

# fmt: off
# One sentence per line, as the text reads: ruff leaves the wrapped strings where they are.

# `/rapport add … lead|sponsor|member`: the role confirmed, singular and plural, and what it means.
ADDED_AS: Final = {
    "lead": N_(
        "Added to the {side} side of *{engagement}* as lead: {people}.",
        "Added to the {side} side of *{engagement}* as leads: {people}.",
    ),
    "sponsor": N_(
        "Added to the {side} side of *{engagement}* as sponsor: {people}.",
        "Added to the {side} side of *{engagement}* as sponsors: {people}.",
    ),
    "member": N_(
        "Added to the {side} side of *{engagement}* as member: {people}.",
        "Added to the {side} side of *{engagement}* as members: {people}.",
    ),
}
ROLE_MEANS: Final = {
    "lead": _(
        " Leads change the engagement's people and settings, acknowledge alerts and agree "
        "actions; they answer pulses too."
    ),
    "sponsor": _(" Sponsors get the weekly digest and escalated findings by DM, and no pulses."),
    "member": _(" Members answer the pulses."),
}
ADDED_WEIGHT: Final = _(" Stake weight: {weight:g}.")

# fmt: on

localised(__name__)
