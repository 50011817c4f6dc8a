"""Sentences confirming who was put on an engagement, in which role, with which stake."""

from __future__ import annotations

from typing import Final

# `/rapport add … lead|sponsor|member`: the role confirmed, singular and plural, and what it means.
ADDED_AS: Final = {
    "lead": (
        "Added to the {side} side of *{engagement}* as lead: {people}.",
        "Added to the {side} side of *{engagement}* as leads: {people}.",
    ),
    "sponsor": (
        "Added to the {side} side of *{engagement}* as sponsor: {people}.",
        "Added to the {side} side of *{engagement}* as sponsors: {people}.",
    ),
    "member": (
        "Added to the {side} side of *{engagement}* as member: {people}.",
        "Added to the {side} side of *{engagement}* as members: {people}.",
    ),
}
ROLE_MEANS: Final = {
    "lead": " Leads change the engagement's people and settings, acknowledge alerts and agree "
    "actions; they answer pulses too.",
    "sponsor": " Sponsors get the weekly digest and escalated findings by DM, and no pulses.",
    "member": " Members answer the pulses.",
}
ADDED_WEIGHT: Final = " Stake weight: {weight:g}."
