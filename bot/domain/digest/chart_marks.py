"""The digest chart's marks: zones, lines, tolerance rules, low-count points, SLA and alerts.

Every mark drawn here has its legend entry made from the same values, so the legend
shows each mark and colour the chart uses.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Final

from bot.domain.alerts import SIDES, Side
from bot.domain.digest import chart_text as words

if TYPE_CHECKING:
    from bot.domain.digest.chart import ChartSeries
    from bot.domain.digest.model import DigestInput

LOW_COUNT: Final = 5
"""A point resting on fewer answers than this is drawn hollow and labelled n=…"""
DODGE: Final[dict[Side, float]] = {"client": -0.12, "provider": 0.12}
"""Each side's points sit a little to its side of the pulse, so equal values never hide one."""
# Opaque, so the two bands never blend into a colour the legend does not show.
ZONE_BOTH: Final = "#E8E8E8"
ZONE_TINT: Final[dict[Side, str]] = {"client": "#DDEBF6", "provider": "#FAE5D8"}
LOW_OFFSETS: Final = ((0, -12), (0, 12), (-16, -9), (16, -9), (-16, 9), (16, 9), (0, -22), (0, 22))
LATEST_OFFSETS: Final = ((8, 0), (8, 9), (8, -9), (8, 18), (8, -18), (8, 27), (8, -27))
ALERT_COLOUR: Final = "#000000"
STYLE: Final[dict[Side, dict[str, Any]]] = {
    "client": {"color": "#0072B2", "linestyle": "-", "marker": "o"},
    "provider": {"color": "#D55E00", "linestyle": "--", "marker": "s"},
}
# Okabe-Ito: bluish green, orange-yellow and vermilion stay apart for colour-blind readers.
SLA_COLOURS: Final[dict[str, str]] = {"green": "#009E73", "amber": "#E69F00", "red": "#CC3311"}
NO_SLA: Final[dict[str, Any]] = {"marker": "_", "color": "#999999", "markersize": 8}
INK: Final = "#333333"


def short(name: str, limit: int = 24) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def draw_zones(axes: Any, digest: DigestInput) -> list[Any]:
    """Below both tolerances, then below the higher one only: bands that never overlap."""
    tolerances = {side: digest.thresholds.tolerance(side) for side in SIDES}
    low, high = min(tolerances.values()), max(tolerances.values())
    zones = [
        axes.axhspan(
            0,
            low,
            facecolor=ZONE_BOTH,
            linewidth=0,
            zorder=0,
            gid="zone-both",
            label=words.BELOW_BOTH.format(low=f"{low:g}"),
        )
    ]
    if high > low:
        side = next(s for s in SIDES if tolerances[s] == high)
        zones.append(
            axes.axhspan(
                low,
                high,
                facecolor=ZONE_TINT[side],
                linewidth=0,
                zorder=0,
                gid=f"zone-{side}",
                label=words.BELOW_ONE.format(side=side),
            )
        )
    return zones


def draw_sides(axes: Any, digest: DigestInput, series: ChartSeries) -> tuple[list[Any], list[Any]]:
    """Both sides' lines, tolerance lines and labels; the handles and the labels to place."""
    handles, labels = [], []
    for side in SIDES:
        style = STYLE[side]
        tolerance = digest.thresholds.tolerance(side)
        (rule,) = axes.plot(
            [-0.5, len(series.dates) - 0.5],
            [tolerance, tolerance],
            color=style["color"],
            linestyle="-.",
            linewidth=1.1,
            zorder=1,
            gid=f"tolerance-{side}",
            label=words.TOLERANCE_LEGEND.format(side=side, tolerance=f"{tolerance:g}"),
        )
        # Outside the plot, so the labels never sit on a line; client above, provider below.
        axes.annotate(
            words.TOLERANCE_LABEL.format(side=side, tolerance=f"{tolerance:g}"),
            (1, tolerance),
            xycoords=("axes fraction", "data"),
            xytext=(4, 1 if side == "client" else -1),
            textcoords="offset points",
            va="bottom" if side == "client" else "top",
            fontsize=7.5,
            color=style["color"],
            annotation_clip=False,
            gid="tolerance-label",
        )
        values = series.of(side)
        positions = [i + DODGE[side] for i in range(len(values))]
        (line,) = axes.plot(positions, values, linewidth=2, markersize=5.5, zorder=3, **style)
        line.set_label(f"{side.capitalize()} ({short(digest.org(side), 28)})")
        handles.append(line)
        labels += draw_low_counts(axes, side, positions, values, series.answered[side])
        if values and not math.isnan(values[-1]):
            latest = axes.annotate(
                f"{math.floor(values[-1] + 1e-9)}",  # whole points rounded down, as in the text
                (positions[-1], values[-1]),
                xytext=LATEST_OFFSETS[0],
                textcoords="offset points",
                va="center",
                fontsize=9,
                fontweight="bold",
                color=style["color"],
            )
            labels.append((latest, LATEST_OFFSETS))
        handles.append(rule)
    return handles, labels


