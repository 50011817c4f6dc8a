"""The last steps every language's scorer takes: normalising, a contrast's verdict, no stance.

English (`scorer.py`) and the other languages (`foreign.py`) read words differently but
settle a comment the same way: the summed valence becomes a polarity by VADER's
normalisation, the clause after a contrast word decides the sign of mixed feelings,
and a question, request or notice that takes no stance is damped into the neutral zone.
"""

from __future__ import annotations

import math

from bot.domain.sentiment.contribution import Contribution
from bot.domain.sentiment.stance import DAMPING

# VADER's normalisation constant: a summed valence s maps to s / sqrt(s^2 + 15), so one
# strong word lands near +/-0.6 and several saturate towards +/-1.
ALPHA = 15.0
# The polarity of a comment whose deciding clause goes against the rest.
CONTRAST_VERDICT = 0.15


def norm(valence: float) -> float:
    """What a summed valence is divided by to become a polarity in -1..1."""
    return math.sqrt(valence * valence + ALPHA)


def settle_contrast(polarity: float, deciding: float) -> tuple[float, list[Contribution]]:
    """The polarity once the clause after a contrast has spoken, and its share if it moved.

    "Lovely team, but nothing ships on time": the clause after the contrast decides the
    sign; mixed feelings are mild ones. `deciding` is the valence read after the
    contrast word (0 when there is none).
    """
    if deciding and (polarity * deciding < 0 or abs(polarity) < CONTRAST_VERDICT):
        verdict = math.copysign(CONTRAST_VERDICT, deciding)
        return verdict, [Contribution("contrast", "", verdict - polarity)]
    return polarity, []


def damp(polarity: float, marker: str | None) -> tuple[float, list[Contribution]]:
    """The polarity pulled towards 0 when a stance-free marker was found, and that share."""
    if marker is None:
        return polarity, []
    return polarity * DAMPING, [Contribution("no stance", marker, (DAMPING - 1) * polarity)]
