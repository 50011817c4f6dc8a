"""The portfolio digest's chart: one small panel per engagement, read as the one-engagement chart.

Each panel shows both sides' last twelve indices with the same colours, line styles and
markers, each side's tolerance as a dash-dot line, withheld points left out (the line
breaks) and points on few answers hollow; one legend for all panels. Panels follow the
portfolio's order, most in need of attention first. matplotlib is imported where the chart
is drawn, as in the one-engagement chart.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from bot.domain.alerts import SIDES
from bot.domain.digest import chart_text as words
from bot.domain.digest.chart import INK, LOW_COUNT, STYLE, chart_series
from bot.domain.digest.chart_marks import DODGE
from bot.domain.digest.model import DigestInput

if TYPE_CHECKING:
    from matplotlib.figure import Figure

COLUMNS: Final = 5
PANEL_INCHES: Final = (3.2, 1.9)
DPI: Final = 100
FRAME: Final = "#CCCCCC"


def _short(name: str, limit: int = 30) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _panel(axes: Any, digest: DigestInput, origin: tuple[float, float]) -> None:
    """One engagement's panel, drawn in its cell of the one shared axes (cells are 1×1).

    All panels share one ``Axes``: fifty separate ones would cost most of a second in
    matplotlib's per-axes set-up alone.
    """
    from matplotlib.patches import Rectangle

    left, bottom = origin[0] + 0.06, origin[1] + 0.08
    width, height = 0.88, 0.62
    series = chart_series(digest)
    axes.add_patch(
        Rectangle((left, bottom), width, height, fill=False, edgecolor=FRAME, linewidth=0.6)
    )
    axes.text(
        left,
        bottom + height + 0.05,
        _short(digest.engagement),
        fontsize=7.5,
        color=INK,
        va="bottom",
        ha="left",
    )
    if not series.dates:
        axes.text(
            left + width / 2,
            bottom + height / 2,
            words.NO_PULSE_YET,
            fontsize=7,
            color="#666666",
            ha="center",
            va="center",
        )
        return
    count = len(series.dates)
    step = width * (0.92 / (count - 1) if count > 1 else 0.5)
    for side in SIDES:
        style = STYLE[side]
        # Each side a little to its own side of the pulse, as on the one-engagement chart.
        xs = [
            left + (width / 2 if count == 1 else width * 0.04 + step * i) + step * DODGE[side] / 2
            for i in range(count)
        ]
        tolerance = bottom + height * digest.thresholds.tolerance(side) / 100
        axes.plot(
            [left, left + width],
            [tolerance, tolerance],
            color=style["color"],
            linestyle="-.",
            linewidth=0.7,
        )
        values = series.of(side)
        ys = [bottom + height * value / 100 for value in values]  # NaN stays NaN: a gap
        axes.plot(xs, ys, linewidth=1.2, markersize=2.5, **style)
        low = [
            (x, y)
            for x, y, value, n in zip(xs, ys, values, series.answered[side], strict=True)
            if not math.isnan(value) and n < LOW_COUNT
        ]
        if low:
            axes.plot(
                [x for x, _ in low],
                [y for _, y in low],
                linestyle="",
                marker=style["marker"],
                markersize=3.5,
                color=style["color"],
                markerfacecolor="white",
                markeredgecolor=style["color"],
                gid=f"low-{side}",
            )


def _legend(figure: Figure, digests: Sequence[DigestInput]) -> None:
    from matplotlib.lines import Line2D

    handles: list[Any] = [
        Line2D([], [], linewidth=1.2, markersize=3, label=side, **STYLE[side]) for side in SIDES
    ]
    handles += [
        Line2D(
            [],
            [],
            color=STYLE[side]["color"],
            linestyle="-.",
            linewidth=0.7,
            label=words.SIDE_TOLERANCE.format(side=side),
        )
        for side in SIDES
    ]
    handles += [
        Line2D(
            [],
            [],
            linestyle="",
            marker=STYLE[side]["marker"],
            markersize=3.5,
            color=STYLE[side]["color"],
            markerfacecolor="white",
            markeredgecolor=STYLE[side]["color"],
            label=words.FEW_ANSWERS.format(side=side, count=LOW_COUNT),
        )
        for side in SIDES
    ]
    minimum = min((d.thresholds.anonymity_min for d in digests), default=3)
    figure.legend(
        handles=handles,
        loc="upper left",
        ncol=3,
        fontsize=7,
        frameon=False,
        bbox_to_anchor=(0.01, 1.0),
        title=words.PANELS.format(minimum=minimum),
        title_fontsize=6.5,
        alignment="left",
    )


def portfolio_figure(digests: Sequence[DigestInput]) -> Figure:
    """One panel per engagement, in the order given, on an Agg canvas."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    count = max(1, len(digests))
    columns = min(COLUMNS, count)
    rows = math.ceil(count / columns)
    legend_inches = 0.6
    height = PANEL_INCHES[1] * rows + legend_inches
    figure = Figure(figsize=(PANEL_INCHES[0] * columns, height), dpi=DPI, facecolor="white")
    axes = figure.add_axes((0.01, 0.0, 0.98, 1 - legend_inches / height))
    axes.set_axis_off()
    axes.set_xlim(0, columns)
    axes.set_ylim(0, rows)
    for number, digest in enumerate(digests):
        _panel(axes, digest, (number % columns, rows - 1 - number // columns))
    _legend(figure, digests)
    FigureCanvasAgg(figure)
    return figure


def render_portfolio_chart(digests: Sequence[DigestInput]) -> bytes:
    """The panels as PNG bytes; the same input always gives the same bytes."""
    buffer = io.BytesIO()
    portfolio_figure(digests).savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()