def draw_sla(strip: Any, series: ChartSeries) -> list[Any]:
    from matplotlib.lines import Line2D

    for position, status in enumerate(series.sla):
        if status is None:
            strip.plot(position, 0, **NO_SLA)
        else:
            strip.plot(position, 0, marker="s", color=SLA_COLOURS[status], markersize=9)
    strip.set_ylim(-0.9, 1.9)
    strip.set_yticks([0, 1], ["SLA", "alerts"], fontsize=8, color=INK)
    strip.tick_params(axis="y", length=0)
    for edge in ("top", "right", "left"):
        strip.spines[edge].set_visible(False)
    # The legend's squares are the strip's own marks, so they read as the same thing.
    handles: list[Any] = [
        Line2D([], [], linestyle="", marker="s", color=c, markersize=9, label=words.SLA[s])
        for s, c in SLA_COLOURS.items()
    ]
    if None in series.sla:
        handles.append(Line2D([], [], **NO_SLA, linestyle="", label=words.NO_SLA))
    return handles


def draw_low_counts(
    axes: Any,
    side: Side,
    positions: list[float],
    values: tuple[float, ...],
    answered: tuple[int, ...],
) -> list[Any]:
    """Hollow markers where a shown point rests on few answers; their n=… labels, to place."""
    style = STYLE[side]
    labels = []
    for position, value, count in zip(positions, values, answered, strict=True):
        if math.isnan(value) or count >= LOW_COUNT:
            continue
        axes.plot(
            position,
            value,
            marker=style["marker"],
            markersize=7,
            markerfacecolor="white",
            color=style["color"],
            markeredgecolor=style["color"],
            markeredgewidth=1.6,
            zorder=4,
            gid=f"low-{side}",
        )
        label = axes.annotate(
            f"n={count}",
            (position, value),
            xytext=LOW_OFFSETS[0],
            textcoords="offset points",
            ha="center",
            va="center",
            fontsize=6.5,
            color=style["color"],
        )
        labels.append((label, LOW_OFFSETS))
    return labels


def low_count_handles(axes: Any) -> list[Any]:
    """A legend entry for each side's hollow point, where one is drawn."""
    from matplotlib.lines import Line2D

    drawn = {line.get_gid() for line in axes.get_lines()}
    return [
        Line2D(
            [],
            [],
            linestyle="",
            marker=STYLE[side]["marker"],
            markersize=7,
            markerfacecolor="white",
            color=STYLE[side]["color"],
            markeredgecolor=STYLE[side]["color"],
            markeredgewidth=1.6,
            label=words.FEW_ANSWERS.format(side=side, count=LOW_COUNT),
        )
        for side in SIDES
        if f"low-{side}" in drawn
    ]


def draw_alerts(strip: Any, series: ChartSeries) -> list[Any]:
    """A black triangle, in its own row above the SLA marks, at each pulse that opened an alert."""
    if not series.alerts:
        return []
    (marks,) = strip.plot(
        series.alerts,
        [1] * len(series.alerts),
        linestyle="",
        marker="v",
        markersize=7,
        color=ALERT_COLOUR,
        zorder=5,
        gid="alerts",
        label=words.ALERT_OPENED,
    )
    return [marks]
