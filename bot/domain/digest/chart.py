"""The digest chart as PNG: both sides' last twelve indices, their tolerances and SLA marks.

Drawn on a bare ``Figure`` with the Agg canvas (no pyplot), so it is safe from any thread
and never opens a window. A withheld index is NaN in the series: the line breaks there
and no marker is drawn, so the chart cannot show what the text withholds. matplotlib is
imported where a chart is drawn: the processes that only load this module start faster.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Final

from bot.domain.alerts import SIDES, Side, SlaStatus
from bot.domain.dates import day_month
from bot.domain.digest import chart_text as words
from bot.domain.digest.chart_marks import ALERT_COLOUR as ALERT_COLOUR
from bot.domain.digest.chart_marks import INK as INK
from bot.domain.digest.chart_marks import LOW_COUNT as LOW_COUNT
from bot.domain.digest.chart_marks import NO_SLA as NO_SLA
from bot.domain.digest.chart_marks import SLA_COLOURS as SLA_COLOURS
from bot.domain.digest.chart_marks import STYLE as STYLE
from bot.domain.digest.chart_marks import (
    draw_alerts,
    draw_sides,
    draw_sla,
    draw_zones,
    low_count_handles,
    short,
)
from bot.domain.digest.model import DigestInput
from bot.domain.i18n import counted

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CHART_PULSES: Final = 12
SIZE_INCHES: Final = (8.0, 4.5)
DPI: Final = 200
"""Twice the old 100: 1600×900 px, sharp on high-density screens, far under Slack's limits."""


@dataclass(frozen=True, slots=True)
class ChartSeries:
    """What the chart plots: one entry per pulse, oldest first; NaN where a side is withheld."""

    dates: tuple[datetime, ...]
    labels: tuple[str, ...]
    client: tuple[float, ...]
    provider: tuple[float, ...]
    sla: tuple[SlaStatus | None, ...]
    answered: dict[Side, tuple[int, ...]]
    alerts: tuple[int, ...] = ()

    def of(self, side: Side) -> tuple[float, ...]:
        """The index series of ``side``."""
        return self.client if side == "client" else self.provider

    @property
    def any_withheld(self) -> bool:
        """True when some point of either side is withheld."""
        return any(math.isnan(v) for v in (*self.client, *self.provider))


def chart_series(digest: DigestInput) -> ChartSeries:
    """The last twelve closed pulses as plotted series; withheld indices become NaN."""
    points = digest.history[-CHART_PULSES:]
    zone = digest.zone

    def values(side: Side) -> tuple[float, ...]:
        indices = (p.figures.of(side).index for p in points)
        return tuple(math.nan if index is None else index for index in indices)

    return ChartSeries(
        dates=tuple(p.closed_at for p in points),
        labels=tuple(day_month(p.closed_at, zone) for p in points),
        client=values("client"),
        provider=values("provider"),
        sla=tuple(p.sla_status for p in points),
        answered={s: tuple(p.figures.of(s).answered for p in points) for s in SIDES},
        alerts=_alert_positions(digest, points[0].closed_at if points else None),
    )


def _alert_positions(digest: DigestInput, first: datetime | None) -> tuple[int, ...]:
    """Each alert opening within the chart, at the pulse whose close opened it."""
    closes = [p.closed_at for p in digest.history[-CHART_PULSES:]]
    found = set()
    for opened in digest.alert_marks:
        if first is None or opened < first:
            continue
        later = [i for i, closed in enumerate(closes) if closed >= opened]
        found.add(later[0] if later else len(closes) - 1)
    return tuple(sorted(found))


def _span(pulses: int) -> str:
    return words.FIRST_PULSE if pulses == 1 else counted(words.LAST_PULSES, pulses)


