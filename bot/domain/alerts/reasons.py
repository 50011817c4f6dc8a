"""What several rules' resolutions say alike: a side withheld, or back at its tolerance."""

from __future__ import annotations

from bot.domain import catalogue_alerts as text
from bot.domain.alerts.model import PulseFigures, Side, Thresholds
from bot.domain.alerts.wording import setting, shown


def withheld(side: Side | None, figures: PulseFigures, thresholds: Thresholds) -> str | None:
    """Why nothing can be said about ``side`` this pulse, or None when its score is shown."""
    if side is not None and figures.of(side).index is None:
        return text.WHY_WITHHELD.format(side=side, minimum=thresholds.anonymity_min)
    return None


def scores(figures: PulseFigures, thresholds: Thresholds) -> dict[Side, float] | str:
    """Both sides' scores, or why nothing can be said: the first side withheld."""
    client, provider = figures.client.index, figures.provider.index
    if client is None:
        return text.WHY_WITHHELD.format(side="client", minimum=thresholds.anonymity_min)
    if provider is None:
        return text.WHY_WITHHELD.format(side="provider", minimum=thresholds.anonymity_min)
    return {"client": client, "provider": provider}


def back_above(side: Side, index: float, tolerance: float) -> str:
    """The side is back at or above its tolerance."""
    return text.WHY_BACK_ABOVE.format(side=side, index=shown(index), tolerance=setting(tolerance))
