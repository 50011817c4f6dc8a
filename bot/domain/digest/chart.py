"""The digest chart as PNG: both sides' last twelve indices, their tolerances and SLA marks.

Drawn on a bare ``Figure`` with the Agg canvas (no pyplot), so it is safe from any thread
and never opens a window. A withheld index is NaN in the series: the line breaks there
and no marker is drawn, so the chart cannot show what the text withholds.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from bot.domain.dates import day_month
from bot.domain.digest.model import DigestInput
from bot.domain.divergence import SIDES, Side, SlaStatus

CHART_PULSES: Final = 12
SIZE_INCHES: Final = (8.0, 4.5)
DPI: Final = 200
"""Twice the old 100: 1600×900 px, sharp on high-density screens, far under Slack's limits."""
LOW_COUNT: Final = 5
"""A point resting on fewer answers than this is drawn hollow and labelled n=…"""
ZONE_HATCH: Final[dict[Side, str]] = {"client": "////", "provider": "\\\\"}
ALERT_COLOUR: Final = "#000000"
STYLE: Final[dict[Side, dict[str, Any]]] = {
    "client": {"color": "#0072B2", "linestyle": "-", "marker": "o"},
    "provider": {"color": "#D55E00", "linestyle": "--", "marker": "s"},
}
# Okabe-Ito: bluish green, orange-yellow and vermilion stay apart for colour-blind readers.
SLA_COLOURS: Final[dict[str, str]] = {"green": "#009E73", "amber": "#E69F00", "red": "#CC3311"}
NO_SLA: Final[dict[str, Any]] = {"marker": "_", "color": "#999999", "markersize": 8}
INK: Final = "#333333"


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


def _short(name: str, limit: int = 24) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _span(pulses: int) -> str:
    return "first pulse" if pulses == 1 else f"last {pulses} pulses"


def _draw_sides(axes: Any, digest: DigestInput, series: ChartSeries) -> list[Any]:
    handles = []
    positions = range(len(series.dates))
    for side in SIDES:
        style = STYLE[side]
        tolerance = digest.thresholds.tolerance(side)
        axes.axhspan(
            0,
            tolerance,
            facecolor=style["color"],
            alpha=0.10,
            hatch=ZONE_HATCH[side],
            edgecolor=style["color"],
            linewidth=0,
            zorder=0,
            label=f"{side} unhappy zone (below {tolerance:g})",
            gid=f"zone-{side}",
        )
        axes.axhline(tolerance, color=style["color"], linestyle="-.", linewidth=1.1, zorder=1)
        # Outside the plot, so the labels never sit on a line; client above, provider below.
        axes.annotate(
            f"{side} tolerance {tolerance:g}",
            (1, tolerance),
            xycoords=("axes fraction", "data"),
            xytext=(4, 1 if side == "client" else -1),
            textcoords="offset points",
            va="bottom" if side == "client" else "top",
            fontsize=7.5,
            color=style["color"],
            annotation_clip=False,
        )
        values = series.of(side)
        (line,) = axes.plot(positions, values, linewidth=2, markersize=5.5, zorder=3, **style)
        line.set_label(f"{side.capitalize()} ({_short(digest.org(side), 28)})")
        handles.append(line)
        _draw_low_counts(axes, side, values, series.answered[side])
        if values and not math.isnan(values[-1]):
            axes.annotate(
                f"{math.floor(values[-1] + 1e-9)}",  # whole points rounded down, as in the text
                (len(values) - 1, values[-1]),
                xytext=(7, 0),
                textcoords="offset points",
                va="center",
                fontsize=9,
                fontweight="bold",
                color=style["color"],
            )
    return handles


def _draw_sla(strip: Any, series: ChartSeries) -> list[Any]:
    for position, status in enumerate(series.sla):
        if status is None:
            strip.plot(position, 0, **NO_SLA)
        else:
            strip.plot(position, 0, marker="s", color=SLA_COLOURS[status], markersize=9)
    strip.set_ylim(-1, 1)
    strip.set_yticks([0], ["SLA"], fontsize=8, color=INK)
    strip.tick_params(axis="y", length=0)
    for edge in ("top", "right", "left"):
        strip.spines[edge].set_visible(False)
    handles: list[Any] = [Patch(color=c, label=f"SLA {s}") for s, c in SLA_COLOURS.items()]
    if None in series.sla:
        handles.append(Line2D([], [], **NO_SLA, linestyle="", label="no SLA recorded"))
    return handles