def _figure(digest: DigestInput, series: ChartSeries) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from bot.domain.digest.chart_layout import place, renderer_of

    figure = Figure(figsize=SIZE_INCHES, dpi=DPI, facecolor="white")
    grid = figure.add_gridspec(
        2, 1, height_ratios=(11, 1.8), hspace=0.1, left=0.07, right=0.84, top=0.78, bottom=0.135
    )
    axes = figure.add_subplot(grid[0])
    strip = figure.add_subplot(grid[1], sharex=axes)
    FigureCanvasAgg(figure)  # the labels are placed by measuring them on its renderer
    figure.suptitle(
        words.TITLE.format(engagement=short(digest.engagement, 48), span=_span(len(series.dates))),
        x=0.07,
        y=0.985,
        ha="left",
        fontsize=12,
        fontweight="bold",
        color=INK,
    )
    axes.set_ylim(0, 100)
    axes.set_yticks(range(0, 101, 20))
    axes.set_ylabel(words.AXIS, fontsize=8, color=INK)
    axes.grid(axis="y", color="#E5E5E5", linewidth=0.8, zorder=0)
    axes.tick_params(axis="x", labelbottom=False, length=0)
    axes.tick_params(labelsize=8, colors=INK)
    for edge in ("top", "right"):
        axes.spines[edge].set_visible(False)
    zones = draw_zones(axes, digest)
    (client, client_rule, provider, provider_rule), labels = draw_sides(axes, digest, series)
    hollow = {h.get_markeredgecolor(): h for h in low_count_handles(axes)}
    side_handles = [
        client,
        client_rule,
        *[h for c, h in hollow.items() if c == STYLE["client"]["color"]],
        provider,
        provider_rule,
        *[h for c, h in hollow.items() if c == STYLE["provider"]["color"]],
        *zones,
    ]
    sla_handles = draw_sla(strip, series) + draw_alerts(strip, series)
    axes.set_xlim(-0.5, len(series.dates) - 0.5)
    strip.set_xlim(-0.5, len(series.dates) - 0.5)
    strip.set_xticks(range(len(series.labels)), series.labels, fontsize=8, color=INK)
    legend = {"fontsize": 8, "frameon": False, "columnspacing": 1.2, "borderaxespad": 0}
    figure.legend(
        handles=side_handles, loc="upper left", bbox_to_anchor=(0.07, 0.925), ncol=3, **legend
    )
    figure.legend(
        handles=sla_handles, loc="lower left", bbox_to_anchor=(0.07, 0.0), ncol=5, **legend
    )
    if series.any_withheld:
        figure.text(
            0.98,
            0.02,
            words.NO_POINT.format(minimum=digest.thresholds.anonymity_min),
            ha="right",
            fontsize=7.5,
            color="#666666",
        )
    renderer = renderer_of(figure)
    fixed = [t.get_window_extent(renderer) for t in axes.texts if t.get_gid() == "tolerance-label"]
    place(axes, labels, avoid=fixed)
    return figure


def _empty_figure(digest: DigestInput) -> Figure:
    from matplotlib.figure import Figure

    figure = Figure(figsize=SIZE_INCHES, dpi=DPI, facecolor="white")
    figure.text(
        0.5,
        0.55,
        short(digest.engagement, 48),
        ha="center",
        fontsize=13,
        fontweight="bold",
        color=INK,
    )
    figure.text(0.5, 0.45, words.NOTHING_CLOSED, ha="center", fontsize=11, color="#666666")
    return figure


def chart_figure(digest: DigestInput) -> Figure:
    """The chart as a matplotlib figure, attached to an Agg canvas; an empty state if no pulse."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    series = chart_series(digest)
    if series.dates:
        return _figure(digest, series)
    figure = _empty_figure(digest)
    FigureCanvasAgg(figure)
    return figure


def render_chart(digest: DigestInput) -> bytes:
    """The chart as PNG bytes, 1600×900; the same input always gives the same bytes.

    With no closed pulse yet, the PNG says so instead of drawing empty axes.
    """
    buffer = io.BytesIO()
    chart_figure(digest).savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()
