"""The portfolio digest's chart: one small panel per engagement, read as the one-engagement chart.

Each panel shows both sides' last twelve indices with the same colours, line styles and
markers, each side's tolerance as a dash-dot line, withheld points left out (the line
breaks) and points on few answers hollow; one legend for all panels. Panels follow the
portfolio's order, most in need of attention first.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import Any, Final

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from bot.domain.digest.chart import INK, LOW_COUNT, STYLE, chart_series
from bot.domain.digest.model import DigestInput
from bot.domain.divergence import SIDES

COLUMNS: Final = 5
PANEL_INCHES: Final = (3.2, 1.9)
DPI: Final = 100


def _short(name: str, limit: int = 30) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _panel(axes: Any, digest: DigestInput) -> None:
    series = chart_series(digest)
    axes.set_title(_short(digest.engagement), fontsize=8, loc="left", color=INK)
    axes.set_ylim(0, 100)
    axes.set_yticks([0, 50, 100])
    axes.tick_params(labelsize=6, colors=INK, length=2)
    axes.set_xticks([])
    for edge in ("top", "right"):
        axes.spines[edge].set_visible(False)
    if not series.dates:
        axes.text(
            0.5,
            0.5,
            "no pulse yet",
            ha="center",
            va="center",
            fontsize=7,
            color="#666666",
            transform=axes.transAxes,
        )
        return
    positions = range(len(series.dates))
    axes.set_xlim(-0.5, len(series.dates) - 0.5)
    for side in SIDES:
        style = STYLE[side]
        axes.axhline(
            digest.thresholds.tolerance(side), color=style["color"], linestyle="-.", linewidth=0.7
        )
        values = series.of(side)
        axes.plot(positions, values, linewidth=1.2, markersize=2.5, **style)
        for position, (value, count) in enumerate(zip(values, series.answered[side], strict=True)):
            if not math.isnan(value) and count < LOW_COUNT:
                axes.plot(
                    position,
                    value,
                    marker=style["marker"],
                    markersize=3.5,
                    markerfacecolor="white",
                    markeredgecolor=style["color"],
                    gid=f"low-{side}",
                )


def _legend(figure: Figure, digests: Sequence[DigestInput]) -> None:
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
            label=f"{side} tolerance",
        )
        for side in SIDES
    ]
    handles.append(
        Line2D(
            [],
            [],
            linestyle="",
            marker="o",
            markersize=3.5,
            markerfacecolor="white",
            markeredgecolor=INK,
            label=f"fewer than {LOW_COUNT} answered",
        )
    )
    minimum = min((d.thresholds.anonymity_min for d in digests), default=3)
    figure.legend(
        handles=handles,
        loc="upper left",
        ncol=5,
        fontsize=7,
        frameon=False,
        bbox_to_anchor=(0.01, 1.0),
        title=f"No point: withheld (under {minimum} answered)",
        title_fontsize=6.5,
        alignment="left",
    )


def portfolio_figure(digests: Sequence[DigestInput]) -> Figure:
    """One panel per engagement, in the order given, on an Agg canvas."""
    count = max(1, len(digests))
    columns = min(COLUMNS, count)
    rows = math.ceil(count / columns)
    legend_inches = 0.6
    height = PANEL_INCHES[1] * rows + legend_inches
    figure = Figure(figsize=(PANEL_INCHES[0] * columns, height), dpi=DPI, facecolor="white")
    grid = figure.add_gridspec(
        rows,
        columns,
        left=0.05,
        right=0.98,
        bottom=0.04 / rows,
        top=1 - legend_inches / height,
        hspace=0.55,
        wspace=0.25,
    )
    for number, digest in enumerate(digests):
        _panel(figure.add_subplot(grid[number // columns, number % columns]), digest)
    _legend(figure, digests)
    FigureCanvasAgg(figure)
    return figure


def render_portfolio_chart(digests: Sequence[DigestInput]) -> bytes:
    """The panels as PNG bytes; the same input always gives the same bytes."""
    buffer = io.BytesIO()
    portfolio_figure(digests).savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()