def _draw_low_counts(
    axes: Any, side: Side, values: tuple[float, ...], answered: tuple[int, ...]
) -> None:
    """Hollow markers, labelled n=…, where a shown point rests on few answers."""
    style = STYLE[side]
    for position, (value, count) in enumerate(zip(values, answered, strict=True)):
        if math.isnan(value) or count >= LOW_COUNT:
            continue
        axes.plot(
            position, value, marker=style["marker"], markersize=7, markerfacecolor="white",
            markeredgecolor=style["color"], markeredgewidth=1.6, zorder=4, gid=f"low-{side}",
        )  # fmt: skip
        axes.annotate(
            f"n={count}", (position, value), xytext=(0, -11), textcoords="offset points",
            ha="center", fontsize=6.5, color=style["color"],
        )  # fmt: skip


def _draw_alerts(strip: Any, series: ChartSeries) -> list[Any]:
    """A black triangle on the time axis at each pulse whose close opened an alert."""
    if not series.alerts:
        return []
    (marks,) = strip.plot(
        series.alerts, [0.45] * len(series.alerts), linestyle="", marker="v", markersize=7,
        color=ALERT_COLOUR, zorder=5, gid="alerts", label="alert opened",
    )  # fmt: skip
    return [marks]


def _figure(digest: DigestInput, series: ChartSeries) -> Figure:
    figure = Figure(figsize=SIZE_INCHES, dpi=DPI, facecolor="white")
    grid = figure.add_gridspec(
        2, 1, height_ratios=(11, 1), hspace=0.12, left=0.07, right=0.84, top=0.84, bottom=0.135
    )
    axes = figure.add_subplot(grid[0])
    strip = figure.add_subplot(grid[1], sharex=axes)
    figure.suptitle(
        f"{_short(digest.engagement, 48)} — " + _span(len(series.dates)),
        x=0.07,
        ha="left",
        fontsize=12,
        fontweight="bold",
        color=INK,
    )
    axes.set_ylim(0, 100)
    axes.set_yticks(range(0, 101, 20))
    axes.set_ylabel("index (0–100)", fontsize=8, color=INK)
    axes.grid(axis="y", color="#E5E5E5", linewidth=0.8, zorder=0)
    axes.tick_params(axis="x", labelbottom=False, length=0)
    axes.tick_params(labelsize=8, colors=INK)
    for edge in ("top", "right"):
        axes.spines[edge].set_visible(False)
    side_handles, sla_handles = _draw_sides(axes, digest, series), _draw_sla(strip, series)
    zones = [a for a in axes.patches if str(a.get_gid()).startswith("zone-")]
    side_handles += zones
    sla_handles += _draw_alerts(strip, series)
    strip.set_xlim(-0.5, len(series.dates) - 0.5)
    strip.set_xticks(range(len(series.labels)), series.labels, fontsize=8, color=INK)
    legend = {"fontsize": 8, "frameon": False, "columnspacing": 1.2, "borderaxespad": 0}
    figure.legend(
        handles=side_handles, loc="upper left", bbox_to_anchor=(0.07, 0.93), ncol=2, **legend
    )
    figure.legend(
        handles=sla_handles, loc="lower left", bbox_to_anchor=(0.07, 0.0), ncol=5, **legend
    )
    if series.any_withheld:
        figure.text(
            0.98,
            0.02,
            f"No point: fewer than {digest.thresholds.anonymity_min} answered, withheld.",
            ha="right",
            fontsize=7.5,
            color="#666666",
        )
    return figure


def _empty_figure(digest: DigestInput) -> Figure:
    figure = Figure(figsize=SIZE_INCHES, dpi=DPI, facecolor="white")
    figure.text(
        0.5,
        0.55,
        _short(digest.engagement, 48),
        ha="center",
        fontsize=13,
        fontweight="bold",
        color=INK,
    )
    figure.text(0.5, 0.45, "No pulse has closed yet.", ha="center", fontsize=11, color="#666666")
    return figure


def chart_figure(digest: DigestInput) -> Figure:
    """The chart as a matplotlib figure, attached to an Agg canvas; an empty state if no pulse."""
    series = chart_series(digest)
    figure = _figure(digest, series) if series.dates else _empty_figure(digest)
    FigureCanvasAgg(figure)
    return figure


def render_chart(digest: DigestInput) -> bytes:
    """The chart as PNG bytes, 1600×900; the same input always gives the same bytes.

    With no closed pulse yet, the PNG says so instead of drawing empty axes.
    """
    buffer = io.BytesIO()
    chart_figure(digest).savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()
