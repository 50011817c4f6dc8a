"""The digest charts' words: titles, axis, legend and notes, in the sponsor's language."""

from __future__ import annotations

from typing import Final

from bot.domain.i18n import N_, localised
from bot.domain.i18n import deferred as _

# fmt: off
# One sentence per line, as the text reads: ruff leaves the wrapped strings where they are.

TITLE: Final = _("{engagement} — {span}")
FIRST_PULSE: Final = _("first pulse")
LAST_PULSES: Final = N_("last {count} pulse", "last {count} pulses")
AXIS: Final = _("index (0–100)")
NO_POINT: Final = _("No point: fewer than {minimum} answered, withheld.")
NOTHING_CLOSED: Final = _("No pulse has closed yet.")
BELOW_BOTH: Final = _("below both tolerances (under {low})")
BELOW_ONE: Final = _("below the {side} tolerance only")
TOLERANCE_LEGEND: Final = _("{side} tolerance ({tolerance})")
TOLERANCE_LABEL: Final = _("{side} tolerance {tolerance}")
SLA: Final = {"green": _("SLA green"), "amber": _("SLA amber"), "red": _("SLA red")}
NO_SLA: Final = _("no SLA recorded")
FEW_ANSWERS: Final = _("{side}, fewer than {count} answers")
ALERT_OPENED: Final = _("alert opened")
NO_PULSE_YET: Final = _("no pulse yet")
SIDE_TOLERANCE: Final = _("{side} tolerance")
PANELS: Final = _("Each panel: both sides' index, 0–100, over the last pulses. No point: withheld (fewer than {minimum} answered).")

# fmt: on

localised(__name__)
