"""The portfolio digest's chart: a panel per engagement, in order, read like the one chart."""

from __future__ import annotations

import math

from matplotlib.patches import Rectangle

from bot.domain.digest.portfolio_chart import portfolio_figure, render_portfolio_chart
from tests.bot.domain.digest.test_chart_layout import (
    equal_everywhere,
    legend_looks,
    look,
)
from tests.support.digests import digest, points, withheld_now


def three() -> list[object]:
    calm = digest(points([80, 82, 81], [75, 74, 76]), engagement="Calm deal")
    return [equal_everywhere(), withheld_now(), digest([], engagement="New deal"), calm]


def test_one_panel_per_engagement_in_the_order_given() -> None:
    figure = portfolio_figure(three())  # type: ignore[arg-type]
    (axes,) = figure.axes
    titles = [t.get_text() for t in axes.texts if t.get_text() != "no pulse yet"]
    assert titles == ["Acme deal", "Acme deal", "New deal", "Calm deal"]
    assert "no pulse yet" in [t.get_text() for t in axes.texts]
    frames = [p for p in axes.patches if isinstance(p, Rectangle)]
    assert len(frames) == 4


def test_withheld_points_are_left_out_and_few_answers_are_hollow() -> None:
    figure = portfolio_figure(three()[1:2])  # type: ignore[arg-type]
    (axes,) = figure.axes
    client = [
        [float(y) for y in line.get_xydata()[:, 1]]  # type: ignore[index,union-attr,arg-type]
        for line in axes.get_lines()
        if line.get_marker() == "o" and line.get_gid() is None and line.get_linestyle() == "-"
    ]
    assert math.isnan(client[0][-1]) and not math.isnan(client[0][0])
    hollow = portfolio_figure(three()[:1]).axes[0].get_lines()  # type: ignore[arg-type]
    assert {line.get_gid() for line in hollow} >= {"low-client"}


def test_the_legend_shows_every_mark_and_colour_drawn_and_the_png_is_stable() -> None:
    figure = portfolio_figure(three())  # type: ignore[arg-type]
    drawn = {look(line) for line in figure.axes[0].get_lines()}
    missing = drawn - legend_looks(figure)
    assert not missing, missing
    assert render_portfolio_chart(three()) == render_portfolio_chart(three())  # type: ignore[arg-type]


def test_a_german_sponsors_panels_are_labelled_in_german() -> None:
    from bot.domain.i18n import reading_as

    with reading_as("de"):
        figure = portfolio_figure(three())  # type: ignore[arg-type]
    assert "noch kein Puls" in [t.get_text() for t in figure.axes[0].texts]
    (legend,) = figure.legends
    assert legend.get_title().get_text().startswith("Jedes Feld: der Index beider Seiten")
    entries = [t.get_text() for t in legend.get_texts()]
    assert "client-Toleranz" in entries and "provider, weniger als 5 Antworten" in entries
